"""Unit lists as offices make them: titles, two-row and merged headers,
sections naming the sector, totals and formulas, signatures, numbers typed
as text, legacy encodings; in .xlsx, .xls, .ods and .csv."""

from __future__ import annotations

import unicodedata

import pytest

from desktop.io.unit_sheet import HeaderNotFound, read_unit_sheet, section_sector
from tests.io.files import ods, to_cp1258, to_tcvn3, to_vni, xls, xlsx

MESSY = [
    ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG"],
    ["DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC NĂM 2022"],
    [],
    ["STT", "Tên công đoàn cơ sở", "Chủ tịch CĐCS", "Điện thoại", "Đoàn viên", None, "Ghi chú"],
    [None, None, None, None, "Tổng số", "Trong đó nữ", None],
    [1, 2, 3, 4, 5, 6, 7],
    ["I. KHỐI HÀNH CHÍNH SỰ NGHIỆP"],
    [1, "Công đoàn Trường Tiểu học Bình Lư", "Phạm Thị Hằng", 912345678, "238 ", 21, None],
    [2, "Công đoàn Trường THPT Tam Đường", "Đỗ Thị Ánh", "0983111222", "1.234", 38, None],
    [None, None, None, None, None, None, None],
    ["II", "Khối doanh nghiệp FDI"],
    [3, "Công đoàn Công ty Chè Tam Đường", "Giàng Thị Mai", None, 46, 7, "mới thành lập"],
    [None, "Cộng khối II", None, None, "=SUM(E12:E12)", "=SUM(F12)", None],
    [None, None, None, None, "=SUM(E8:E12)", "=SUM(F8:F12)", None],
    [None, "Tổng cộng", None, None, 1518, 66, None],
    [],
    [None, "Tam Đường, ngày 10 tháng 3 năm 2022"],
    [None, "NGƯỜI LẬP BIỂU", None, None, "CHỦ TỊCH"],
    [None, "Lò Văn Minh", None, None, "Lò Văn Sáng"],
]
MESSY_MERGES = ["A1:G1", "A2:G2", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4", "G4:G5", "A7:G7"]


@pytest.fixture
def messy(tmp_path):
    return xlsx(tmp_path / "danh-sach.xlsx", MESSY, merges=MESSY_MERGES)


def test_the_header_is_found_below_the_titles_and_read_over_two_rows(messy):
    sheet = read_unit_sheet(messy)
    assert (sheet.header_row, sheet.header_rows) == (4, 2)
    assert sheet.columns == {
        "Tên công đoàn cơ sở": "name",
        "Chủ tịch CĐCS": "chair",
        "Điện thoại": "phone",
        "Đoàn viên / Tổng số": "members",
        "Đoàn viên / Trong đó nữ": "female_members",
        "Ghi chú": "note",
    }
    assert "STT" in sheet.headers


def test_only_the_units_become_rows_with_the_sector_of_their_section(messy):
    sheet = read_unit_sheet(messy)
    assert [(r.row, r.values["name"], r.values["sector"]) for r in sheet.rows] == [
        (8, "Công đoàn Trường Tiểu học Bình Lư", "Hành chính sự nghiệp"),
        (9, "Công đoàn Trường THPT Tam Đường", "Hành chính sự nghiệp"),
        (12, "Công đoàn Công ty Chè Tam Đường", "Doanh nghiệp FDI"),
    ]
    first, second = sheet.rows[0].values, sheet.rows[1].values
    assert (first["members"], first["female_members"], first["phone"]) == (238, 21, "0912345678")
    assert (second["members"], second["phone"]) == (1234, "0983111222")


def test_every_row_that_is_not_a_unit_is_listed_with_its_reason(messy):
    reasons = {s.row: s.reason for s in read_unit_sheet(messy).skipped}
    assert set(reasons) == {6, 7, 11, 13, 14, 15, 17, 18, 19}
    assert "đánh số cột" in reasons[6]
    assert "khối" in reasons[7] and "Hành chính sự nghiệp" in reasons[7]
    assert "Doanh nghiệp FDI" in reasons[11]
    assert reasons[13] == reasons[15] == "dòng tổng cộng, không phải đơn vị"
    assert "công thức" in reasons[14]
    assert "ký tên" in reasons[17] and "ký tên" in reasons[18]
    assert "bên dưới bảng" in reasons[19]


@pytest.mark.parametrize(
    "header, field",
    [
        ("Tên đơn vị", "name"), ("Tên công đoàn cơ sở", "name"), ("Đơn vị", "name"), ("TÊN CĐCS", "name"),
        ("Tên đơn vị (CĐCS)", "name"), ("Số đoàn viên", "members"), ("Tổng số đoàn viên", "members"),
        ("Tổng số ĐV", "members"), ("Nữ", "female_members"), ("Đoàn viên nữ", "female_members"),
        ("Trong đó nữ", "female_members"), ("Chủ tịch", "chair"), ("Chủ tịch CĐCS", "chair"),
        ("Họ và tên Chủ tịch", "chair"), ("Khối", "sector"), ("Loại hình", "sector"), ("Khối/Loại hình", "sector"),
        ("Số ĐT", "phone"), ("Điện thoại (di động)", "phone"), ("E-mail", "email"), ("Mã đơn vị", "code"),
        ("Số CNVC-LĐ", "workers"), ("Tổng số lao động", "workers"), ("Ngày thành lập", "active_from"),
    ],
)
def test_column_names_are_recognised_in_their_many_spellings(tmp_path, header, field):
    columns = ["STT", header] if field == "name" else ["STT", "Tên đơn vị", header]
    book = xlsx(tmp_path / "ds.xlsx", [columns, [1, "Công đoàn Xã Hồ Thầu"] + ([] if field == "name" else [None])])
    assert read_unit_sheet(book).columns[header] == field


@pytest.mark.parametrize(
    "parent, children, expected",
    [
        ("Đoàn viên", ["Tổng số", "Nữ"], ["members", "female_members"]),
        ("Số đoàn viên", ["Tổng số", "Trong đó nữ"], ["members", "female_members"]),
        ("Lao động", ["Tổng số", "Trong đó nữ"], ["workers", None]),  # female workers are no unit field
        ("Chủ tịch", ["Họ và tên", "Điện thoại"], ["chair", "phone"]),
    ],
)
def test_a_parent_header_over_two_columns_is_read_with_each_child(tmp_path, parent, children, expected):
    rows = [["STT", "Tên đơn vị", parent, None], [None, None, *children], [1, "Công đoàn Xã Hồ Thầu", None, None]]
    for merged in (True, False):  # with the merge kept, and as a CSV-like file without it
        book = xlsx(tmp_path / f"h{merged}.xlsx", rows, merges=["C1:D1"] if merged else [])
        columns = read_unit_sheet(book).columns
        assert [columns.get(f"{parent} / {c}") for c in children] == expected, merged


def test_an_unknown_name_column_is_refused_with_the_headers_to_map(tmp_path):
    book = xlsx(tmp_path / "ds.xlsx", [["DANH SÁCH"], ["TT", "Tên CĐCS trực thuộc", "Số đoàn viên"], [1, "Công đoàn A", 5]])
    with pytest.raises(HeaderNotFound) as refused:
        read_unit_sheet(book)
    assert refused.value.headers == ["TT", "Tên CĐCS trực thuộc", "Số đoàn viên"]
    sheet = read_unit_sheet(book, {"Tên CĐCS trực thuộc": "name"})
    assert [r.values["name"] for r in sheet.rows] == ["Công đoàn A"] and sheet.header_row == 2


def test_a_two_row_header_can_be_mapped_by_its_combined_label(tmp_path):
    rows = [["STT", "Đơn vị", "Số liệu", None], [None, None, "Cột A", "Cột B"], [1, "Công đoàn Xã Hồ Thầu", 12, 3]]
    book = xlsx(tmp_path / "ds.xlsx", rows, merges=["C1:D1"])
    sheet = read_unit_sheet(book, {"Số liệu / Cột A": "members", "Số liệu - Cột B": "female_members"})
    assert (sheet.rows[0].values["members"], sheet.rows[0].values["female_members"]) == (12, 3)


def test_decomposed_unicode_is_stored_composed(tmp_path):
    nfd = unicodedata.normalize("NFD", "Công đoàn Trường Mầm non Hoa Hồng")
    book = xlsx(tmp_path / "ds.xlsx", [[unicodedata.normalize("NFD", "Tên đơn vị")], [nfd]])
    (row,) = read_unit_sheet(book).rows
    assert row.values["name"] == unicodedata.normalize("NFC", nfd) and row.values["name"] != nfd


def test_section_text_becomes_a_sector_name():
    assert section_sector("I. KHỐI HÀNH CHÍNH SỰ NGHIỆP") == "Hành chính sự nghiệp"
    assert section_sector("II- KHỐI DOANH NGHIỆP NGOÀI NHÀ NƯỚC (12 đơn vị)") == "Doanh nghiệp ngoài nhà nước"
    assert section_sector("B. Khu vực doanh nghiệp FDI") == "Doanh nghiệp FDI"
    assert section_sector("III. KHỐI DNNN") == "DNNN"


# --- legacy encodings --------------------------------------------------------------
UNITS = ["Công đoàn Trường Tiểu học Bình Lư", "Công đoàn Điện lực Tam Đường", "Công đoàn Xã Hồ Thầu"]


def test_a_tcvn3_workbook_is_converted_by_its_fonts(tmp_path):
    rows = [[to_tcvn3("danh sách các công đoàn cơ sở")], ["STT", to_tcvn3("Tên đơn vị"), to_tcvn3("Số đoàn viên"), to_tcvn3("Nữ")],
            [to_tcvn3("I. khối hành chính sự nghiệp")]]
    rows += [[i + 1, to_tcvn3(name), 20, 5] for i, name in enumerate(UNITS)]
    book = xlsx(tmp_path / "tcvn3.xlsx", rows, fonts={"1": ".VnTimeH", "3": ".VnTimeH"}, default_font=".VnTime")
    sheet = read_unit_sheet(book)
    assert sheet.encoding == "tcvn3"
    assert [r.values["name"] for r in sheet.rows] == UNITS  # "Trường", "Lư": the soft-hyphen byte kept as ư
    assert {r.values["sector"] for r in sheet.rows} == {"Hành chính sự nghiệp"}  # capital font, then sentence case
    assert any("TCVN3" in w for w in sheet.warnings)


def test_a_tcvn3_list_without_its_fonts_is_recognised_from_the_text(tmp_path):
    rows = [["STT", to_tcvn3("Tên đơn vị"), to_tcvn3("Chủ tịch")]] + [[i, to_tcvn3(n), to_tcvn3("Nguyễn Thị Hường")] for i, n in enumerate(UNITS)]
    sheet = read_unit_sheet(xlsx(tmp_path / "t.xlsx", rows))
    assert (sheet.encoding, [r.values["name"] for r in sheet.rows]) == ("tcvn3", UNITS)
    assert sheet.rows[0].values["chair"] == "Nguyễn Thị Hường"


def test_a_vni_workbook_is_converted(tmp_path):
    rows = [["STT", to_vni("Tên đơn vị")]] + [[i, to_vni(n)] for i, n in enumerate(UNITS)]
    for fonts in ({"A1": "VNI-Times"}, {}):
        sheet = read_unit_sheet(xlsx(tmp_path / "v.xlsx", rows, default_font="VNI-Times" if fonts else None))
        assert (sheet.encoding, [r.values["name"] for r in sheet.rows]) == ("vni", UNITS)


def test_unicode_typed_into_a_legacy_font_cell_is_left_alone(tmp_path):
    book = xlsx(tmp_path / "u.xlsx", [["Tên đơn vị"], ["Công đoàn Trường Tiểu học Bình Lư"]], default_font=".VnTime")
    sheet = read_unit_sheet(book)
    assert sheet.rows[0].values["name"] == "Công đoàn Trường Tiểu học Bình Lư" and sheet.encoding == "unicode"


# --- other formats ----------------------------------------------------------------------
def test_an_excel_97_workbook_is_read_with_its_fonts_formulas_and_merges(tmp_path):
    rows = [["DANH SÁCH ĐƠN VỊ"], ["STT", to_tcvn3("Tên đơn vị"), to_tcvn3("Số đoàn viên")],
            [1, to_tcvn3(UNITS[0]), 20], [2, to_vni(UNITS[1]), 31], [None, None, 51]]
    fonts = {(1, 1): ".VnTime", (1, 2): ".VnTime", (2, 1): ".VnTime", (3, 1): "VNI-Times"}
    book = xls(tmp_path / "ds.xls", rows, fonts=fonts, formulas={(4, 2)}, merges=[(0, 0, 0, 2)])
    sheet = read_unit_sheet(book)
    assert [(r.values["name"], r.values["members"]) for r in sheet.rows] == [(UNITS[0], 20), (UNITS[1], 31)]
    assert [s.row for s in sheet.skipped] == [5] and "công thức" in sheet.skipped[0].reason
    assert sheet.encoding == "tcvn3" and any("VNI" in w for w in sheet.warnings)


def test_an_opendocument_spreadsheet_is_read_with_formulas_and_spans(tmp_path):
    rows = [["DANH SÁCH"], [], ["STT", "Tên đơn vị", "Số đoàn viên"], ["A. KHỐI DOANH NGHIỆP"],
            [1, UNITS[0], 20], [2, UNITS[1], "31"], [None, None, 51]]
    book = ods(tmp_path / "ds.ods", rows, formulas={(6, 2): "of:=SUM([.C5:.C6])"}, spans={(0, 0): 3, (3, 0): 3})
    sheet = read_unit_sheet(book)
    assert [(r.row, r.values["name"], r.values["members"], r.values["sector"]) for r in sheet.rows] == [
        (5, UNITS[0], 20, "Doanh nghiệp"), (6, UNITS[1], 31, "Doanh nghiệp")]
    assert [s.row for s in sheet.skipped] == [4, 7]


def test_an_opendocument_spreadsheet_in_a_tcvn3_font(tmp_path):
    rows = [["STT", to_tcvn3("Tên đơn vị")]] + [[i, to_tcvn3(n)] for i, n in enumerate(UNITS)]
    sheet = read_unit_sheet(ods(tmp_path / "t.ods", rows, font=".VnTime"))
    assert (sheet.encoding, [r.values["name"] for r in sheet.rows]) == ("tcvn3", UNITS)


CSV_TEXT = "STT;Tên đơn vị;Số đoàn viên;Điện thoại\n1;Công đoàn Trường Tiểu học Bình Lư;1.234;0912345678\n2;Công đoàn Xã Hồ Thầu;22;\n;Tổng cộng;1256;\n"


@pytest.mark.parametrize(
    "encode, encoding",
    [
        (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-8"), "utf-8"),
        (to_cp1258, "cp1258"),
        (lambda t: to_tcvn3(t).encode("latin-1"), "tcvn3"),
        (lambda t: to_vni(t).encode("cp1252"), "vni"),
        (lambda t: t.replace(";", ",").encode("utf-8"), "utf-8"),
    ],
)
def test_csv_files_in_every_encoding_offices_use(tmp_path, encode, encoding):
    path = tmp_path / "ds.csv"
    path.write_bytes(encode(CSV_TEXT))
    sheet = read_unit_sheet(path)
    assert sheet.encoding == encoding
    assert [(r.values["name"], r.values["members"]) for r in sheet.rows] == [
        ("Công đoàn Trường Tiểu học Bình Lư", 1234), ("Công đoàn Xã Hồ Thầu", 22)]
    assert sheet.rows[0].values["phone"] == "0912345678"
    assert [s.reason for s in sheet.skipped] == ["dòng tổng cộng, không phải đơn vị"]


def test_a_sector_column_wins_over_the_section_row(tmp_path):
    rows = [["STT", "Tên đơn vị", "Khối"], ["I. KHỐI HÀNH CHÍNH SỰ NGHIỆP"], [1, UNITS[0], None], [2, UNITS[1], "Doanh nghiệp nhà nước"]]
    sheet = read_unit_sheet(xlsx(tmp_path / "k.xlsx", rows))
    assert [r.values["sector"] for r in sheet.rows] == ["Hành chính sự nghiệp", "Doanh nghiệp nhà nước"]


def test_unit_names_that_look_like_totals_are_still_units(tmp_path):
    names = ["Tổng công ty Điện lực miền Bắc", "Công đoàn Cộng đồng dân cư", "Cộng đồng Tam Đường", "Công ty Tổng hợp"]
    sheet = read_unit_sheet(xlsx(tmp_path / "n.xlsx", [["Tên đơn vị"]] + [[n] for n in names]))
    assert [r.values["name"] for r in sheet.rows] == names and sheet.skipped == []
