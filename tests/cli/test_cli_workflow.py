"""The command line as a clerk and other tools use it: the JSON contracts,
exit codes, and a day's work from an empty database to the status."""

from __future__ import annotations

import pytest

from tests.conftest import db_snapshot, write_xlsx

HEADER = ["STT", "Mã", "Tên đơn vị", "Khối", "Chủ tịch", "Điện thoại", "Số đoàn viên", "Nữ", "Số lao động"]
UNITS = [
    [1, "TD01", "Công đoàn Trường Tiểu học Bình Lư", "Hành chính sự nghiệp", "Phạm Thị Hằng", 912345678, 28, 21, 28],
    [2, "TD02", "Công đoàn Điện lực Tam Đường", "Doanh nghiệp nhà nước", "Đặng Văn Ấn", "0983111222", "46", 7, 48],
    [3, "TD03", "Công đoàn Trường THPT Tam Đường", "Hành chính sự nghiệp", "Đỗ Thị Ánh", None, 57, 38, 60],
    [4, "TD04", "Công đoàn Công ty Chè Tam Đường", "Doanh nghiệp ngoài nhà nước", "Giàng Thị Mai", None, "1.234", 88, 1500],
    [5, "TD05", "Công đoàn Ăn uống Anh Đào", "Doanh nghiệp ngoài nhà nước", None, None, 9, 5, 9],
    [None, None, "Tổng cộng", None, None, None, 1374, 159, 1645],
]


@pytest.fixture
def unit_file(tmp_path):
    return write_xlsx(tmp_path / "don-vi.xlsx", [HEADER] + UNITS)


@pytest.fixture
def office(cli, unit_file):
    assert cli("init", "--office", "Liên đoàn Lao động huyện Tam Đường", "--parent", "LĐLĐ TỈNH LAI CHÂU",
               "--place", "Tam Đường", "--symbol", "LĐLĐ", "--signer-name", "Lò Văn Minh",
               "--signer-title", "CHỦ TỊCH").code == 0
    assert cli("units", "import", unit_file).code == 0
    assert cli("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh Lai Châu",
               "--date", "16/02/2022", "--subject", "Quán triệt Nghị quyết 02-NQ/TW").code == 0
    return cli


def test_version_is_printed(cli, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli("--version", db=None)
    assert exit_.value.code == 0
    assert "theodoi" in capsys.readouterr().out


def test_units_import_reports_created_updated_unchanged_and_skipped_rows(cli, unit_file):
    first = cli("units", "import", unit_file, "--json")
    assert first.code == 0, first.err
    doc = first.json
    assert (doc["created"], doc["updated"], doc["unchanged"]) == (5, 0, 0)
    assert doc["skipped"] == [{"row": 7, "reason": "dòng tổng cộng, không phải đơn vị"}]
    assert doc["warnings"] == []

    again = cli("units", "import", unit_file, "--json").json
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 5)


def test_reimport_matches_units_by_code_else_by_name_without_diacritics(cli, unit_file, tmp_path):
    cli("units", "import", unit_file)
    changed = write_xlsx(tmp_path / "moi.xlsx", [
        ["Mã", "Tên đơn vị", "Số đoàn viên"],
        ["TD01", "Công đoàn Trường Tiểu học Bình Lư", 30],  # by code, new count
        [None, "CONG DOAN DIEN LUC TAM DUONG", None],  # by folded name, blank keeps values
        [None, "Công đoàn Xã Hồ Thầu", 22],  # new
    ])
    doc = cli("units", "import", changed, "--json").json
    assert (doc["created"], doc["updated"], doc["unchanged"]) == (1, 1, 1)
    units = {u["code"] or u["name"]: u for u in cli("units", "list", "--json").json}
    assert units["TD01"]["members"] == 30
    assert units["TD02"]["members"] == 46 and units["TD02"]["name"] == "Công đoàn Điện lực Tam Đường"


def test_a_dry_run_shows_the_counts_and_writes_nothing(cli, unit_file, db_url):
    cli("init", "--office", "LĐLĐ huyện")
    before = db_snapshot(db_url)
    doc = cli("units", "import", unit_file, "--dry-run", "--json").json
    assert doc["created"] == 5 and doc["dry_run"] is True
    assert db_snapshot(db_url) == before


def test_units_are_listed_in_vietnamese_order_with_every_contract_field(office):
    units = office("units", "list", "--json").json
    assert [u["name"] for u in units] == [
        "Công đoàn Ăn uống Anh Đào",
        "Công đoàn Công ty Chè Tam Đường",
        "Công đoàn Điện lực Tam Đường",
        "Công đoàn Trường THPT Tam Đường",
        "Công đoàn Trường Tiểu học Bình Lư",
    ]
    first = units[4]
    assert set(first) >= {"id", "code", "name", "sector", "chair", "phone", "workers", "members",
                          "female_members", "active_from", "active_to"}
    assert first["phone"] == "0912345678"  # leading zero restored
    assert units[1]["members"] == 1234  # "1.234" typed as text


def test_search_ignores_diacritics_and_case(office):
    names = [u["name"] for u in office("units", "list", "--search", "dien luc", "--json").json]
    assert names == ["Công đoàn Điện lực Tam Đường"]
    assert len(office("units", "list", "--search", "TRƯỜNG", "--json").json) == 2


def test_a_retired_unit_disappears_after_its_last_day_but_not_before(office):
    assert office("units", "retire", "TD03", "--on", "2025-07-01", "--merged-into", "Công đoàn Trường Tiểu học Bình Lư").code == 0
    before = {u["code"] for u in office("units", "list", "--as-of", "30/06/2025", "--json").json}
    after = {u["code"] for u in office("units", "list", "--as-of", "01/07/2025", "--json").json}
    assert "TD03" in before and "TD03" not in after
    everything = {u["code"]: u for u in office("units", "list", "--all", "--json").json}
    assert everything["TD03"]["active_to"] == "2025-07-01"


def test_a_days_work_ends_in_the_status_report(office, tmp_path):
    req = office("requirements", "add", "--directive", "314/KH-LDLD", "--title", "Báo cáo kết quả quán triệt",
                 "--due", "31/03/2022", "--indicator", "sessions:Số buổi", "--indicator", "participants:Số người tham dự",
                 "--json")
    assert req.code == 0, req.err
    rid = req.json["id"]
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    ok = office("submissions", "record", "--unit", "TD01", "--requirement", rid, "--received", "2022-03-30",
                "--doc-number", "12/BC-CĐCS", "--doc-date", "28/03/2022", "--set", "sessions=2",
                "--set", "participants=26", "--attach", scan, "--json")
    assert ok.code == 0, ok.err
    assert ok.json["status"] == "on_time" and ok.json["values"] == {"sessions": 2, "participants": 26}
    assert office("submissions", "record", "--unit", "cong doan dien luc tam duong", "--requirement", rid,
                  "--received", "05/04/2022").code == 0
    assert office("submissions", "exempt", "--unit", "TD05", "--requirement", rid,
                  "--reason", "không phát sinh").code == 0

    doc = office("status", "--as-of", "2022-04-30", "--json").json
    assert doc["as_of"] == "2022-04-30"
    (directive,) = doc["directives"]
    assert directive["number"] == "314/KH-LĐLĐ"
    (row,) = directive["requirements"]
    assert {k: row[k] for k in ("id", "period", "due", "applicable", "on_time", "late", "missing", "exempt")} == {
        "id": rid, "period": 1, "due": "2022-03-31", "applicable": 5, "on_time": 1, "late": 1, "missing": 2, "exempt": 1,
    }
    assert row["missing_units"] == ["Công đoàn Công ty Chè Tam Đường", "Công đoàn Trường THPT Tam Đường"]
    assert row["late_units"] == ["Công đoàn Điện lực Tam Đường"]
    assert row["indicator_totals"] == {"sessions": 2, "participants": 26}


def test_status_lists_due_periods_and_with_upcoming_the_next_one(office):
    rid = office("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo 6 tháng",
                 "--every", "6m", "--first-due", "2022-06-30", "--json").json["id"]
    rows = office("status", "--as-of", "2023-01-15", "--json").json["directives"][0]["requirements"]
    assert [(r["id"], r["period"], r["due"]) for r in rows] == [(rid, 1, "2022-06-30"), (rid, 2, "2022-12-31")]
    rows = office("status", "--as-of", "2023-01-15", "--upcoming", "--json").json["directives"][0]["requirements"]
    assert [(r["period"], r["due"], r["pending"]) for r in rows][-1] == (3, "2023-06-30", 5)


def test_a_recurring_submission_goes_to_the_oldest_period_still_owed(office):
    rid = office("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo 6 tháng",
                 "--every", "6m", "--first-due", "2022-06-30", "--json").json["id"]
    first = office("submissions", "record", "--unit", "TD01", "--requirement", rid, "--received", "2023-01-05", "--json").json
    second = office("submissions", "record", "--unit", "TD01", "--requirement", rid, "--received", "2023-01-05", "--json").json
    assert (first["period"], first["status"]) == (1, "late")
    assert (second["period"], second["status"]) == (2, "late")


@pytest.mark.parametrize(
    "args, message",
    [
        (["submissions", "record", "--unit", "Công đoàn Không Có", "--requirement", "1", "--received", "2022-03-01"], "Không tìm thấy đơn vị"),
        (["submissions", "record", "--unit", "TD01", "--requirement", "1", "--received", "31/02/2022"], "không phải là ngày hợp lệ"),
        (["submissions", "record", "--unit", "TD01", "--requirement", "99", "--received", "2022-03-01"], "Không có yêu cầu số 99"),
        (["submissions", "record", "--unit", "TD01", "--requirement", "1", "--received", "2022-03-01", "--set", "khach=3"], "không có trong yêu cầu"),
        (["submissions", "record", "--unit", "TD01", "--requirement", "1", "--received", "2022-03-01", "--set", "sessions=hai"], "không phải là số"),
        (["submissions", "exempt", "--unit", "TD01", "--requirement", "1", "--reason", "  "], "lý do"),
        (["requirements", "add", "--directive", "999/KH-X", "--title", "T", "--due", "2022-01-01"], "Không tìm thấy văn bản"),
        (["requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "T"], "hạn"),
        (["directives", "add", "--number", "314/KH-LDLD", "--issuer", "LDLD TINH LAI CHAU", "--date", "2022-01-01", "--subject", "S"], "đã có"),
        (["units", "retire", "TD01", "--on", "hôm qua"], "không phải là ngày hợp lệ"),
        (["units", "list", "--as-of", "2022-13-01"], "không phải là ngày hợp lệ"),
        (["status", "--directive", "1/XX"], "Không tìm thấy văn bản"),
    ],
)
def test_bad_input_exits_2_with_a_vietnamese_message_and_changes_nothing(office, db_url, args, message):
    office("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Quán triệt", "--due", "2022-03-31",
           "--indicator", "sessions:Số buổi")
    before = db_snapshot(db_url)
    result = office(*args)
    assert result.code == 2
    assert message in result.err
    assert "Traceback" not in result.err
    assert db_snapshot(db_url) == before


def test_a_file_that_is_not_a_workbook_is_refused(office, db_url, tmp_path):
    fake = tmp_path / "danh-sach.xlsx"
    fake.write_bytes(b"%PDF-1.7\n" + b"0" * 1000)
    before = db_snapshot(db_url)
    result = office("units", "import", fake, "--json")
    assert result.code == 2
    assert "danh-sach.xlsx" in result.err and "không phải bảng tính" in result.err
    assert result.json["error"]
    assert db_snapshot(db_url) == before


def test_a_workbook_without_a_name_column_is_refused(office, tmp_path):
    book = write_xlsx(tmp_path / "so-lieu.xlsx", [["Năm", "Số liệu"], [2022, 5]])
    result = office("units", "import", book)
    assert result.code == 2 and "Tên đơn vị" in result.err


def test_usage_errors_exit_2_with_a_vietnamese_hint(cli, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli("submissions", "record", "--unit", "X")
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "thiếu tham số bắt buộc: --requirement, --received" in err
    assert "theodoi submissions record --help" in err and "the following" not in err


def test_json_output_is_one_document_and_nothing_else(office):
    import json

    out = office("status", "--json").out
    assert json.loads(out)["directives"][0]["number"] == "314/KH-LĐLĐ"


def test_a_unit_is_found_by_words_that_fit_it_alone(office):
    rid = office("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Kế hoạch", "--due", "2022-03-31", "--json").json["id"]
    ok = office("submissions", "record", "--unit", "tieu hoc binh lu", "--requirement", rid, "--received", "2022-03-20", "--json")
    assert ok.code == 0, ok.err
    assert ok.json["unit"] == "Công đoàn Trường Tiểu học Bình Lư"
    several = office("submissions", "record", "--unit", "tam duong", "--requirement", rid, "--received", "2022-03-20")
    assert several.code == 2 and "khớp với" in several.err


def test_recording_again_for_the_same_period_corrects_it_and_says_what_it_replaced(office):
    rid = office("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Kế hoạch", "--due", "31/03/2022",
                 "--json").json["id"]
    first = office("submissions", "record", "--unit", "TD01", "--requirement", rid, "--received", "2022-03-20",
                   "--doc-number", "05/KH-CĐ", "--json").json
    assert first["created"] and first["previous"] is None
    again = office("submissions", "record", "--unit", "TD01", "--requirement", rid, "--received", "2022-03-25",
                   "--period", "1")
    assert again.code == 0
    assert "Đã cập nhật" in again.out and "bản ghi trước: nhận ngày 20/03/2022, văn bản số 05/KH-CĐ" in again.out
