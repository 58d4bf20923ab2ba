"""Directives read as a careful clerk reads them: the three documents in
shared/seeds and documents written here as .docx, .pdf and legacy .txt,
so that the rules are not tuned to three files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from desktop.core.intake import extract_directive, first_period_end, propose_requirements, repair_lines
from desktop.io.document_text import read_document_text
from tests.io.files import docx_directive, pdf_directive, to_tcvn3

# The three real documents of ../shared/seeds, kept in the repository so a
# clean clone tests them too.
SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def seed(name: str):
    doc = read_document_text(SEEDS / name)
    return extract_directive(doc.text, wrapped=doc.wrapped)


def test_plan_314_of_lai_chau():
    d = seed("ke-hoach-314-KH-LDLD-lai-chau.txt")
    assert (d.number, d.kind, d.title, d.place, d.issued_on) == ("314/KH-LĐLĐ", "KH", "KẾ HOẠCH", "Lai Châu", date(2022, 2, 16))
    assert d.subject.startswith("Đẩy mạnh công tác tuyên truyền") and d.subject.endswith("trong tình hình mới”")
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("TM. BAN THƯỜNG VỤ", "PHÓ CHỦ TỊCH", "Đồng Thị Nghĩa")
    assert d.recipients == ["Thường trực Tỉnh ủy, UBND tỉnh", "Tổng LĐLĐ Việt Nam", "Ban Dân Vận, Ban Tuyên giáo Tỉnh ủy",
                            "Các Ban LĐLĐ tỉnh", "LĐLĐ các huyện, thành phố, CDN, CĐVC"]
    assert d.referenced_documents == ["02-NQ/TW", "20/CTr-LĐLĐ", "12-CTr/TU", "02/CTr-BCH", "276/KH-LĐLĐ"]
    # The text has no issuing body above the number and sets no date: nothing is guessed.
    assert (d.issuer, d.parent_issuer, d.deadlines, d.recurrence) == (None, None, [], None)


def test_notice_462_of_the_confederation():
    d = seed("thong-bao-462-TB-TLD.txt")
    assert (d.number, d.kind, d.place, d.issued_on) == ("462/TB-TLĐ", "TB", "Hà Nội", date(2021, 11, 16))
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("TL. ĐOÀN CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Nguyễn Xuân Hùng")
    assert [x.date for x in d.deadlines] == [date(2021, 11, 30), date(2021, 12, 10), date(2021, 12, 31), date(2021, 12, 31)]
    assert "gửi về Ban Tuyên giáo trước ngày 30/11/2021" in d.deadlines[0].text
    assert d.deadlines[2].text.endswith("trong tháng 12/2021.")
    assert (d.recurrence.every_months, d.recurrence.text) == (6, "6 tháng/lần")
    assert d.referenced_documents == ["02-NQ/TW", "02/Ctr-BCH"]
    assert len(d.recipients) == 3 and not any(r.startswith("Lưu") for r in d.recipients)


def test_the_lam_dong_plan_has_no_number_and_says_so():
    d = seed("ke-hoach-dang-uy-khoi-lam-dong.txt")
    assert (d.number, d.kind, d.issued_on, d.place) == (None, "KH", None, None)
    assert "number" in d.missing() and any("hãy nhập số, ký hiệu" in w for w in d.warnings)
    assert not any("--" in w for w in d.warnings)  # shown in the window too: no command-line flag
    assert d.subject == ("Thực hiện Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị (khóa XIII) về đổi mới tổ chức "
                         "và hoạt động của Công đoàn Việt Nam trong tình hình mới")
    assert [(x.date, x.text.endswith("chậm nhất đến ngày 20/11/2021.")) for x in d.deadlines] == [(date(2021, 11, 20), True)]
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Phạm Thanh Quan")
    assert "57-CTr/TU" in d.referenced_documents  # joined back across the line break
    assert d.recurrence is None  # "định kỳ hằng năm … làm việc" is no report


def test_pdf_extraction_damage_is_repaired_first():
    lines = repair_lines("II. PHƢƠNG HƢỚNG\n\nTăng cƣờng sự lãnh đạo của Đảng đối\n\nvới tổ chức công đoàn.\n\nIII. NHIỆM VỤ\n\n1. Một\n\nhai.\n\n2. Ba")
    assert lines == ["II. PHƯƠNG HƯỚNG", "Tăng cường sự lãnh đạo của Đảng đối với tổ chức công đoàn.", "III. NHIỆM VỤ", "1. Một hai.", "2. Ba"]


HEADER_LEFT = ["LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU", "BAN THƯỜNG VỤ", "Số: 45/HD-LĐLĐ"]
HEADER_RIGHT = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Lai Châu, ngày 05 tháng 3 năm 2023"]
BODY = [
    "HƯỚNG DẪN",
    "Tổ chức học tập, quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam",
    "Căn cứ Kế hoạch số 123/KH-TLĐ ngày 10/01/2023 của Tổng Liên đoàn Lao động Việt Nam, Ban Thường vụ hướng dẫn như sau:",
    "1. Các công đoàn cơ sở tổ chức học tập xong trước ngày 15/4/2023.",
    "2. Các LĐLĐ huyện báo cáo kết quả về LĐLĐ tỉnh chậm nhất vào ngày 30 tháng 4 năm 2023.",
    "3. Định kỳ báo cáo hằng quý về Ban Tuyên giáo - Nữ công.",
]
SIGNATURE = ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn Bình"]


def test_a_word_document_with_its_two_column_header(tmp_path):
    path = docx_directive(tmp_path / "hd.docx", HEADER_LEFT, HEADER_RIGHT, BODY,
                          ["- Các LĐLĐ huyện, thành phố;", "- Lưu: VT, TG."], SIGNATURE)
    doc = read_document_text(path)
    d = extract_directive(doc.text, wrapped=doc.wrapped)
    assert (d.number, d.kind, d.issuer, d.parent_issuer) == ("45/HD-LĐLĐ", "HD", "BAN THƯỜNG VỤ", "LIÊN ĐOÀN LAO ĐỘNG TỈNH LAI CHÂU")
    assert (d.place, d.issued_on, d.title) == ("Lai Châu", date(2023, 3, 5), "HƯỚNG DẪN")
    assert d.subject == "Tổ chức học tập, quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam"
    assert [x.date for x in d.deadlines] == [date(2023, 4, 15), date(2023, 4, 30)]
    assert (d.recurrence.every_months, d.recurrence.text) == (3, "hằng quý")
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Bình")
    assert d.recipients == ["Các LĐLĐ huyện, thành phố"]
    assert d.referenced_documents == ["123/KH-TLĐ"]
    assert d.warnings == []


def test_a_word_document_typed_in_a_tcvn3_font(tmp_path):
    body = [to_tcvn3(line.lower() if i == 0 else line) for i, line in enumerate(BODY)]
    fonts = {i: ".VnTimeH" if i == 0 else ".VnTime" for i in range(len(body))}  # the title in a capital font
    path = docx_directive(tmp_path / "cu.docx", HEADER_LEFT, HEADER_RIGHT, body, [], SIGNATURE, font=fonts)
    doc = read_document_text(path)
    d = extract_directive(doc.text, wrapped=doc.wrapped)
    assert doc.encoding == "tcvn3"
    assert (d.title, d.kind) == ("HƯỚNG DẪN", "HD")
    assert d.subject == "Tổ chức học tập, quán triệt Nghị quyết Đại hội XIII Công đoàn Việt Nam"
    assert [x.date for x in d.deadlines] == [date(2023, 4, 15), date(2023, 4, 30)]


PARTY_PDF = [
    "ĐẢNG BỘ TỈNH LÂM ĐỒNG",
    "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
    "*",
    "Số 15-KH/ĐUK",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Lâm Đồng, ngày 20 tháng 10 năm 2021",
    "KẾ HOẠCH",
    "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "-----",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Các chi bộ, đảng bộ cơ sở quán triệt đầy đủ nội dung Chương trình hành động số 57-",
    "CTr/TU của Ban Thường vụ Tỉnh ủy và tổ chức thực hiện nghiêm túc, có hiệu quả.",
    "II. PHƢƠNG HƢỚNG THỰC HIỆN",
    "1. Các tổ chức cơ sở đảng xây dựng kế hoạch thực hiện và gửi về Văn phòng Đảng ủy Khối trước ngày 30/11 để tổng hợp, theo dõi.",
    "2. Tổ chức sơ kết việc thực hiện trong quý IV/2021; định kỳ báo cáo 6 tháng một lần về Ban Thường vụ Đảng ủy Khối.",
    "Nơi nhận:",
    "- Ban Thường vụ Tỉnh ủy (báo cáo),",
    "- Các TCCSĐ trực thuộc,",
    "- Lưu VPĐUK.",
    "T/M BAN THƢỜNG VỤ",
    "PHÓ BÍ THƯ",
    "Trần Văn Hai",
]


def test_a_party_plan_as_pdf_with_lines_cut_by_the_page(tmp_path):
    doc = read_document_text(pdf_directive(tmp_path / "kh.pdf", PARTY_PDF, wrap=70))
    assert doc.file_format == "pdf"
    d = extract_directive(doc.text, wrapped=doc.wrapped)
    assert (d.number, d.kind, d.issuer, d.parent_issuer) == ("15-KH/ĐUK", "KH", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG BỘ TỈNH LÂM ĐỒNG")
    assert (d.place, d.issued_on) == ("Lâm Đồng", date(2021, 10, 20))
    assert d.subject == PARTY_PDF[7]
    assert d.referenced_documents == ["05-CT/TW", "57-CTr/TU"]
    # "trước ngày 30/11" takes the year of the document; a quarter ends on its last day.
    assert [x.date for x in d.deadlines] == [date(2021, 11, 30), date(2021, 12, 31)]
    assert (d.recurrence.every_months, d.recurrence.text) == (6, "6 tháng một lần")
    assert (d.signing_authority, d.signer_title, d.signer_name) == ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Trần Văn Hai")
    assert d.recipients == ["Ban Thường vụ Tỉnh ủy (báo cáo)", "Các TCCSĐ trực thuộc"]


def test_an_official_letter_in_tcvn3_bytes(tmp_path):
    text = "\n".join([
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG",
        "Số: 12/CV-LĐLĐ",
        "V/v đôn đốc báo cáo kết quả học tập Nghị quyết",
        "Tam Đường, ngày 02 tháng 12 năm 2021",
        "Kính gửi: Các công đoàn cơ sở trực thuộc",
        "Đề nghị các công đoàn cơ sở gửi báo cáo kết quả về Liên đoàn Lao động huyện trước ngày 15/12/2021.",
        "CHỦ TỊCH",
        "Lò Văn Minh",
    ])
    path = tmp_path / "cong-van.txt"
    path.write_bytes(to_tcvn3(text).encode("latin-1"))
    doc = read_document_text(path)
    d = extract_directive(doc.text, wrapped=doc.wrapped)
    assert doc.encoding == "tcvn3"
    assert (d.number, d.kind, d.subject) == ("12/CV-LĐLĐ", "CV", "V/v đôn đốc báo cáo kết quả học tập Nghị quyết")
    assert (d.place, d.issued_on) == ("Tam Đường", date(2021, 12, 2))
    assert [x.date for x in d.deadlines] == [date(2021, 12, 15)]
    assert (d.signer_title, d.signer_name, d.signing_authority) == ("CHỦ TỊCH", "Lò Văn Minh", None)


@pytest.mark.parametrize(
    "sentence, due",
    [
        ("Báo cáo về LĐLĐ tỉnh trước ngày 30/11/2021.", date(2021, 11, 30)),
        ("Gửi kế hoạch chậm nhất đến ngày 20/11/2021.", date(2021, 11, 20)),
        ("Hoàn thành chậm nhất ngày 5/1/2022.", date(2022, 1, 5)),
        ("Nộp báo cáo chậm nhất 20/11/2021.", date(2021, 11, 20)),
        ("Hạn chót ngày 15 tháng 12 năm 2021.", date(2021, 12, 15)),
        ("Tổ chức xong trong tháng 12/2021.", date(2021, 12, 31)),
        ("Tổng kết trong tháng 2 năm 2024.", date(2024, 2, 29)),
        ("Hoàn thành trước tháng 12/2021.", date(2021, 11, 30)),
        ("Sơ kết trong quý II/2022.", date(2022, 6, 30)),
        ("Gửi về trước ngày 10/01.", date(2022, 1, 10)),  # after a December letter: next year
    ],
)
def test_deadlines_in_the_forms_directives_write_them(sentence, due):
    text = f"Số: 1/KH-X\nHà Nội, ngày 20 tháng 12 năm 2021\nKẾ HOẠCH\nVề một việc\n{sentence}\n"
    assert [x.date for x in extract_directive(text).deadlines] == [due]


@pytest.mark.parametrize(
    "sentence",
    ["Ngày 10/11/2021, đồng chí Chủ tịch chủ trì cuộc họp.", "Tính đến ngày 9/11/2021, có 32/83 đơn vị ban hành kế hoạch.",
     "Nghị quyết số 02-NQ/TW ngày 12/6/2021 của Bộ Chính trị."],
)
def test_dates_that_set_no_deadline_are_not_deadlines(sentence):
    assert extract_directive(f"Số: 1/TB-X\nTHÔNG BÁO\nVề một việc\n{sentence}\n").deadlines == []


def test_a_date_left_blank_for_the_signer_is_null_and_said(tmp_path):
    d = extract_directive("Số: 7/KH-LĐLĐ\nHà Nội, ngày    tháng 10 năm 2021\nKẾ HOẠCH\nVề việc A\n")
    assert (d.number, d.place, d.issued_on) == ("7/KH-LĐLĐ", "Hà Nội", None)
    assert any("để trống" in w for w in d.warnings)


def test_what_a_text_does_not_say_stays_null():
    d = extract_directive("Một đoạn văn không phải văn bản hành chính.\n")
    assert (d.number, d.kind, d.issuer, d.place, d.issued_on, d.subject, d.signer_name, d.recurrence) == (None,) * 8
    assert d.deadlines == [] and d.recipients == [] and d.referenced_documents == []


def test_requirements_are_proposed_from_deadlines_and_the_cycle():
    d = seed("thong-bao-462-TB-TLD.txt")
    proposals, notes = propose_requirements(d)
    assert [(p.due, p.every_months, p.first_due) for p in proposals] == [
        (date(2021, 11, 30), None, None), (date(2021, 12, 10), None, None), (date(2021, 12, 31), None, None),
        (date(2021, 12, 31), None, None), (None, 6, date(2021, 12, 31))]
    assert all(len(p.title) <= 161 for p in proposals) and notes == []


def test_the_first_period_of_a_cycle_ends_with_a_calendar_period():
    assert first_period_end(date(2021, 11, 16), 6) == date(2021, 12, 31)
    assert first_period_end(date(2022, 1, 3), 6) == date(2022, 6, 30)
    assert first_period_end(date(2022, 6, 30), 3) == date(2022, 9, 30)
    assert first_period_end(date(2022, 2, 10), 12) == date(2022, 12, 31)
