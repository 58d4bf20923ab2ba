"""Vietnamese text rules used everywhere: NFC on the way in, a folded key
for search, and a sort key in Vietnamese alphabetical order (CLDR ``vi``)."""

from __future__ import annotations

import re
import unicodedata

# PDF text extraction often yields these look-alikes for Ư/ư.
_LOOKALIKES = str.maketrans({"\u01a2": "\u01af", "\u01a3": "\u01b0"})
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def clean(text: str | None) -> str | None:
    """NFC, look-alikes repaired, controls and invisible characters removed,
    whitespace collapsed, stripped. None stays None."""
    if text is None:
        return None
    text = str(text).translate(_LOOKALIKES).translate(_INVISIBLE)
    text = _CONTROL.sub("", text)
    text = unicodedata.normalize("NFC", text)
    return _SPACES.sub(" ", text).strip()


def fold(text: str | None) -> str:
    """Search key: no diacritics, đ -> d, case-folded, single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", clean(text))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "d").casefold()


def matches(query: str | None, text: str | None) -> bool:
    """Whether every word of ``query`` appears in ``text``, ignoring
    diacritics and case ("cong doan" finds "Công đoàn")."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


# --- Vietnamese collation ------------------------------------------------
# Primary: letters in Vietnamese order (ă â đ ê ô ơ ư are letters of their
# own), after spaces, punctuation and digits. Secondary: the tone, ngang <
# huyền < hỏi < ngã < sắc < nặng. Tertiary: lower case before upper. As in
# UCA, every primary weight of the string is compared before any secondary.
#
# The key is ASCII so that it can be stored and compared by byte order in
# any database. Each weight is a prefix-free, order-preserving code; levels
# are joined by "!", which is below every code, so a shorter string sorts
# first.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_CODE = {letter: chr(ord("A") + i) for i, letter in enumerate(_ALPHABET)}
_LETTER_MARKS = {
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư",
}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_LEVEL = "!"
_CLUSTER = re.compile(r".[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


def _hex(value: int) -> str:
    return format(value, "06x")


def _primary(letter: str) -> str:
    if letter in _LETTER_CODE:
        return _LETTER_CODE[letter]  # 'A'..'`'
    if letter in "0123456789":
        return letter  # '0'..'9', below the letters
    if letter.isspace():
        return "#"
    if not letter.isalnum():
        return "$" + _hex(ord(letter))  # punctuation: after spaces, before digits
    return "~" + _hex(ord(letter))  # other scripts and letters: after Vietnamese


def _secondary(tone: int, extra: list[str]) -> str:
    return chr(ord("#") + tone) + "".join("~" + _hex(ord(m)) for m in extra)


def sort_key(text: str | None) -> str:
    """An ASCII key whose plain string order is Vietnamese alphabetical
    order (CLDR ``vi``): a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư; tones
    ngang, huyền, hỏi, ngã, sắc, nặng; lower case before upper case."""
    text = clean(text) or ""
    primary, secondary, tertiary = [], [], []
    for cluster in _CLUSTER.findall(unicodedata.normalize("NFD", text)):
        base, marks = cluster[0], cluster[1:]
        letter = "đ" if base in "đĐ" else base.lower()
        tone, extra = 0, []
        for mark in marks:
            if (letter, mark) in _LETTER_MARKS:
                letter = _LETTER_MARKS[(letter, mark)]
            elif mark in _TONES and tone == 0:
                tone = _TONES[mark]
            else:
                extra.append(mark)
        primary.append(_primary(letter))
        secondary.append(_secondary(tone, extra))
        tertiary.append("$" if base != base.lower() else "#")
    return _LEVEL.join(("".join(primary), "".join(secondary), "".join(tertiary)))
