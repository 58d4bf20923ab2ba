"""The documents a directive cites, in every form they are written:
"Nghị quyết số 02-NQ/TW", "Kế hoạch 314/KH-LĐLĐ", "Nghị định 30/2020/NĐ-CP",
"Luật số 50/2024/QH15", a letter's "Công văn 1517/TLĐ" (no kind code), and
a symbol cut at its hyphen by the end of a line ("TT-" / "BGDĐT")."""

from __future__ import annotations

import re
from datetime import date

from desktop.core.dates import WORDED_DATE, DateError, impossible_dates, written_date
from desktop.core.directives import number_key
from desktop.core.vntext import clean

_S = r"[A-ZĐ][A-Za-zĐđ]"
_REFERENCE = re.compile(
    rf"(?<![\w/])(\d{{1,5}}[a-z]?\s*[-/]\s*{_S}{{0,5}}\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*"
    rf"|\d{{1,5}}/\d{{4}}/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)"
)
# A letter's number has no kind code ("1517/TLĐ"): only a reference when a
# document's name stands before it.
_NAMED = re.compile(
    r"\b(?:[Cc]ông\s+văn|[Vv]ăn\s+bản|[Cc]ông\s+điện|[Tt]ờ\s+trình|[Hh]ướng\s+dẫn|[Kk]ế\s+hoạch|[Tt]hông\s+báo|"
    r"[Qq]uyết\s+định|[Cc]hỉ\s+thị|[Nn]ghị\s+quyết|[Cc]hương\s+trình(?:\s+hành\s+động)?|[Bb]áo\s+cáo|[Kk]ết\s+luận)"
    rf"\s+(?:số\s*:?\s*)?(\d{{1,5}}[a-z]?\s*/\s*{_S}*(?:\s*-\s*{_S}*)?)(?![\w/-])"
)
# "TT-" at the end of a line and "BGDĐT" at the start of the next.
_CUT = re.compile(r"(\d[\w/.Đđ-]*[-/])\s*\n\s*([A-ZĐ][\wĐđ]*)")


def _tidy(reference: str) -> str:
    return re.sub(r"\s+", "", reference).rstrip(".-/")


def find_references(text: str, own: str | None) -> list[str]:
    """The numbers and symbols of the documents ``text`` cites, in order,
    each once, the document's own number (``own``) left out."""
    text = _CUT.sub(r"\1\2", text)
    found: list[tuple[int, str]] = []
    for m in _REFERENCE.finditer(text):
        found.append((m.start(1), m.group(1)))
    for m in _NAMED.finditer(text):
        found.append((m.start(1), m.group(1)))
    out, keys = [], {number_key(own).casefold()} if own else set()
    for _pos, ref in sorted(found):
        ref = _tidy(ref)
        key = number_key(ref).casefold()
        if key not in keys and not any(number_key(x).casefold().startswith(key) for x in out):
            keys.add(key)
            out.append(ref)
    return out


def impossible_date_warnings(text: str) -> list[str]:
    """A warning naming each date in ``text`` that is no date ("31/02/2022"),
    so that a deadline or a cited document's date is not lost unseen."""
    out = []
    for written, reason in dict.fromkeys(impossible_dates(text)):
        out.append(f"Văn bản ghi ngày “{written}” nhưng đó không phải ngày có thật ({reason}); "
                   "hạn hoặc văn bản viện dẫn có ngày này chưa được ghi nhận: hãy hỏi lại nơi ban hành và nhập tay.")
    return out


def split_doc_reference(text: str | None) -> tuple[str | None, date | None]:
    """"12/KH-CĐCS ngày 03/11/2021" -> ("12/KH-CĐCS", 2021-11-03); either
    part may be missing (None). ``read_doc_reference`` also says why a
    written date was not taken."""
    number, day, _problem = read_doc_reference(text)
    return number, day


def read_doc_reference(text: str | None) -> tuple[str | None, date | None, str | None]:
    """(number, date, problem): as ``split_doc_reference``, and for a date
    the calendar does not have ("ngày 31/02/2022") the date is None and
    ``problem`` names it and why."""
    t = clean(text) or ""
    if not t:
        return None, None, None
    found = problem = None
    m = re.search(rf"(?:ngày\s*)?{WORDED_DATE}|(?:ngày\s*)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*(\d{{4}})", t, re.IGNORECASE)
    if m:
        g = m.groups()
        day, month, year = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        if year:
            try:
                found = written_date(int(day), int(month), int(year))
            except DateError as exc:
                problem = exc.message
            t = (t[: m.start()] + " " + t[m.end():]).strip()
    t = re.sub(r"^s[ốô]\s*[:.]?\s*", "", t, flags=re.IGNORECASE)
    t = t.strip(" ,;:-–()[]")
    t = re.sub(r"\s*(ngày|,)\s*$", "", t, flags=re.IGNORECASE).strip(" ,;:-–()")
    number = _tidy(t) if re.search(r"\d", t) and re.search(r"[^\W\d_]", t) else None
    return number, found, problem
