"""Read a clerk's tracking sheet ("STT | Đơn vị | Số, ngày kế hoạch | Ngày
nhận | Số buổi | Số người tham dự") for one requirement: the same header
finding as unit lists; indicator columns matched to the requirement's
indicator names. Returns typed rows and skipped rows; never writes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.dates import parse_date
from desktop.core.errors import UserError
from desktop.core.intake import split_doc_reference
from desktop.core.numbers import parse_number
from desktop.core.submissions import TrackingRow
from desktop.core.units import Skipped
from desktop.core.vntext import clean
from desktop.io.grid import read_grid
from desktop.io.table import (
    INDEX,
    INDEX_KEYS,
    find_layout,
    header_key,
    header_texts,
    likely_header,
    row_is_column_numbers,
    row_is_header_repeat,
)
from desktop.io.unit_sheet import HeaderNotFound, is_total

_SPELLINGS: dict[str, list[str]] = {
    "unit": ["don vi", "ten don vi", "ten cdcs", "ten cong doan co so", "cong doan co so", "ten cong doan", "cdcs", "ten"],
    "code": ["ma", "ma don vi", "ma dv", "ma cdcs"],
    "doc_ref": [
        "so ngay ke hoach", "so ngay van ban", "so ky hieu ngay van ban", "so va ngay ke hoach", "so ngay bao cao",
        "so ky hieu", "so van ban", "so ke hoach", "so bao cao", "van ban", "ke hoach", "so ky hieu van ban",
        "so hieu van ban", "so ngay ban hanh", "so ky hieu ngay ban hanh", "so ngay", "so ky hieu ngay",
    ],
    "doc_date": ["ngay van ban", "ngay ban hanh", "ngay ke hoach", "ngay bao cao", "ngay ky"],
    "received": [
        "ngay nhan", "ngay gui", "ngay nop", "ngay nhan van ban", "ngay nhan bao cao", "ngay nhan ke hoach", "ngay den",
        "ngay nhan duoc",
    ],
    "note": ["ghi chu"],
}
_ALIASES = {key: fld for fld, keys in _SPELLINGS.items() for key in keys}
VALUE = "value:"  # prefix of an indicator field: "value:sessions"
_BLANK = {"-", "–", "—", "x", "…", "..."}


@dataclass
class TrackingSheet:
    rows: list[TrackingRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)  # header as written -> field
    headers: list[str] = field(default_factory=list)
    header_row: int = 0
    encoding: str = "unicode"


def _matcher(indicators: list[dict]):
    names = {}
    for ind in indicators:
        names[header_key(ind["label"])] = VALUE + ind["key"]
        names[header_key(ind["key"])] = VALUE + ind["key"]

    def match(key: str) -> str | None:
        if key in INDEX_KEYS:
            return INDEX
        if key in _ALIASES:
            return _ALIASES[key]
        if key in names:
            return names[key]
        # "Số buổi tổ chức" for the indicator "Số buổi"
        for name, fld in names.items():
            if len(name.split()) >= 2 and key.startswith(name + " "):
                return fld
        return None

    return match


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value)) or None


def _date(value: Any) -> dt.date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value).strip())


def read_tracking_sheet(path: Path | str, indicators: list[dict] | None = None, columns: dict[str, str] | None = None) -> TrackingSheet:
    """Typed rows from the first sheet of ``path``; ``indicators`` are the
    requirement's ``{"key", "label"}``. Raises ``HeaderNotFound`` when no
    column names the units."""
    path = Path(path)
    indicators = indicators or []
    grid = read_grid(path)
    match = _matcher(indicators)
    layout = find_layout(grid, match, required="unit", overrides=columns) or find_layout(
        grid, match, required="code", overrides=columns
    )
    if layout is None:
        raise HeaderNotFound(
            f"Không tìm thấy cột đơn vị trong tệp “{path.name}”: cần một cột tiêu đề “Đơn vị” (hoặc “Tên đơn vị”, "
            "“Mã đơn vị”).",
            likely_header(grid),
        )
    sheet = TrackingSheet(
        columns=layout.columns(), headers=list(layout.labels.values()), header_row=layout.header_row + 1,
        encoding=grid.encoding, warnings=list(grid.warnings),
    )
    found = {f for f in layout.fields.values()}
    if "received" not in found:
        sheet.warnings.append("Không thấy cột “Ngày nhận”: không dòng nào ghi nhận được nếu thiếu ngày nhận.")
    for ind in indicators:
        if VALUE + ind["key"] not in found:
            sheet.warnings.append(f"Không thấy cột chỉ tiêu “{ind['label']}” trong tệp.")
    labels = {VALUE + i["key"]: i["label"] for i in indicators}
    formula_rows = {r for r, _c in grid.formulas}
    headers = header_texts(grid, layout)
    for r in range(layout.data_start, len(grid.rows)):
        raw = grid.rows[r]
        number = r + 1
        if r not in formula_rows and all(v is None for v in raw):
            continue
        cells = {f: (raw[c] if c < len(raw) else None) for c, f in layout.fields.items()}
        unit, code = _text(cells.get("unit")), _text(cells.get("code"))
        first_text = next((t for v in raw if isinstance(v, str) and (t := _text(v))), None)
        if row_is_header_repeat(raw, headers) or row_is_column_numbers(raw):
            sheet.skipped.append(Skipped(number, "dòng tiêu đề hoặc đánh số cột"))
            continue
        if is_total(unit) or (not unit and not code and is_total(first_text)):
            sheet.skipped.append(Skipped(number, "dòng tổng cộng, không phải đơn vị"))
            continue
        if not unit and not code:
            sheet.skipped.append(Skipped(number, "không có tên hay mã đơn vị"))
            continue
        row = TrackingRow(number, unit_name=unit, unit_code=code, note=_text(cells.get("note")))
        try:
            row.received_on = _date(cells.get("received"))
        except UserError:
            sheet.skipped.append(Skipped(number, f"ngày nhận “{_text(cells.get('received'))}” không hợp lệ"))
            continue
        ref = cells.get("doc_ref")
        if isinstance(ref, (dt.date, dt.datetime)):
            row.doc_date = _date(ref)
        elif ref is not None:
            row.doc_number, row.doc_date = split_doc_reference(_text(ref))
        try:
            if cells.get("doc_date") is not None:
                row.doc_date = _date(cells["doc_date"])
        except UserError:
            sheet.skipped.append(Skipped(number, f"ngày văn bản “{_text(cells.get('doc_date'))}” không hợp lệ"))
            continue
        problem = None
        for fld, value in cells.items():
            if not fld.startswith(VALUE) or value is None or (isinstance(value, str) and value.strip() in _BLANK):
                continue
            try:
                row.values[fld[len(VALUE):]] = parse_number(value, what=labels[fld])
            except UserError as exc:
                problem = exc.message
                break
        if problem:
            sheet.skipped.append(Skipped(number, problem))
            continue
        sheet.rows.append(row)
    return sheet
