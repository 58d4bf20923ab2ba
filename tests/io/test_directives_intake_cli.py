"""``theodoi directives intake`` as a clerk runs it: what was read, what was
not, and ``--save`` registering the directive and its requirements."""

from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import db_snapshot
from tests.io.files import docx_directive
from tests.io.test_directive_intake import BODY, HEADER_LEFT, HEADER_RIGHT, SEEDS, SIGNATURE


def seed_path(name):
    return SEEDS / name


@pytest.fixture
def office(cli):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    return cli


def test_intake_prints_every_field_as_json_without_writing(office, db_url):
    before = db_snapshot(db_url)
    result = office("directives", "intake", seed_path("thong-bao-462-TB-TLD.txt"), "--json")
    assert result.code == 0, result.err
    doc = result.json
    assert (doc["number"], doc["kind"], doc["issued_on"], doc["place"]) == ("462/TB-TLĐ", "TB", "2021-11-16", "Hà Nội")
    assert (doc["signer_name"], doc["signer_title"], doc["signing_authority"]) == ("Nguyễn Xuân Hùng", "CHÁNH VĂN PHÒNG", "TL. ĐOÀN CHỦ TỊCH")
    assert [d["date"] for d in doc["deadlines"]] == ["2021-11-30", "2021-12-10", "2021-12-31", "2021-12-31"]
    assert doc["recurrence"] == {"every_months": 6, "text": "6 tháng/lần", "sentence": doc["recurrence"]["sentence"]}
    assert doc["issuer"] is None and "issuer" in doc["missing"]
    assert doc["saved"] is None and len(doc["proposed_requirements"]) == 5
    assert db_snapshot(db_url) == before


def test_a_document_without_a_number_says_so_and_save_asks_for_one(office, db_url):
    path = seed_path("ke-hoach-dang-uy-khoi-lam-dong.txt")
    doc = office("directives", "intake", path, "--json").json
    assert doc["number"] is None and "number" in doc["missing"]
    assert any("--number" in w for w in doc["warnings"])
    before = db_snapshot(db_url)
    refused = office("directives", "intake", path, "--save")
    assert refused.code == 2 and "--number" in refused.err and "không ghi số" in refused.err
    assert db_snapshot(db_url) == before

    saved = office("directives", "intake", path, "--save", "--number", "15-KH/ĐUK", "--date", "20/10/2021", "--json")
    assert saved.code == 0, saved.err
    directive = saved.json["saved"]["directive"]
    assert (directive["number"], directive["kind"], directive["date"]) == ("15-KH/ĐUK", "KH", "2021-10-20")
    assert [(r["title"][:19], r["due"]) for r in saved.json["saved"]["requirements"]] == [("Đồng thời tiến hành", "2021-11-20")]
    assert [r["id"] for r in office("requirements", "list", "--directive", "15-KH/ĐUK", "--json").json] == [
        r["id"] for r in saved.json["saved"]["requirements"]]


def test_save_registers_the_directive_and_proposes_its_requirements(office):
    result = office("directives", "intake", seed_path("thong-bao-462-TB-TLD.txt"), "--save", "--json")
    assert result.code == 0, result.err
    saved = result.json["saved"]
    assert saved["directive"]["number"] == "462/TB-TLĐ"
    assert [(r["due"], r["every_months"], r["first_due"]) for r in saved["requirements"]] == [
        ("2021-11-30", None, "2021-11-30"), ("2021-12-10", None, "2021-12-10"), ("2021-12-31", None, "2021-12-31"),
        ("2021-12-31", None, "2021-12-31"), (None, 6, "2021-12-31")]
    listed = office("directives", "list", "--json").json
    assert [d["number"] for d in listed] == ["462/TB-TLĐ"]
    again = office("directives", "intake", seed_path("thong-bao-462-TB-TLD.txt"), "--save")
    assert again.code == 2 and "đã có" in again.err


def test_the_issuer_is_registered_with_its_organisation(office, tmp_path):
    path = docx_directive(tmp_path / "hd.docx", HEADER_LEFT, HEADER_RIGHT, BODY, ["- Lưu: VT."], SIGNATURE)
    result = office("directives", "intake", path, "--save", "--json")
    assert result.code == 0, result.err
    assert result.json["saved"]["directive"]["issuer"] == "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"
    assert result.json["saved"]["directive"]["date"] == date(2023, 3, 5).isoformat()
    requirements = result.json["saved"]["requirements"]
    assert [r["due"] for r in requirements] == ["2023-04-15", "2023-04-30", None]
    assert requirements[2]["every_months"] == 3 and requirements[2]["first_due"] == "2023-03-31"


def test_the_text_summary_reads_like_a_register_entry(office):
    out = office("directives", "intake", seed_path("ke-hoach-314-KH-LDLD-lai-chau.txt")).out
    assert "Số, ký hiệu:         314/KH-LĐLĐ" in out
    assert "Người ký:            Đồng Thị Nghĩa" in out
    assert "Chưa ghi gì" in out


def test_a_file_that_is_no_document_is_refused(office, db_url, tmp_path):
    path = tmp_path / "anh.pdf"
    path.write_bytes(b"%PDF-1.4\n%garbage")
    before = db_snapshot(db_url)
    result = office("directives", "intake", path, "--save")
    assert result.code == 2 and "anh.pdf" in result.err and "Traceback" not in result.err
    assert db_snapshot(db_url) == before
