"""``theodoi forms make`` and ``theodoi forms import`` as a user runs them."""

from __future__ import annotations

from tests.conftest import db_snapshot
from tests.forms.conftest import UNITS, fill


def test_forms_make_lists_its_files_as_json(office, cli, tmp_path):
    _store, rid = office
    result = cli("forms", "make", "--requirement", rid, "--out", tmp_path / "out", "--pdf", "--json")
    assert result.code == 0, result.err
    doc = result.json
    assert len(doc["files"]) == UNITS and doc["period"] == 1 and doc["zip"].endswith(".zip")
    first = doc["files"][0]
    assert set(first) >= {"unit", "unit_code", "xlsx", "pdf", "email", "zalo"} and first["pdf"].endswith(".pdf")
    assert first["email"] is None and doc["queued"] == 0  # no --email


def test_forms_import_previews_then_records_and_says_each_files_fate(office, cli, tmp_path, db_url):
    _store, rid = office
    files = cli("forms", "make", "--requirement", rid, "--out", tmp_path / "out", "--json").json["files"]
    back = tmp_path / "back"
    back.mkdir()
    fill(tmp_path / files[0]["xlsx"], [2, 30], out=back / "a.xlsx")
    fill(tmp_path / files[1]["xlsx"], ["=1+1", 30], out=back / "b.xlsx")
    before = db_snapshot(db_url)
    preview = cli("forms", "import", back, "--dry-run", "--json")
    assert preview.code == 2 and db_snapshot(db_url) == before
    results = {r["file"]: r for r in preview.json["results"]}
    assert set(results["a.xlsx"]) >= {"file", "unit", "status", "reason"}
    assert results["a.xlsx"]["status"] == "recorded" and results["a.xlsx"]["unit"] == files[0]["unit"]
    assert results["b.xlsx"]["status"] == "refused" and "công thức" in results["b.xlsx"]["reason"]

    text = cli("forms", "import", back, "--received", "23/11/2026")
    assert text.code == 2
    assert "ĐÃ GHI: a.xlsx — " + files[0]["unit"] in text.out and "TỪ CHỐI: b.xlsx" in text.out
    again = cli("forms", "import", back / "a.xlsx", "--json")
    assert again.code == 0 and again.json["results"][0]["status"] == "duplicate"
    assert again.json["results"][0]["received_on"] == "2026-11-23"


def test_a_bad_assignment_is_refused_in_words(office, cli, tmp_path):
    result = cli("forms", "import", tmp_path, "--assign", "khongco")
    assert result.code == 2 and "TỆP=MÃ_ĐƠN_VỊ" in result.err


def test_a_form_goes_out_by_e_mail_with_its_own_words_and_the_workbook_attached(office, tmp_path, engine):
    from sqlmodel import select

    from db.models import OutboxMessage
    from db.session import unit_of_work
    from desktop.core.outbox import MailSettings
    from desktop.operations import forms
    from desktop.io.mail import build_message

    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path, email=True)
    with unit_of_work(engine) as s:
        message = s.exec(select(OutboxMessage).order_by(OutboxMessage.id)).first()
        email = build_message(message, MailSettings(host="smtp.vn", port=587, sender="ldld@tamduong.vn"),
                              "Liên đoàn Lao động huyện Tam Đường")
    (attachment,) = list(email.iter_attachments())
    assert attachment.get_content_type() == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert attachment.get_filename() == made.files[0].xlsx.name
    body = email.get_body().get_content()
    assert "ô màu vàng" in body and "30/11/2026" in body and "gói báo cáo" not in body
    assert email["To"] == made.files[0].email


def test_units_without_codes_get_forms_named_by_their_number_and_are_matched_back(cli, tmp_path, engine, db_url):
    """Many unit lists carry no codes: each form then names its unit "#<n>"
    (no list's code begins with "#"), and the form comes back to that unit."""
    import datetime as dt

    from db.session import unit_of_work
    from desktop.core.directives import add_directive, add_requirement, parse_indicator
    from desktop.core.office import init_office
    from desktop.core.units import UnitRow, import_units

    with unit_of_work(engine, actor="tester@pc") as s:
        init_office(s, "Liên đoàn Lao động huyện Sìn Hồ", place="Sìn Hồ")
        import_units(s, [UnitRow(1, {"name": "Công đoàn Trường Mầm non Sìn Hồ"}),
                         UnitRow(2, {"name": "Công đoàn Công ty TNHH Chè Sìn Hồ"})])
        d = add_directive(s, number="15/KH-LĐLĐ", issuer="LĐLĐ tỉnh Lai Châu", issued_on=dt.date(2026, 10, 1),
                          subject="Quán triệt")
        rid = add_requirement(s, d, title="Báo cáo kết quả", due=dt.date(2026, 11, 30),
                              indicators=[parse_indicator("sessions:Số buổi học tập")]).id
    files = cli("forms", "make", "--requirement", rid, "--out", tmp_path / "out", "--json").json["files"]
    assert sorted(f["unit_code"][0] for f in files) == ["#", "#"]
    back = tmp_path / "back"
    back.mkdir()
    fill(tmp_path / files[1]["xlsx"], [4], out=back / "che.xlsx")
    result = cli("forms", "import", back, "--json")
    assert result.code == 0, result.err
    taken = result.json["results"][0]
    assert taken["status"] == "recorded" and taken["unit"] == files[1]["unit"] and taken["unit_code"] == files[1]["unit_code"]
