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


# --- dates as documents write them ------------------------------------------------
# "16/02/2022", "16-02-2022", "16.02.2022", and the written form "ngày 16 tháng
# 02 năm 2022" (also "16 tháng 02, năm 2022"); the year may be left out in a
# sentence ("trước ngày 30/11"), when the document's own year is meant.
NUMERIC_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])"
WORDED_DATE = r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+(\d{4}))?"
WRITTEN_DATE = re.compile(rf"{NUMERIC_DATE}|{WORDED_DATE}", re.IGNORECASE)
# A full date with its year, for scanning a whole text.
_FULL_DATE = re.compile(
    r"(?<![\d/.])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])|(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+(\d{4})",
    re.IGNORECASE,
)


def written_parts(m: re.Match) -> tuple[int, int, int | None]:
    """(day, month, year or None) of a match of ``WRITTEN_DATE`` (or of a
    pattern that holds ``NUMERIC_DATE`` and/or ``WORDED_DATE``, in that
    order, as its only groups)."""
    groups = m.groups() + (None,) * 3
    day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    return int(day), int(month), (int(year) if year else None)


def impossible_reason(day: int, month: int, year: int) -> str | None:
    """Why day/month/year is no date of the calendar ("tháng 2 năm 2022
    chỉ có 28 ngày"), or None when it is one."""
    if not 1 <= month <= 12:
        return f"không có tháng {month}"
    if not 1 <= year <= 9999:
        return f"năm {year} không hợp lệ"
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return f"tháng {month} năm {year} chỉ có {last} ngày"
    return None


def written_date(day: int, month: int, year: int) -> date:
    """The date a document wrote as day, month and year; ``DateError``
    naming the date as written ("31/02/2022") and why it is none."""
    reason = impossible_reason(day, month, year)
    if reason:
        raise DateError(f"“{day:02d}/{month:02d}/{year}” không phải ngày có thật ({reason}).")
    return date(year, month, day)


def parse_written_date(text: str) -> date:
    """A date as documents write it: "ngày 16 tháng 02 năm 2022",
    "16 tháng 2 năm 2022", or any form ``parse_date`` takes. The whole text
    must be the date; ``DateError`` otherwise, naming an impossible one."""
    t = " ".join(str(text).split())
    m = re.fullmatch(rf"(?:ngày\s+)?{WORDED_DATE}", t, re.IGNORECASE)
    if m and m.group(3):
        day, month, year = written_parts(m)
        return written_date(day, month, year)
    return parse_date(t)


def impossible_dates(text: str) -> list[tuple[str, str]]:
    """Every full date in ``text`` that the calendar does not have, as
    (the date as written, why): [("31/02/2022", "tháng 2 năm 2022 chỉ có 28 ngày")]."""
    out = []
    for m in _FULL_DATE.finditer(text):
        if m.group(1):
            day, month, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        else:
            day, month, year = int(m.group(5)), int(m.group(6)), int(m.group(7))
        reason = impossible_reason(day, month, year)
        if reason:
            out.append((" ".join(m.group(0).split()), reason))
    return out


def month_end(year: int, month: int) -> date:
    """The last day of the month."""
    return date(year, month, calendar.monthrange(year, month)[1])
