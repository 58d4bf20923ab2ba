"""The text layer of a PDF with its layout: each printed line once, the
columns printed side by side (the header table, Nơi nhận beside the
signature) separated by a tab, a line with only a right-hand column
starting with a tab (the convention of ``desktop.core.intake.layout``).

pypdf gives every piece of text with its position (a visitor function);
lines are rebuilt from the positions. pypdf bounds each stream but not a
whole file (300 pages, each just under its per-stream budget, took 37
minutes), so the reading runs in a child process with a budget for the
whole file: ``PDF_SECONDS`` and ``PDF_MEMORY_BYTES``. Pages past the
budget are left out, and the reader says so."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io.child import run_bounded
from desktop.io.limits import (
    MAX_DOCUMENT_CHARS,
    MAX_PDF_PAGES,
    PDF_MEMORY_BYTES,
    PDF_SECONDS,
)
from desktop.io.safety import damaged_message, password_message, where


@dataclass
class PdfText:
    pages: list[str] = field(default_factory=list)  # each page's lines, "\n"-joined
    page_count: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


# --- lines from positioned pieces ---------------------------------------------------------
def _width(text: str, size: float) -> float:
    """A piece's width estimated from its letters, on the narrow side (the
    font's own widths are not needed to tell a word space from a column
    gap, and a gap overestimated is still a space)."""
    return sum(0.6 if c.isupper() else 0.25 if c.isspace() else 0.3 if not c.isalnum() else 0.45 for c in text) * size


def layout_lines(pieces: list[tuple], page_width: float) -> list[str]:
    """Lines from (x, y, font size, text[, width]) pieces of one page, in
    points, y upwards: pieces on one baseline make a line, a wide gap
    between them a tab, a line that starts right of the middle a leading
    tab, a wide gap between lines a blank line. Without a width, the
    piece's width is estimated from its letters."""
    items = []
    widths: dict[int, float] = {}
    for piece in pieces:
        x, y, size, text = piece[:4]
        size = size if size and size > 0 else 10.0
        for k, part in enumerate(text.split("\n")):
            if part.strip():
                if len(piece) > 4 and k == 0:
                    widths[len(items)] = piece[4]
                items.append((x if k == 0 else None, y - k * size * 1.2, size, part))
    items = [(x, y, size, text, widths.get(i)) for i, (x, y, size, text) in enumerate(items)]
    # A table is drawn column by column: pieces are sorted top to bottom
    # first, then those on one baseline make a row.
    rows: list[list] = []
    for x, y, size, text, width in sorted(items, key=lambda p: -p[1]):
        if rows and abs(rows[-1][0] - y) <= 0.45 * size:
            rows[-1][1].append((x, size, text, width))
        else:
            rows.append([y, [(x, size, text, width)]])
    lines: list[str] = []
    previous_y = previous_size = None
    built = []  # (y, size, text, first x, x where the right-hand column starts)
    for y, row_pieces in rows:
        known = [p for p in row_pieces if p[0] is not None]
        unknown = [p for p in row_pieces if p[0] is None]
        known.sort(key=lambda p: p[0])
        text = ""
        end = right_x = None
        for x, size, piece, width in known + unknown:
            gap = x - end if x is not None and end is not None else None
            if not text:
                text = piece.strip()
            elif gap is not None and gap > max(2.5 * size, 18):
                text += "\t" + piece.strip()
                right_x = x if right_x is None else right_x
            elif _glued(text, piece, gap, size):
                text = text.rstrip() + piece.strip()
            else:
                text = text.rstrip() + " " + piece.strip()
            if x is not None:
                end = x + (width if width is not None else _width(piece.strip(), size))
        built.append((y, max(p[1] for p in row_pieces), text, known[0][0] if known else 0.0, right_x))
    # Where the right-hand column starts on this page, from the lines that
    # have both columns (a table's cells are often left-aligned).
    right_starts = [r[4] for r in built if r[4] is not None and r[4] > 0.4 * page_width]
    for y, size, text, first_x, _right_x in built:
        if previous_y is not None and previous_y - y > 1.9 * max(size, previous_size):
            lines.append("")
        # A line of the right-hand column alone: it starts right of the
        # middle, or where the right column starts (and is no title centred
        # on the page that happens to start there too), or is centred well
        # right of the middle (a long line of the signature block).
        centre = first_x + _width(text, size) / 2
        right = (first_x > 0.52 * page_width or (first_x > 0.35 * page_width and centre > 0.62 * page_width)
                 or (centre > 0.53 * page_width and any(abs(first_x - start) <= 2 for start in right_starts)))
        if "\t" not in text and right:
            text = "\t" + text
        lines.append(" ".join(text.split(" ")).rstrip())
        previous_y, previous_size = y, size
    return lines


def _glued(text: str, piece: str, gap: float | None, size: float) -> bool:
    """Whether ``piece`` goes on without a space: punctuation after a word,
    a word drawn letter by letter, pieces that overlap."""
    if piece[:1].isspace() or text[-1:].isspace():
        return False
    if piece.strip()[:1] in ",.;:)]”’%" or text[-1:] in "([“‘":
        return True
    if gap is None:
        return False
    if len(piece.strip()) <= 2 and len(text.split()[-1]) <= 2 and gap < 0.2 * size:
        return True
    return gap < -0.4 * size


def _page_lines(page) -> list[str]:
    pieces: list[tuple[float, float, float, str]] = []

    def visit(text, cm, tm, _font, size):
        if text and text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            scale = (abs(tm[0] * cm[0]) + abs(tm[3] * cm[3])) / 2 or 1.0
            pieces.append((x, y, (size or 10.0) * scale, text))

    page.extract_text(visitor_text=visit)
    width = float(page.mediabox.width) if page.mediabox is not None else 595.0
    return layout_lines(pieces, width)


def _read_pages(path: str, max_pages: int, max_chars: int) -> Iterator[tuple]:
    """In the child: ("pages", n), then ("page", i, text) for each page."""
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are for developers
    reader = PdfReader(path)
    if reader.is_encrypted:
        try:
            if not reader.decrypt(""):
                yield ("error", "password", "")
                return
        except (FileNotDecryptedError, NotImplementedError):
            yield ("error", "password", "")
            return
    count = len(reader.pages)
    yield ("pages", count)
    if count > max_pages:
        return
    total = 0
    for i, page in enumerate(reader.pages):
        text = "\n".join(_page_lines(page))
        total += len(text)
        if total > max_chars:
            yield ("error", "too_long", str(i))
            return
        yield ("page", i, text)


def read_pdf_text(
    path: Path,
    *,
    seconds: float = PDF_SECONDS,
    memory_bytes: int = PDF_MEMORY_BYTES,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> PdfText:
    """The text of every page of ``path`` within the budget; ``UserError``
    for a PDF that has a password, is damaged, has too many pages, or of
    which not one page could be read within the budget."""
    result = PdfText()

    def on_message(message: tuple) -> None:
        if message[0] == "pages":
            result.page_count = message[1]
        elif message[0] == "page":
            result.pages.append(message[2])
            if progress and result.page_count:
                progress(len(result.pages) / result.page_count, f"Đã đọc trang {len(result.pages)}/{result.page_count}")

    run = run_bounded(_read_pages, (str(path), MAX_PDF_PAGES, MAX_DOCUMENT_CHARS), seconds=seconds,
                      memory_bytes=memory_bytes, on_message=on_message, cancelled=cancelled)
    if run.cancelled:
        raise UserError(f"Đã dừng đọc {where(path).lower()} theo yêu cầu. Không có gì được ghi.")
    errors = [m for m in run.messages if m[0] == "error"]
    if errors:
        kind = errors[0][1]
        if kind == "password":
            raise UserError(password_message(path))
        if kind == "too_long":
            raise UserError(f"{where(path)} quá dài cho một văn bản chỉ đạo.")
        if kind == "memory":
            raise UserError(_over_budget(path, "bộ nhớ"))
        raise UserError(damaged_message(path, "PDF không đọc được"))
    if result.page_count > MAX_PDF_PAGES:
        raise UserError(f"{where(path)} có {result.page_count} trang, quá {MAX_PDF_PAGES} trang cho một văn bản chỉ đạo.")
    if run.crashed and not run.finished:
        raise UserError(_over_budget(path, "bộ nhớ") if result.page_count else damaged_message(path, "PDF không đọc được"))
    if run.timed_out:
        if not result.pages:
            raise UserError(_over_budget(path, "thời gian"))
        result.warnings.append(
            f"{where(path)}: chỉ đọc được {len(result.pages)}/{result.page_count} trang trong {seconds:g} giây "
            "(tệp nặng bất thường); phần sau bị bỏ qua. Hãy kiểm tra lại người ký, nơi nhận và các hạn ở các trang cuối."
        )
    return result


def _over_budget(path: Path, what: str) -> str:
    return (
        f"{where(path)} cần quá nhiều {what} để đọc (tệp PDF nặng bất thường, có thể là tệp độc hại); đã dừng. "
        "Hãy xin bản .docx hoặc một bản PDF khác của văn bản. Không có gì được ghi."
    )
