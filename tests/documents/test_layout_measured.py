"""The report and the urging letter measured on the page: the rules of the
heading against their text lines, the page foot before the signature, the
appendix's header cells and totals, the words of the sentences, the fonts."""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest

from db.models import Directive
from db.session import unit_of_work
from desktop.core.office import init_office
from desktop.core.units import find_unit, save_unit
from desktop.core.vntext import fold
from desktop.io.documents import report as report_module
from desktop.io.documents.wording import office_key
from desktop.io.reporting import make_report, make_urge, preview_report
from desktop.resources import resource
from tests.documents.conftest import pdf_fonts, pdf_text
from tests.documents.measure import MM, lines_spelling, rule_under, rules, text_lines, words

AS_OF, ISSUED = date(2022, 4, 30), date(2022, 5, 5)
PAGE_FOOT = 841.89 - 20 * MM  # the bottom margin's edge, from the top
OFFICE = "Liên đoàn Lao động huyện Tam Đường"


def _preview(engine, directive_id, tmp_path, name="p.pdf", **kw):
    path = tmp_path / name
    preview_report(engine, directive_id=directive_id, as_of=AS_OF, issued_on=ISSUED, path=path, **kw)
    return path


def _heading_rules(pdf):
    lines, found = text_lines(pdf, 1), rules(pdf, 1)
    # The heading's two columns, each read on its own.
    motto = lines_spelling([l for l in lines if l.centre > 300], "Độc lập - Tự do - Hạnh phúc")
    office = lines_spelling([l for l in lines if l.centre < 300], OFFICE.upper())
    return (motto, rule_under(motto, found)), (office, rule_under(office, found))


@pytest.mark.parametrize("kind", ["report", "letter"])
def test_every_rule_of_the_heading_is_as_long_as_the_decree_asks_of_its_line(engine, office_db, tmp_path, kind):
    directive_id, requirement_id = office_db(units=6)
    if kind == "report":
        pdf = _preview(engine, directive_id, tmp_path)
    else:
        pdf = make_urge(engine, requirement_id=requirement_id, as_of=AS_OF, issued_on=ISSUED, out_dir=tmp_path).files["pdf"]
    (motto, motto_rule), (office, office_rule) = _heading_rules(pdf)
    # Under the motto: the line's own length (it was 55 mm for a 58 mm line).
    assert abs(motto_rule.length - motto[0].width) < 1.5, (motto_rule.length, motto[0].width)
    assert abs(motto_rule.centre - motto[0].centre) < 1.5
    # Under the office's name: one third to one half of its longest line.
    widest = max(l.width for l in office)
    assert widest / 3 <= office_rule.length <= widest / 2, (office_rule.length, widest)


def test_the_rule_under_the_subject_is_a_third_to_a_half_of_its_line(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=6)
    pdf = _preview(engine, directive_id, tmp_path)
    lines = text_lines(pdf, 1)
    subject = lines_spelling(lines, "Kết quả thực hiện Kế hoạch số 314/KH-LĐLĐ ngày 16/02/2022 của Liên đoàn Lao động tỉnh Lai Châu")
    rule = rule_under(subject, rules(pdf, 1))
    widest = max(l.width for l in subject)
    # It was 35 mm under a full-width line: 21%.
    assert widest / 3 <= rule.length <= widest / 2, (rule.length, widest)


def test_the_signature_takes_the_last_two_lines_of_text_with_it_and_nothing_more(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=6)
    sentence = "Các đơn vị đã tổ chức quán triệt đến đoàn viên bằng nhiều hình thức phù hợp với điều kiện thực tế."
    split_over_pages = not_full = 0
    for n in range(0, 26, 2):
        pdf = _preview(engine, directive_id, tmp_path, f"p{n}.pdf", assessment=" ".join([sentence] * n) or None)
        page = next(p for p in range(1, 6) if any(l.text == "Nơi nhận:" for l in text_lines(pdf, p)))
        if page == 1:
            continue
        split_over_pages += 1
        lines = text_lines(pdf, page)
        at = next(i for i, l in enumerate(lines) if l.text == "Nơi nhận:")
        travelled = [l for l in lines[:at] if l.text != str(page)]  # not the page number
        assert len(travelled) >= 2, f"the signature stands alone on page {page} ({n} sentences)"
        blank = PAGE_FOOT - max(l.bottom for l in text_lines(pdf, page - 1))
        if re.match(r"[IVX]+\. ", travelled[0].text) and len(travelled) > 2:
            # A section heading never ends a page: it went over with what it
            # heads because it could not stay there with a line of its own.
            heading_with_a_line = travelled[2].top - travelled[0].top
            assert blank < heading_with_a_line + 18.2, f"{blank / MM:.0f} mm blank above a heading ({n} sentences)"
        elif blank > 2 * 18.2 + 6:
            not_full += 1
            # The page before is not full: only the last two lines went with
            # the signature (a whole closing paragraph kept with it left 60 mm
            # blank), and they could not have stayed.
            assert len(travelled) == 2, f"{[l.text for l in travelled]} went with the signature ({n} sentences)"
            travelled_height = max(l.bottom for l in lines) - travelled[0].top
            assert blank < travelled_height, f"{blank / MM:.0f} mm blank at the foot of page {page - 1} ({n} sentences)"
    assert split_over_pages >= 3 and not_full >= 1  # the cases that matter were met


def _body_sentences(pdf) -> list[str]:
    flat = " ".join(pdf_text(pdf).split())
    body = flat[flat.index("Thực hiện"):flat.index("Nơi nhận:")]
    return [s for s in re.split(r"(?<=\.)\s+", body) if s]


@pytest.mark.parametrize("issuer", ["Liên đoàn Lao động tỉnh Lai Châu", "LĐLĐ huyện Tam Đường"])
def test_no_sentence_names_an_office_twice(engine, office_db, tmp_path, issuer):
    directive_id, requirement_id = office_db(units=6)
    with unit_of_work(engine) as s:
        s.get(Directive, directive_id).issuer = issuer  # another office, or this office itself
    report = _preview(engine, directive_id, tmp_path)
    letter = make_urge(engine, requirement_id=requirement_id, as_of=AS_OF, issued_on=ISSUED, out_dir=tmp_path).files["pdf"]
    names = {office_key(n) for n in (OFFICE, "LĐLĐ tỉnh Lai Châu", issuer)}
    for pdf in (report, letter):
        for sentence in _body_sentences(pdf):
            key = office_key(sentence)
            for name in names:
                assert key.count(name) <= 1, sentence
    closing = next(s for s in _body_sentences(report) if s.startswith("Trên đây"))
    assert closing.count(" của ") <= 2 and "Tam Đường về kết quả" in closing, closing


def test_a_sector_called_khoi_and_units_without_one_are_named_once(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=8)
    with unit_of_work(engine) as s:
        save_unit(s, {"sector": "Khối Y tế"}, find_unit(s, "U001"))
        save_unit(s, {"sector": "KHỐI GIÁO DỤC"}, find_unit(s, "U002"))
        save_unit(s, {"sector": ""}, find_unit(s, "U003"))
    flat = " ".join(pdf_text(_preview(engine, directive_id, tmp_path), 1, 2).split())
    assert "khối Y tế 0/1 đơn vị" in flat and "khối Giáo dục" in flat and "chưa phân khối" in flat
    assert "khối Doanh nghiệp nhà nước" in flat  # a plain sector still gets the word
    assert not re.search(r"khoi (chua phan )?khoi", fold(flat)), flat


def _recipient_lines(pdf) -> list[str]:
    for page in range(1, 6):
        lines = text_lines(pdf, page)
        if any(l.text == "Nơi nhận:" for l in lines):
            at = next(i for i, l in enumerate(lines) if l.text == "Nơi nhận:")
            limit = lines[at].x0 + 70 * MM
            return [l.text for l in lines[at + 1:] if l.x0 < limit and l.text.startswith("-")]
    raise AssertionError("no Nơi nhận")


def test_every_recipient_is_written_in_normal_case(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=6)
    with unit_of_work(engine) as s:
        init_office(s, OFFICE, parent_name="LĐLĐ TỈNH LAI CHÂU")  # typed as the header shows it
    default = _recipient_lines(_preview(engine, directive_id, tmp_path, "a.pdf"))
    assert default == ["- LĐLĐ tỉnh Lai Châu (để b/c);", "- Lưu: VT."]
    given = _recipient_lines(_preview(engine, directive_id, tmp_path, "b.pdf", recipients=[
        "BAN THƯỜNG VỤ TỈNH ỦY LAI CHÂU (để b/c);", "UBND HUYỆN TAM ĐƯỜNG;", "CÔNG ĐOÀN VIÊN CHỨC TỈNH;"]))
    assert given == ["- Ban Thường vụ Tỉnh ủy Lai Châu (để b/c);", "- UBND huyện Tam Đường;", "- Công đoàn Viên chức tỉnh;",
                     "- Lưu: VT."]
    letter = make_urge(engine, requirement_id=requirement_id, as_of=AS_OF, issued_on=ISSUED, out_dir=tmp_path).files["pdf"]
    assert _recipient_lines(letter) == ["- Như Kính gửi;", "- LĐLĐ tỉnh Lai Châu (để b/c);", "- Lưu: VT."]


def test_every_appendix_header_cell_holds_its_words_and_every_table_ends_on_its_totals(engine, office_db, tmp_path):
    directive_id, _ = office_db(units=6)
    pdf = _preview(engine, directive_id, tmp_path, annex=True)
    text = pdf_text(pdf)
    pages = text.count("\f")
    annex_pages = [p for p in range(1, pages + 1) if "PHỤ LỤC" in pdf_text(pdf, p, p)]
    assert len(annex_pages) == 2  # a wide one (indicators) and a portrait one
    for page in annex_pages:
        seen = words(pdf, page)
        for header_word in "STT Tên đơn vị Khối Ngày nhận Tình trạng".split():
            assert header_word in seen, (page, header_word)
        assert not {"ST", "T"} & set(seen), seen  # "STT" broke into "ST/T" in 12 mm
        assert "Tổng cộng" in " ".join(seen)


def test_the_appendix_is_in_the_pdf_up_to_the_limit_unless_asked(engine, office_db, tmp_path, monkeypatch):
    assert report_module.ANNEX_LIMIT == 300
    directive_id, _ = office_db(units=6)
    workbook_line = "Danh sách từng đơn vị có trong tệp Excel kèm theo báo cáo này."

    def flat(**kw):
        return " ".join(pdf_text(_preview(engine, directive_id, tmp_path, **kw)).split())

    monkeypatch.setattr(report_module, "ANNEX_LIMIT", 6)
    assert "PHỤ LỤC" in flat() and workbook_line not in flat()
    assert "PHỤ LỤC" not in flat(annex=False) and workbook_line in flat(annex=False)
    monkeypatch.setattr(report_module, "ANNEX_LIMIT", 5)
    automatic = flat()
    assert "PHỤ LỤC" not in automatic and automatic.count(workbook_line) == 1
    assert "PHỤ LỤC" in flat(annex=True)


def _fake_times(folder, complete=True):
    """Liberation Serif's files under Times New Roman's Windows names, their
    PostScript names changed (same length) so that pdffonts tells them apart."""
    folder.mkdir()
    names = {"Regular": "times.ttf", "Bold": "timesbd.ttf", "Italic": "timesi.ttf", "BoldItalic": "timesbi.ttf"}
    for style, name in names.items():
        data = resource("fonts", f"LiberationSerif-{style}.ttf").read_bytes()
        for old, new in ((b"LiberationSerif", b"TimesNewRomanPS"),):
            data = data.replace(old, new).replace(old.decode().encode("utf-16-be"), new.decode().encode("utf-16-be"))
        (folder / name).write_bytes(data)
        if not complete:
            break
    return folder


def test_times_new_roman_is_found_registered_and_embedded(engine, office_db, tmp_path, monkeypatch):
    from desktop.io.documents import fonts

    directive_id, _ = office_db(units=4)
    monkeypatch.setenv(fonts.DIRS_VARIABLE, str(_fake_times(tmp_path / "Windows-Fonts")))
    assert fonts.registered_typeface().name == "Times New Roman"
    assert {p.parent for _s, p in fonts.registered_typeface().files} == {tmp_path / "Windows-Fonts"}
    found = pdf_fonts(_preview(engine, directive_id, tmp_path))
    assert found and all("TimesNewRomanPS" in f[0] for f in found), found
    assert all(f[-5] == "yes" for f in found), found  # embedded


def test_without_times_new_roman_the_bundled_liberation_serif_is_used(engine, office_db, tmp_path, monkeypatch):
    from desktop.io.documents import fonts

    directive_id, _ = office_db(units=4)
    monkeypatch.setenv(fonts.DIRS_VARIABLE, str(_fake_times(tmp_path / "only-regular", complete=False)))
    assert fonts.registered_typeface().name == "Liberation Serif"  # never a mix of two typefaces
    found = pdf_fonts(_preview(engine, directive_id, tmp_path))
    assert found and all("LiberationSerif" in f[0] and f[-5] == "yes" for f in found), found
    shutil.rmtree(tmp_path / "only-regular")
