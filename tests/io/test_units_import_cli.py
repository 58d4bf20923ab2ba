"""``theodoi units import`` on the files offices really have, as a clerk
runs it."""

from __future__ import annotations

from tests.conftest import db_snapshot
from tests.io.files import ods, to_tcvn3, xls, xlsx
from tests.io.test_unit_lists import MESSY, MESSY_MERGES, UNITS


def test_a_messy_list_imports_its_units_and_lists_every_other_row(cli, tmp_path):
    book = xlsx(tmp_path / "danh-sach.xlsx", MESSY, merges=MESSY_MERGES)
    doc = cli("units", "import", book, "--json").json
    assert (doc["created"], doc["updated"], doc["unchanged"]) == (3, 0, 0)
    assert [s["row"] for s in doc["skipped"]] == [6, 7, 11, 13, 14, 15, 17, 18, 19]
    assert doc["encoding"] == "unicode" and doc["warnings"] == []
    units = {u["name"]: u for u in cli("units", "list", "--json").json}
    assert set(units) == {"Công đoàn Trường Tiểu học Bình Lư", "Công đoàn Trường THPT Tam Đường", "Công đoàn Công ty Chè Tam Đường"}
    assert units["Công đoàn Công ty Chè Tam Đường"]["sector"] == "Doanh nghiệp FDI"
    assert units["Công đoàn Trường THPT Tam Đường"]["members"] == 1234
    # Nothing was invented from a title, a section, a total or a signature.
    again = cli("units", "import", book, "--json").json
    assert (again["created"], again["unchanged"]) == (0, 3)


def test_the_encoding_found_is_reported(cli, tmp_path):
    rows = [["STT", to_tcvn3("Tên đơn vị")]] + [[i, to_tcvn3(n)] for i, n in enumerate(UNITS)]
    doc = cli("units", "import", xlsx(tmp_path / "t.xlsx", rows, default_font=".VnTime"), "--json").json
    assert doc["encoding"] == "tcvn3" and doc["created"] == 3
    assert "TCVN3" in doc["warnings"][0]
    names = sorted(u["name"] for u in cli("units", "list", "--json").json)
    assert names == sorted(UNITS)


def test_xls_ods_and_csv_lists_import_the_same_units(cli, tmp_path):
    rows = [["STT", "Tên đơn vị", "Số đoàn viên"]] + [[i + 1, n, 10 + i] for i, n in enumerate(UNITS)]
    csv = tmp_path / "ds.csv"
    csv.write_text("\n".join(",".join(str(v) for v in r) for r in rows), encoding="utf-8-sig")
    for path in (xls(tmp_path / "ds.xls", rows), ods(tmp_path / "ds.ods", rows), csv):
        doc = cli("units", "import", path, "--json").json
        assert doc["created"] + doc["unchanged"] == 3, path.name
    assert sorted((u["name"], u["members"]) for u in cli("units", "list", "--json").json) == sorted(
        (n, 10 + i) for i, n in enumerate(UNITS))


def test_a_dry_run_of_a_messy_list_writes_nothing(cli, db_url, tmp_path):
    cli("init", "--office", "LĐLĐ huyện Tam Đường")
    before = db_snapshot(db_url)
    book = xlsx(tmp_path / "danh-sach.xlsx", MESSY, merges=MESSY_MERGES)
    doc = cli("units", "import", book, "--dry-run", "--json").json
    assert doc["created"] == 3 and doc["dry_run"] is True
    assert db_snapshot(db_url) == before


def test_a_header_nobody_recognises_is_mapped_with_column(cli, tmp_path):
    book = xlsx(tmp_path / "ds.xlsx", [["TT", "Tên CĐCS trực thuộc", "Tổng ĐV"], [1, "Công đoàn Xã Hồ Thầu", 22]])
    refused = cli("units", "import", book)
    assert refused.code == 2 and "--column" in refused.err
    doc = cli("units", "import", book, "--column", "Tên CĐCS trực thuộc=name", "--column", "Tổng ĐV=members", "--json").json
    assert doc["created"] == 1 and doc["columns"] == {"Tên CĐCS trực thuộc": "name", "Tổng ĐV": "members"}


def test_the_text_summary_names_the_rows_skipped(cli, tmp_path):
    book = xlsx(tmp_path / "danh-sach.xlsx", MESSY, merges=MESSY_MERGES)
    out = cli("units", "import", book).out
    assert "thêm mới 3" in out and "Dòng tiêu đề cột: 4–5." in out
    assert "dòng 15: dòng tổng cộng" in out
