"""What calamine does not tell about an Excel 97–2003 (.xls) workbook, read
from its BIFF records: whether it is password-protected (FILEPASS), the
font of each text cell (to spot ``.VnTime`` and ``VNI-Times``) and which
cells hold formulas. Values themselves come from calamine."""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

from desktop.io.legacy import font_encoding
from desktop.io.limits import MAX_BIFF_RECORDS

BOF, EOF, FILEPASS, FONT, XF, BOUNDSHEET = 0x0809, 0x000A, 0x002F, 0x0031, 0x00E0, 0x0085
FORMULA, LABEL, LABELSST, RSTRING = 0x0006, 0x0204, 0x00FD, 0x00D6
DIMENSIONS, MULRK, MULBLANK = 0x0200, 0x00BD, 0x00BE
# Records that hold one cell: row, column, format.
_CELL_RECORDS = {FORMULA, LABEL, LABELSST, RSTRING, 0x0203, 0x027E, 0x0201, 0x0205, 0x0006}
BIFF_ROWS, BIFF_COLUMNS = 65_536, 256


class BiffError(Exception):
    """The stream is not BIFF5/BIFF8 as expected."""


@dataclass
class SheetEntry:
    name: str
    offset: int
    visible: bool
    worksheet: bool


@dataclass
class BiffWorkbook:
    encrypted: bool = False
    biff8: bool = True
    fonts: dict[int, str] = field(default_factory=dict)  # font index -> name
    xf_fonts: list[int] = field(default_factory=list)  # XF index -> font index
    sheets: list[SheetEntry] = field(default_factory=list)


@dataclass
class BiffSheet:
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 0-based
    legacy: dict[tuple[int, int], str] = field(default_factory=dict)  # text cells in a legacy font


def _records(stream: bytes, offset: int = 0):
    n = 0
    end = len(stream)
    while offset + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, offset)
        data = stream[offset + 4 : offset + 4 + size]
        if len(data) < size:
            raise BiffError("record truncated")
        yield kind, data
        offset += 4 + size
        n += 1
        if n > MAX_BIFF_RECORDS:
            raise BiffError("too many records")


def _short_string(data: bytes, pos: int, biff8: bool) -> str:
    if pos >= len(data):
        return ""
    count = data[pos]
    if not biff8:
        return data[pos + 1 : pos + 1 + count].decode("cp1252", errors="replace")
    flags = data[pos + 1] if pos + 1 < len(data) else 0
    raw = data[pos + 2 :]
    if flags & 0x01:
        return raw[: 2 * count].decode("utf-16-le", errors="replace")
    return raw[:count].decode("latin-1")


def read_workbook(stream: bytes) -> BiffWorkbook:
    """The globals substream: protection, fonts, cell formats, sheets."""
    book = BiffWorkbook()
    font_count = 0
    for n, (kind, data) in enumerate(_records(stream)):
        if n == 0:
            if kind != BOF or len(data) < 4:
                raise BiffError("no BOF")
            book.biff8 = struct.unpack_from("<H", data, 0)[0] >= 0x0600
            continue
        if kind == FILEPASS:
            book.encrypted = True
            return book
        if kind == FONT and len(data) >= 14:
            index = font_count if font_count < 4 else font_count + 1  # font 4 does not exist
            book.fonts[index] = _short_string(data, 14, book.biff8)
            font_count += 1
        elif kind == XF and len(data) >= 2:
            book.xf_fonts.append(struct.unpack_from("<H", data, 0)[0])
        elif kind == BOUNDSHEET and len(data) >= 6:
            offset, visibility, sheet_type = struct.unpack_from("<IBB", data, 0)
            book.sheets.append(SheetEntry(_short_string(data, 6, book.biff8), offset, visibility == 0, sheet_type == 0))
        elif kind == EOF:
            break
    return book


def read_sheet(stream: bytes, book: BiffWorkbook, sheet: SheetEntry) -> BiffSheet:
    """Formula cells and text cells in a legacy font of one sheet."""
    legacy_xf = {}
    for xf, font in enumerate(book.xf_fonts):
        enc = font_encoding(book.fonts.get(font))
        if enc:
            legacy_xf[xf] = enc
    out = BiffSheet()
    for n, (kind, data) in enumerate(_records(stream, sheet.offset)):
        if n == 0:
            if kind != BOF:
                raise BiffError("sheet without BOF")
            continue
        if kind == EOF:
            break
        if kind in (FORMULA, LABEL, LABELSST, RSTRING) and len(data) >= 6:
            row, col, xf = struct.unpack_from("<HHH", data, 0)
            if kind == FORMULA:
                out.formulas.add((row, col))
            elif xf in legacy_xf:
                out.legacy[(row, col)] = legacy_xf[xf]
    return out


def validate(stream: bytes, book: BiffWorkbook, max_cells: int) -> None:
    """Refuse (``BiffError``) what would make a reader allocate without
    bound: cells outside the 65,536 x 256 grid of Excel 97–2003, sheet
    dimensions beyond it, or a used area over ``max_cells`` cells. Every
    sheet is checked, since readers parse them all on opening."""
    for sheet in book.sheets:
        if not 0 <= sheet.offset < len(stream):
            raise BiffError("sheet offset out of range")
        last_row = last_col = -1
        for n, (kind, data) in enumerate(_records(stream, sheet.offset)):
            if n == 0:
                if kind != BOF:
                    raise BiffError("sheet without BOF")
                continue
            if kind == EOF:
                break
            if kind == DIMENSIONS and len(data) >= 12:
                first_row, end_row, first_col, end_col = struct.unpack_from("<IIHH", data, 0)
                if end_row > BIFF_ROWS or end_col > BIFF_COLUMNS or first_row > end_row or first_col > end_col:
                    raise BiffError("dimensions beyond the sheet")
            elif kind in _CELL_RECORDS and len(data) >= 4:
                row, col = struct.unpack_from("<HH", data, 0)
                last_row, last_col = max(last_row, row), max(last_col, col)
            elif kind in (MULRK, MULBLANK) and len(data) >= 6:
                row, _first = struct.unpack_from("<HH", data, 0)
                last_row, last_col = max(last_row, row), max(last_col, struct.unpack_from("<H", data, len(data) - 2)[0])
        if last_col >= BIFF_COLUMNS:
            raise BiffError("cell beyond column IV")
        if (last_row + 1) * (last_col + 1) > max_cells:
            raise BiffError("used area too large")
