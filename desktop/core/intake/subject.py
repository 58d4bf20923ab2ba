"""The title of a directive ("KẾ HOẠCH") and the subject (trích yếu)
under it, read to its real end: over several lines, never a decision's
"Điều 1. …", and apart from a title it was run into on one line."""

from __future__ import annotations

import re

from desktop.core.intake.layout import (
    AUTHORITY,
    BODY_START,
    LIST_MARKER,
    PLACE_DATE,
    RECIPIENTS,
    TERMINAL,
    is_caps,
    is_title,
    starts_lower,
)
from desktop.core.vntext import clean, fold


def title_index(lines: list[str], limit: int = 40) -> int | None:
    """The title line ("KẾ HOẠCH"); a decision's second "QUYẾT ĐỊNH:" above
    its articles is not it when the first is there."""
    return next((i for i, line in enumerate(lines[:limit]) if is_title(line)), None)


def split_title_line(lines: list[str], breaks: set[int]) -> tuple[list[str], set[int], int | None]:
    """A title run into its subject on one line ("KẾ HOẠCH Tổ chức …", as
    some web pages copy it) cut in two; (lines, breaks, title index)."""
    for i, line in enumerate(lines[:40]):
        words = line.split() if "\t" not in line else []
        for k in range(1, min(5, len(words))):
            title, rest = " ".join(words[:k]), " ".join(words[k:])
            if is_title(title) and rest[0].isupper() and not is_caps(rest):
                shifted = {b + 1 if b > i else b for b in breaks}
                return [*lines[:i], title, rest, *lines[i + 1:]], shifted, i
    return lines, breaks, None


# A decision's enacting authority under its subject ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH").
_ENACTING = re.compile(r"^(CHỦ TỊCH|BAN THƯỜNG VỤ|BAN CHẤP HÀNH|ĐOÀN CHỦ TỊCH|ỦY BAN|UỶ BAN|GIÁM ĐỐC|BỘ TRƯỞNG|THƯỜNG TRỰC)\b")


def _subject_stops(line: str) -> bool:
    return bool(
        "\t" in line or LIST_MARKER.match(line) or RECIPIENTS.match(line) or BODY_START.match(line)
        or AUTHORITY.match(line) or is_title(line) or PLACE_DATE.search(line)
    )


def subject_under_title(lines: list[str], title_at: int, breaks: set[int]) -> tuple[str | None, int]:
    """The trích yếu under the title, to its real end (it may run over
    several lines), and the index of the first line after it."""
    first = title_at + 1
    if first >= len(lines):
        return None, first
    line = lines[first]
    if _subject_stops(line) and not re.match(r"^(Thực hiện|Về việc|V/v)\b", line) or re.match(r"^Điều \d", line):
        return None, first
    if is_caps(line) and fold(line).startswith(("chu tich", "ban thuong vu", "ban chap hanh", "uy ban", "giam doc")):
        return None, first  # a decision's authority line: the decision has no trích yếu here
    parts = [line.strip(" -–")]
    i = first + 1
    while i < len(lines) and i not in breaks:
        nxt = lines[i]
        if _subject_stops(nxt) or is_caps(nxt) != is_caps(parts[0]) or _ENACTING.match(nxt):
            break
        if TERMINAL.search(parts[-1]) and not starts_lower(nxt):
            break
        if not (starts_lower(nxt) or nxt[0] in "(“\"'" or (len(nxt) <= 110 and not TERMINAL.search(nxt))):
            break
        parts.append(nxt)
        i += 1
    return clean(" ".join(parts)), i
