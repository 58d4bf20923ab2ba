"""Deadlines and reporting cycles set in a directive's body: "trước ngày
30/11/2021", "chậm nhất đến ngày 20/11", "trong tháng 12/2021", "quý
IV/2021", "6 tháng/lần". A date the calendar lacks ("31/02/2022") is kept
with its sentence and named, never turned into "year unknown"."""

from __future__ import annotations

import re
from datetime import date

from desktop.core.dates import (
    NUMERIC_DATE,
    WORDED_DATE,
    impossible_reason,
    month_end,
    written_parts,
)
from desktop.core.intake.fields import Deadline, Recurrence
from desktop.core.intake.layout import LIST_MARKER, UPPER
from desktop.core.vntext import fold

_SENTENCE_END = re.compile(rf"(?<=[.!?])[”\"’)]*\s+(?=[{UPPER}0-9“\"(])|(?<=;)\s+")
# "trước 17h00 ngày 20/11", "chậm nhất 16 giờ 30 ngày …": an hour before the day.
_HOUR = r"(?:\d{1,2}\s*(?:h|giờ|g)\s*(?:\d{2}\s*(?:phút|')?)?\s*,?\s*)?"
_DEADLINE_PATTERNS = [
    # "trước ngày 30/11/2021", "chậm nhất đến ngày 20/11/2021", "hạn chót ngày …"
    re.compile(
        r"\b(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến|đến\s+hết))?|hạn(?:\s+(?:chót|cuối|nộp))?(?:\s+là)?|không\s+quá|"
        r"không\s+muộn\s+hơn|đến\s+hết|xong\s+trước|trong)\s+" + _HOUR + r"ngày\s+(?:" + NUMERIC_DATE + "|" + WORDED_DATE + ")",
        re.IGNORECASE,
    ),
    # "chậm nhất 20/11/2021", "trước 30/11/2021"
    re.compile(r"\b(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))?)\s+(?:" + NUMERIC_DATE + ")", re.IGNORECASE),
]
_MONTH_DEADLINE = re.compile(r"\b(trong|hết|cuối|đến\s+hết|trước)\s+tháng\s+(\d{1,2})\s*(?:[/-]|\s+năm\s+)\s*(\d{4})", re.IGNORECASE)
_QUARTER_DEADLINE = re.compile(r"\b(?:trong|hết|cuối|đến\s+hết)\s+quý\s+(IV|III|II|I|[1-4])\s*(?:[/-]|\s+năm\s+)\s*(\d{4})", re.IGNORECASE)
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
_CYCLE_PATTERNS = [
    (re.compile(r"\b(\d{1,2})\s*tháng\s*(?:/|một|1)\s*lần\b", re.IGNORECASE), None),
    (re.compile(r"\bđịnh\s+kỳ\s+(\d{1,2})\s+tháng\b", re.IGNORECASE), None),
    (re.compile(r"\b(?:hằng|hàng)\s+quý\b|\bquý\s*/\s*lần\b", re.IGNORECASE), 3),
    (re.compile(r"\b(?:hằng|hàng)\s+năm\b|\b(?:1\s+)?năm\s*(?:/|một)\s*lần\b", re.IGNORECASE), 12),
    (re.compile(r"\b(?:hằng|hàng)\s+tháng\b", re.IGNORECASE), 1),
]
_REPORTING = re.compile(r"\b(báo\s+cáo|giao\s+ban|sơ\s+kết|tổng\s+kết|gửi\s+về|nộp\s+về)\b", re.IGNORECASE)


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences (and ";" clauses), list markers off."""
    text = LIST_MARKER.sub("", paragraph.replace("\t", " "), count=1).strip()
    parts = _SENTENCE_END.split(text)
    return [p.strip() for p in parts if p.strip()]


def _due(m: re.Match, default_year: int | None, issued_on: date | None) -> tuple[date | None, str | None]:
    day, month, year = written_parts(m)
    written = year is not None
    year = year or default_year
    if year is None:
        return None, None
    reason = impossible_reason(day, month, year)
    if reason:
        shown = f"{day:02d}/{month:02d}" + (f"/{year}" if written else "")
        return None, f"“{shown}” không phải ngày có thật ({reason})"
    due = date(year, month, day)
    if issued_on and not written and due < issued_on and not impossible_reason(day, month, year + 1):
        due = date(year + 1, month, day)  # "trước ngày 15/01" in a December letter
    return due, None


def find_deadlines(paragraphs: list[str], default_year: int | None, issued_on: date | None) -> list[Deadline]:
    found: list[Deadline] = []
    seen = set()
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            hits: list[tuple[int, date | None, str | None]] = []
            for pattern in _DEADLINE_PATTERNS:
                for m in pattern.finditer(sentence):
                    due, problem = _due(m, default_year, issued_on)
                    hits.append((m.start(), due, problem))
            for m in _MONTH_DEADLINE.finditer(sentence):
                month, year = int(m.group(2)), int(m.group(3))
                if 1 <= month <= 12:
                    if fold(m.group(1)) == "truoc":
                        hits.append((m.start(), date.fromordinal(date(year, month, 1).toordinal() - 1), None))
                    else:
                        hits.append((m.start(), month_end(year, month), None))
            for m in _QUARTER_DEADLINE.finditer(sentence):
                q = _ROMAN_QUARTER.get(m.group(1).upper()) or int(m.group(1))
                hits.append((m.start(), month_end(int(m.group(2)), q * 3), None))
            for _pos, due, problem in sorted(hits, key=lambda h: h[0]):
                key = (due, problem, sentence)
                if key not in seen:
                    seen.add(key)
                    found.append(Deadline(due, sentence, problem))
    return found


def find_recurrence(paragraphs: list[str]) -> Recurrence | None:
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if not _REPORTING.search(sentence):
                continue
            best = None
            for pattern, months in _CYCLE_PATTERNS:
                m = pattern.search(sentence)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), months or int(m.group(1)), m.group(0))
            if best and best[1] > 0:
                return Recurrence(best[1], best[2], sentence)
    return None
