"""Periods of a requirement: a one-off requirement has period 1; a recurring
one ("6 tháng/lần", yearly) has periods 1, 2, … each with its own due date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from db.models import Requirement
from desktop.core.dates import add_months, format_date
from desktop.core.errors import UserError
from desktop.core.vntext import fold


@dataclass(frozen=True)
class Period:
    number: int
    due: date

    def label(self, recurring: bool) -> str:
        if not recurring:
            return f"hạn {format_date(self.due)}"
        return f"kỳ {self.number}, hạn {format_date(self.due)}"


_EVERY = re.compile(r"^(\d+)\s*(m|thang|y|nam)$")


def parse_every(text: str) -> int:
    """Months between due dates from "6m", "12m", "1y", "6 tháng", "1 năm"."""
    m = _EVERY.match(fold(text).replace("/lan", "").strip())
    if not m or int(m.group(1)) == 0:
        raise UserError(f"Chu kỳ “{text}” không hợp lệ. Hãy nhập ví dụ 6m (6 tháng/lần) hoặc 1y (hằng năm).")
    n = int(m.group(1))
    return n * 12 if m.group(2) in ("y", "nam") else n


def due_of(requirement: Requirement, number: int) -> date:
    if not requirement.every_months:
        return requirement.first_due
    return add_months(requirement.first_due, requirement.every_months * (number - 1))


def period_start(requirement: Requirement, period: Period, issued_on: date | None) -> date:
    """The day ``period`` began, ``issued_on`` being the directive's date:
    period 1 begins on the directive's date; period n (n ≥ 2) of a
    recurring requirement the day after period n-1's due date. Without a
    directive date, period 1 of a one-off requirement begins on its due
    date and of a recurring one the day after the due date one cycle
    before. Never after the period's due date."""
    if period.number > 1:
        start = due_of(requirement, period.number - 1) + timedelta(days=1)
    elif issued_on is not None:
        start = issued_on
    elif requirement.every_months:
        start = add_months(requirement.first_due, -requirement.every_months) + timedelta(days=1)
    else:
        start = period.due
    return min(start, period.due)


def get_period(requirement: Requirement, number: int) -> Period:
    """Period ``number`` of the requirement; ``UserError`` if it has none."""
    last = None if requirement.every_months else 1
    if requirement.every_months and requirement.until:
        last = len(periods_through(requirement, requirement.until))
    if number < 1 or (last is not None and number > last):
        span = "chỉ có kỳ 1" if last == 1 else (f"có các kỳ 1–{last}" if last else "có các kỳ từ 1")
        raise UserError(f"Yêu cầu số {requirement.id} không có kỳ {number} (yêu cầu này {span}).")
    return Period(number, due_of(requirement, number))


def periods_through(requirement: Requirement, as_of: date) -> list[Period]:
    """Every period due on or before ``as_of``, oldest first."""
    out: list[Period] = []
    n = 1
    while True:
        due = due_of(requirement, n)
        if due > as_of or (requirement.until and due > requirement.until):
            return out
        out.append(Period(n, due))
        if not requirement.every_months:
            return out
        n += 1


def next_period(requirement: Requirement, as_of: date) -> Period | None:
    """The first period due after ``as_of``, if the requirement has one."""
    n = len(periods_through(requirement, as_of)) + 1
    if n > 1 and not requirement.every_months:
        return None
    due = due_of(requirement, n)
    if requirement.until and due > requirement.until:
        return None
    return Period(n, due)
