"""Today's date, asked for in one place.

Deadlines, "on time", received dates and receipts all depend on what day it
is; every module asks ``today()`` here rather than ``date.today()``, so the
day can be fixed: by the tests (a suite that passes only in the year it was
written is a suite that rots), and by a clerk re-creating what the office saw
on an earlier day. ``THEODOI_TODAY=yyyy-mm-dd`` fixes it for a process and the
processes it starts; ``fixed_today`` for a block of code.
"""

from __future__ import annotations

import contextlib
import os
from datetime import date, datetime, timezone
from typing import Iterator

ENV = "THEODOI_TODAY"

_fixed: list[date] = []


def today() -> date:
    """The office's today: fixed by ``fixed_today`` or ``THEODOI_TODAY``,
    else the computer's local date."""
    if _fixed:
        return _fixed[-1]
    text = os.environ.get(ENV)
    if text:
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass  # a bad value is ignored rather than stopping every command
    return date.today()


def now_utc() -> datetime:
    """The current instant (aware, UTC). Instants stamp records and
    signatures, which other programs check against their own clocks, so
    they are never fixed: only the calendar day is."""
    return datetime.now(timezone.utc)


@contextlib.contextmanager
def fixed_today(day: date) -> Iterator[date]:
    """Within the block, ``today()`` is ``day``."""
    _fixed.append(day)
    try:
        yield day
    finally:
        _fixed.pop()
