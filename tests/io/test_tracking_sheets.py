"""Tracking sheets kept by clerks, read for one requirement and imported
all or nothing."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.intake import split_doc_reference
from desktop.io.tracking_sheet import read_tracking_sheet
from tests.conftest import db_snapshot
from tests.io.files import to_tcvn3, xlsx

INDICATORS = [{"key": "sessions", "label": "Số buổi"}, {"key": "participants", "label": "Số người tham dự"}]
HEADER = ["STT", "Đơn vị", "Số, ngày kế hoạch", "Ngày nhận", "Số buổi", "Số người tham dự"]


@pytest.mark.parametrize(
    "text, number, day",
    [
        ("12/KH-CĐCS ngày 03/11/2021", "12/KH-CĐCS", date(2021, 11, 3)),
        ("Số 12/KH-CĐCS, ngày 3/11/2021", "12/KH-CĐCS", date(2021, 11, 3)),
        ("12/KH-CĐCS (03/11/2021)", "12/KH-CĐCS", date(2021, 11, 3)),
        ("05-KH/CĐCS ngày 15 tháng 11 năm 2021", "05-KH/CĐCS", date(2021, 11, 15)),
        ("12/KH-CĐCS", "12/KH-CĐCS", None),
        ("ngày 03/11/2021", None, date(2021, 11, 3)),
        ("", None, None),
    ],
)
def test_number_and_date_of_a_plan_are_split(text, number, day):
    assert split_doc_reference(text) == (number, day)


def test_a_tracking_sheet_is_read_with_indicators_matched_by_name(tmp_path):
    rows = [
        ["BẢNG THEO DÕI TRIỂN KHAI NGHỊ QUYẾT 02"],
        ["STT", "Đơn vị", "Số, ngày kế hoạch", "Ngày nhận", "Kết quả", None, "Ghi chú"],
        [None, None, None, None, "SỐ BUỔI", "Số người tham dự (người)", None],
        [1, "Công đoàn Trường Tiểu học Bình Lư", "12/KH-CĐCS ngày 03/11/2021", "05/11/2021", 2, "85", None],
        [2, "Công đoàn Điện lực Tam Đường", None, None, None, None, "chưa nộp"],
        [3, "Công đoàn Xã Hồ Thầu", "3/KH-CĐCS", "2021-11-06", "hai", 20, None],
        [None, "Tổng cộng", None, None, 2, 105, None],
    ]
    sheet = read_tracking_sheet(xlsx(tmp_path / "td.xlsx", rows, merges=["E2:F2"]), INDICATORS)
    assert sheet.columns == {
        "Đơn vị": "unit", "Số, ngày kế hoạch": "doc_ref", "Ngày nhận": "received",
        "Kết quả / SỐ BUỔI": "value:sessions", "Kết quả / Số người tham dự (người)": "value:participants", "Ghi chú": "note",
    }
    first, second = sheet.rows
    assert (first.row, first.unit_name, first.doc_number, first.doc_date, first.received_on, first.values) == (
        4, "Công đoàn Trường Tiểu học Bình Lư", "12/KH-CĐCS", date(2021, 11, 3), date(2021, 11, 5),
        {"sessions": 2, "participants": 85})
    assert (second.row, second.received_on, second.note) == (5, None, "chưa nộp")
    reasons = {s.row: s.reason for s in sheet.skipped}
    assert "Số buổi" in reasons[6] and "hai" in reasons[6]
    assert reasons[7] == "dòng tổng cộng, không phải đơn vị"


def test_a_tracking_sheet_in_tcvn3_is_converted(tmp_path):
    rows = [[to_tcvn3(h) for h in HEADER], [1, to_tcvn3("Công đoàn Trường Tiểu học Bình Lư"), "12/KH", "05/11/2021", 1, 20]]
    sheet = read_tracking_sheet(xlsx(tmp_path / "t.xlsx", rows, default_font=".VnTime"), INDICATORS)
    assert sheet.encoding == "tcvn3" and sheet.rows[0].unit_name == "Công đoàn Trường Tiểu học Bình Lư"
    assert sheet.rows[0].values == {"sessions": 1, "participants": 20}


# --- the command ----------------------------------------------------------------------------
UNITS = [
    ["Mã", "Tên đơn vị"],
    ["TD01", "Công đoàn Trường Tiểu học Bình Lư"],
    ["TD02", "Công đoàn Điện lực Tam Đường"],
    ["TD03", "Công đoàn Trường THPT Tam Đường"],
]


@pytest.fixture
def office(cli, tmp_path):
    assert cli("init", "--office", "LĐLĐ huyện Tam Đường").code == 0
    assert cli("units", "import", xlsx(tmp_path / "dv.xlsx", UNITS)).code == 0
    assert cli("directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", "LĐLĐ tỉnh", "--date", "01/11/2021",
               "--subject", "Quán triệt").code == 0
    req = cli("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Kế hoạch và kết quả", "--due", "15/11/2021",
              "--indicator", "sessions:Số buổi", "--indicator", "participants:Số người tham dự", "--json")
    assert req.code == 0, req.err
    return cli, req.json["id"]


def _sheet(tmp_path, rows, name="td.xlsx"):
    return xlsx(tmp_path / name, [HEADER] + rows)


def test_a_tracking_sheet_becomes_submissions_matched_by_folded_name_or_code(office, tmp_path):
    cli, rid = office
    book = _sheet(tmp_path, [
        [1, "CONG DOAN TRUONG TIEU HOC BINH LU", "12/KH-CĐCS ngày 03/11/2021", "05/11/2021", 2, 85],
        [2, "TD02", None, "20/11/2021", 1, 30],
        [3, "Công đoàn Trường THPT Tam Đường", None, None, None, None],
    ])
    doc = cli("submissions", "import", book, "--requirement", rid, "--json").json
    assert (doc["created"], doc["updated"], doc["unchanged"], doc["unmatched"]) == (2, 0, 0, [])
    assert doc["skipped"] == [{"row": 4, "reason": "đơn vị chưa nộp (không có ngày nhận)"}]
    status = cli("status", "--as-of", "2021-11-30", "--json").json["directives"][0]["requirements"][0]
    assert (status["on_time"], status["late"], status["missing"]) == (1, 1, 1)
    assert status["indicator_totals"] == {"sessions": 3, "participants": 115}
    again = cli("submissions", "import", book, "--requirement", rid, "--json").json
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 2)


def test_unmatched_units_refuse_the_whole_import_with_suggestions(office, db_url, tmp_path):
    cli, rid = office
    book = _sheet(tmp_path, [
        [1, "Công đoàn Trường Tiểu học Bình Lư", None, "05/11/2021", 2, 85],
        [2, "Công đoàn Điện lực Tam Đườn", None, "06/11/2021", 1, 10],
    ])
    before = db_snapshot(db_url)
    refused = cli("submissions", "import", book, "--requirement", rid, "--json")
    assert refused.code == 2
    assert "--skip-unmatched" in refused.err and "Không nhập gì" in refused.err
    (unmatched,) = refused.json["unmatched"]
    assert unmatched["row"] == 3 and unmatched["name"] == "Công đoàn Điện lực Tam Đườn"
    assert unmatched["suggestions"][0] == "Công đoàn Điện lực Tam Đường"
    assert db_snapshot(db_url) == before

    doc = cli("submissions", "import", book, "--requirement", rid, "--skip-unmatched", "--json").json
    assert doc["created"] == 1 and len(doc["unmatched"]) == 1


def test_a_dry_run_shows_what_would_be_recorded(office, db_url, tmp_path):
    cli, rid = office
    before = db_snapshot(db_url)
    doc = cli("submissions", "import", _sheet(tmp_path, [[1, "TD01", None, "05/11/2021", 1, 1]]), "--requirement", rid,
              "--dry-run", "--json").json
    assert doc["created"] == 1 and doc["dry_run"] is True
    assert db_snapshot(db_url) == before


def test_rows_that_cannot_be_recorded_are_skipped_with_the_reason(office, tmp_path):
    cli, rid = office
    book = _sheet(tmp_path, [
        [1, "TD01", None, "05/11/2099", 1, 1],  # received in the future
        [2, "TD02", None, "31/02/2021", 1, 1],  # no such day
        [3, "TD03", None, "05/11/2021", 1, 1],
        [4, "TD03", None, "06/11/2021", 1, 1],  # the same unit again
    ])
    doc = cli("submissions", "import", book, "--requirement", rid, "--json").json
    reasons = {s["row"]: s["reason"] for s in doc["skipped"]}
    assert doc["created"] == 1
    assert "sau hôm nay" in reasons[2] and "không hợp lệ" in reasons[3] and "trùng với dòng 4" in reasons[5]


def test_a_recurring_requirement_needs_the_period(office, tmp_path):
    cli, _rid = office
    rid = cli("requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo 6 tháng", "--every", "6m",
              "--first-due", "30/06/2022", "--json").json["id"]
    book = _sheet(tmp_path, [[1, "TD01", None, "05/07/2022", 1, 1]])
    refused = cli("submissions", "import", book, "--requirement", rid)
    assert refused.code == 2 and "--period" in refused.err
    doc = cli("submissions", "import", book, "--requirement", rid, "--period", "2", "--json").json
    assert doc["created"] == 1
