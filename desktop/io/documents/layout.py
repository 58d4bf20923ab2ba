"""The one place that knows the layout of an official document, following
Nghị định 30/2020/NĐ-CP as the union applies it: A4, margins 20 mm top and
bottom, 30 mm left, 15 mm right; the office header beside the Quốc hiệu;
body 14 pt justified with a first-line indent; page numbers centred at the
top from page 2; "Nơi nhận" beside the signature block; appendix tables
whose header repeats on every page, landscape when wide."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from xml.sax.saxutils import escape

from desktop.io.documents.fonts import register_fonts

TOP, BOTTOM, LEFT, RIGHT = 20 * mm, 20 * mm, 30 * mm, 15 * mm
PORTRAIT_WIDTH = A4[0] - LEFT - RIGHT
LANDSCAPE_WIDTH = A4[1] - LEFT - RIGHT + 10 * mm  # the landscape frame starts 10 mm further left
BODY_SIZE = 14


def text(value: object) -> str:
    """Plain text made safe for a reportlab paragraph."""
    return escape("" if value is None else str(value))


@dataclass
class Styles:
    family: str

    def __post_init__(self) -> None:
        f = self.family
        self.body = ParagraphStyle("body", fontName=f, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.3,
                                   alignment=TA_JUSTIFY, firstLineIndent=10 * mm, spaceAfter=6)
        self.body_plain = ParagraphStyle("body_plain", parent=self.body, firstLineIndent=0)
        self.heading = ParagraphStyle("heading", parent=self.body, fontName=f"{f}-Bold", firstLineIndent=10 * mm, spaceBefore=4)
        self.header = ParagraphStyle("header", fontName=f, fontSize=13, leading=15.5, alignment=TA_CENTER)
        self.header_bold = ParagraphStyle("header_bold", parent=self.header, fontName=f"{f}-Bold")
        self.motto = ParagraphStyle("motto", parent=self.header_bold, fontSize=13.5, leading=16)
        self.nation = ParagraphStyle("nation", parent=self.header_bold, fontSize=12, leading=15)
        self.place_date = ParagraphStyle("place_date", parent=self.header, fontName=f"{f}-Italic", fontSize=14, leading=17)
        self.subject_line = ParagraphStyle("subject_line", parent=self.header, fontSize=12, leading=14)
        self.title = ParagraphStyle("title", fontName=f"{f}-Bold", fontSize=14, leading=17, alignment=TA_CENTER)
        self.subtitle = ParagraphStyle("subtitle", parent=self.title)
        self.note = ParagraphStyle("note", parent=self.header, fontName=f"{f}-Italic", fontSize=13, leading=16)
        self.kinh_gui = ParagraphStyle("kinh_gui", parent=self.header, fontSize=14, leading=17)
        self.recipient_line = ParagraphStyle("recipient_line", parent=self.body_plain, leftIndent=40 * mm, spaceAfter=0)
        self.recipients_title = ParagraphStyle("recipients_title", fontName=f"{f}-BoldItalic", fontSize=12, leading=14)
        self.recipients = ParagraphStyle("recipients", fontName=f, fontSize=11, leading=13, alignment=TA_LEFT)
        self.sign = ParagraphStyle("sign", fontName=f"{f}-Bold", fontSize=14, leading=17, alignment=TA_CENTER)
        self.cell = ParagraphStyle("cell", fontName=f, fontSize=12, leading=14)
        self.cell_center = ParagraphStyle("cell_center", parent=self.cell, alignment=TA_CENTER)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell, fontName=f"{f}-Bold", alignment=TA_CENTER)


@dataclass
class Heading:
    """The top of a document: who issues it, its number, where and when."""

    parent_name: str | None
    office_name: str
    number: str
    place_date: str
    subject_line: str | None = None  # "V/v …" of a letter, under the number


@dataclass
class Signature:
    authority: str | None  # "TM. BAN THƯỜNG VỤ"
    title: str | None  # "CHỦ TỊCH"
    name: str | None
    recipients: list[str] = field(default_factory=list)


def widest_line(para: Paragraph, width: float) -> float:
    """The width in points of the longest line of ``para`` set in ``width``."""
    para.wrap(width, 1e9)
    return max(para.getActualLineWidths0() or [0.0])


RULE_FRACTION = 0.4  # a rule under a name or a subject: between 1/3 and 1/2 of its line


class _Line(Flowable):
    """A centred rule under a line of text, as the decree draws it: as long
    as the line under the Quốc hiệu's motto (``fraction`` 1), one third to
    one half of it under the office's name and under the subject."""

    def __init__(self, above: Paragraph, fraction: float):
        super().__init__()
        self.above = above
        self.fraction = fraction
        self.line_width = 0.0
        self.height = 4

    def wrap(self, avail_width, avail_height):
        self.avail = avail_width
        self.line_width = self.fraction * widest_line(self.above, avail_width)
        return avail_width, self.height

    def draw(self):
        x = (self.avail - self.line_width) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 2, x + self.line_width, 2)


class _Closing(Flowable):
    """The end of a document: its last paragraphs, then Nơi nhận and the
    signature (``block``). The signature never stands alone on a page: the
    last ``keep_lines`` lines of text go with it. No more than those move
    with it, so the page before never ends on a large blank (a whole
    closing paragraph kept with the signature left 60 mm empty)."""

    def __init__(self, paragraphs: list[Paragraph], block: list, keep_lines: int = 2):
        super().__init__()
        self.paragraphs = paragraphs
        self.block = block
        self.keep_lines = keep_lines

    def wrap(self, avail_width, avail_height):
        return avail_width, 0xFFFFFF  # as KeepTogether does: always asked to split

    @staticmethod
    def _lines(p: Paragraph) -> int:
        return len(getattr(p.blPara, "lines", [])) or 1

    def split(self, avail_width, avail_height):
        heights = [p.wrap(avail_width, avail_height)[1] for p in self.paragraphs]
        lines = [self._lines(p) for p in self.paragraphs]
        block_height = sum(f.wrap(avail_width, avail_height)[1] for f in self.block)
        spacing = [p.getSpaceBefore() + p.getSpaceAfter() for p in self.paragraphs]
        if sum(heights) + sum(spacing) + block_height <= avail_height:
            return [*self.paragraphs, *self.block]
        head: list = []
        rest = list(self.paragraphs)
        used = 0.0
        for i, p in enumerate(self.paragraphs):
            after = sum(lines[i + 1:])
            if after >= self.keep_lines and used + heights[i] + spacing[i] <= avail_height:
                head.append(p)
                used += heights[i] + spacing[i]
                rest = self.paragraphs[i + 1:]
                continue
            allowed = lines[i] - max(0, self.keep_lines - after)
            fit = int((avail_height - used - p.getSpaceBefore()) // p.style.leading)
            n = min(allowed, fit)
            if 0 < n < lines[i]:
                if n == 1:  # one line here rather than the whole paragraph over
                    p.style = ParagraphStyle(f"{p.style.name}-open", parent=p.style, allowOrphans=1)
                parts = p.split(avail_width, n * p.style.leading + 0.01)
                if len(parts) == 2:
                    head.append(parts[0])
                    rest = [parts[1], *self.paragraphs[i + 1:]]
            break
        # A heading never ends a page.
        while head and head[-1].style.name == "heading":
            rest.insert(0, head.pop())
        if not head:
            return []  # the next page, where the same rule applies again
        return [*head, _Closing(rest, self.block, self.keep_lines)]


class _PagedTable(Flowable):
    """A long table laid out a page at a time: each page gets a Table of
    the rows that fit (from heights known in advance) under the header.
    reportlab's own splitting copies and measures every remaining row on
    every page, which for 5,000 units took most of the report's time."""

    def __init__(self, make, rows: list, heights: list[float], with_total: bool):
        super().__init__()
        self.make, self.rows, self.heights, self.with_total = make, rows, heights, with_total
        self._header_height: float | None = None

    def wrap(self, avail_width, avail_height):
        return avail_width, 0xFFFFFF  # always asked to split

    def split(self, avail_width, avail_height):
        if self._header_height is None:
            self._header_height = self.make([], [], False).wrap(avail_width, avail_height)[1]
        room, n = avail_height - self._header_height, 0
        while n < len(self.rows) and room >= self.heights[n]:
            room -= self.heights[n]
            n += 1
        if n == 0:
            if avail_height < 0.8 * (A4[0] - TOP - BOTTOM) or not self.rows:
                return [] if self.rows else [self.make([], [], False)]
            n = 1  # a row taller than a page: let it overflow rather than loop
        last = n == len(self.rows)
        table = self.make(self.rows[:n], self.heights[:n], self.with_total and last)
        if last:
            return [table]
        rest = _PagedTable(self.make, self.rows[n:], self.heights[n:], self.with_total)
        rest._header_height = self._header_height
        return [table, rest]


class OfficialDocument:
    """Builds one PDF: ``add`` flowables, ``appendix`` for a landscape part,
    then ``build(path)``."""

    def __init__(self, *, title: str, author: str, subject: str):
        self.family = register_fonts()
        self.styles = Styles(self.family)
        self.story: list = []
        self.meta = dict(title=title, author=author, subject=subject, creator="Theo dõi")
        self._frame_width = PORTRAIT_WIDTH

    # -- blocks ----------------------------------------------------------
    def heading(self, h: Heading) -> None:
        s = self.styles
        left = []
        if h.parent_name:
            left.append(Paragraph(text(h.parent_name.upper()), s.header))
        office = Paragraph(text(h.office_name.upper()), s.header_bold)
        left += [office, Spacer(1, 3), _Line(office, RULE_FRACTION), Spacer(1, 2),
                 Paragraph(text(f"Số: {h.number}"), s.header)]
        if h.subject_line:
            left.append(Paragraph(text(h.subject_line), s.subject_line))
        motto = Paragraph("Độc lập - Tự do - Hạnh phúc", s.motto)
        right = [
            Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", s.nation),
            motto,
            Spacer(1, 3),
            _Line(motto, 1.0),
            Spacer(1, 6),
            Paragraph(text(h.place_date), s.place_date),
        ]
        table = Table([[left, right]], colWidths=[70 * mm, None])
        table.setStyle(self._table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                          ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        self.story += [table, Spacer(1, 14)]

    def title(self, kind_title: str | None, subject: str | None) -> None:
        above = None
        if kind_title:
            above = Paragraph(text(kind_title), self.styles.title)
            self.story.append(above)
        if subject:
            above = Paragraph(text(subject), self.styles.subtitle)
            self.story.append(above)
        if above is not None:
            self.story += [Spacer(1, 3), _Line(above, RULE_FRACTION)]
        self.story.append(Spacer(1, 10))

    def paragraph(self, content: str, *, style: str = "body", markup: bool = False) -> None:
        self.story.append(Paragraph(content if markup else text(content), getattr(self.styles, style)))

    def signature(self, sig: Signature, *, closing: str | None = None) -> None:
        """Recipients and signature block, kept on one page with the closing
        sentence so the signature never stands alone."""
        s = self.styles
        left = [Paragraph("Nơi nhận:", s.recipients_title)] + [Paragraph(text(f"- {r}"), s.recipients) for r in sig.recipients]
        right = []
        if sig.authority:
            right.append(Paragraph(text(sig.authority.upper()), s.sign))
        if sig.title:
            right.append(Paragraph(text(sig.title.upper()), s.sign))
        right.append(Spacer(1, 30 * mm))  # the wet signature and the seal
        if sig.name:
            right.append(Paragraph(text(sig.name), s.sign))
        table = Table([[left, right]], colWidths=[75 * mm, None])
        table.setStyle(self._table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        # The paragraphs just before the signature may lend it their last
        # lines: take them off the story into the closing block.
        tail: list[Paragraph] = []
        while (self.story and isinstance(self.story[-1], Paragraph) and len(tail) < 6
               and len(self.story[-1].text) < 1500):  # a list of a thousand names flows on its own
            tail.insert(0, self.story.pop())
        if closing:
            tail.append(Paragraph(text(closing), s.body))
        self.story.append(_Closing(tail, [Spacer(1, 10), table]))

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[float | None],
              centered: Sequence[int] = (), total_row: Sequence[object] | None = None,
              wrapped: Sequence[int] | None = None, caption: str | None = None) -> None:
        """A bordered table whose header repeats on every page. A
        ``caption`` goes above it, and then a table that fits on a page is
        kept on one page with it. Cells of the
        ``wrapped`` columns (default: all) are broken into lines to fit
        their column. Text is broken here, once, and each row's height
        given to the table: reportlab would otherwise measure every
        remaining row again on every page (5,000 units: most of the time)."""
        s = self.styles
        wrap = set(range(len(header))) if wrapped is None else set(wrapped)
        plain, bold = self.family, f"{self.family}-Bold"
        size, leading = s.cell.fontSize, s.cell.leading
        top, bottom, sides = 2, 3, 12  # paddings, points
        fitted = self._fitted_widths(header, rows, total_row, widths, wrap)
        free = [i for i, w in enumerate(fitted) if w < 0]
        room = max(0.0, self._frame_width - sum(w for w in fitted if w >= 0))
        absolute = [w if w >= 0 else max(-w, room / len(free)) for w in fitted]
        fitted = absolute

        def lines_of(row: Sequence[object], font: str) -> tuple[list[str], int]:
            cells, most = [], 1
            for i, v in enumerate(row):
                value = "" if v is None else str(v)
                if i in wrap and value:
                    broken = simpleSplit(value, font, size, absolute[i] - sides) or [""]
                    most = max(most, len(broken))
                    value = "\n".join(broken)
                cells.append(value)
            return cells, most

        data: list[list] = [[Paragraph(text(h), s.cell_head) for h in header]]
        heights: list[float | None] = [None]
        for row in rows:
            cells, n = lines_of(row, plain)
            data.append(cells)
            heights.append(n * leading + top + bottom + 1)
        if total_row is not None:
            cells, n = lines_of(total_row, bold)
            data.append(cells)
            heights.append(n * leading + top + bottom + 1)
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
            ("FONTSIZE", (0, 1), (-1, -1), size),
            ("LEADING", (0, 1), (-1, -1), leading),
            ("TOPPADDING", (0, 0), (-1, -1), top),
            ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
        ]
        commands += [("ALIGN", (i, 1), (i, -1), "CENTER") for i in centered]
        total_style = [("FONTNAME", (0, -1), (-1, -1), bold)]

        def make(body: list, body_heights: list, with_total: bool) -> Table:
            table = Table([data[0], *body], colWidths=fitted, rowHeights=[None, *body_heights], repeatRows=1)
            table.setStyle(self._table_style(commands + (total_style if with_total else [])))
            return table

        paged = _PagedTable(make, data[1:], heights[1:], total_row is not None)
        if caption is None:
            self.story.append(paged)
            return
        head = [Paragraph(text(caption), s.note), Spacer(1, 4)]
        if sum(heights[1:]) < 0.6 * (A4[1] - TOP - BOTTOM):  # small: on one page with its caption
            self.story.append(KeepTogether([*head, make(data[1:], heights[1:], total_row is not None)]))
        else:  # a long one flows on, its header on every page
            self.story += [*head, paged]

    def _fitted_widths(self, header, rows, total_row, widths, wrap) -> list[float | None]:
        """``widths`` widened where a header word, a cell that does not
        wrap or a word of one that does would not fit ("STT" broke into
        "ST/T"); a column left None shares the room left, and comes back
        as minus the least it needs."""
        bold, size = f"{self.family}-Bold", self.styles.cell.fontSize
        pad = 2 * 6 + 1  # the cell's left and right padding, and a point to spare
        out: list[float | None] = []
        for i, (title, width) in enumerate(zip(header, widths)):
            need = max((stringWidth(word, bold, size) for word in str(title).split()), default=0)
            cells = [r[i] for r in rows if i < len(r)] + ([total_row[i]] if total_row and i < len(total_row) else [])
            if i not in wrap:
                longest = max(cells, key=lambda v: len(str(v)) if v is not None else 0, default=None)
                if longest is not None:
                    need = max(need, stringWidth(str(longest), bold, size))
            else:  # lines break between words only: the longest word must fit
                longest = max((w for v in cells if v for w in str(v).split()), key=len, default="")
                need = max(need, stringWidth(longest, bold, size))
            out.append(-(need + pad) if width is None else max(width, need + pad))  # negative: free, at least this
        return out

    def _table_style(self, commands: list) -> TableStyle:
        # Tables set a cell font even for paragraph cells: Helvetica unless
        # told, which is neither embedded nor Vietnamese.
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.family)] + commands)

    def appendix(self, *, wide: bool) -> None:
        """Start the appendix on a new page, landscape when ``wide``."""
        self.story += [NextPageTemplate("landscape" if wide else "portrait"), PageBreak()]
        self._frame_width = LANDSCAPE_WIDTH if wide else PORTRAIT_WIDTH

    def spacer(self, height: float = 8) -> None:
        self.story.append(Spacer(1, height))

    # -- output ------------------------------------------------------------
    def build(self, path) -> int:
        """Write the PDF to ``path``; returns the number of pages."""
        # initialFontName: the canvas would otherwise name Helvetica on every
        # page, a font neither embedded nor Vietnamese.
        doc = BaseDocTemplate(str(path), pagesize=A4, leftMargin=LEFT, rightMargin=RIGHT, topMargin=TOP,
                              bottomMargin=BOTTOM, initialFontName=self.family, initialFontSize=BODY_SIZE,
                              lang="vi-VN", **self.meta)
        portrait = Frame(LEFT, BOTTOM, PORTRAIT_WIDTH, A4[1] - TOP - BOTTOM, id="portrait", leftPadding=0, rightPadding=0)
        w, h = landscape(A4)
        wide = Frame(LEFT - 10 * mm, BOTTOM, LANDSCAPE_WIDTH, h - TOP - BOTTOM, id="landscape", leftPadding=0, rightPadding=0)
        doc.addPageTemplates([
            PageTemplate("portrait", [portrait], onPage=self._page_number, pagesize=A4),
            PageTemplate("landscape", [wide], onPage=self._page_number, pagesize=landscape(A4)),
        ])
        doc.build(self.story)
        return doc.page

    def _page_number(self, canvas, doc) -> None:
        if doc.page < 2:
            return
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(self.family, 13)
        canvas.drawCentredString(width / 2, height - 12 * mm, str(doc.page))
        canvas.restoreState()
