"""Numbers as people type them: "1.234" (dot for thousands), "2,5" (comma
for decimals), "238 " with stray spaces."""

from __future__ import annotations

import re

from desktop.core.errors import UserError

_THOUSANDS = re.compile(r"^[+-]?\d{1,3}([.\s]\d{3})+$")


def parse_number(value: object, *, what: str = "giá trị") -> int | float:
    """An int when the value is whole, else a float. Raises ``UserError``
    naming ``what`` when it is not a number."""
    if isinstance(value, bool):
        raise UserError(f"{what}: “{value}” không phải là số.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else value
    text = str(value).strip().replace("\u00a0", " ")
    if _THOUSANDS.match(text):
        return int(re.sub(r"[.\s]", "", text))
    candidate = text.replace(" ", "")
    if candidate.count(",") == 1 and "." not in candidate:
        candidate = candidate.replace(",", ".")
    try:
        number = float(candidate)
    except ValueError:
        raise UserError(f"{what}: “{text}” không phải là số. Hãy nhập số, ví dụ 85 hoặc 1.234.") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise UserError(f"{what}: “{text}” không phải là số.")
    return int(number) if number.is_integer() else number


def parse_count(value: object, *, what: str = "số lượng") -> int:
    """A whole, non-negative number (members, sessions, participants)."""
    number = parse_number(value, what=what)
    if isinstance(number, float) or number < 0:
        raise UserError(f"{what}: “{value}” phải là số nguyên không âm.")
    return number
