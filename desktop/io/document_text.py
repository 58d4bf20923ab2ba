"""The text of a directive received as .txt, .pdf (its text layer) or .docx,
as Unicode, for ``desktop.core.intake``. Legacy encodings are converted
here, before anything cleans the text (TCVN3 writes "ư" as the byte a
cleaner removes as a soft hyphen). Hostile or unreadable files are refused
with a Vietnamese message naming the file."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io import legacy
from desktop.io.grid import ENCODING_NAMES
from desktop.io.limits import MAX_DOCUMENT_CHARS, MAX_PDF_PAGES, MAX_TEXT_BYTES
from desktop.io.safety import check_zip, damaged_message, damaged_utf8_message, ole_kind, password_message, sniff, where

DOCUMENT_HINT = "Hãy dùng tệp .docx, .pdf (có lớp chữ) hoặc .txt của văn bản."


@dataclass
class DocumentText:
    text: str
    file_format: str  # "txt", "pdf", "docx"
    encoding: str = "unicode"  # as for sheets: "utf-8", "cp1258", "tcvn3", "vni"…
    wrapped: bool = True  # lines are cut inside paragraphs (pdf, txt); False for docx
    warnings: list[str] = field(default_factory=list)
    sha256: str = ""
    file_name: str = ""


def read_document_text(path: Path | str) -> DocumentText:
    """The text of ``path``; raises ``UserError`` for anything else."""
    path = Path(path)
    sniffed = sniff(path)
    if sniffed.kind == "pdf":
        doc = _read_pdf(path)
    elif sniffed.kind == "zip":
        names = check_zip(path)
        if "word/document.xml" not in names:
            raise UserError(f"{where(path)} không phải văn bản Word (.docx). {DOCUMENT_HINT}")
        doc = _read_docx(path)
    elif sniffed.kind == "ole":
        kind = ole_kind(sniffed.ole_streams)
        if kind == "encrypted":
            raise UserError(password_message(path))
        raise UserError(
            f"{where(path)} là tệp Office đời cũ (.doc/.xls), chưa đọc được trực tiếp. "
            "Hãy mở bằng Word và lưu lại dưới dạng .docx hoặc PDF."
        )
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


def _read_pdf(path: Path) -> DocumentText:
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are for developers
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise UserError(password_message(path))
            except (FileNotDecryptedError, NotImplementedError) as exc:
                raise UserError(password_message(path)) from exc
        if len(reader.pages) > MAX_PDF_PAGES:
            raise UserError(f"{where(path)} có {len(reader.pages)} trang, quá {MAX_PDF_PAGES} trang cho một văn bản chỉ đạo.")
        pages = []
        total = 0
        for page in reader.pages:
            text = page.extract_text() or ""
            total += len(text)
            if total > MAX_DOCUMENT_CHARS:
                raise UserError(f"{where(path)} quá dài cho một văn bản chỉ đạo.")
            pages.append(text)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever a broken or hostile PDF makes the parser raise
        raise UserError(damaged_message(path, "PDF không đọc được")) from exc
    text = "\n\n".join(pages)
    if len(text.strip()) < 20:
        raise UserError(
            f"{where(path)} là PDF không có lớp chữ (bản quét/ảnh chụp), không đọc được nội dung. "
            "Hãy xin bản .docx hoặc PDF gốc, hoặc vào sổ bằng tay."
        )
    return DocumentText(text, "pdf")


def _read_docx(path: Path) -> DocumentText:
    import docx

    used: list[str] = []
    try:
        document = docx.Document(str(path))
        lines = _docx_lines(document, used)
    except Exception as exc:  # noqa: BLE001 - whatever a broken or hostile file makes the parser raise
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
            seen = set()
            for row in Table(block, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:
                        continue  # a merged cell appears once per column it spans
                    seen.add(id(cell._tc))
                    for paragraph in cell.paragraphs:
                        lines.append(_paragraph_text(paragraph, used))
    return lines


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
