"""The first sheet of a spreadsheet as a grid of plain values, whatever the
format: .xlsx, .xls (Excel 97–2003), .ods or .csv.

Values come from calamine (fast); what calamine does not say — which
cells hold formulas, which text is in a TCVN3 or VNI font — comes from the
file's own structure (the sheet XML, the BIFF records, content.xml). Text
in a legacy encoding is converted to Unicode here, before anything cleans
it. Hostile and unreadable files are refused by ``desktop.io.safety``
before any parser opens them."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError
from desktop.io import biff, legacy
from desktop.io.bounded import run_bounded
from desktop.io.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, WORKBOOK_ZIP
from desktop.io.ole import OleError, OleFile
from desktop.io.safety import SPREADSHEET_HINT, check_zip, damaged_message, damaged_utf8_message, ole_kind, password_message, sniff, where

_LEGACY_SAMPLE_ROWS = 3_000
_TOO_MANY_ROWS = (
    f"vượt giới hạn {MAX_SHEET_ROWS:,} dòng của một bảng. Hãy xóa các dòng thừa ở cuối bảng, hoặc tách thành "
    "nhiều tệp. Không có gì được ghi."
)
ENCODING_NAMES = {
    "tcvn3": "TCVN3 (ABC, phông .VnTime)",
    "vni": "VNI (phông VNI-Times)",
    "cp1258": "Windows-1258",
    "utf-8": "UTF-8",
    "utf-16": "UTF-16",
}


@dataclass
class Grid:
    """``rows[r][c]`` is the value of sheet row r+1, column c+1: None, str
    (as typed, not yet cleaned), int, float, bool, date or datetime."""

    rows: list[list[Any]]
    formulas: set[tuple[int, int]] = field(default_factory=set)  # (row, col), 0-based
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1 inclusive
    encoding: str = "unicode"
    converted: int = 0  # text cells converted from a legacy encoding
    sheet_name: str | None = None
    warnings: list[str] = field(default_factory=list)
    file_format: str = "xlsx"
    # Text cells whose font says how they were typed: "tcvn3",
    # "tcvn3-upper" or "vni".
    legacy_fonts: dict[tuple[int, int], str] = field(default_factory=dict)


def read_grid(path: Path | str) -> Grid:
    """The first visible worksheet of ``path``. Raises ``UserError`` (naming
    the file, saying what to do) for anything that is not a readable,
    unprotected spreadsheet, whose first sheet is empty, or whose reading
    would take more memory or time than one file is allowed
    (``desktop.io.limits.READ_MEMORY_BYTES``, ``READ_SECONDS``)."""
    # calamine cannot be bounded from inside: the whole reading runs in a
    # child process that can.
    return run_bounded(_read_grid, Path(path))


def _read_grid(path: Path) -> Grid:
    sniffed = sniff(path)
    if sniffed.kind == "zip":
        names = check_zip(path, budget=WORKBOOK_ZIP)
        if any(n.startswith("xl/") for n in names):
            grid = _read_xlsx(path, names)
        elif "content.xml" in names and _ods_mimetype(path) == "spreadsheet":
            grid = _read_ods(path)
        elif any(n.startswith("word/") for n in names) or _ods_mimetype(path) == "text":
            raise UserError(f"{where(path)} là văn bản (Word/OpenDocument), không phải bảng tính. {SPREADSHEET_HINT}")
        else:
            raise UserError(f"{where(path)} là tệp nén nhưng không phải bảng tính. {SPREADSHEET_HINT}")
    elif sniffed.kind == "ole":
        kind = ole_kind(sniffed.ole_streams)
        if kind == "encrypted":
            raise UserError(password_message(path))
        if kind == "doc":
            raise UserError(f"{where(path)} là văn bản Word (.doc), không phải bảng tính. {SPREADSHEET_HINT}")
        if kind != "xls":
            raise UserError(f"{where(path)} là tệp Office cũ nhưng không phải bảng tính Excel. {SPREADSHEET_HINT}")
        grid = _read_xls(path)
    elif sniffed.kind == "pdf":
        raise UserError(f"{where(path)} thực ra là tệp PDF, không phải bảng tính. {SPREADSHEET_HINT}")
    elif sniffed.kind in ("html", "xml", "rtf"):
        raise UserError(
            f"{where(path)} không phải bảng tính Excel thật (là trang {sniffed.kind.upper()} được đặt đuôi bảng tính, "
            "thường do phần mềm khác xuất ra). Hãy mở tệp bằng Excel rồi lưu lại dưới dạng .xlsx."
        )
    else:
        if b"\0" in sniffed.head and not sniffed.head.startswith((b"\xff\xfe", b"\xfe\xff")):
            raise UserError(f"{where(path)} không phải bảng tính. {SPREADSHEET_HINT}")
        grid = _read_csv(path)
        if path.suffix.lower() not in (".csv", ".txt", ".tsv"):
            grid.warnings.append(f"Tệp “{path.name}” thực chất là văn bản CSV; đã đọc như CSV.")
    _finish(path, grid)
    return grid


# --- per format ----------------------------------------------------------
def _calamine_rows(path: Path, what: str) -> tuple[list[list[Any]], list, str, int]:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_path(str(path))
        try:
            metas = book.sheets_metadata
            chosen = next(
                (m.name for m in metas if m.visible == pc.SheetVisibleEnum.Visible and m.typ == pc.SheetTypeEnum.WorkSheet),
                book.sheet_names[0] if book.sheet_names else None,
            )
            if chosen is None:
                raise UserError(f"{where(path)} không có trang tính nào. Hãy kiểm tra lại tệp.")
            sheet = book.get_sheet_by_name(chosen)
            height, width = sheet.total_height, sheet.total_width
            if height > MAX_SHEET_ROWS:
                raise UserError(f"{where(path)} có {height:,} dòng, {_TOO_MANY_ROWS}")
            if height * max(width, 1) > MAX_CELLS:
                raise UserError(
                    f"{where(path)}: trang tính “{chosen}” rộng tới {width:,} cột (có ô lạc ở rất xa bên phải?). "
                    "Hãy xóa các cột thừa rồi lưu lại."
                )
            rows = sheet.to_python(skip_empty_area=False)
            merges = list(sheet.merged_cell_ranges or [])
            others = len(book.sheet_names) - 1
        finally:
            book.close()
    except UserError:
        raise
    except pc.PasswordError as exc:
        raise UserError(password_message(path)) from exc
    except (pc.CalamineError, OSError, ValueError, OverflowError) as exc:
        raise UserError(damaged_message(path, f"{what} không đọc được")) from exc
    except BaseException as exc:
        # A panic inside calamine's Rust code surfaces as pyo3's
        # PanicException (a BaseException): still a broken file.
        if type(exc).__name__ == "PanicException":
            raise UserError(damaged_message(path, f"{what} không đọc được")) from exc
        raise
    return rows, [(a[0], a[1], b[0], b[1]) for a, b in merges], chosen, others


_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?)(/?)>")
_ATTR = re.compile(rb'\b(r|s|t)="([^"]*)"')
_FORMULA_CELL = re.compile(rb"<(?:\w+:)?c\s([^>]*?)>\s*<(?:\w+:)?f[\s>/]")
_HAS_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_REF = re.compile(rb"^([A-Z]{1,3})(\d+)$")


def _col_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB": how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


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


_PIECE = 4 << 20
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
            chunk = member.read(_PIECE)
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
    for m in cut.finditer(data, max(0, len(data) - _PIECE // 2)):
        last = m.start()
    return last


def _check_xlsx_extent(path: Path, zf: zipfile.ZipFile, names: list[str]) -> None:
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


def _read_xlsx(path: Path, names: list[str]) -> Grid:
    with zipfile.ZipFile(path) as zf:
        _check_xlsx_extent(path, zf, names)
    rows, merges, sheet_name, others = _calamine_rows(path, "bảng tính Excel")
    grid = Grid(rows, merges=merges, sheet_name=sheet_name, file_format="xlsx")
    if others:
        grid.warnings.append(f"Chỉ đọc trang tính “{sheet_name}”; tệp còn {others} trang tính khác không được đọc.")
    try:
        with zipfile.ZipFile(path) as zf:
            sheet_xml = _xlsx_sheet_path(zf, sheet_name)
            legacy_styles = _xlsx_legacy_styles(zf) if "xl/styles.xml" in names else {}
            for data in _xml_pieces(zf, sheet_xml, _CELL_TAG) if sheet_xml in names else ():
                if _HAS_FORMULA.search(data):
                    for m in _FORMULA_CELL.finditer(data):
                        ref = dict(_ATTR.findall(m.group(1))).get(b"r")
                        pos = _REF.match(ref or b"")
                        if pos:
                            grid.formulas.add((int(pos.group(2)) - 1, _col_index(pos.group(1))))
                if legacy_styles:
                    grid.legacy_fonts.update(_xlsx_legacy_cells(data, legacy_styles))
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, ValueError, SyntaxError) as exc:
        raise UserError(damaged_message(path, "cấu trúc bảng tính không đọc được")) from exc
    return grid


def _xlsx_sheet_path(zf: zipfile.ZipFile, sheet_name: str) -> str:
    book = _xml(zf.read("xl/workbook.xml"))
    rels = _xml(zf.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    for sheet in book.iter(f"{_NS_MAIN}sheet"):
        if sheet.get("name") == sheet_name:
            target = targets.get(sheet.get(f"{_NS_REL}id"), "")
            target = target.lstrip("/")
            return target if target.startswith("xl/") else "xl/" + target
    return "xl/worksheets/sheet1.xml"


def _xlsx_legacy_styles(zf: zipfile.ZipFile) -> dict[int, str]:
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


def _xlsx_legacy_cells(data: bytes, legacy_styles: dict[int, str]) -> dict[tuple[int, int], str]:
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


def _ods_mimetype(path: Path) -> str | None:
    try:
        with zipfile.ZipFile(path) as zf:
            kind = zf.read("mimetype").decode("ascii", errors="replace").strip()
    except (KeyError, zipfile.BadZipFile, OSError):
        return None
    if kind.endswith("opendocument.spreadsheet"):
        return "spreadsheet"
    if kind.endswith("opendocument.text"):
        return "text"
    return None


_ODS_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
}


def _q(prefix: str, name: str) -> str:
    return f"{{{_ODS_NS[prefix]}}}{name}"


def _read_ods(path: Path) -> Grid:
    rows, _merges, sheet_name, others = _calamine_rows(path, "bảng tính OpenDocument")
    grid = Grid(rows, sheet_name=sheet_name, file_format="ods")
    if others:
        grid.warnings.append(f"Chỉ đọc trang tính “{sheet_name}”; tệp còn {others} trang tính khác không được đọc.")
    with zipfile.ZipFile(path) as zf:
        data = zf.read("content.xml")
    if b"table:formula" in data or b"-spanned" in data or b".Vn" in data or b"VNI" in data:
        try:
            _ods_structure(data, grid)
        except (SyntaxError, ValueError) as exc:
            raise UserError(damaged_message(path, "content.xml không đọc được")) from exc
    return grid


def _ods_structure(data: bytes, grid: Grid) -> None:
    """Formula cells, merged cells and legacy-font cells of the first table."""
    from defusedxml.ElementTree import iterparse

    font_faces: dict[str, str] = {}
    style_fonts: dict[str, str] = {}
    legacy_cells: dict[tuple[int, int], str] = {}
    row = -1
    col = 0
    tables = 0
    row_repeat = 1
    for event, el in iterparse(io.BytesIO(data), events=("start", "end")):
        tag = el.tag
        if event == "start":
            if tag == _q("table", "table"):
                tables += 1
            elif tables == 1 and tag == _q("table", "table-row"):
                row += 1
                col = 0
                row_repeat = int(el.get(_q("table", "number-rows-repeated"), "1") or 1)
            elif tables == 1 and tag in (_q("table", "table-cell"), _q("table", "covered-table-cell")):
                repeat = min(int(el.get(_q("table", "number-columns-repeated"), "1") or 1), MAX_SHEET_COLUMNS)
                if tag == _q("table", "table-cell"):
                    if el.get(_q("table", "formula")):
                        grid.formulas.add((row, col))
                    span_c = int(el.get(_q("table", "number-columns-spanned"), "1") or 1)
                    span_r = int(el.get(_q("table", "number-rows-spanned"), "1") or 1)
                    if span_c > 1 or span_r > 1:
                        grid.merges.append((row, col, row + span_r - 1, col + span_c - 1))
                    enc = legacy.font_encoding(style_fonts.get(el.get(_q("table", "style-name"), "")))
                    if enc:
                        for k in range(repeat):
                            legacy_cells[(row, col + k)] = enc
                col += repeat
            continue
        # end events
        if tag == _q("style", "font-face"):
            family = (el.get(_q("svg", "font-family")) or el.get(_q("style", "name")) or "").strip("'\"")
            font_faces[el.get(_q("style", "name"), "")] = family
        elif tag == _q("style", "style"):
            props = el.find(_q("style", "text-properties"))
            if props is not None and props.get(_q("style", "font-name")):
                style_fonts[el.get(_q("style", "name"), "")] = font_faces.get(props.get(_q("style", "font-name")), props.get(_q("style", "font-name")))
        elif tables == 1 and tag == _q("table", "table-row"):
            row += min(row_repeat, MAX_SHEET_ROWS) - 1
            el.clear()
        elif tag == _q("table", "table") and tables == 1:
            tables += 1  # past the first table: nothing more to learn
            break
    grid.legacy_fonts.update(legacy_cells)


def _read_xls(path: Path) -> Grid:
    try:
        ole = OleFile(path.read_bytes())
        ole.check_sizes()
        names = {n.lower(): n for n in ole.stream_names()}
        stream = ole.read_stream(names.get("workbook") or names["book"])
        book = biff.read_workbook(stream)
        if not book.encrypted:
            biff.validate(stream, book, MAX_CELLS)
    except (OleError, biff.BiffError, KeyError) as exc:
        raise UserError(damaged_message(path, "bảng tính Excel 97–2003 không đọc được")) from exc
    if book.encrypted:
        raise UserError(password_message(path))
    rows, merges, sheet_name, others = _calamine_rows(path, "bảng tính Excel 97–2003")
    grid = Grid(rows, merges=merges, sheet_name=sheet_name, file_format="xls")
    if others:
        grid.warnings.append(f"Chỉ đọc trang tính “{sheet_name}”; tệp còn {others} trang tính khác không được đọc.")
    entry = next((s for s in book.sheets if s.name == sheet_name), None)
    if entry is not None:
        try:
            info = biff.read_sheet(stream, book, entry)
        except biff.BiffError as exc:
            raise UserError(damaged_message(path, "bảng tính Excel 97–2003 không đọc được")) from exc
        grid.formulas = info.formulas
        grid.legacy_fonts = info.legacy
    return grid


def _read_csv(path: Path) -> Grid:
    try:
        text, encoding = legacy.decode_bytes(path.read_bytes())
    except legacy.DamagedUtf8 as exc:
        raise UserError(damaged_utf8_message(path, exc.line)) from exc
    lines = text[:1 << 20].splitlines()[:50]
    delimiter = _delimiter(lines)
    # Counted before anything is kept: a million rows held as lists would
    # outgrow the reading's memory budget before the row limit is reached.
    count = 0
    for _record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        count += 1
        if count > MAX_SHEET_ROWS:
            raise UserError(f"{where(path)} có hơn {MAX_SHEET_ROWS:,} dòng, {_TOO_MANY_ROWS}")
    rows: list[list[Any]] = []
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
        rows.append([v if v.strip() else None for v in record[:MAX_SHEET_COLUMNS]])
        if len(rows) > MAX_SHEET_ROWS:
            raise UserError(f"{where(path)} có hơn {MAX_SHEET_ROWS:,} dòng, {_TOO_MANY_ROWS}")
    return Grid(rows, encoding=encoding, file_format="csv")


def _delimiter(lines: list[str]) -> str:
    best, best_score = ",", -1
    for candidate in (",", ";", "\t", "|"):
        counts = [len(next(csv.reader([line], delimiter=candidate))) for line in lines if line.strip()]
        if not counts:
            continue
        widest = Counter(counts).most_common(1)[0]
        score = (widest[0] > 1) * widest[1] * 1000 + widest[0]
        if score > best_score:
            best, best_score = candidate, score
    return best


# --- after reading ---------------------------------------------------------
def _finish(path: Path, grid: Grid) -> None:
    rows = grid.rows
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, str) and not value.strip():
                row[c] = None
            elif isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise UserError(
                    f"{where(path)}: ô {_col_letter(c)}{r + 1} dài {len(value):,} ký tự, vượt giới hạn "
                    f"{MAX_CELL_CHARS:,} ký tự của một ô. Hãy kiểm tra lại ô đó (có thể dán nhầm cả một văn bản) "
                    "rồi lưu lại. Không có gì được ghi."
                )
            elif isinstance(value, (dt.time, dt.timedelta)):
                row[c] = str(value)
    while rows and all(v is None for v in rows[-1]):
        rows.pop()
    if not any(any(v is not None for v in row) for row in rows):
        sheet = f" (trang tính “{grid.sheet_name}”)" if grid.sheet_name else ""
        raise UserError(
            f"{where(path)} trống{sheet}: không có ô nào có dữ liệu. "
            "Hãy chọn đúng tệp, hoặc đưa danh sách lên trang tính đầu tiên."
        )
    _fill_down_merges(grid)
    _convert_legacy(grid, grid.legacy_fonts)


def _fill_down_merges(grid: Grid) -> None:
    # A cell merged over several rows ("Khối" spanning its units) holds its
    # value in the top row only; every row of the range means it.
    rows = grid.rows
    for r0, c0, r1, _c1 in grid.merges:
        if r1 <= r0 or r0 >= len(rows) or c0 >= len(rows[r0]):
            continue
        value = rows[r0][c0]
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            if c0 < len(rows[r]) and rows[r][c0] is None:
                rows[r][c0] = value


def _convert_legacy(grid: Grid, font_cells: dict[tuple[int, int], str] | None) -> None:
    rows = grid.rows
    sample = []
    for row in rows[:_LEGACY_SAMPLE_ROWS]:
        for value in row:
            if isinstance(value, str) and not value.isascii():
                sample.append(value)
    doc = legacy.detect_encoding(sample) if sample else legacy.UNICODE
    if doc == legacy.UNICODE and not font_cells:
        return
    used: Counter[str] = Counter()
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if not isinstance(value, str):
                continue
            font = font_cells.get((r, c)) if font_cells else None
            new = _convert_cell(value, font, doc)
            if new != value:
                row[c] = new
                used["tcvn3" if font == "tcvn3-upper" else (font or doc)] += 1
    if used:
        grid.encoding = used.most_common(1)[0][0]
        grid.converted = sum(used.values())
        parts = " và ".join(f"{n} ô từ bảng mã {ENCODING_NAMES.get(enc, enc)}" for enc, n in used.most_common())
        grid.warnings.append(f"Đã chuyển {parts} sang Unicode.")


def _convert_cell(value: str, font: str | None, doc: str) -> str:
    if font:
        if not legacy.may_be_legacy(value):
            # Plain ASCII in a capitals-only font still shows as capitals.
            return value.upper() if font == "tcvn3-upper" and value.isascii() else value
        decoded = legacy.decode_as(value, font)
        return decoded if legacy.vietnamese_score(decoded) >= legacy.vietnamese_score(value) else value
    if doc == legacy.UNICODE or not legacy.may_be_legacy(value):
        return value
    decoded = legacy.decode_as(value, doc)
    return decoded if legacy.vietnamese_score(decoded) > legacy.vietnamese_score(value) else value
