"""What calamine does not say about an .xlsx, read from its XML: which
cells hold formulas and which text is in a TCVN3 or VNI font; and the
checks that keep calamine from allocating without bound. A sheet is read in
pieces, never whole (a 100,000-row sheet is 60 MB of XML)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io import legacy
from desktop.io.limits import MAX_SHEET_COLUMNS, MAX_SHEET_ROWS
from desktop.io.safety import damaged_message, where

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(/?)>")
_ATTR = re.compile(rb'\b(r|s|t)="([^"]*)"')
_FORMULA_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?)>\s*<(?:\w+:)?f[\s>/]")
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_REF = re.compile(rb"^([A-Z]{1,3})(\d+)$")


def _col_index(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n - 1


def _xml(data: bytes):
    from defusedxml.ElementTree import fromstring

    return fromstring(data)


# A cell with content beyond column GR (200) or row 9,999,999: calamine
# would allocate the whole rectangle up to it.
_FAR_CELL = re.compile(
    rb"<(?:\w+:)?c\s[^>]*?\br=\"(?:[A-Z]{3}\d+|(?:G[S-Z]|[H-Z][A-Z])\d+|[A-Z]{1,2}\d{7,})\"[^>]*?(?<!/)>"
)
# Where a far position may be: found by its literal start first, which is
# many times faster over a 200 MB sheet than trying the whole cell pattern at
# every tag; only those places are then checked in full.
_FAR_REF = re.compile(rb'r="(?:[A-Z]{3}\d|G[S-Z]\d|[H-Z][A-Z]\d|[A-Z]{1,2}\d{7})')
_SST_COUNT = re.compile(rb"<(\w+:)?sst\b[^>]*?\buniqueCount=\"(\d+)\"")


def _far_cell(piece: bytes) -> re.Match | None:
    for candidate in _FAR_REF.finditer(piece):
        start = piece.rfind(b"<", 0, candidate.start())
        found = _FAR_CELL.match(piece, start) if start >= 0 else None
        if found:
            return found
    return None


def _count_items(piece: bytes, prefix: bytes) -> int:
    # No other tag of the shared-string table starts with "si"; a made-up
    # one only makes the count larger, never a lie about it pass.
    return piece.count(b"<" + prefix + b"si")


PIECE_BYTES = 4 << 20
_ANY_TAG = re.compile(rb"<")
_CELL_TAG = re.compile(rb"<(?:\w+:)?c\s")


def _xml_pieces(zf: zipfile.ZipFile, name: str, cut: re.Pattern = _ANY_TAG):
    """The member ``name`` in pieces of about 4 MB, each ending just before
    the last match of ``cut`` in it, so what the regular expressions look
    for is never split; a sheet is never held whole (a 100,000-row sheet is
    60 MB of XML)."""
    carry = b""
    with zf.open(name) as member:
        while True:
            chunk = member.read(PIECE_BYTES)
            if not chunk:
                break
            data = carry + chunk
            at = _last_match(cut, data)
            if at <= 0:
                carry = data
                continue
            carry = data[at:]
            yield data[:at]
    if carry:
        yield carry


def _last_match(cut: re.Pattern, data: bytes) -> int:
    if cut is _ANY_TAG:
        return data.rfind(b"<")
    last = -1
    for m in cut.finditer(data, max(0, len(data) - PIECE_BYTES // 2)):
        last = m.start()
    return last


def check_extent(path: Path, zf: zipfile.ZipFile, names: list[str]) -> None:
    """Refuse what would make calamine allocate without bound (it trusts
    cell positions and the shared-string count)."""
    for name in names:
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            for piece in _xml_pieces(zf, name):
                far = _far_cell(piece)
                if far:
                    ref = re.search(rb'r="([A-Z]+\d+)"', far.group(0)).group(1).decode()
                    raise UserError(
                        f"{where(path)}: có ô chứa dữ liệu ở tận {ref}, ngoài phạm vi một danh sách "
                        f"({MAX_SHEET_COLUMNS} cột, {MAX_SHEET_ROWS:,} dòng). Hãy xóa các ô thừa đó rồi lưu lại."
                    )
    if "xl/sharedStrings.xml" in names:
        declared = items = None
        prefix = b""
        for piece in _xml_pieces(zf, "xl/sharedStrings.xml"):
            if declared is None:
                found = _SST_COUNT.search(piece[:4096])
                declared = int(found.group(2)) if found else -1
                prefix = (found.group(1) or b"") if found else b""
                items = 0
            items += _count_items(piece, prefix)
        if declared is not None and declared > items + 16:
            raise UserError(damaged_message(path, "bảng chuỗi dùng chung khai báo sai số lượng"))


def sheet_cells(zf: zipfile.ZipFile, names: list[str], sheet_name: str) -> tuple[set[tuple[int, int]], dict[tuple[int, int], str]]:
    """The formula cells and the legacy-font cells ("tcvn3", "tcvn3-upper",
    "vni") of the sheet named ``sheet_name``, as 0-based (row, column)."""
    formulas: set[tuple[int, int]] = set()
    legacy_fonts: dict[tuple[int, int], str] = {}
    sheet_xml = _sheet_path(zf, sheet_name)
    legacy_styles = _legacy_styles(zf) if "xl/styles.xml" in names else {}
    for data in _xml_pieces(zf, sheet_xml, _CELL_TAG) if sheet_xml in names else ():
        if _HAS_FORMULA.search(data):
            for m in _FORMULA_CELL.finditer(data):
                ref = dict(_ATTR.findall(m.group(1))).get(b"r")
                pos = _REF.match(ref or b"")
                if pos:
                    formulas.add((int(pos.group(2)) - 1, _col_index(pos.group(1))))
        if legacy_styles:
            legacy_fonts.update(_legacy_cells(data, legacy_styles))
    return formulas, legacy_fonts


def _sheet_path(zf: zipfile.ZipFile, sheet_name: str) -> str:
    book = _xml(zf.read("xl/workbook.xml"))
    rels = _xml(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{_NS_REL}id"), "")
            target = target.lstrip("/")
            return target if target.startswith("xl/") else "xl/" + target
    return "xl/worksheets/sheet1.xml"


def _legacy_styles(zf: zipfile.ZipFile) -> dict[int, str]:
    styles = _xml(zf.read("xl/styles.xml"))
    fonts_el = styles.find(f"{_NS_MAIN}fonts")
    xfs_el = styles.find(f"{_NS_MAIN}cellXfs")
    if fonts_el is None or xfs_el is None:
        return {}
    fonts = []
    for font in fonts_el:
        name = font.find(f"{_NS_MAIN}name")
        fonts.append(name.get("val") if name is not None else None)
    out = {}
    for i, xf in enumerate(xfs_el):
        try:
            enc = legacy.font_encoding(fonts[int(xf.get("fontId", "0"))])
        except (ValueError, IndexError):
            enc = None
        if enc:
            out[i] = enc
    return out


def _legacy_cells(data: bytes, legacy_styles: dict[int, str]) -> dict[tuple[int, int], str]:
    cells: dict[tuple[int, int], str] = {}
    default = legacy_styles.get(0)
    for m in _CELL.finditer(data):
        attrs = dict(_ATTR.findall(m.group(1)))
        enc = legacy_styles.get(int(attrs[b"s"])) if b"s" in attrs and attrs[b"s"].isdigit() else default
        if enc:
            pos = _REF.match(attrs.get(b"r", b""))
            if pos:
                cells[(int(pos.group(2)) - 1, _col_index(pos.group(1)))] = enc
    return cells
