"""One date parser and the official date formats (Nghị định 30/2020/NĐ-CP)."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime

from desktop.core.errors import UserError

# ASCII digits only: int() would also read other scripts' digits. Four-digit
# years only: "05/03/22" could be 1922 or 2022.
_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
_DAY_FIRST = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{4})")
_DAY_FIRST_SHORT = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2([0-9]{2})")


class DateError(UserError):
    """A text that is not a date."""


def parse_date(value: object) -> date:
    """The ``date`` of a date, of a datetime, or of text "yyyy-mm-dd",
    "dd/mm/yyyy" or "d/m/yyyy" (day-first also with "-" or "."), spaces
    around allowed. Anything else, None and "" included, raises
    ``DateError`` quoting the text and naming the expected forms."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value).strip()
    if m := _ISO.fullmatch(text):
        year, month, day = m.groups()
    elif m := _DAY_FIRST.fullmatch(text):
        day, _, month, year = m.groups()
    if m:
        try:
            return date(int(year), int(month), int(day))
        except ValueError:  # 31/02, month 13, year 0
            pass
    raise DateError(
        f"“{text}” không phải là ngày hợp lệ. Hãy nhập ngày theo dạng dd/mm/yyyy "
        "(ví dụ 05/03/2022) hoặc yyyy-mm-dd."
    )


def parse_typed_date(value: str) -> date:
    """A date typed into a window's date field: every form ``parse_date``
    reads, and also "d/m/yy" (or "dd/mm/yy"), read as 20yy; the clerk
    types into a field labelled with the century, so "05/03/22" is 2022
    there (the command line and imported files keep four-digit years).
    An impossible day (31/02/2022) raises ``DateError`` saying which
    month has no such day; blank text raises ``DateError`` too."""
    typed = text = (value or "").strip()
    if m := _DAY_FIRST_SHORT.fullmatch(text):
        day, sep, month, year = m.groups()
        text = f"{day}{sep}{month}{sep}20{year}"
    try:
        return parse_date(text)
    except DateError:
        parts = _day_month_year(text)
        if parts is None:
            raise
        day, month, year = parts
        if not 1 <= month <= 12:
            raise DateError(f"“{typed}”: không có tháng {month}; tháng từ 1 đến 12.") from None
        if year < 1 or day < 1:
            raise
        last = calendar.monthrange(year, month)[1]
        raise DateError(f"“{typed}” không phải là ngày có thật: tháng {month}/{year} chỉ có {last} ngày.") from None


def _day_month_year(text: str) -> tuple[int, int, int] | None:
    if m := _ISO.fullmatch(text):
        year, month, day = m.groups()
    elif m := _DAY_FIRST.fullmatch(text):
        day, _, month, year = m.groups()
    else:
        return None
    return int(day), int(month), int(year)


def parse_optional_date(value: object) -> date | None:
    """None for None or blank text, else ``parse_date``."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return parse_date(value)


def format_date(d: date) -> str:
    """The date as dd/mm/yyyy, e.g. "05/03/2022"."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def official_date(d: date) -> str:
    """The date as Nghị định 30/2020/NĐ-CP writes it in documents, e.g.
    "ngày 05 tháng 3 năm 2026": a leading zero for days below 10 and for
    months 1 and 2 only."""
    # The zero is there so that no digit can be slipped in front (1 -> 11,
    # 2 -> 12); months 3 to 9 cannot be turned into another month that way.
    month = f"{d.month:02d}" if d.month < 3 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def place_date_line(place: str, d: date) -> str:
    """The place and date line at the head of a document, e.g.
    "Tam Đường, ngày 05 tháng 3 năm 2022"."""
    return f"{place}, {official_date(d)}"


def add_months(d: date, months: int) -> date:
    """``d`` moved by ``months`` calendar months (negative goes back),
    month-end anchored: the last day of a month gives the last day of the
    target month (30/06 + 6 = 31/12, 30/06 + 12 = 30/06 next year), and
    another day missing in the target month becomes its last day
    (31/01 + 1 = 28/02, or 29/02 in a leap year)."""
    year, month0 = divmod(d.year * 12 + d.month - 1 + months, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    month_end = d.day == calendar.monthrange(d.year, d.month)[1]
    return date(year, month0 + 1, last if month_end else min(d.day, last))
