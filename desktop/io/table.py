"""Finding the table in a sheet: which row holds the column headers (it is
looked for, not assumed: titles sit above it), whether the headers span two
rows ("Đoàn viên" over "Tổng số" | "Trong đó nữ"), and which field each
column holds. Shared by every sheet reader; each gives its own matcher."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from desktop.core.vntext import clean, fold
from desktop.io.grid import Grid
from desktop.io.limits import HEADER_SCAN_ROWS

IGNORE = ""  # an override that drops a column
INDEX = "_index"  # the "STT" column: no field of its own, but it tells rows apart
INDEX_KEYS = {"stt", "tt", "so tt", "so thu tu", "thu tu"}

_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_PUNCT = re.compile(r"[^\w]+|_")


def header_key(text: Any) -> str:
    """A header as compared: no diacritics or case, notes in parentheses and
    punctuation dropped ("Số ĐT (di động)" -> "so dt")."""
    if not isinstance(text, str):
        return ""
    key = _PARENTHESES.sub(" ", fold(text))
    return " ".join(_PUNCT.sub(" ", key).split())


@dataclass
class Layout:
    header_row: int  # 0-based index of the first header row
    height: int  # header rows: 1 or 2
    fields: dict[int, str] = field(default_factory=dict)  # column -> field
    labels: dict[int, str] = field(default_factory=dict)  # column -> header as written ("Đoàn viên / Tổng số")

    @property
    def data_start(self) -> int:
        return self.header_row + self.height

    def columns(self, internal: tuple[str, ...] = (INDEX,)) -> dict[str, str]:
        """Header as written -> field, for the recognised columns."""
        return {self.labels[c]: f for c, f in self.fields.items() if f not in internal}


Matcher = Callable[[str], "str | None"]


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return clean(value) or None
    return None


def _is_header_like(row: list[Any]) -> bool:
    texts = 0
    for value in row:
        if value is None:
            continue
        if not isinstance(value, str):
            return False
        texts += 1
    return texts > 0


def _parents(grid: Grid, r: int, width: int) -> list[str | None]:
    """The parent header over each column of row ``r + 1``: the cell itself,
    or the group header spanning it (merged cells; where the file keeps no
    merges, the nearest header to the left whose column also has a child)."""
    row = grid.rows[r]
    child = grid.rows[r + 1]
    parents = [_text(row[c]) if c < len(row) else None for c in range(width)]
    spans = [(c0, c1) for r0, c0, r1, c1 in grid.merges if r0 == r and r1 == r and c1 > c0]
    if spans:
        for c0, c1 in spans:
            for c in range(c0 + 1, min(c1, width - 1) + 1):
                if parents[c] is None:
                    parents[c] = parents[c0]
        return parents
    has_child = [c < len(child) and _text(child[c]) is not None for c in range(width)]
    for c in range(1, width):
        if parents[c] is None and has_child[c] and parents[c - 1] is not None and has_child[c - 1]:
            parents[c] = parents[c - 1]
    return parents


def _resolve(options: list[str], match: Matcher, overrides: dict[str, str]) -> str | None:
    for text in options:
        key = header_key(text)
        if not key:
            continue
        if key in overrides:
            return overrides[key] or None
        found = match(key)
        if found:
            return found
    return None


def _evaluate(grid: Grid, r: int, height: int, match: Matcher, overrides: dict[str, str]) -> Layout:
    rows = grid.rows
    width = max(len(rows[r]), len(rows[r + 1]) if height == 2 else 0)
    layout = Layout(r, height)
    parents = _parents(grid, r, width) if height == 2 else None
    for c in range(width):
        if height == 1:
            text = _text(rows[r][c]) if c < len(rows[r]) else None
            if text is None:
                continue
            label, options = text, [text]
        else:
            parent = parents[c]
            child = _text(rows[r + 1][c]) if c < len(rows[r + 1]) else None
            if parent and child and header_key(parent) != header_key(child):
                label, options = f"{parent} / {child}", [f"{parent} {child}"]
                # "Kết quả" over "Số buổi": the child alone names the field,
                # but never under a parent that is a field itself ("Lao
                # động" over "Trong đó nữ" is not the female members).
                if header_key(parent) not in overrides and not match(header_key(parent)):
                    options.append(child)
            elif parent or child:
                label = parent or child
                options = [label]
            else:
                continue
        layout.labels[c] = label
        found = _resolve(options, match, overrides)
        if found and found not in layout.fields.values():
            layout.fields[c] = found
    return layout


def find_layout(
    grid: Grid,
    match: Matcher,
    *,
    required: str,
    overrides: dict[str, str] | None = None,
    scan: int = HEADER_SCAN_ROWS,
) -> Layout | None:
    """The header layout naming the most fields (``required`` among them)
    within the first ``scan`` rows; a two-row header wins a tie. ``match``
    takes a ``header_key`` and returns a field or None; ``overrides`` map
    header text as written to a field ("" to ignore the column)."""
    wanted = {header_key(k): v for k, v in (overrides or {}).items()}
    rows = grid.rows
    best: tuple[tuple[int, int, int], Layout] | None = None
    for r in range(min(scan, len(rows))):
        if not any(isinstance(v, str) for v in rows[r]):
            continue
        candidates = [_evaluate(grid, r, 1, match, wanted)]
        # A parent row holds several headers; a title (one text) never is one.
        parents = {t for v in rows[r] if (t := _text(v))}
        if len(parents) >= 2 and r + 1 < len(rows) and _is_header_like(rows[r + 1]):
            candidates.append(_evaluate(grid, r, 2, match, wanted))
        for layout in candidates:
            if required not in layout.fields.values():
                continue
            # On a tie the two-row reading wins: its second row names the
            # same fields, and read as data it would be taken for a unit.
            score = (len(layout.fields), layout.height, -r)
            if best is None or score > best[0]:
                best = (score, layout)
    return best[1] if best else None


def likely_header(grid: Grid, scan: int = HEADER_SCAN_ROWS) -> list[str]:
    """The texts of the row with the most text cells among the first rows,
    for the user to map by hand."""
    found: list[str] = []
    for row in grid.rows[:scan]:
        texts = [t for v in row if (t := _text(v))]
        if len(texts) > len(found):
            found = texts
    return found


def header_texts(grid: Grid, layout: Layout) -> dict[int, set[str]]:
    """Column -> the header cells as typed, to spot a header row repeated
    further down (a second page, a pasted block)."""
    out: dict[int, set[str]] = {}
    for r in range(layout.header_row, layout.data_start):
        for c, value in enumerate(grid.rows[r]):
            if isinstance(value, str) and value.strip():
                out.setdefault(c, set()).add(value.strip())
    return out


def row_is_header_repeat(row: list[Any], headers: dict[int, set[str]]) -> bool:
    same = 0
    for c, texts in headers.items():
        value = row[c] if c < len(row) else None
        if isinstance(value, str) and value.strip() in texts:
            same += 1
    return same >= 2


_COLUMN_NUMBER = re.compile(r"^\(?\d{1,2}\)?$|^\(?[A-Za-z]\)?$")


def row_is_column_numbers(row: list[Any]) -> bool:
    """The "1 | 2 | 3 …" or "(A) | (B) | (1)" row printed under headers."""
    values = [v for v in row if v is not None]
    if len(values) < 3:
        return False
    numbers = []
    for v in values:
        if isinstance(v, bool):
            return False
        if isinstance(v, (int, float)):
            if v != int(v) or not 0 <= v < 100:
                return False
            numbers.append(int(v))
        elif isinstance(v, str) and _COLUMN_NUMBER.match(v.strip()):
            digits = re.sub(r"\D", "", v)
            if digits:
                numbers.append(int(digits))
        else:
            return False
    return len(numbers) >= 2 and numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
