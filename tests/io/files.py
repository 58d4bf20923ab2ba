"""Files the io tests write themselves: workbooks in every format the
readers take (.xlsx with openpyxl; .ods, .xls and encrypted containers
built byte by byte here), legacy-encoded text, hostile files, and
directives as .docx and .pdf."""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

from desktop.io.legacy import TCVN3_TABLE, VNI_PAIRS, VNI_SINGLE

# --- legacy encoders ---------------------------------------------------------
# Built by inverting the decoder's tables; the tests also check them against
# byte sequences written out by hand (test_legacy_encodings.py), so a wrong
# table cannot agree with itself unnoticed.
_TCVN3_BACK = {char: chr(byte) for byte, char in TCVN3_TABLE.items()}
_VNI_BACK = {**{v: k for k, v in VNI_PAIRS.items() if k[0].islower() == k[1].islower()}, **{v: k for k, v in VNI_SINGLE.items()}}
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_tcvn3(text: str) -> str:
    """Unicode -> the characters a .VnTime cell holds (one per TCVN3 byte).
    Capitals with a tone have no TCVN3 code: written as the lower-case
    letter, as typists do with capital fonts (.VnTimeH)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in _TCVN3_BACK:
            out.append(_TCVN3_BACK[ch])
        elif ch.lower() in _TCVN3_BACK and ch.lower() != ch:
            out.append(_TCVN3_BACK[ch.lower()])
        else:
            out.append(ch)
    return "".join(out)


def to_vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        out.append(_VNI_BACK.get(ch, ch))
    return "".join(out)


def to_cp1258(text: str) -> bytes:
    """Windows-1258 keeps ă â ê ô ơ ư đ whole and writes tones as combining
    marks."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", ch)
        tones = [c for c in parts if c in _TONES]
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(tones))
    return "".join(out).encode("cp1258")


# --- .xlsx ------------------------------------------------------------------------
def xlsx(path: Path, rows: list[list[Any]], *, merges: list[str] = (), fonts: dict[str, str] | None = None,
         default_font: str | None = None) -> Path:
    """``fonts`` maps a cell ("B3") or a row ("3") to a font name."""
    import openpyxl
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for ref in merges:
        ws.merge_cells(ref)
    for where, name in (fonts or {}).items():
        cells = ws[int(where)] if where.isdigit() else [ws[where]]
        for cell in cells:
            cell.font = Font(name=name)
    if default_font:
        for row in ws.iter_rows():
            for cell in row:
                if cell.coordinate not in (fonts or {}) and str(cell.row) not in (fonts or {}):
                    cell.font = Font(name=default_font)
    wb.save(path)
    return path


def replace_member(path: Path, member: str, data: bytes, *, target: Path | None = None) -> Path:
    """A copy of the zip ``path`` with ``member`` replaced by ``data``."""
    target = target or path
    buf = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == member else src.read(info.filename))
    target.write_bytes(buf.getvalue())
    return target


# --- .ods ---------------------------------------------------------------------------
_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.2">'
)


def _xml_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def ods(path: Path, rows: list[list[Any]], *, formulas: dict[tuple[int, int], str] | None = None,
        spans: dict[tuple[int, int], int] | None = None, font: str | None = None) -> Path:
    """A minimal OpenDocument spreadsheet written by hand: ``formulas`` and
    ``spans`` (columns spanned) keyed by 0-based (row, col); ``font`` is
    given to every text cell."""
    formulas, spans = formulas or {}, spans or {}
    body = []
    if font:
        body.append(f'<office:font-face-decls><style:font-face style:name="F1" svg:font-family="{_xml_escape(font)}"/></office:font-face-decls>')
        body.append('<office:automatic-styles><style:style style:name="ce1" style:family="table-cell">'
                    '<style:text-properties style:font-name="F1"/></style:style></office:automatic-styles>')
    body.append('<office:body><office:spreadsheet><table:table table:name="Danh sách">')
    for r, row in enumerate(rows):
        body.append("<table:table-row>")
        c = 0
        while c < len(row):
            value = row[c]
            attrs = ""
            if (r, c) in formulas:
                attrs += f' table:formula="{_xml_escape(formulas[(r, c)])}"'
            span = spans.get((r, c), 1)
            if span > 1:
                attrs += f' table:number-columns-spanned="{span}"'
            if value is None:
                body.append(f"<table:table-cell{attrs}/>")
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                body.append(f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}><text:p>{value}</text:p></table:table-cell>')
            else:
                style = ' table:style-name="ce1"' if font else ""
                body.append(f'<table:table-cell office:value-type="string"{style}{attrs}><text:p>{_xml_escape(str(value))}</text:p></table:table-cell>')
            for _ in range(span - 1):
                body.append("<table:covered-table-cell/>")
            c += span
        body.append("</table:table-row>")
    body.append("</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("content.xml", _ODS_HEAD + "".join(body), compress_type=zipfile.ZIP_DEFLATED)
    return path


# --- OLE2 compound files --------------------------------------------------------------
_END, _FREE, _FATSECT, _NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def compound_file(streams: dict[str, bytes]) -> bytes:
    """An OLE2 compound file (512-byte sectors) holding ``streams`` in the
    root storage. Streams are padded to 4096 bytes so that none lives in
    the mini stream."""
    names = list(streams)
    data = {n: streams[n].ljust(4096, b"\0") for n in names}
    sizes = {n: max(len(streams[n]), 4096) for n in names}
    entries = 1 + len(names)
    dir_sectors = (entries * 128 + 511) // 512
    chains, next_sector = {}, 1 + dir_sectors  # sector 0: FAT
    for n in names:
        count = (len(data[n]) + 511) // 512
        chains[n] = list(range(next_sector, next_sector + count))
        next_sector += count
    assert next_sector <= 128, "test files stay within one FAT sector"
    fat = [_FREE] * 128
    fat[0] = _FATSECT
    for i in range(1, 1 + dir_sectors):
        fat[i] = i + 1 if i < dir_sectors else _END
    for n in names:
        chain = chains[n]
        for a, b in zip(chain, chain[1:] + [_END]):
            fat[a] = b

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, _NOSTREAM, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    directory = entry("Root Entry", 5, 1 if names else _NOSTREAM, _NOSTREAM, _END, 0)
    for i, n in enumerate(names):
        # A right-leaning chain of siblings; readers here do not need it balanced.
        right = i + 2 if i + 1 < len(names) else _NOSTREAM
        directory += entry(n, 2, _NOSTREAM, right, chains[n][0], sizes[n])
    directory = directory.ljust(dir_sectors * 512, b"\0")
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIII", header, 44, 1, 1, 0, 4096, _END, 0, _END, 0)
    struct.pack_into("<109I", header, 76, 0, *([_FREE] * 108))
    body = struct.pack("<128I", *fat) + directory + b"".join(data[n].ljust(len(chains[n]) * 512, b"\0") for n in names)
    return bytes(header) + body


def encrypted_ooxml(path: Path) -> Path:
    """What Excel writes for a workbook with a password: an OLE2 file with
    EncryptionInfo and EncryptedPackage streams."""
    path.write_bytes(compound_file({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x01" * 5000}))
    return path


# --- .xls (BIFF8) ----------------------------------------------------------------------
def _record(kind: int, data: bytes) -> bytes:
    return struct.pack("<HH", kind, len(data)) + data


def _short_string(text: str) -> bytes:
    return struct.pack("<BB", len(text), 1) + text.encode("utf-16-le")


def _long_string(text: str) -> bytes:
    return struct.pack("<HB", len(text), 1) + text.encode("utf-16-le")


def xls(path: Path, rows: list[list[Any]], *, fonts: dict[tuple[int, int], str] | None = None,
        formulas: set[tuple[int, int]] = frozenset(), merges: list[tuple[int, int, int, int]] = (),
        password: bool = False, sheet_name: str = "Danh sách") -> Path:
    """An Excel 97–2003 workbook written record by record: text cells as
    shared strings, numbers, formula cells (cached value, formula "=0"),
    merged ranges, and a font per text cell from ``fonts`` ((row, col) ->
    font name). ``password`` adds the FILEPASS record Excel writes for a
    protected workbook."""
    fonts = fonts or {}
    font_names = ["Arial", "Arial", "Arial", "Arial"] + sorted(set(fonts.values()))
    font_index = {name: (i if i < 4 else i + 1) for i, name in enumerate(font_names)}
    glob = [_record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 6))]
    if password:
        glob.append(_record(0x002F, b"\x01\x00" + b"\x00" * 52))
    glob.append(_record(0x0042, struct.pack("<H", 1200)))
    for name in font_names:
        glob.append(_record(0x0031, struct.pack("<HHHHHBBBB", 200, 0, 0x7FFF, 400, 0, 0, 0, 0, 0) + _short_string(name)))
    xf_of_font = {}
    xfs = [(0, 0xFFF5)] * 15 + [(0, 0x0001)]
    for name in font_names[4:]:
        xf_of_font[name] = len(xfs)
        xfs.append((font_index[name], 0x0001))
    for ifnt, flags in xfs:
        glob.append(_record(0x00E0, struct.pack("<HHH", ifnt, 0, flags) + b"\x20\x00" + b"\x00" * 12))
    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is None and (r, c) not in formulas:
                continue
            xf = xf_of_font.get(fonts.get((r, c)), 15)
            if (r, c) in formulas:
                number = float(value) if isinstance(value, (int, float)) else 0.0
                rgce = b"\x1e\x00\x00"  # ptgInt 0
                cells.append(_record(0x0006, struct.pack("<HHHdHIH", r, c, xf, number, 0, 0, len(rgce)) + rgce))
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                cells.append(_record(0x0203, struct.pack("<HHHd", r, c, xf, float(value))))
            else:
                strings.append(str(value))
                cells.append(_record(0x00FD, struct.pack("<HHHI", r, c, xf, len(strings) - 1)))
    sst = _record(0x00FC, struct.pack("<II", len(strings), len(strings)) + b"".join(_long_string(s) for s in strings))
    boundsheet_at = sum(len(x) for x in glob)
    boundsheet = _record(0x0085, struct.pack("<IBB", 0, 0, 0) + _short_string(sheet_name))
    tail = [sst, _record(0x000A, b"")]
    sheet_offset = boundsheet_at + len(boundsheet) + sum(len(x) for x in tail)
    boundsheet = _record(0x0085, struct.pack("<IBB", sheet_offset, 0, 0) + _short_string(sheet_name))
    width = max((len(r) for r in rows), default=0)
    sheet = [
        _record(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 6)),
        _record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0)),
        *cells,
    ]
    if merges:
        sheet.append(_record(0x00E5, struct.pack("<H", len(merges)) + b"".join(struct.pack("<HHHH", r0, r1, c0, c1) for r0, c0, r1, c1 in merges)))
    sheet.append(_record(0x000A, b""))
    stream = b"".join(glob) + boundsheet + b"".join(tail) + b"".join(sheet)
    path.write_bytes(compound_file({"Workbook": stream}))
    return path


# --- directives ------------------------------------------------------------------------
def docx_directive(path: Path, header_left: list[str], header_right: list[str], body: list[str],
                   recipients: list[str], signature: list[str], *, font: str | dict[int, str] | None = None) -> Path:
    """An official document as Word lays it out: a two-column header table,
    title and body paragraphs, then "Nơi nhận" beside the signature.
    ``font`` is the body's font, or a font per body line index."""
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for cell, lines in zip(table.rows[0].cells, (header_left, header_right)):
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for i, line in enumerate(body):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(line)
        name = font.get(i) if isinstance(font, dict) else font
        if name:
            run.font.name = name
    foot = document.add_table(rows=1, cols=2)
    left, right = foot.rows[0].cells
    left.paragraphs[0].text = "Nơi nhận:"
    for line in recipients:
        left.add_paragraph(line)
    right.paragraphs[0].text = signature[0]
    for line in signature[1:]:
        right.add_paragraph(line)
    document.save(path)
    return path


DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def pdf_directive(path: Path, lines: list[str], *, wrap: int = 80) -> Path:
    """A PDF whose text layer holds ``lines``, each hard-wrapped at ``wrap``
    characters the way a printed page cuts sentences."""
    import textwrap

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", DEJAVU))
    pdf = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    pdf.setFont("DejaVuSans", 10)
    y = 800
    for line in lines:
        for piece in textwrap.wrap(line, wrap) or [""]:
            if y < 60:
                pdf.showPage()
                pdf.setFont("DejaVuSans", 10)
                y = 800
            pdf.drawString(50, y, piece)
            y -= 14
    pdf.save()
    return path
