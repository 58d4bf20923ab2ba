"""One date parser and the official date formats (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from desktop.core.errors import UserError

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$")


class DateError(UserError):
    """A text that is not a date."""


def parse_date(value: object) -> date:
    """A ``date`` from a date, a datetime, or text in the forms
    "YYYY-MM-DD", "dd/mm/yyyy", "d/m/yyyy" (also with "-" or "." between
    day-first parts). Raises ``DateError`` with a Vietnamese message."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value).strip()
    m = _ISO.match(text)
    parts = (m.group(1), m.group(2), m.group(3)) if m else None
    if parts is None:
        m = _DAY_FIRST.match(text)
        if m:
            parts = (m.group(4), m.group(3), m.group(1))
    if parts is not None:
        try:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
        except ValueError:
            pass
    raise DateError(
        f"“{text}” không phải là ngày hợp lệ. Hãy nhập ngày theo dạng dd/mm/yyyy "
        "(ví dụ 05/03/2022) hoặc yyyy-mm-dd."
    )


def parse_optional_date(value: object) -> date | None:
    """None for None or blank text, else ``parse_date``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def format_date(d: date) -> str:
    """"05/03/2022"."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def official_date(d: date) -> str:
    """"ngày 05 tháng 3 năm 2026": a leading zero for days below 10 and for
    months 1 and 2 only, as Nghị định 30 prescribes."""
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date_line(place: str, d: date) -> str:
    """"Tam Đường, ngày 05 tháng 3 năm 2022"."""
    return f"{place}, {official_date(d)}"


def add_months(d: date, months: int) -> date:
    """``d`` moved by calendar months, month-end anchored: a day missing in
    the target month becomes its last day, and the last day of a month
    stays the last day (30/06 + 6 months = 31/12)."""
    total = d.year * 12 + (d.month - 1) + months
    year, month = divmod(total, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if d.day == calendar.monthrange(d.year, d.month)[1]:
        return date(year, month, last)
    return date(year, month, min(d.day, last))
