"""The text of a directive received as .txt, .pdf (its text layer, or OCR
of a scan), .docx or an old .doc, as Unicode, for ``desktop.core.intake``.
Where the file has a layout (PDF positions, Word tables) the columns
printed side by side come out separated by a tab (the convention of
``desktop.core.intake.layout``). Legacy encodings are converted here,
before anything cleans the text (TCVN3 writes "ư" as the byte a cleaner
removes as a soft hyphen). Hostile or unreadable files are refused with a
Vietnamese message naming the file."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io import legacy
from desktop.io.grid import ENCODING_NAMES
from desktop.io.limits import MAX_DOCUMENT_CHARS, MAX_TEXT_BYTES
from desktop.io.safety import (
    check_zip,
    damaged_message,
    damaged_utf8_message,
    ole_kind,
    password_message,
    sniff,
    where,
)

DOCUMENT_HINT = "Hãy dùng tệp .docx, .doc, .pdf hoặc .txt của văn bản."


@dataclass
class DocumentText:
    text: str
    file_format: str  # "txt", "pdf", "docx", "doc", "ocr" (a scanned PDF)
    encoding: str = "unicode"  # as for sheets: "utf-8", "cp1258", "tcvn3", "vni"…
    wrapped: bool = True  # lines are cut inside paragraphs (pdf, txt); False for docx
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    file_name: str = ""
    # Text read by OCR: how sure the recogniser was of each word (folded
    # word -> 0..1), for the intake to tell the clerk what to check.
    word_confidence: dict[str, float] | None = None


Progress = Callable[[float, str], None]


def read_document_text(path: Path | str, *, progress: Progress | None = None,
                       cancelled: Callable[[], bool] | None = None) -> DocumentText:
    """The text of ``path``; raises ``UserError`` for anything else. A
    scanned PDF is read by OCR, page by page, reporting
    ``progress(fraction, message)`` and stopping when ``cancelled()``."""
    path = Path(path)
    sniffed = sniff(path)
    if sniffed.kind == "pdf":
        doc = _read_pdf(path, progress, cancelled)
    elif sniffed.kind == "zip":
        names = check_zip(path)
        if "word/document.xml" not in names:
            raise UserError(f"{where(path)} không phải văn bản Word (.docx). {DOCUMENT_HINT}")
        doc = _read_docx(path)
    elif sniffed.kind == "ole":
        kind = ole_kind(sniffed.ole_streams)
        if kind == "encrypted":
            raise UserError(password_message(path))
        if kind != "doc":
            raise UserError(f"{where(path)} là tệp Office đời cũ nhưng không phải văn bản Word. {DOCUMENT_HINT}")
        from desktop.io.word97 import convert_doc_to_docx

        with convert_doc_to_docx(path) as converted:
            doc = _read_docx(converted)
        doc.file_format = "doc"
    elif sniffed.kind in ("html", "xml", "rtf"):
        raise UserError(f"{where(path)} là trang {sniffed.kind.upper()}, không phải văn bản đọc được. {DOCUMENT_HINT}")
    else:
        if b"\0" in sniffed.head and not sniffed.head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UserError(f"{where(path)} không phải tệp văn bản. {DOCUMENT_HINT}")
        if path.stat().st_size > MAX_TEXT_BYTES:
            raise UserError(f"{where(path)} lớn quá {MAX_TEXT_BYTES // 2**20} MB cho một văn bản.")
        try:
            text, encoding = legacy.decode_bytes(path.read_bytes())
        except legacy.DamagedUtf8 as exc:
            raise UserError(damaged_utf8_message(path, exc.line)) from exc
        doc = DocumentText(text, "txt", encoding=encoding)
    if len(doc.text) > MAX_DOCUMENT_CHARS:
        raise UserError(f"{where(path)} quá dài ({len(doc.text):,} ký tự) cho một văn bản chỉ đạo.")
    if not doc.text.strip():
        raise UserError(f"{where(path)} không có chữ nào đọc được. {DOCUMENT_HINT}")
    _convert_legacy(doc)
    doc.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    doc.file_name = path.name
    return doc


def _convert_legacy(doc: DocumentText) -> None:
    lines = doc.text.split("\n")
    sample = [line for line in lines if not line.isascii()]
    found = legacy.detect_encoding(sample) if sample else legacy.UNICODE
    if found == legacy.UNICODE:
        return
    converted = 0
    out = []
    for line in lines:
        if legacy.may_be_legacy(line):
            new = legacy.decode_as(line, found)
            if legacy.vietnamese_score(new) > legacy.vietnamese_score(line):
                line, converted = new, converted + 1
        out.append(line)
    if converted:
        doc.text = "\n".join(out)
        doc.encoding = found
        doc.warnings.append(f"Đã chuyển văn bản từ bảng mã {ENCODING_NAMES.get(found, found)} sang Unicode.")


def _read_pdf(path: Path, progress: Progress | None, cancelled: Callable[[], bool] | None) -> DocumentText:
    from desktop.io.pdf_text import read_pdf_text

    pdf = read_pdf_text(path, progress=progress, cancelled=cancelled)
    text = pdf.text
    if len(text.strip()) < 20:
        from desktop.io.ocr import read_scanned_pdf

        scan = read_scanned_pdf(path, progress=progress, cancelled=cancelled)
        doc = DocumentText(scan.text, "ocr", word_confidence=scan.word_confidence)
        doc.warnings += scan.warnings
        return doc
    doc = DocumentText(text, "pdf")
    doc.warnings += pdf.warnings
    return doc


def _read_docx(path: Path) -> DocumentText:
    import docx

    used: list[str] = []
    try:
        document = docx.Document(str(path))
        lines = _docx_lines(document, used)
    except Exception as exc:
        raise UserError(damaged_message(path, "văn bản Word không đọc được")) from exc
    doc = DocumentText("\n".join(lines), "docx", wrapped=False)
    if used:
        doc.encoding = max(set(used), key=used.count)
        doc.warnings.append(f"Đã chuyển văn bản từ bảng mã {ENCODING_NAMES.get(doc.encoding, doc.encoding)} sang Unicode.")
    return doc


def _docx_lines(document, used: list[str]) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(_paragraph_text(Paragraph(block, document), used))
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines += _row_lines(row, used)
    return lines


def _row_lines(row, used: list[str]) -> list[str]:
    """A table row as printed: the cells side by side, line by line, a
    tab between the columns; a row with one cell is plain lines."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue  # a merged cell appears once per column it spans
        seen.add(id(cell._tc))
        # A line break inside a paragraph (Shift+Enter) is a printed line too.
        lines = [t.strip() for p in cell.paragraphs for t in _paragraph_text(p, used).replace("\v", "\n").split("\n")]
        cells.append([t for t in lines if t])
    cells = [c for c in cells if c] or [[]]
    if len(cells) == 1:
        return cells[0]
    if len(cells) > 2:  # a table in the body (an appendix): one line per row
        return ["\t".join(" ".join(c) for c in cells)]
    left, right = cells
    out = []
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        out.append(f"{a}\t{b}" if a and b else (f"\t{b}" if b else f"{a}\t"))
    return out


def _paragraph_text(paragraph, used: list[str]) -> str:
    """The paragraph's text, runs in a TCVN3 or VNI font converted (their
    names recorded in ``used``)."""
    style_font = None
    style = paragraph.style
    while style is not None and style_font is None:
        style_font = style.font.name if style.font is not None else None
        style = style.base_style
    parts = []
    for run in paragraph.runs:
        text = run.text
        enc = legacy.font_encoding(run.font.name or style_font)
        if enc and legacy.may_be_legacy(text):
            text = legacy.decode_as(text, enc)
            used.append("tcvn3" if enc == "tcvn3-upper" else enc)
        elif enc == "tcvn3-upper" and text.isascii():
            text = text.upper()
        parts.append(text)
    return "".join(parts) if paragraph.runs else paragraph.text
