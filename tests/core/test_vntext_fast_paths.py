"""The shortcuts of desktop.core.vntext (text already clean returned as it
is; search and sort keys computed word by word, each word once) give what
the whole-text rules give, on any text: controls, look-alikes, combining
marks standing alone or after a space, every kind of whitespace."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.vntext import _INVISIBLE, _LOOKALIKES, _SPACES, _whole_key, clean, fold, sort_key

PIECES = list("aăâbđêôơư AĐƯ,.09ß") + ["\u0301", "\u0300", "\u0323", "\u0302", "\u01a2", "\u01a3", "\t", "\n", "\xa0",
                                        "\x1c", "\x85", "\x7f", "\x00", "\u200b", "\ufeff", "\u00ad", "\u2028",
                                        "\u3000", "\x0b", "e\u0302", "\u0345", "ǅ", "İ", "ﬁ", "Công đoàn", "  "]
texts = st.lists(st.sampled_from(PIECES), max_size=14).map("".join) | st.text(max_size=20)


def whole_clean(text):
    text = _INVISIBLE.sub("", str(text).translate(_LOOKALIKES))
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def whole_fold(text):
    decomposed = unicodedata.normalize("NFD", whole_clean(text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("đ", "d").split())


@settings(max_examples=3000, deadline=None)
@given(text=texts)
def test_the_shortcuts_give_what_the_whole_text_rules_give(text):
    assert clean(text) == whole_clean(text)
    assert fold(text) == whole_fold(text)
    cleaned = whole_clean(text)
    assert sort_key(text) == (_whole_key(cleaned) if cleaned else "")
