"""The report as a Word document (.docx), for offices that finish their
reports in Word: the same words as the PDF (desktop.io.documents.report
builds the body for both) in the layout of Nghị định 30/2020/NĐ-CP: A4,
margins 20 mm top and bottom, 30 mm left, 15 mm right; Times New Roman; the
office header beside the Quốc hiệu in a borderless table; number, place and
date, title, body at 14 pt justified with a first-line indent, the
signature block beside "Nơi nhận"; page numbers centred at the top from
page 2; the unit-by-unit annex on its own pages, landscape when wide, its
header row repeated on every page."""

from __future__ import annotations

from copy import deepcopy
from datetime import date
from pathlib import Path
from typing import Mapping, Sequence

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.run import Run
from reportlab.lib.units import mm as RL_MM
from reportlab.pdfbase.pdfmetrics import stringWidth

from desktop.core.dates import format_date
from desktop.core.reports import ReportFacts, RequirementFacts
from desktop.io.documents.fonts import register_fonts
from desktop.io.documents.layout import RULE_FRACTION
from desktop.io.documents.report import (
    annex_in_pdf,
    appendix_columns,
    appendix_rows,
    dated,
    recipients_for,
    body_table_widths,
    report_body,
    report_subject,
)
from desktop.io.documents.sections import report_text, section_paragraphs
from desktop.io.documents.tables import TextTable
from desktop.io.documents.wording import lower_first, number, reference, say

FONT = "Times New Roman"
TOP, BOTTOM, LEFT, RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
BODY_SIZE = Pt(14)


# What follows w:pBdr in a paragraph's properties, and w:tblBorders in a
# table's (ECMA-376 order).
_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
               "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
               "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")


def _font(run, size: Pt | None = None, bold: bool = False, italic: bool = False) -> None:
    run.font.name = FONT
    # Word picks the font of Vietnamese letters from the East Asian and
    # complex-script slots as well: name it in all of them.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    if size is not None:
        run.font.size = size
    run.font.bold = bold
    run.font.italic = italic


def _para(container, text: str, *, size: Pt = BODY_SIZE, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: bool = False, after: float = 6, before: float = 0):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_after = Pt(after)
    fmt.space_before = Pt(before)
    fmt.line_spacing_rule = WD_LINE_SPACING.MULTIPLE
    fmt.line_spacing = 1.15
    if indent:
        fmt.first_line_indent = Mm(10)
    if text:
        _font(p.add_run(text), size, bold, italic)
    return p


def _centred(container, text: str, size: Pt, *, bold: bool = False, italic: bool = False, after: float = 0):
    return _para(container, text, size=size, bold=bold, italic=italic, align=WD_ALIGN_PARAGRAPH.CENTER, after=after)


def _text_mm(text: str, size: float, *, bold: bool = False) -> float:
    """How wide ``text`` sets in the documents' typeface, in millimetres:
    the rules are drawn to the PDF's measures (layout._Line)."""
    family = register_fonts()
    return stringWidth(text, f"{family}-Bold" if bold else family, size) * 25.4 / 72


def _rule(container, width_mm: float, cell_mm: float) -> None:
    """A short centred line under a heading, as the decree draws it: the
    bottom border of an empty paragraph indented from both sides."""
    p = _centred(container, "", Pt(2))
    side = Mm(max(cell_mm - width_mm, 0) / 2)
    p.paragraph_format.left_indent = side
    p.paragraph_format.right_indent = side
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    p.paragraph_format.line_spacing = Pt(2)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    borders.append(bottom)
    # Word reads properties in the schema's order only: the border goes before the spacing, indent and alignment.
    p._p.get_or_add_pPr().insert_element_before(borders, *_AFTER_PBDR)
    _centred(container, "", Pt(4))


def _no_borders(table) -> None:
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    props.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _grid(table) -> None:
    props = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
            e.set(qn(k), v)
        borders.append(e)
    props.insert_element_before(borders, *_AFTER_TBLBORDERS)


def _cells(table, row) -> list[_Cell]:
    # Not ``row.cells``: python-docx lays out the whole table for it, which
    # makes a long annex quadratic.
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def _widths(table, widths_mm: Sequence[float]) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(_cells(table, row), widths_mm):
            cell.width = Mm(w)
    for col, w in zip(table.columns, widths_mm):
        col.width = Mm(w)


def _two_columns(doc, widths_mm: tuple[float, float]):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _no_borders(table)
    _widths(table, widths_mm)
    left, right = table.rows[0].cells
    for cell in (left, right):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)  # start empty
    return left, right


def _page_numbers(section) -> None:
    """Page numbers centred at the top from page 2 (the first page's header
    stays empty)."""
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _font(run, Pt(13))
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _margins(section, *, landscape: bool) -> None:
    long, short = Mm(297), Mm(210)
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long, short) if landscape else (short, long)
    section.top_margin, section.bottom_margin = TOP, BOTTOM
    section.left_margin = LEFT - Mm(10) if landscape else LEFT
    section.right_margin = RIGHT
    section.header_distance = Mm(10)


def _narrow_margins(table) -> None:
    """Narrow cell margins (1 mm), as the PDF's: a date fits its column."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        m = OxmlElement(f"w:{side}")
        m.set(qn("w:w"), "57")
        m.set(qn("w:type"), "dxa")
        margins.append(m)
    table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")


def _annex_table(doc, sec: RequirementFacts, wide: bool, usable_mm: float) -> None:
    header, widths, _wide = appendix_columns(sec)
    rows = appendix_rows(sec, with_notes=wide) or [
        ["", "Không có đơn vị nào thuộc diện thực hiện.", "", "", "", ""] + [""] * (len(header) - 6)]
    fixed = [w / RL_MM if w else None for w in widths]  # reportlab points to mm
    rest = usable_mm - sum(w for w in fixed if w)
    mm_widths = [w if w is not None else max(rest, 20) for w in fixed]
    total = None
    if sec.indicators and sec.rows:
        total = ["", "Tổng cộng", "", "", "", f"{sec.counts.submitted}/{sec.counts.expected}"]
        total += [number(t) for _k, _l, t in sec.indicators] + ([""] if wide else [])
    table = doc.add_table(rows=1, cols=len(header))
    _grid(table)
    _narrow_margins(table)
    centered = {0, 3, 5} | set(range(6, 6 + len(sec.indicators)))
    head = table.rows[0]
    # The header row repeats on every page of a long annex.
    tr_pr = head._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for cell, text in zip(_cells(table, head), header):
        _cell(cell, text, bold=True, center=True)
    # One row formatted through python-docx, then copied for every unit:
    # python-docx's own calls cost milliseconds a cell, seconds an annex.
    model = table.add_row()
    model._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # a unit's row stays on one page
    for i, cell in enumerate(_cells(table, model)):
        _cell(cell, "\u200b", center=i in centered)
    _widths(table, mm_widths)
    model_tr = model._tr
    model_tr.getparent().remove(model_tr)
    for values in rows + ([total] if total else []):
        tr = deepcopy(model_tr)
        for tc, value in zip(tr.tc_lst, values):
            run = tc.xpath("./w:p/w:r")[0]
            run.xpath("./w:t")[0].text = "" if value is None else str(value)
            if values is total:
                Run(run, None).bold = True  # in its place among the run's properties
        table._tbl.append(tr)


def _body_table(doc, table: TextTable, usable_mm: float) -> None:
    """A table of the body (by sector, by member office) under its caption:
    a plain grid, the widths the PDF gives it, the totals in bold."""
    caption = _centred(doc, table.caption, Pt(13), italic=True, after=4)
    caption.paragraph_format.keep_with_next = True
    widths = body_table_widths(table)
    fixed = [w / RL_MM if w else None for w in widths]
    rest = usable_mm - sum(w for w in fixed if w)
    mm_widths = [w if w is not None else max(rest, 25) for w in fixed]
    grid = doc.add_table(rows=1, cols=len(table.header))
    _grid(grid)
    _narrow_margins(grid)
    centered = {0} | set(range(table.numeric_from, len(table.header)))
    every = [table.header] + table.rows + [table.total]
    for n, values in enumerate(every):
        row = grid.rows[0] if n == 0 else grid.add_row()
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:cantSplit"))  # a row, the header's above all, stays on one page
        if n == 0:
            repeat = OxmlElement("w:tblHeader")
            repeat.set(qn("w:val"), "true")
            tr_pr.append(repeat)
        for i, (cell, value) in enumerate(zip(_cells(grid, row), values)):
            _cell(cell, value, bold=n == 0 or values is table.total, center=n == 0 or i in centered)
            if n < len(every) - 1:  # a small table keeps together, as in the PDF
                cell.paragraphs[0].paragraph_format.keep_with_next = True
    _widths(grid, mm_widths)
    _centred(doc, "", Pt(6))


def _cell(cell, text: str, *, bold: bool = False, center: bool = False) -> None:
    p = cell.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER if center else WD_ALIGN_PARAGRAPH.LEFT
    p.paragraph_format.space_after = Pt(0)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    if text:
        _font(p.add_run(str(text)), Pt(12), bold=bold)


def write_report_docx(
    facts: ReportFacts,
    *,
    number_text: str,
    issued_on: date,
    path: Path,
    sections: Mapping[str, str | None] | None = None,
    recipients: list[str] | None = None,
    annex: bool | None = None,
) -> None:
    """Write the report to ``path`` as .docx (the caller makes it atomic):
    ``sections`` the clerk's texts (the prefilled ones where missing);
    ``annex`` the unit-by-unit annex (None: the PDF's rule, ``annex_in_pdf``)."""
    office = facts.office
    subject = report_subject(facts)
    text = report_text(facts, sections)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = BODY_SIZE
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    props = doc.core_properties
    props.title = f"Báo cáo số {number_text.strip()}: {subject}"
    props.author = office.name
    props.subject = subject
    props.language = "vi-VN"
    props.comments = "Theo dõi"

    section = doc.sections[0]
    _margins(section, landscape=False)
    _page_numbers(section)
    usable = 210 - 30 - 15

    left, right = _two_columns(doc, (70, usable - 70))
    if office.parent_name:
        _centred(left, office.parent_name.upper(), Pt(13))
    _centred(left, office.name.upper(), Pt(13), bold=True)
    _rule(left, RULE_FRACTION * min(_text_mm(office.name.upper(), 13, bold=True), 70), 70)
    _centred(left, f"Số: {number_text}", Pt(13))
    _centred(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Pt(12), bold=True)
    _centred(right, "Độc lập - Tự do - Hạnh phúc", Pt(13), bold=True)
    _rule(right, _text_mm("Độc lập - Tự do - Hạnh phúc", 13, bold=True), usable - 70)
    _centred(right, dated(office.place, issued_on), Pt(14), italic=True)

    _centred(doc, "", Pt(8))
    _centred(doc, say("bao_cao", "loai"), Pt(14), bold=True)
    _centred(doc, subject, Pt(14), bold=True)
    _rule(doc, RULE_FRACTION * min(_text_mm(subject, 14, bold=True), usable), usable)

    ref = reference(facts.directive, office)
    _para(doc, say("bao_cao", "mo_dau", can_cu=ref, noi_dung_van_ban=lower_first(facts.directive.subject or ""),
                   co_quan=office.name, ngay_tinh=format_date(facts.as_of)), indent=True)
    for kind, content in report_body(facts, text, with_annex=annex_in_pdf(facts, annex)):
        if kind == "table":
            _body_table(doc, content, usable)
            continue
        _para(doc, content, bold=kind == "heading", indent=True, before=4 if kind == "heading" else 0)
    closing = " ".join(section_paragraphs(text["closing"]))
    if closing:
        p = _para(doc, closing, indent=True)
        p.paragraph_format.keep_with_next = True

    left, right = _two_columns(doc, (75, usable - 75))
    # The signature block is never split from itself across a page.
    row_pr = left._tc.getparent().get_or_add_trPr()
    row_pr.append(OxmlElement("w:cantSplit"))
    _para(left, "Nơi nhận:", size=Pt(12), bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, after=0, before=6)
    for r in recipients_for(office, recipients):
        _para(left, f"- {r}", size=Pt(11), align=WD_ALIGN_PARAGRAPH.LEFT, after=0)
    _centred(right, "", Pt(6))
    if office.signing_authority:
        _centred(right, office.signing_authority.upper(), Pt(14), bold=True)
    if office.signer_title:
        _centred(right, office.signer_title.upper(), Pt(14), bold=True)
    for _ in range(5):  # the wet signature and the seal
        _centred(right, "", Pt(14))
    if office.signer_name:
        _centred(right, office.signer_name, Pt(14), bold=True)

    if not annex_in_pdf(facts, annex):
        doc.save(str(path))
        return
    for sec in facts.sections:
        _header, _w, wide = appendix_columns(sec)
        annex_section = doc.add_section(WD_SECTION.NEW_PAGE)
        _margins(annex_section, landscape=wide)
        annex_section.different_first_page_header_footer = False
        width = (297 - 20 - 15) if wide else usable
        _centred(doc, say("bao_cao", "phu_luc"), Pt(14), bold=True)
        _centred(doc, say("bao_cao", "phu_luc_mo_ta", ten_yeu_cau=sec.requirement.title,
                          ky=sec.period.label(sec.recurring)), Pt(14), bold=True)
        _centred(doc, say("bao_cao", "phu_luc_kem_theo", so=number_text, ngay=format_date(issued_on),
                          co_quan=office.name), Pt(13), italic=True, after=8)
        _annex_table(doc, sec, wide, width)
    doc.save(str(path))
