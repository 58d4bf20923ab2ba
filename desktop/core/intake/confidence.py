"""How sure each reading is, for the clerk to check the doubtful ones.

The readers of the head and foot set a confidence for what they found by
how it was found (a header in columns is surer than one guessed from a run
of lines). Text read by OCR also carries the recogniser's certainty of each
word; a field is then no surer than its words."""

from __future__ import annotations

import re

from desktop.core.intake.fields import CHECKED_FIELDS, DirectiveFields
from desktop.core.vntext import fold

_WORD = re.compile(r"[\wĐđ]+")


def _words_sure(text: str, words: dict[str, float]) -> float:
    found = [words.get(fold(w), 0.5) for w in _WORD.findall(text)]
    if not found:
        return 1.0
    # The weakest words matter most: one misread letter makes a wrong number.
    found.sort()
    weakest = found[: max(1, len(found) // 3)]
    return sum(weakest) / len(weakest)


def _text_of(fields: DirectiveFields, name: str) -> str:
    value = getattr(fields, name)
    if name == "deadlines":
        return " ".join(d.text for d in value)
    if name == "recurrence":
        return value.text if value else ""
    if name == "issued_on":
        return ""
    if isinstance(value, list):
        return " ".join(value)
    return str(value or "")


def settle_confidence(fields: DirectiveFields, word_confidence: dict[str, float] | None = None) -> None:
    """Fill ``fields.confidence`` for every checked field: 0 where nothing
    was found, the readers' own value (default 0.9) otherwise, lowered to
    the OCR certainty of the field's words when ``word_confidence`` (folded
    word -> 0..1) is given."""
    for name in CHECKED_FIELDS:
        value = getattr(fields, name)
        if value is None or value == []:
            fields.confidence[name] = 0.0
            continue
        sure = fields.confidence.get(name, 0.9)
        if word_confidence is not None:
            if name == "issued_on":
                d = value
                parts = [max(word_confidence.get(f"{n:02d}", 0.0), word_confidence.get(str(n), 0.0), 0.0) or 0.5
                         for n in (d.day, d.month, d.year)]
                sure = min(sure, min(parts))
            else:
                sure = min(sure, _words_sure(_text_of(fields, name), word_confidence))
        fields.confidence[name] = round(max(0.0, min(1.0, sure)), 2)
