"""Read a list of member units from an ``.xlsx`` workbook.

The header row is looked for among the first rows (the one naming the most
known columns); column names are matched without diacritics or case, in
their common spellings. Returns typed rows and the rows it skipped; it
never writes to the database."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.dates import parse_date
from desktop.core.errors import UserError
from desktop.core.numbers import parse_count
from desktop.core.units import COUNT_FIELDS, DATE_FIELDS, Skipped, UnitRow
from desktop.core.vntext import clean, fold

MAX_FILE_BYTES = 50 * 1024 * 1024
HEADER_SCAN_ROWS = 20

# Folded header text -> field. Longer spellings are listed so that
# "Tổng số đoàn viên" is not taken for the unit's name.
HEADER_ALIASES: dict[str, str] = {
    **dict.fromkeys(["ma", "ma don vi", "ma so", "ma cdcs", "ma cong doan"], "code"),
    **dict.fromkeys(
        ["ten don vi", "don vi", "ten cong doan co so", "ten cdcs", "cong doan co so", "ten", "ten cong doan"], "name"
    ),
    **dict.fromkeys(["khoi", "loai hinh", "khoi nganh", "nganh", "khoi/loai hinh"], "sector"),
    **dict.fromkeys(["chu tich", "chu tich cdcs", "ho ten chu tich", "chu tich cong doan"], "chair"),
    **dict.fromkeys(["dien thoai", "so dien thoai", "sdt", "dt", "dien thoai lien he"], "phone"),
    **dict.fromkeys(["email", "e-mail", "thu dien tu"], "email"),
    **dict.fromkeys(["dia chi"], "address"),
    **dict.fromkeys(["so doan vien", "tong so doan vien", "doan vien", "tong so dv"], "members"),
    **dict.fromkeys(["nu", "doan vien nu", "trong do nu", "so doan vien nu", "dv nu"], "female_members"),
    **dict.fromkeys(["so lao dong", "tong so lao dong", "lao dong", "cnvcld", "so cnvcld"], "workers"),
    **dict.fromkeys(["ngay thanh lap", "thanh lap"], "active_from"),
    **dict.fromkeys(["ghi chu"], "note"),
}
# "Tổng cộng", "Cộng", "Tổng số:" alone; never "Công đoàn …" (folds to "cong …").
_TOTAL_ROW = re.compile(r"^(tong cong|tong so|cong|tong)\s*[:.]?\s*$|^tong cong\b")


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
    header_row: int = 0  # 1-based
    encoding: str = "unicode"


def header_field(text: Any, overrides: dict[str, str] | None = None) -> str | None:
    """The field a header cell names; ``overrides`` (header text -> field,
    "" to ignore the column) come first."""
    if not isinstance(text, str):
        return None
    key = fold(text).strip(" :.*")
    if overrides:
        for written, fld in overrides.items():
            if fold(written).strip(" :.*") == key:
                return fld or None
    return HEADER_ALIASES.get(key)


def _open_rows(path: Path) -> list[tuple]:
    import openpyxl  # deferred: only this reader needs it
    from openpyxl.utils.exceptions import InvalidFileException

    where = f"Tệp “{path.name}”"
    if not path.is_file():
        raise UserError(f"{where} không tồn tại. Hãy kiểm tra lại đường dẫn.")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UserError(f"{where} lớn quá {MAX_FILE_BYTES // 2**20} MB, không phải một danh sách đơn vị thông thường.")
    if not zipfile.is_zipfile(path):
        raise UserError(
            f"{where} không phải bảng tính Excel (.xlsx). Hãy mở tệp bằng Excel và lưu lại dưới dạng .xlsx."
        )
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            ws = wb.worksheets[0]
            return [tuple(r) for r in ws.iter_rows(values_only=True)]
        finally:
            wb.close()
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as exc:
        raise UserError(
            f"{where} không đọc được như một bảng tính Excel (.xlsx): tệp có thể bị hỏng hoặc sai định dạng "
            f"({type(exc).__name__}). Hãy mở bằng Excel, lưu lại rồi thử lại."
        ) from exc


def _find_header(rows: list[tuple], overrides: dict[str, str] | None) -> tuple[int, dict[int, str], dict[str, str]]:
    best: tuple[int, dict[int, str], dict[str, str]] = (-1, {}, {})
    for index, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        mapping: dict[int, str] = {}
        written: dict[str, str] = {}
        for col, value in enumerate(row):
            fld = header_field(value, overrides)
            if fld and fld not in mapping.values():
                mapping[col] = fld
                written[clean(value)] = fld
        if "name" in mapping.values() and len(mapping) > len(best[1]):
            best = (index, mapping, written)
    return best


def _likely_header(rows: list[tuple]) -> list[str]:
    # The first row with the most text cells among the first rows.
    best: list[str] = []
    for row in rows[:HEADER_SCAN_ROWS]:
        texts = [clean(v) for v in row if isinstance(v, str) and clean(v)]
        if len(texts) > len(best):
            best = texts
    return best


def _phone(value: Any) -> str:
    # Excel turns 0912345678 into the number 912345678; the leading zero of
    # a Vietnamese phone number is restored.
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        text = str(value)
        return "0" + text if len(text) in (9, 10) and not text.startswith("0") else text
    return clean(str(value))


def _typed(field_name: str, value: Any) -> Any:
    if value is None or (isinstance(value, str) and not clean(value)):
        return None
    if field_name in COUNT_FIELDS:
        return parse_count(value, what=field_name)
    if field_name in DATE_FIELDS:
        return value.date() if isinstance(value, dt.datetime) else parse_date(value)
    if field_name == "phone":
        return _phone(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean(str(value))


_LABELS = {
    "members": "Số đoàn viên",
    "female_members": "Đoàn viên nữ",
    "workers": "Số lao động",
    "active_from": "Ngày thành lập",
}


def read_unit_sheet(path: Path | str, columns: dict[str, str] | None = None) -> UnitSheet:
    """Typed unit rows from the first sheet of ``path``; ``columns`` maps
    header text to a field where the user overrides the guess. Raises
    ``UserError`` when the file is not a readable workbook or has no column
    naming the units."""
    path = Path(path)
    rows = _open_rows(path)
    header_index, mapping, written = _find_header(rows, columns)
    if header_index < 0:
        raise HeaderNotFound(
            f"Không tìm thấy cột tên đơn vị trong tệp “{path.name}”: cần một cột tiêu đề “Tên đơn vị” "
            "(hoặc “Tên công đoàn cơ sở”, “Đơn vị”). Hãy chỉ rõ cột nào là tên đơn vị "
            "(trên dòng lệnh: --column \"Tiêu đề cột=name\").",
            _likely_header(rows),
        )
    sheet = UnitSheet(
        columns=written,
        headers=[clean(str(v)) for v in rows[header_index] if v is not None and clean(str(v))],
        header_row=header_index + 1,
    )
    for offset, raw in enumerate(rows[header_index + 1 :], start=header_index + 2):
        cells = {fld: raw[col] if col < len(raw) else None for col, fld in mapping.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        name = cells.get("name")
        if isinstance(name, str) and _TOTAL_ROW.match(fold(name)):
            sheet.skipped.append(Skipped(offset, "dòng tổng cộng, không phải đơn vị"))
            continue
        values: dict[str, Any] = {}
        problem = None
        for fld, value in cells.items():
            try:
                values[fld] = _typed(fld, value)
            except UserError:
                problem = f"cột “{_LABELS.get(fld, fld)}”: “{value}” không hợp lệ"
                break
        if problem:
            sheet.skipped.append(Skipped(offset, problem))
            continue
        sheet.rows.append(UnitRow(offset, values))
    return sheet
