"""Read a list of member units from a spreadsheet (.xlsx, .xls, .ods, .csv)
as offices make them: titles above the table, headers over one or two rows
in their many spellings, section rows naming the sector ("I. KHỐI HÀNH
CHÍNH SỰ NGHIỆP"), subtotal and total rows, formulas, signatures below,
numbers typed as text, legacy encodings. Returns typed rows and every row
it skipped with the reason; it never writes to the database."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.dates import parse_date
from desktop.core.errors import UserError
from desktop.core.numbers import parse_count
from desktop.core.units import COUNT_FIELDS, DATE_FIELDS, FIELD_LABELS, UNIT_FIELDS, Skipped, UnitRow
from desktop.core.vntext import clean, fold
from desktop.io.grid import Grid, read_grid
from desktop.io.legacy import syllable_ok
from desktop.io.table import (
    INDEX,
    INDEX_KEYS,
    Layout,
    find_layout,
    header_texts,
    likely_header,
    row_is_column_numbers,
    row_is_header_repeat,
)

# Header spellings (as ``header_key`` gives them) -> field. Two-row headers
# are matched as "parent child" ("Đoàn viên" over "Trong đó nữ").
_SPELLINGS: dict[str, list[str]] = {
    "code": ["ma", "ma don vi", "ma so", "ma cdcs", "ma cong doan", "ma dv", "ma so don vi", "ma cong doan co so"],
    "name": [
        "ten don vi", "don vi", "ten cong doan co so", "ten cdcs", "cong doan co so", "ten", "ten cong doan",
        "cdcs", "ten to chuc cong doan", "ten nghiep doan", "ten cong doan co so nghiep doan", "ten don vi cdcs",
    ],
    "sector": ["khoi", "loai hinh", "khoi nganh", "nganh", "khoi loai hinh", "loai hinh don vi", "loai hinh doanh nghiep", "thuoc khoi"],
    "chair": [
        "chu tich", "chu tich cdcs", "ho ten chu tich", "ho va ten chu tich", "chu tich cong doan", "ten chu tich",
        "chu tich cong doan co so", "chu tich ho va ten", "chu tich ho ten",
    ],
    "phone": [
        "dien thoai", "so dien thoai", "sdt", "dt", "dien thoai lien he", "so dt", "dtdd", "di dong", "dien thoai di dong",
        "chu tich dien thoai", "chu tich so dien thoai", "chu tich sdt", "chu tich dt",
    ],
    "email": ["email", "e mail", "thu dien tu", "dia chi email", "dia chi thu dien tu"],
    "address": ["dia chi", "dia chi tru so", "tru so"],
    "members": [
        "so doan vien", "tong so doan vien", "doan vien", "tong so dv", "so dv", "so luong doan vien", "tong doan vien",
        "doan vien tong so", "dv tong so", "doan vien so luong", "so doan vien tong so", "doan vien tong",
    ],
    "female_members": [
        "nu", "doan vien nu", "trong do nu", "so doan vien nu", "dv nu", "so nu", "doan vien trong do nu",
        "dv trong do nu", "trong do doan vien nu", "so doan vien trong do nu", "doan vien so nu",
    ],
    "workers": [
        "so lao dong", "tong so lao dong", "lao dong", "cnvcld", "so cnvcld", "tong so cnvcld", "cnvc ld", "so cnvc ld",
        "tong so cnvc ld", "so luong lao dong", "lao dong tong so", "cnvcld tong so", "cnvc ld tong so",
    ],
    "active_from": ["ngay thanh lap", "thanh lap", "ngay thanh lap cdcs", "ngay thanh lap cong doan"],
    "note": ["ghi chu"],
}
HEADER_ALIASES: dict[str, str] = {key: fld for fld, keys in _SPELLINGS.items() for key in keys}

_BLANK_COUNTS = {"-", "–", "—", "x", "…", "..."}


class HeaderNotFound(UserError):
    """No row names the units; ``headers`` are the cells of the likeliest
    header row, for the user to map by hand."""

    def __init__(self, message: str, headers: list[str]):
        super().__init__(message)
        self.headers = headers


@dataclass
class UnitSheet:
    rows: list[UnitRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> field
    headers: list[str] = field(default_factory=list)  # every header cell of the header row
    header_row: int = 0  # 1-based (the first of two header rows)
    encoding: str = "unicode"
    header_rows: int = 1
    sheet_name: str | None = None


def unit_field(key: str) -> str | None:
    """The field a header names, from its ``header_key``."""
    if key in INDEX_KEYS:
        return INDEX
    return HEADER_ALIASES.get(key)


# --- rows that are not units ---------------------------------------------
_ROMAN = r"(?:[IVXLC]+|[A-Z])"
_SECTION_PREFIX = re.compile(rf"^{_ROMAN}\s*[.):/-]\s*\S")
_ROMAN_ONLY = re.compile(rf"^{_ROMAN}\s*[.)]?$")
_NOT_TOTAL = re.compile(r"^cộng\s+(đồng|hòa|hoà|tác|sự)\b")
_FOOTER = re.compile(
    r"^(nguoi lap( bieu| bang)?|nguoi ky|thu truong|ke toan|xac nhan|t ?m|tm|kt|tl|q|chu tich|pho chu tich|"
    r"ghi chu|luu y|noi nhan)\b"
    r"|\bngay\s*\d{0,2}\s*thang\s*\d{0,2}\s*nam\s*\d{4}"
)


_UNIT_PREFIX = ("công đoàn", "cđcs", "nghiệp đoàn", "cong doan", "cdcs")


def is_total(text: str | None) -> bool:
    """"Tổng cộng", "Cộng", "Cộng khối I", "Tổng số:", "TONG CONG"; never
    "Công đoàn …" or "Tổng công ty …"."""
    if not text:
        return False
    t = (clean(text) or "").lower()
    if not t.startswith(("t", "c")) or t.startswith(_UNIT_PREFIX):
        return False
    if re.match(r"^(tổng\s+cộng|cộng)(?=\W|$)", t) and not _NOT_TOTAL.match(t):
        return True
    if re.match(r"^(tổng\s+số|tổng)\s*[:.]?\s*(\d.*)?$", t):
        return True
    folded = fold(t).strip(" :.")
    return folded in ("tong cong", "cong", "tong so", "tong")


def is_footer(text: str | None) -> bool:
    """A signature or note line below the table ("Người lập biểu", "Tam
    Đường, ngày 10 tháng 3 năm 2022", "TM. BAN THƯỜNG VỤ")."""
    if not text or text.lower().startswith(_UNIT_PREFIX):
        return False
    return bool(_FOOTER.search(fold(text)))


def section_sector(text: str) -> str:
    """The sector a section row names: "I. KHỐI HÀNH CHÍNH SỰ NGHIỆP" ->
    "Hành chính sự nghiệp"; "II. KHỐI DOANH NGHIỆP FDI" -> "Doanh nghiệp FDI"."""
    t = clean(text) or ""
    t = re.sub(rf"^{_ROMAN}\s*[.):/-]\s*", "", t)
    t = re.sub(r"^(khối|khu vực)\s+", "", t, flags=re.I)
    t = re.sub(r"\s*\([^)]*\)\s*$", "", t).strip(" :.-")
    if t and t == t.upper():
        # Capitals are the section's typography, not the sector's name;
        # words that are no Vietnamese syllable are acronyms (FDI, DNNN).
        words = []
        for word in t.split(" "):
            lower = word.lower()
            words.append(lower if all(syllable_ok(p) for p in re.split(r"[^\w]+", lower) if p) else word)
        t = " ".join(words)
    return t[:1].upper() + t[1:]


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value)) or None


def _section_text(raw: list[Any], layout: Layout, index: Any) -> str | None:
    """The text of a section row ("I. KHỐI HÀNH CHÍNH SỰ NGHIỆP", or "I" in
    the STT column beside "Khối hành chính sự nghiệp"), else None."""
    if index is not None and not isinstance(index, str):
        return None  # numbered like a unit
    index_text = _text(index)
    if index_text and not (_ROMAN_ONLY.match(index_text) or _SECTION_PREFIX.match(index_text)):
        return None
    others = [(c, v) for c, v in enumerate(raw) if v is not None and layout.fields.get(c) != INDEX]
    if any(layout.fields.get(c) in ("code", "phone", "email", "chair", "address") for c, _v in others):
        return None
    texts = [t for _c, v in others if isinstance(v, str) and (t := _text(v))]
    if len(texts) > 1:
        return None
    text = texts[0] if texts else index_text
    if not text:
        return None
    if (index_text and _ROMAN_ONLY.match(index_text)) or _SECTION_PREFIX.match(text) or fold(text).startswith(("khoi ", "khu vuc ")):
        return text
    return None


# --- values ----------------------------------------------------------------
def _phone(value: Any) -> str:
    # Excel turns 0912345678 into the number 912345678; the leading zero of
    # a Vietnamese phone number is restored.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip().lstrip("'")
    if isinstance(value, int) or text.isdigit():
        return "0" + text if len(text) in (9, 10) and not text.startswith("0") else text
    return clean(text) or ""


def _typed(field_name: str, value: Any, memo: dict[str, str | None] | None = None) -> Any:
    if value is None:
        return None
    if isinstance(value, str) and field_name not in COUNT_FIELDS and field_name not in DATE_FIELDS and field_name != "phone":
        # Sectors, chairs' names and the like repeat down a long list.
        if memo is None:
            return clean(value) or None
        if value not in memo:
            memo[value] = clean(value) or None
        return memo[value]
    if isinstance(value, str) and not clean(value):
        return None
    if field_name in COUNT_FIELDS:
        if isinstance(value, str) and value.strip() in _BLANK_COUNTS:
            return None
        return parse_count(value, what=field_name)
    if field_name in DATE_FIELDS:
        return value.date() if isinstance(value, dt.datetime) else parse_date(value)
    if field_name == "phone":
        return _phone(value)
    return _text(value)


def read_unit_sheet(path: Path | str, columns: dict[str, str] | None = None) -> UnitSheet:
    """Typed unit rows from the first sheet of ``path`` (.xlsx, .xls, .ods
    or .csv); ``columns`` maps header text to a field where the user
    overrides the guess ("" ignores a column). Raises ``HeaderNotFound`` when
    no column names the units and ``UserError`` when the file is not a
    readable spreadsheet."""
    path = Path(path)
    grid = read_grid(path)
    layout = find_layout(grid, unit_field, required="name", overrides=columns)
    if layout is None:
        raise HeaderNotFound(
            f"Không tìm thấy cột tên đơn vị trong tệp “{path.name}”: cần một cột tiêu đề “Tên đơn vị” "
            "(hoặc “Tên công đoàn cơ sở”, “Đơn vị”). Hãy chỉ rõ cột nào là tên đơn vị.",
            likely_header(grid),
        )
    sheet = UnitSheet(
        columns=layout.columns(),
        headers=list(layout.labels.values()),
        header_row=layout.header_row + 1,
        header_rows=layout.height,
        encoding=grid.encoding,
        warnings=list(grid.warnings),
        sheet_name=grid.sheet_name,
    )
    _read_rows(grid, layout, sheet)
    return sheet


def _read_rows(grid: Grid, layout: Layout, sheet: UnitSheet) -> None:
    fields = [(c, f) for c, f in layout.fields.items() if f in UNIT_FIELDS]
    index_col = next((c for c, f in layout.fields.items() if f == INDEX), None)
    name_col = next(c for c, f in layout.fields.items() if f == "name")
    sector: str | None = None
    ended = False  # past the grand total or the signature: nothing below is a unit
    formula_rows = {r for r, _c in grid.formulas}
    headers = header_texts(grid, layout)
    memo: dict[str, str | None] = {}
    for r in range(layout.data_start, len(grid.rows)):
        raw = grid.rows[r]
        row_number = r + 1
        if r not in formula_rows and all(v is None for v in raw):
            continue
        name = _text(raw[name_col]) if name_col < len(raw) else None
        index = raw[index_col] if index_col is not None and index_col < len(raw) else None
        first_text = None if name else next((t for v in raw if isinstance(v, str) and (t := _text(v))), None)

        def skip(reason: str, row: int = row_number) -> None:
            sheet.skipped.append(Skipped(row, reason))

        if row_is_header_repeat(raw, headers):
            skip("dòng tiêu đề cột lặp lại, không phải đơn vị")
            continue
        if row_is_column_numbers(raw):
            skip("dòng đánh số cột, không phải đơn vị")
            continue
        if is_total(name) or (not name and (is_total(_text(index)) or is_total(first_text))):
            skip("dòng tổng cộng, không phải đơn vị")
            if not re.match(r"^cộng\b", (clean(name or first_text or "") or "").lower()):
                ended = True  # "Tổng cộng" closes the table; "Cộng khối I" does not
            continue
        if not name and r in formula_rows:
            skip("dòng công thức tính toán, không có tên đơn vị, không phải đơn vị")
            continue
        section = None if ended else _section_text(raw, layout, index)
        if section:
            sector = section_sector(section)
            skip(f"dòng tên khối “{section}”, không phải đơn vị (các đơn vị bên dưới thuộc khối “{sector}”)")
            continue
        if is_footer(name) or (not name and is_footer(first_text)):
            ended = True
            skip("dòng ký tên hoặc ghi chú cuối bảng, không phải đơn vị")
            continue
        if ended and not isinstance(index, (int, float)):
            skip("dòng bên dưới bảng (sau dòng tổng cộng hoặc chữ ký), không phải đơn vị")
            continue
        values: dict[str, Any] = {}
        problem = None
        for c, fld in fields:
            value = raw[c] if c < len(raw) else None
            try:
                values[fld] = name if fld == "name" else _typed(fld, value, memo)
            except UserError:
                problem = f"cột “{FIELD_LABELS.get(fld, layout.labels.get(c, fld))}”: “{_text(value)}” không hợp lệ"
                break
        if problem:
            skip(problem)
            continue
        if sector and not values.get("sector"):
            values["sector"] = sector
        sheet.rows.append(UnitRow(row_number, values))
