"""Each way a real directive was misread, as a test of its own: the motto
read as the issuer, letters without a kind code, signature blocks,
subjects over several lines, Nơi nhận, references in every written form,
and dates the calendar does not have."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.core.dates import (
    DateError,
    impossible_dates,
    parse_date,
    parse_written_date,
)
from desktop.core.intake import extract_directive, propose_requirements
from desktop.core.intake.kinds import document_kind
from desktop.io.document_text import read_document_text
from tests.io.files import pdf_directive

BODY = "Kính gửi: Các công đoàn cơ sở.\nĐề nghị các đơn vị báo cáo trước ngày 15/12/2023.\n"
FOOT = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nLò Văn Minh\n"


def read(text: str):
    return extract_directive(text)


# --- the motto is never the issuer ----------------------------------------------------------
@pytest.mark.parametrize(
    "header",
    [
        # web copy, the right column first
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nTam Đường, ngày 02 tháng 12 năm 2023\n"
        "LĐLĐ TỈNH LAI CHÂU\nLĐLĐ HUYỆN TAM ĐƯỜNG\nSố: 12/LĐLĐ\nV/v đôn đốc báo cáo\n"),
        # web copy, the motto wrapped over two lines
        ("LĐLĐ TỈNH LAI CHÂU\nLĐLĐ HUYỆN TAM ĐƯỜNG\nSố: 12/LĐLĐ\nV/v đôn đốc báo cáo\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nTam Đường, ngày 02 tháng 12 năm 2023\n"),
        # a table row joined with "|"
        ("LĐLĐ TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLĐLĐ HUYỆN TAM ĐƯỜNG | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/LĐLĐ | Tam Đường, ngày 02 tháng 12 năm 2023\nV/v đôn đốc báo cáo |\n"),
        # a markdown table
        ("| LĐLĐ TỈNH LAI CHÂU | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n|---|---|\n"
        "| LĐLĐ HUYỆN TAM ĐƯỜNG | Độc lập - Tự do - Hạnh phúc |\n| Số: 12/LĐLĐ | Tam Đường, ngày 02 tháng 12 năm 2023 |\n"
        "| V/v đôn đốc báo cáo | |\n"),
        # the columns joined by a single space (a PDF read without its layout)
        ("LĐLĐ TỈNH LAI CHÂU CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLĐLĐ HUYỆN TAM ĐƯỜNG Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/LĐLĐ Tam Đường, ngày 02 tháng 12 năm 2023\nV/v đôn đốc báo cáo\n"),
        # printed side by side, the motto wrapped in its column
        ("LĐLĐ TỈNH LAI CHÂU                 CỘNG HÒA XÃ HỘI\nLĐLĐ HUYỆN TAM ĐƯỜNG                CHỦ NGHĨA VIỆT NAM\n"
        "Số: 12/LĐLĐ                        Độc lập - Tự do - Hạnh phúc\nV/v đôn đốc báo cáo                "
        "Tam Đường, ngày 02 tháng 12 năm 2023\n"),
    ],
    ids=["right-column-first", "motto-wrapped", "pipe-row", "markdown-table", "single-space", "printed-wrapped-motto"],
)
def test_the_national_motto_is_never_the_issuer(header):
    d = read(header + BODY + FOOT)
    assert (d.issuer, d.parent_issuer) == ("LĐLĐ HUYỆN TAM ĐƯỜNG", "LĐLĐ TỈNH LAI CHÂU")
    assert (d.number, d.kind, d.place, d.issued_on) == ("12/LĐLĐ", "CV", "Tam Đường", date(2023, 12, 2))
    assert d.subject == "V/v đôn đốc báo cáo"


@pytest.mark.parametrize(
    "lines, issuer, parent",
    [
        (["LĐLĐ TỈNH THANH HÓA", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN", "ĐỊNH"], "LIÊN ĐOÀN LAO ĐỘNG HUYỆN YÊN ĐỊNH", "LĐLĐ TỈNH THANH HÓA"),
        (["TỔNG LIÊN ĐOÀN LAO ĐỘNG", "VIỆT NAM"], "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", None),
        (["ỦY BAN NHÂN DÂN", "TỈNH ĐIỆN BIÊN"], "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", None),
        (["BỘ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"], "BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", None),
        (["UBND TỈNH LAI CHÂU", "SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"], "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH LAI CHÂU"),
        (["LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", "BAN THƯỜNG VỤ"], "BAN THƯỜNG VỤ", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU"),
        (["TỔNG LĐLĐ VIỆT NAM", "CÔNG ĐOÀN NGÀNH GIÁO DỤC", "TỈNH NGHỆ AN"], "CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH NGHỆ AN", "TỔNG LĐLĐ VIỆT NAM"),
    ],
)
def test_an_issuer_wrapped_in_its_column_is_joined_back(lines, issuer, parent):
    motto = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Hà Nội, ngày 02 tháng 12 năm 2023"]
    rows = [f"{a}\t{b}" if a and b else (a or "\t" + b) for a, b in
            zip(lines + ["Số: 12/KH-X"] + [""] * 3, motto + [""] * (len(lines) + 1 - len(motto)) + [""] * 3)]
    d = read("\n".join(r for r in rows if r.strip()) + "\nKẾ HOẠCH\nVề một việc\n" + BODY)
    assert (d.issuer, d.parent_issuer) == (issuer, parent)


# --- kinds ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "number, kind",
    [("8019/TLĐ-TG", "CV"), ("730/LĐLĐ", "CV"), ("1234/UBND-VX", "CV"), ("5512/BGDĐT-GDCT", "CV"), ("12-CV/TU", "CV"),
     ("314/KH-LĐLĐ", "KH"), ("15-KH/ĐUK", "KH"), ("02/Ctr-BCH", "CTr"), ("1234/QĐ-UBND", "QĐ"), ("462/TB-TLĐ", "TB"),
     ("29/HD-TLĐ", "HD"), ("26/2020/TT-BGDĐT", "TT"), ("30/2020/NĐ-CP", "NĐ"), ("01-KL/TW", "KL")],
)
def test_the_kind_comes_from_the_symbol_and_a_letter_without_one_is_a_cong_van(number, kind):
    assert document_kind(number, None, None)[0] == kind


def test_a_letter_without_a_kind_code_is_a_cong_van_in_the_intake_result():
    d = read("TỔNG LIÊN ĐOÀN LAO ĐỘNG\nVIỆT NAM\nSố: 8019/TLĐ-TG\nV/v tuyên truyền\nHà Nội, ngày 12 tháng 01 năm 2024\n" + BODY)
    assert (d.number, d.kind) == ("8019/TLĐ-TG", "CV")


# --- signature blocks -----------------------------------------------------------------------
HEAD = "LĐLĐ HUYỆN TAM ĐƯỜNG\nSố: 12/KH-LĐLĐ\nTam Đường, ngày 02 tháng 12 năm 2023\nKẾ HOẠCH\nVề một việc\n" + BODY


@pytest.mark.parametrize(
    "block, expected",
    [
        ("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n(Đã ký) Lò Văn Minh", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Văn Minh")),
        ("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nLò Văn Minh (đã ký)", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Văn Minh")),
        ("TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n(Đã ký và đóng dấu)\n\nLò Văn Minh", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Văn Minh")),
        ("TL. BỘ TRƯỞNG\nKT. VỤ TRƯỞNG VỤ GIÁO DỤC CHÍNH TRỊ\nPHÓ VỤ TRƯỞNG\n(đã ký)\nĐỗ Văn Minh",
         ("TL. BỘ TRƯỞNG KT. VỤ TRƯỞNG VỤ GIÁO DỤC CHÍNH TRỊ", "PHÓ VỤ TRƯỞNG", "Đỗ Văn Minh")),
        ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNGUYỄN VĂN BÌNH", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "NGUYỄN VĂN BÌNH")),
        ("TM. BAN THƯỜNG VỤ LIÊN ĐOÀN\nLAO ĐỘNG HUYỆN\nCHỦ TỊCH\nLò Văn Minh",
         ("TM. BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG HUYỆN", "CHỦ TỊCH", "Lò Văn Minh")),
        (("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nKý bởi: Ủy ban nhân dân tỉnh Lai Châu\n"
          "Thời gian ký: 15.08.2023 09:12:40 +07:00\nHà Trọng Hải¹"),
         ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Trọng Hải")),
        ("CHỦ TỊCH\n[daky]\nLò Văn Minh", (None, "CHỦ TỊCH", "Lò Văn Minh")),
    ],
    ids=["signed-before-name", "signed-after-name", "seal", "stacked", "name-in-capitals", "authority-wrapped",
         "digital-stamp-and-footnote", "no-authority"],
)
def test_signature_blocks_are_read_as_authority_title_and_name(block, expected):
    d = read(HEAD + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n" + block + "\n")
    assert (d.signing_authority, d.signer_title, d.signer_name) == expected


def test_a_signature_block_beside_the_recipients_in_columns_is_read_by_column():
    foot = ("Nơi nhận:\tTM. BAN THƯỜNG VỤ\n- Thường trực LĐLĐ tỉnh;\tKT. CHỦ TỊCH\n- Các CĐCS trực thuộc;\tPHÓ CHỦ TỊCH\n"
            "- Lưu: VT.\t\n\tTrần Thị Mai\n")
    d = read(HEAD + foot)
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("TM. BAN THƯỜNG VỤ KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Thị Mai")
    assert d.recipients == ["Thường trực LĐLĐ tỉnh", "Các CĐCS trực thuộc"]


# --- subjects -------------------------------------------------------------------------------
def test_a_subject_over_three_printed_lines_is_read_to_its_end():
    text = ("LĐLĐ HUYỆN TAM ĐƯỜNG\nSố: 12/KH-LĐLĐ\nTam Đường, ngày 02 tháng 12 năm 2023\nKẾ HOẠCH\n"
            "Triển khai thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021\nCủa Bộ Chính trị về đổi mới tổ chức và hoạt động\n"
            "Công đoàn Việt Nam trong tình hình mới\n\nThực hiện Kế hoạch số 314/KH-LĐLĐ của LĐLĐ tỉnh, Ban Thường vụ xây dựng kế hoạch như sau:\n")
    assert read(text).subject == ("Triển khai thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 Của Bộ Chính trị về đổi mới "
                                  "tổ chức và hoạt động Công đoàn Việt Nam trong tình hình mới")


def test_a_decisions_article_one_is_not_its_subject():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\nSố: 1234/QĐ-UBND\nLai Châu, ngày 15 tháng 8 năm 2023\nQUYẾT ĐỊNH\n"
            "Ban hành Quy chế phối hợp giữa Ủy ban nhân dân tỉnh\nvà Liên đoàn Lao động tỉnh\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Công đoàn số 50/2024/QH15;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\nĐiều 2. Quyết định có hiệu lực từ ngày ký.\n")
    d = read(text)
    assert d.subject == "Ban hành Quy chế phối hợp giữa Ủy ban nhân dân tỉnh và Liên đoàn Lao động tỉnh"
    assert d.kind == "QĐ" and "50/2024/QH15" in d.referenced_documents

    without = read(text.replace("Ban hành Quy chế phối hợp giữa Ủy ban nhân dân tỉnh\nvà Liên đoàn Lao động tỉnh\n", ""))
    assert without.subject is None  # never "Điều 1. …"


# --- Nơi nhận ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "block, expected",
    [
        ("Nơi nhận:\n- Như trên;\n- Thường trực LĐLĐ tỉnh (b/c);\nLưu: VT, TG.", ["Như trên", "Thường trực LĐLĐ tỉnh (b/c)"]),
        ("Nơi nhận:\n- Như trên;\n- LĐLĐ các huyện, thành phố, công đoàn ngành,\ncông đoàn viên chức tỉnh;\n- Lưu: VT.",
         ["Như trên", "LĐLĐ các huyện, thành phố, công đoàn ngành, công đoàn viên chức tỉnh"]),
        ("Nơi nhận:\n- Như trên;\n- Lưu:\n+ VT;\n+ Ban Tuyên giáo.", ["Như trên"]),
        ("Nơi nhận: - Các CĐCS trực thuộc;\n- Lưu VP.", ["Các CĐCS trực thuộc"]),
    ],
    ids=["luu-alone", "wrapped-entry", "luu-with-items", "first-on-the-heading-line"],
)
def test_recipients_are_one_per_entry_without_the_file_copy(block, expected):
    d = read(HEAD + block + "\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nLò Văn Minh\n")
    assert d.recipients == expected


# --- references -----------------------------------------------------------------------------
def test_references_in_every_written_form():
    text = HEAD.replace("Về một việc\n", "Về một việc\nThực hiện Công văn 1517/TLĐ ngày 05/12/2023 và văn bản số 730/LĐLĐ; "
                        "Nghị định 30/2020/NĐ-CP; Luật Công đoàn số 50/2024/QH15; Kết luận số 01-KL/TW; "
                        "Thông tư số 26/2020/TT-\nBGDĐT ngày 26/8/2020.\n")
    refs = read(text).referenced_documents
    assert refs == ["1517/TLĐ", "730/LĐLĐ", "30/2020/NĐ-CP", "50/2024/QH15", "01-KL/TW", "26/2020/TT-BGDĐT"]


def test_a_reference_broken_at_its_hyphen_in_a_pdf_is_found(tmp_path):
    lines = ["LĐLĐ HUYỆN TAM ĐƯỜNG", "Số: 12/KH-LĐLĐ", "Tam Đường, ngày 02 tháng 12 năm 2023", "KẾ HOẠCH", "Về một việc",
             "Căn cứ Thông tư số 26/2020/TT-", "BGDĐT ngày 26/8/2020 của Bộ Giáo dục và Đào tạo, hướng dẫn như sau:",
             "Các trường báo cáo trước ngày 15/12/2023."]
    doc = read_document_text(pdf_directive(tmp_path / "tt.pdf", lines, wrap=200))
    d = extract_directive(doc.text, wrapped=doc.wrapped)
    assert d.referenced_documents == ["26/2020/TT-BGDĐT"]


# --- dates the calendar does not have (issue 15, rule 5) -----------------------------------------
def test_an_impossible_deadline_is_named_not_called_year_unknown():
    d = read(HEAD.replace("báo cáo trước ngày 15/12/2023", "báo cáo trước ngày 31/02/2022"))
    (deadline,) = d.deadlines
    assert deadline.date is None and "31/02/2022" in deadline.problem and "28 ngày" in deadline.problem
    assert any("31/02/2022" in w and "không phải ngày có thật" in w for w in d.warnings)
    _proposals, notes = propose_requirements(d)
    assert any("31/02/2022" in n for n in notes) and not any("Không rõ năm" in n for n in notes)


def test_a_reference_with_an_impossible_date_is_named_in_the_warnings():
    d = read(HEAD.replace("Về một việc\n", "Về một việc\nThực hiện Kế hoạch số 45/KH-LĐLĐ ngày 30 tháng 02 năm 2023 của LĐLĐ tỉnh.\n"))
    assert "45/KH-LĐLĐ" in d.referenced_documents
    assert any("30 tháng 02 năm 2023" in w and "tháng 2 năm 2023 chỉ có 28 ngày" in w for w in d.warnings)


def test_an_impossible_issue_date_is_named():
    d = read("LĐLĐ HUYỆN TAM ĐƯỜNG\nSố: 12/KH-LĐLĐ\nTam Đường, ngày 31 tháng 4 năm 2023\nKẾ HOẠCH\nVề một việc\n")
    assert d.issued_on is None and d.place == "Tam Đường"
    assert any("31/04/2023" in w and "30 ngày" in w for w in d.warnings)


# --- one date parser ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, day",
    [("ngày 16 tháng 02 năm 2022", date(2022, 2, 16)), ("16 tháng 2 năm 2022", date(2022, 2, 16)),
     ("16 tháng 02, năm 2022", date(2022, 2, 16)), ("16/02/2022", date(2022, 2, 16)), ("2022-02-16", date(2022, 2, 16))],
)
def test_dates_are_read_in_the_forms_documents_write(text, day):
    assert parse_written_date(text) == day


def test_an_impossible_written_date_is_refused_with_its_reason():
    with pytest.raises(DateError, match="31/02/2022.*28 ngày"):
        parse_written_date("ngày 31 tháng 02 năm 2022")
    assert impossible_dates("trước ngày 31/02/2022 và ngày 30/11/2021") == [("31/02/2022", "tháng 2 năm 2022 chỉ có 28 ngày")]
    assert parse_date("16/02/2022") == date(2022, 2, 16)  # the form widgets' parser is unchanged


@pytest.mark.parametrize(
    "block, expected",
    [("TM. BAN THƯỜNG VỤ CHỦ TỊCH\n(Đã ký)\nGiàng A Páo", ("TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Giàng A Páo")),
     ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Giàng A Páo", ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Páo")),
     ("TM. ĐOÀN CHỦ TỊCH\nPHÓ CHỦ TỊCH\nGiàng A Páo", ("TM. ĐOÀN CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Giàng A Páo"))],
    ids=["authority-and-title", "authority-title-and-name", "authority-ending-in-a-title-word"],
)
def test_a_signature_block_flattened_onto_one_line_is_cut_back(block, expected):
    d = read(HEAD + "Nơi nhận: - Thường trực LĐLĐ tỉnh (b/c); - Các CĐCS trực thuộc; - Lưu: VT.\n" + block + "\n")
    assert (d.signing_authority, d.signer_title, d.signer_name) == expected
    assert d.recipients == ["Thường trực LĐLĐ tỉnh (b/c)", "Các CĐCS trực thuộc"]


def test_a_word_header_typed_with_line_breaks_in_its_cells_is_read_by_column(tmp_path):
    import docx

    document = docx.Document()
    left, right = document.add_table(rows=1, cols=2).rows[0].cells

    def broken(paragraph, lines):  # Shift+Enter between the lines
        for i, line in enumerate(lines):
            if i:
                paragraph.add_run().add_break()
            paragraph.add_run(line)

    broken(left.paragraphs[0], ["LĐLĐ TỈNH LAI CHÂU", "LĐLĐ HUYỆN PHONG THỔ", "Số: 21/LĐLĐ", "V/v báo cáo kết quả"])
    broken(right.paragraphs[0], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"])
    right.add_paragraph("Phong Thổ, ngày 02 tháng 5 năm 2024")
    document.add_paragraph("Kính gửi: Các CĐCS trực thuộc.")
    document.add_paragraph("Đề nghị các CĐCS báo cáo trước ngày 20/5/2024.")
    foot_left, foot_right = document.add_table(rows=1, cols=2).rows[0].cells
    broken(foot_left.paragraphs[0], ["Nơi nhận:", "- Như trên;", "- Lưu: VT."])
    broken(foot_right.paragraphs[0], ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"])
    foot_right.add_paragraph("")
    foot_right.add_paragraph("Lò Thị Mai")
    document.add_paragraph("")
    document.save(tmp_path / "cv.docx")
    text = read_document_text(tmp_path / "cv.docx")
    d = extract_directive(text.text, wrapped=text.wrapped)
    assert (d.number, d.kind, d.issuer, d.parent_issuer) == ("21/LĐLĐ", "CV", "LĐLĐ HUYỆN PHONG THỔ", "LĐLĐ TỈNH LAI CHÂU")
    assert (d.place, d.issued_on, d.subject) == ("Phong Thổ", date(2024, 5, 2), "V/v báo cáo kết quả")
    assert (d.signing_authority, d.signer_title, d.signer_name, d.recipients) == (
        "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Thị Mai", ["Như trên"])


@pytest.mark.parametrize("place", ["Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "Thị xã Sa Pa", "Hà Nội", "Buôn Ma Thuột"])
def test_the_place_is_read_as_printed(place):
    d = read(f"LĐLĐ HUYỆN X\nSố: 1/KH-LĐLĐ\n{place}, ngày 02 tháng 5 năm 2024\nKẾ HOẠCH\nVề một việc\n")
    assert (d.place, d.issued_on) == (place, date(2024, 5, 2))


def test_a_decisions_title_run_into_its_subject_is_found_above_its_articles():
    text = ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU\nSố: 1234/QĐ-UBND\nLai Châu, ngày 15 tháng 8 năm 2023\n"
            "QUYẾT ĐỊNH Về việc ban hành Quy chế phối hợp với Liên đoàn Lao động tỉnh\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n")
    d = read(text)
    assert (d.title, d.kind) == ("QUYẾT ĐỊNH", "QĐ")
    assert d.subject == "Về việc ban hành Quy chế phối hợp với Liên đoàn Lao động tỉnh"


@pytest.mark.parametrize(
    "line, number",
    [("Số: 45/HD - LĐLĐ", "45/HD-LĐLĐ"), ("Số: 45 / HD-LĐLĐ", "45/HD-LĐLĐ"), ("Số 15-KH/ĐUK", "15-KH/ĐUK"),
     ("Số: 12/2023/TT-BGDĐT", "12/2023/TT-BGDĐT"), ("Số: 1234/QĐ-", "1234/QĐ-UBND")],
)
def test_the_number_is_read_whole_however_it_is_spaced_or_wrapped(line, number):
    rest = "\nUBND" if line.endswith("-") else ""
    d = read(f"ỦY BAN NHÂN DÂN TỈNH X\n{line}{rest}\nHà Nội, ngày 02 tháng 5 năm 2024\nKẾ HOẠCH\nVề một việc\n")
    assert d.number == number


def test_sub_entries_of_nơi_nhận_are_entries_of_their_own():
    block = "Nơi nhận:\n- Như trên;\n- Các Ban LĐLĐ tỉnh:\n+ Ban Tổ chức;\n+ Ban Tuyên giáo;\n- Lưu: VT."
    d = read(HEAD + block + "\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nLò Văn Minh\n")
    assert d.recipients == ["Như trên", "Các Ban LĐLĐ tỉnh", "Ban Tổ chức", "Ban Tuyên giáo"]


def test_a_units_document_reference_with_an_impossible_date_says_why():
    from desktop.core.intake import read_doc_reference, split_doc_reference

    assert split_doc_reference("12/KH-CĐCS ngày 03/11/2021") == ("12/KH-CĐCS", date(2021, 11, 3))
    number, day, problem = read_doc_reference("12/KH-CĐCS ngày 31/02/2022")
    assert (number, day) == ("12/KH-CĐCS", None)
    assert "31/02/2022" in problem and "28 ngày" in problem


def test_recipients_and_signature_lines_that_do_not_share_baselines_are_told_apart():
    # As an office suite exports a foot table whose cells have different spacing.
    foot = ("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN\n- Như Điều 3;\n\tKT. CHỦ TỊCH\n- TT. Tỉnh ủy, TT. HĐND tỉnh;\n\tPHÓ CHỦ TỊCH\n"
            "- LĐLĐ tỉnh;\n\n- Lưu: VT, VX.\n\n\tHà Trọng Hải\n")
    d = read(HEAD + foot)
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hà Trọng Hải")
    assert d.recipients == ["Như Điều 3", "TT. Tỉnh ủy, TT. HĐND tỉnh", "LĐLĐ tỉnh"]


def test_a_place_and_date_wrapped_beside_a_wrapped_subject_are_both_read():
    head = ("TỔNG LIÊN ĐOÀN LAO ĐỘNG\tCỘNG HÒA XÃ HỘI CHỦ\n\tNGHĨA VIỆT NAM\nVIỆT NAM\n\tĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 8019/TLĐ-TG\nV/v tuyên truyền, tổ chức học\tHà Nội, ngày 12 tháng 01\ntập\tnăm 2024\n\n"
            "Kính gửi: Các LĐLĐ tỉnh, thành phố.\n")
    d = read(head)
    assert (d.issuer, d.parent_issuer, d.place, d.issued_on) == ("TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM", None, "Hà Nội", date(2024, 1, 12))
    assert d.subject == "V/v tuyên truyền, tổ chức học tập"
