"""Vietnamese text rules used everywhere: NFC on the way in, a folded key
for search, and a sort key in Vietnamese alphabetical order (CLDR ``vi``)."""

from __future__ import annotations

import functools
import re
import unicodedata

# PDF text extraction often yields these look-alikes for Ư/ư. They have no
# decomposition, so they are swapped before NFC lets a following tone mark
# compose with the real letter.
_LOOKALIKES = str.maketrans({"\u01a2": "\u01af", "\u01a3": "\u01b0"})
# Controls and invisible characters carry nothing a reader can see. Controls
# that break lines or columns (tab, newline, Word's \v line break, \f, the
# separators \x1c-\x1f, NEL) are left out: they still separate words, so they
# collapse into a space with the rest of the whitespace.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff]")
_SPACES = re.compile(r"\s+")
# Anything ``clean`` would change besides normalisation: an invisible
# character, a look-alike, whitespace other than one space between words.
_UNCLEAN = re.compile("[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u00ad\u200b-\u200d\u2060\ufeff\u01a2\u01a3]|[^\\S ]|  |^ | $")


def clean(text: str | None) -> str | None:
    """Text as it is stored: NFC, Ƣ/ƣ repaired to Ư/ư, controls and
    invisible characters removed, any whitespace (tab, newline, no-break
    space) collapsed to one space, stripped. None stays None; blank gives ""."""
    if text is None:
        return None
    text = str(text)
    # Most text is clean already (a 100,000-row list passes every cell
    # here): one scan and one normalisation check say so.
    if not _UNCLEAN.search(text) and unicodedata.is_normalized("NFC", text):
        return text
    text = _INVISIBLE.sub("", text.translate(_LOOKALIKES))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def fold(text: str | None) -> str:
    """Search key of ``text``: cleaned, case-folded, every diacritic removed
    (tones and the marks of ă â ê ô ơ ư), đ -> d, single spaces. None -> ""."""
    # Word by word: a word's key is computed once however many names hold
    # it (every unit of a province is a "Công đoàn cơ sở …"). Folding never
    # joins characters across a space, so the words' keys joined are the
    # text's key.
    return " ".join(part for word in (clean(text) or "").split(" ") for part in _fold_word(word))


@functools.lru_cache(maxsize=65536)
def _fold_word(word: str) -> tuple[str, ...]:
    # Case-folding first: it can itself produce combining marks.
    decomposed = unicodedata.normalize("NFD", word.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    # A word of marks alone leaves nothing; split() drops it.
    return tuple(bare.replace("đ", "d").split())


def matches(query: str | None, text: str | None) -> bool:
    """Whether every word of ``query`` occurs in ``text``, ignoring
    diacritics and case ("cong doan" finds "Công đoàn"); "" matches all."""
    haystack = fold(text)
    return all(word in haystack for word in fold(query).split())


# --- Vietnamese collation ------------------------------------------------
# As in UCA, the key holds three levels and every weight of one level is
# compared before any of the next: letters (primary), tones and other
# diacritics (secondary), case (tertiary). The key is ASCII so that byte order
# in any database column is the collation order. Each weight is a prefix-free
# code, so comparing two concatenations compares weight by weight; levels are
# joined by "!", which is below every code, so a shorter level sorts first.
# The weights keep every character and mark of the NFD text, so different
# cleaned texts get different keys without a separate tie-breaker level.
_LEVEL = "!"
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
# "A" to "c": above the digits, below "~" (other letters and scripts).
_LETTER_WEIGHT = {letter: chr(ord("A") + i) for i, letter in enumerate(_ALPHABET)}
_LETTER_MARKS = {
    ("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê",
    ("o", "\u0302"): "ô", ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư",
}
# huyền, hỏi, ngã, sắc, nặng; ngang (no mark) is 0.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _hex(char: str) -> str:
    return format(ord(char), "06x")


def _clusters(text: str) -> list[str]:
    """The NFD text cut into a base character and its combining marks."""
    clusters: list[str] = []
    for char in unicodedata.normalize("NFD", text):
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    return clusters


# Texts reuse a few hundred clusters; caching makes sorting 100,000 names cheap.
@functools.lru_cache(maxsize=8192)
def _weights(cluster: str) -> tuple[str, str, str]:
    base, marks = cluster[0], cluster[1:]
    lower = base.lower()
    letter = lower if len(lower) == 1 else base  # "İ" lowers to two characters
    # NFD orders marks by combining class but keeps the order of marks of one
    # class, so a mark only counts as the letter's mark or the tone when it is
    # the first of its class; the rest stay, in order, as extra diacritics.
    # That keeps "ắ" apart from "á" followed by a breve.
    tone, extra, seen = 0, "", set()
    for mark in marks:
        ccc = unicodedata.combining(mark)
        if ccc not in seen and (letter, mark) in _LETTER_MARKS:
            letter = _LETTER_MARKS[letter, mark]
        elif ccc not in seen and not tone and mark in _TONES:
            tone = _TONES[mark]
            seen.add(ccc)
        else:
            extra += "~" + _hex(mark)
            seen.add(ccc)

    # Space < punctuation and symbols < digits < Vietnamese letters < other
    # letters and scripts (by code point of their lower case).
    if letter in _LETTER_WEIGHT:
        primary = _LETTER_WEIGHT[letter]
    elif "0" <= letter <= "9":
        primary = letter
    elif letter == " ":
        primary = '"'
    elif letter.isalnum():
        primary = "~" + _hex(letter)
    else:
        primary = "#" + _hex(letter)

    if base == lower:
        case = "0"
    elif base == lower.upper():
        case = "1"
    else:  # title case and other second upper cases, e.g. ǅ beside Ǆ
        case = "2" + _hex(base)
    # Tone "0" to "5", then any other diacritics, each after every tone digit.
    return primary, str(tone) + extra, case


_SPACE_WEIGHT = _weights(" ")


def sort_key(text: str | None) -> str:
    """An ASCII key of the cleaned ``text`` whose plain string (or byte)
    order is Vietnamese alphabetical order, CLDR ``vi``: letters first
    (a < ă < â < b ... d < đ ... o < ô < ơ ... u < ư ... z, after space,
    punctuation and digits), then tones (ngang < huyền < hỏi < ngã < sắc <
    nặng), then case (lower before upper). Different cleaned texts get
    different keys; None and "" give ""."""
    cleaned = clean(text) or ""
    if not cleaned:
        return ""
    # Word by word, each word's three levels computed once (see ``fold``);
    # a word that begins with a combining mark would take it from the
    # space before it, so such a text is weighed whole.
    words = [_word_levels(w) for w in cleaned.split(" ")]
    if any(w is None for w in words):
        return _whole_key(cleaned)
    return _LEVEL.join(_SPACE_WEIGHT[i].join(w[i] for w in words) for i in range(3))


@functools.lru_cache(maxsize=65536)
def _word_levels(word: str) -> tuple[str, str, str] | None:
    clusters = _clusters(word)
    if not clusters or unicodedata.combining(clusters[0][0]):
        return None
    return tuple("".join(level) for level in zip(*map(_weights, clusters)))


def _whole_key(cleaned: str) -> str:
    clusters = _clusters(cleaned)
    return _LEVEL.join("".join(level) for level in zip(*map(_weights, clusters)))
