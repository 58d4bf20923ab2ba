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
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import UserError
from desktop.io import biff, legacy, xlsx_structure
from desktop.io.child import run_bounded
from desktop.io.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_SHEET_COLUMNS,
    MAX_SHEET_ROWS,
    READ_MEMORY_BYTES,
    READ_SECONDS,
    WORKBOOK_ZIP,
)
from desktop.io.ole import OleError, OleFile
from desktop.io.safety import (
    SPREADSHEET_HINT,
    check_zip,
    damaged_message,
    damaged_utf8_message,
    ole_kind,
    password_message,
    sniff,
    where,
)

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
    path = Path(path)
    # calamine allocates whatever a file asks for and aborts the process when
    # an allocation fails: the whole reading runs in a child that is bounded.
    run = run_bounded(_grid_messages, (path,), seconds=READ_SECONDS, memory_bytes=READ_MEMORY_BYTES)
    for message in run.messages:
        if message[0] == "grid":
            return message[1]
        if message[0] == "refused":
            raise UserError(message[1])
        if message == ("error", "memory", ""):
            raise UserError(too_big_message(path))
        if message[0] == "error":
            raise RuntimeError(f"{path.name}: {message[2]}")  # a bug in the reader, not the file's fault
    if run.timed_out:
        raise UserError(too_slow_message(path))
    # Ended without a word: calamine's abort on a failed allocation, or the
    # system's out-of-memory killer.
    raise UserError(too_big_message(path))


def _grid_messages(path: Path):
    try:
        yield ("grid", _read_grid(path))
    except UserError as exc:
        yield ("refused", exc.message)


def too_big_message(path: Path) -> str:
    return (
        f"Tệp “{path.name}” bị từ chối: đọc tệp này cần hơn {READ_MEMORY_BYTES // 2**20} MB bộ nhớ, vượt giới hạn "
        "an toàn cho một tệp (tệp quá lớn, hoặc được tạo ra để làm treo máy). Hãy xóa các trang tính, dòng và cột "
        "thừa, hoặc tách thành nhiều tệp nhỏ rồi thử lại. Không có gì được ghi."
    )


def too_slow_message(path: Path) -> str:
    return (
        f"Tệp “{path.name}” bị từ chối: đọc quá {READ_SECONDS:g} giây vẫn chưa xong, vượt giới hạn an toàn cho "
        "một tệp (tệp quá lớn, hoặc được tạo ra để làm treo máy). Hãy tách thành nhiều tệp nhỏ, hoặc mở bằng "
        "Excel rồi lưu lại dạng .xlsx và thử lại. Không có gì được ghi."
    )


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


def _col_letter(index: int) -> str:
    """0 -> "A", 27 -> "AB": how a spreadsheet names a column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _read_xlsx(path: Path, names: list[str]) -> Grid:
    with zipfile.ZipFile(path) as zf:
        xlsx_structure.check_extent(path, zf, names)
    rows, merges, sheet_name, others = _calamine_rows(path, "bảng tính Excel")
    grid = Grid(rows, merges=merges, sheet_name=sheet_name, file_format="xlsx")
    if others:
        grid.warnings.append(f"Chỉ đọc trang tính “{sheet_name}”; tệp còn {others} trang tính khác không được đọc.")
    try:
        with zipfile.ZipFile(path) as zf:
            grid.formulas, grid.legacy_fonts = xlsx_structure.sheet_cells(zf, names, sheet_name)
    except (KeyError, zipfile.BadZipFile, zlib.error, EOFError, ValueError, SyntaxError) as exc:
        raise UserError(damaged_message(path, "cấu trúc bảng tính không đọc được")) from exc
    return grid


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
    for count, _record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1):
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
