"""The report and the urging letter as a reader of the PDF sees them."""

from __future__ import annotations

import re
from datetime import date

import pytest


from desktop.io.reporting import make_report, make_urge
from tests.documents.conftest import is_nfc, pdf_fonts, pdf_pages, pdf_text, qpdf_ok

A4 = (595.3, 841.9)


def _portrait(size):
    return abs(size[0] - A4[0]) < 1 and abs(size[1] - A4[1]) < 1


def _landscape(size):
    return abs(size[0] - A4[1]) < 1 and abs(size[1] - A4[0]) < 1


def test_the_report_reads_back_as_an_official_document(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=10)
    made = make_report(engine, directive_id=directive_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 5), out_dir=tmp_path)
    text = pdf_text(made.files["pdf"])
    assert is_nfc(text)
    flat = " ".join(text.split())
    for expected in [
        "LĐLĐ TỈNH LAI CHÂU", "LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG", "Số: 01/BC-LĐLĐ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Tam Đường, ngày 05 tháng 5 năm 2022", "BÁO CÁO",
        "Kết quả thực hiện Kế hoạch số 314/KH-LĐLĐ ngày 16/02/2022 của Liên đoàn Lao động tỉnh Lai Châu",
        "Tổng số đơn vị phải thực hiện: 10 đơn vị, trong đó 2 đơn vị được miễn",
        "Đã có 6/8 đơn vị thực hiện (đạt 75%), trong đó 4 đơn vị thực hiện đúng hạn và 2 đơn vị thực hiện chậm",
        "số buổi: 12", "Nơi nhận:", "- LĐLĐ tỉnh Lai Châu (để b/c);", "- Lưu: VT.",
        "TM. BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lò Văn Minh", "PHỤ LỤC",
        "(Kèm theo Báo cáo số 01/BC-LĐLĐ ngày 05/05/2022 của Liên đoàn Lao động huyện Tam Đường)",
    ]:
        assert expected in flat, expected
    assert "Các đơn vị chưa thực hiện: Công đoàn cơ sở Trường Tiểu học số 1 xã Bản Giang" in flat


def test_every_font_is_embedded_and_qpdf_finds_no_fault(engine, office_db, tmp_path):
    directive_id, _ = office_db()
    made = make_report(engine, directive_id=directive_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 5), out_dir=tmp_path)
    fonts = pdf_fonts(made.files["pdf"])
    assert fonts and all("LiberationSerif" in f[0] for f in fonts)
    assert all(f[-5] == "yes" for f in fonts), fonts  # the "emb" column
    assert qpdf_ok(made.files["pdf"])


def test_the_body_is_portrait_a4_and_a_wide_appendix_landscape(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db()
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    sizes = pdf_pages(made.files["pdf"])
    assert _portrait(sizes[0])
    assert _landscape(sizes[-1])  # the appendix has indicator columns


def test_page_numbers_start_on_page_two(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=40)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    assert made.pages >= 3
    first = pdf_text(made.files["pdf"], 1, 1).strip().splitlines()
    second = pdf_text(made.files["pdf"], 2, 2).strip().splitlines()
    assert first[0].strip() != "1"
    assert second[0].strip() == "2"


def test_five_hundred_units_asked_for_run_over_many_pages_with_the_header_repeated(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=500)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path, annex=True)
    assert made.pages > 10
    for page in (made.pages - 1, made.pages):
        assert "Tên đơn vị" in pdf_text(made.files["pdf"], page, page)
    last_rows = pdf_text(made.files["pdf"], made.pages, made.pages)
    assert re.search(r"\b500\b", last_rows)
    assert qpdf_ok(made.files["pdf"])


def test_long_unit_names_wrap_inside_their_cells(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=3, name_length=400)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    assert qpdf_ok(made.files["pdf"])
    assert "Đơn vị có tên rất dài" in pdf_text(made.files["pdf"], made.pages, made.pages)


def test_a_requirement_with_no_applicable_unit_still_makes_a_report(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=0)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    flat = " ".join(pdf_text(made.files["pdf"]).split())
    assert "Không có đơn vị nào thuộc diện phải thực hiện yêu cầu này." in flat
    assert "Không có đơn vị nào thuộc diện thực hiện." in flat


def test_a_single_unit_report_names_it(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=1)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    flat = " ".join(pdf_text(made.files["pdf"]).split())
    assert "Tổng số đơn vị phải thực hiện: 1 đơn vị" in flat


def test_every_sector_appears_in_the_breakdown(engine, office_db, tmp_path):
    from tests.documents.conftest import SECTORS

    directive_id, requirement_id = office_db(units=8)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    flat = " ".join(pdf_text(made.files["pdf"], 1, 2).split())
    for sector in SECTORS:
        assert f"khối {sector}" in flat


def test_the_urging_letter_addresses_the_units_still_owing(engine, office_db, tmp_path):
    _, requirement_id = office_db(units=10)
    made = make_urge(engine, requirement_id=requirement_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 2),
                     new_due=date(2022, 5, 10), out_dir=tmp_path)
    assert made.number == "01/CV-LĐLĐ"
    assert made.units == ["Công đoàn cơ sở Trường Tiểu học số 1 xã Bản Giang", "Công đoàn cơ sở Trường Tiểu học số 6 xã Bản Giang"]
    flat = " ".join(pdf_text(made.files["pdf"]).split())
    for expected in ["Số: 01/CV-LĐLĐ", "V/v đôn đốc báo cáo kết quả tuyên truyền, quán triệt", "Kính gửi:",
                     "- Công đoàn cơ sở Trường Tiểu học số 1 xã Bản Giang;", "- Công đoàn cơ sở Trường Tiểu học số 6 xã Bản Giang.",
                     "trước ngày 10/05/2022", "Như Kính gửi;", "Tam Đường, ngày 02 tháng 5 năm 2022"]:
        assert expected in flat, expected
    calls = " ".join(pdf_text(made.files["call_list"]).split())
    assert "DANH SÁCH ĐƠN VỊ CẦN ĐÔN ĐỐC" in calls and "0900000000" in calls and "Nguyễn Văn A" in calls
    assert qpdf_ok(made.files["pdf"]) and qpdf_ok(made.files["call_list"])


def test_a_letter_cannot_set_a_deadline_before_its_own_date(engine, office_db, tmp_path):
    from desktop.core.errors import UserError

    _, requirement_id = office_db(units=10)
    made = make_urge(engine, requirement_id=requirement_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 20), out_dir=tmp_path)
    assert "trước ngày 27/05/2022" in " ".join(pdf_text(made.files["pdf"]).split())  # a week after the letter
    with pytest.raises(UserError, match="phải sau ngày ban hành"):
        make_urge(engine, requirement_id=requirement_id, as_of=date(2022, 4, 30), issued_on=date(2022, 5, 20),
                  new_due=date(2022, 5, 1), out_dir=tmp_path)
    with pytest.raises(UserError, match="trước ngày tính số liệu"):
        make_report(engine, directive_id=1, as_of=date(2022, 4, 30), issued_on=date(2022, 4, 1), out_dir=tmp_path)
