"""A signed package carries the words its report was issued with: the
clerk's sections in data.json, covered by the manifest and embedded in the
signed PDF; the office above takes such a package in as before."""

from __future__ import annotations

import json

from desktop.io.package.format import DATA, PDF
from desktop.io.signing import verify_pdf
from tests.exchange.conftest import members

OWN = {"results": "Tổ chức 25 buổi quán triệt cho 1.200 đoàn viên.",
       "shortcomings": "Một công đoàn cơ sở chưa tổ chức được.\n\nNguyên nhân: thay đổi cán bộ."}


def test_the_package_carries_the_clerks_sections_and_is_taken_in_above(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    sections = tmp_path / "muc.json"
    sections.write_text(json.dumps(OWN, ensure_ascii=False), encoding="utf-8")
    made = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "21/04/2022",
               "--sections", sections, "--out", office.folder / "bao-cao", "--json", db=office.db)
    assert made.code == 0, made.err
    files = members(export(office, report=made.json["report_id"]))
    data = json.loads(files[DATA])
    assert data["text"]["results"] == OWN["results"] and data["text"]["shortcomings"] == OWN["shortcomings"]
    assert data["text"]["proposals"] and data["text"]["closing"].endswith("./.")  # the prefilled ones, as printed
    (tmp_path / PDF).write_bytes(files[PDF])
    assert json.loads(verify_pdf(tmp_path / PDF).embedded_files[DATA])["text"] == data["text"]
    result = cli("package", "import", str(export(office, report=made.json["report_id"], out=tmp_path / "g2")),
                 "--trust-new", "--json", db=upper)
    assert result.code == 0, result.out + result.err
    assert result.json[0]["status"] == "accepted"


def test_a_report_issued_before_drafts_were_kept_still_packages_without_text(lower_office, export):
    from sqlalchemy import text

    from db.engine import make_engine, resolve_url

    office = lower_office()
    engine = make_engine(resolve_url(str(office.db)))
    with engine.begin() as conn:  # as a report issued by an earlier version left it
        conn.execute(text("DELETE FROM report_draft"))
    engine.dispose()
    data = json.loads(members(export(office))[DATA])
    assert "text" not in data and data["report"]["number"] == "01/BC-LĐLĐ"
