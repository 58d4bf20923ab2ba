"""The Excel side of the documents: the report's tables and the register,
each sheet with a title block, a bold header, frozen panes, widths, number
formats, totals written as values, and a print set-up for A4."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from db.models import OutgoingDocument
from desktop.core.dates import format_date
from desktop.core.register import STATE_NAMES
from desktop.core.reports import ReportFacts, directive_reference
from desktop.io.documents.report import STATUS_WORDS, report_subject

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", fgColor="EEEEEE")
# Text starting with these is a formula (or becomes one when re-typed or
# exported to CSV) in every spreadsheet.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _named_styles() -> list[NamedStyle]:
    # One named style per kind of cell: setting a cell's style by name is
    # several times faster than giving each cell its own font and border.
    def style(name, *, bold=False, border=True, fill=None, number_format="General", **align):
        ns = NamedStyle(name=name, font=Font(name=FONT, size=12, bold=bold), number_format=number_format,
                        alignment=Alignment(vertical="center", **align))
        if border:
            ns.border = BORDER
        if fill is not None:
            ns.fill = fill
        return ns

    return [
        style("td-title", bold=True, border=False, horizontal="center", wrap_text=True),
        style("td-line", border=False, horizontal="center", wrap_text=True),
        style("th", bold=True, fill=HEAD_FILL, horizontal="center", wrap_text=True),
        style("td-text", wrap_text=True),
        style("td-number", number_format="#,##0", horizontal="right"),
        style("td-decimal", number_format="#,##0.0", horizontal="right"),
        style("td-date", number_format="dd/mm/yyyy", horizontal="center"),
        style("td-total", bold=True),
        style("td-total-number", bold=True, number_format="#,##0", horizontal="right"),
    ]


def _style_for(value, total: bool) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float, date)):
        return "td-total" if total else "td-text"
    if isinstance(value, date):
        return "td-date"
    if total:
        return "td-total-number"
    return "td-decimal" if isinstance(value, float) else "td-number"


def put(ws: Worksheet, row: int, col: int, value, style: str):
    """Write one cell in a named style; text is always stored as text,
    never as a formula."""
    cell = ws.cell(row=row, column=col, value=value)
    # The named style goes first: assigning it replaces the whole cell
    # format, quote prefix included.
    cell.style = style
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"
        # Without the prefix the cell turns into a formula as soon as
        # someone edits it in Excel or LibreOffice and presses Enter.
        cell.quotePrefix = True
    return cell


@dataclass
class Column:
    title: str
    width: float
    numeric: bool = False


@dataclass
class SheetTable:
    title_lines: list[str]
    columns: list[Column]
    rows: list[Sequence[object]] = field(default_factory=list)
    total: Sequence[object] | None = None


def write_sheet(ws: Worksheet, table: SheetTable) -> None:
    ncol = len(table.columns)
    r = 1
    for i, line in enumerate(table.title_lines):
        put(ws, r, 1, line, "td-title" if i == 0 else "td-line")
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        r += 1
    r += 1
    header_row = r
    for c, col in enumerate(table.columns, 1):
        put(ws, r, c, col.title, "th")
        ws.column_dimensions[get_column_letter(c)].width = col.width
    for values in table.rows:
        r += 1
        for c, value in enumerate(values, 1):
            put(ws, r, c, value, _style_for(value, False))
    if table.total is not None:
        r += 1
        for c, value in enumerate(table.total, 1):
            put(ws, r, c, value, _style_for(value, True))
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    wide = sum(col.width for col in table.columns) > 95
    ws.page_setup.orientation = "landscape" if wide else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom = 0.8, 0.5, 0.7, 0.7
    ws.oddFooter.center.text = "Trang &P/&N"


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def report_tables(facts: ReportFacts, number_text: str, issued_on: date) -> list[tuple[str, SheetTable]]:
    office = facts.office
    heading = [office.name.upper(), f"BÁO CÁO SỐ {number_text} NGÀY {format_date(issued_on)}", report_subject(facts),
               f"Tính đến ngày {format_date(facts.as_of)}"]
    summary = SheetTable(heading, [
        Column("STT", 6, True), Column("Yêu cầu", 46), Column("Kỳ", 22), Column("Phải thực hiện", 12, True),
        Column("Đúng hạn", 10, True), Column("Chậm hạn", 10, True), Column("Chưa thực hiện", 12, True),
        Column("Được miễn", 10, True), Column("Tỷ lệ thực hiện (%)", 12, True),
    ])
    sectors = SheetTable([office.name.upper(), "TỔNG HỢP THEO KHỐI", report_subject(facts)], [
        Column("Yêu cầu", 40), Column("Khối", 30), Column("Phải thực hiện", 12, True), Column("Đã thực hiện", 12, True),
        Column("Đúng hạn", 10, True), Column("Chậm hạn", 10, True), Column("Chưa thực hiện", 12, True), Column("Được miễn", 10, True),
    ])
    sheets: list[tuple[str, SheetTable]] = [("Tổng hợp", summary), ("Theo khối", sectors)]
    for i, sec in enumerate(facts.sections, 1):
        c = sec.counts
        expected = c.expected
        summary.rows.append([i, sec.requirement.title, sec.period.label(sec.recurring), c.applicable, c.on_time, c.late,
                             c.missing, c.exempt, _percent(c.submitted, expected)])
        for name, k in sec.by_sector.items():
            sectors.rows.append([sec.requirement.title, name, k.applicable, k.submitted, k.on_time, k.late, k.missing, k.exempt])
        columns = [Column("STT", 6, True), Column("Tên đơn vị", 44), Column("Khối", 24), Column("Ngày nhận", 12),
                   Column("Số văn bản", 16), Column("Ngày văn bản", 12), Column("Tình trạng", 14)]
        columns += [Column(label, 12, True) for _k, label, _t in sec.indicators] + [Column("Ghi chú", 24)]
        appendix = SheetTable(
            [office.name.upper(), f"PHỤ LỤC {i}: {sec.requirement.title} ({sec.period.label(sec.recurring)})",
             f"(Kèm theo Báo cáo số {number_text} ngày {format_date(issued_on)}; căn cứ {directive_reference(facts.directive)})"],
            columns,
        )
        for n, r in enumerate(sec.rows, 1):
            appendix.rows.append([n, r.unit.name, r.unit.sector, r.received_on, r.doc_number, r.doc_date,
                                  STATUS_WORDS.get(r.status, "")] + [r.values.get(k) for k, _l, _t in sec.indicators] + [r.note])
        if sec.indicators:
            appendix.total = [None, "Tổng cộng", None, None, None, None, f"{c.submitted}/{expected}"] + [t for _k, _l, t in sec.indicators] + [None]
        sheets.append((f"Phụ lục {i}", appendix))
    return sheets


def write_workbook(sheets: list[tuple[str, SheetTable]], path: Path, *, title: str, author: str) -> None:
    """Write ``sheets`` to ``path`` (the caller makes it atomic)."""
    wb = Workbook()
    wb.remove(wb.active)
    for style in _named_styles():
        wb.add_named_style(style)
    for name, table in sheets:
        write_sheet(wb.create_sheet(name[:31]), table)
    wb.properties.title, wb.properties.creator = title, author
    wb.save(path)


def register_table(office_name: str, year: int | None, docs: list[OutgoingDocument]) -> SheetTable:
    table = SheetTable(
        [office_name.upper(), f"SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM {year}" if year else "SỔ ĐĂNG KÝ VĂN BẢN ĐI"],
        [Column("Số, ký hiệu", 18), Column("Ngày", 12), Column("Loại", 10), Column("Trích yếu", 60),
         Column("Người ký", 22), Column("Nơi nhận", 30), Column("Tệp", 30), Column("Tình trạng", 22)],
    )
    for d in docs:
        recipients = [r.rstrip(";.") for r in d.recipients or []]
        table.rows.append([d.number, d.issued_on, d.kind, d.title, d.signer_name, "; ".join(recipients),
                           "; ".join(d.files or []), STATE_NAMES.get(d.state, d.state)])
    return table
