"""Vietnamese text: NFC on the way in, folding for search, CLDR `vi` order."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.vntext import clean, fold, matches, sort_key

VIETNAMESE = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ0123456789-.,"
texts = st.text(alphabet=VIETNAMESE, max_size=30)
any_text = st.text(max_size=30)


def test_decomposed_input_is_stored_composed():
    nfd = unicodedata.normalize("NFD", "Công đoàn Trường")
    assert nfd != "Công đoàn Trường"
    assert clean(nfd) == "Công đoàn Trường"


def test_pdf_look_alikes_of_u_horn_are_repaired_even_under_a_tone_mark():
    assert clean("PHƢƠNG") == "PHƯƠNG"
    assert clean("Trƣờng") == "Trường"
    assert clean("\u01a3\u0301") == "ứ"


def test_cleaning_drops_invisible_characters_and_collapses_spaces():
    assert clean("  Công\u00a0đoàn\t\u200bcơ\x00 sở\n ") == "Công đoàn cơ sở"
    assert clean(None) is None
    assert clean("   ") == ""


def test_folding_removes_tones_and_letter_marks_and_case():
    assert fold("Công đoàn Trường THPT Đoàn Thị Điểm") == "cong doan truong thpt doan thi diem"
    assert fold("ĂÂÊÔƠƯăâêôơư") == "aaeoouaaeoou"
    assert fold(None) == ""


def test_search_finds_words_typed_without_diacritics():
    assert matches("cong doan", "Công đoàn cơ sở")
    assert matches("đ", "Trường Đại học")
    assert matches("d", "Đoàn")
    assert matches("truong hoc", "Trường Tiểu học Bình Lư")
    assert not matches("truong thcs", "Trường Tiểu học Bình Lư")
    assert matches("", "bất kỳ")


def test_letters_sort_in_vietnamese_order():
    assert sorted(["Đoàn", "Dung", "Ân", "Ăn", "An", "Bình"], key=sort_key) == ["An", "Ăn", "Ân", "Bình", "Dung", "Đoàn"]
    assert sorted(["Ơn", "Ôn", "On"], key=sort_key) == ["On", "Ôn", "Ơn"]
    assert sorted(["Vân", "Ưng", "Uyên"], key=sort_key) == ["Uyên", "Ưng", "Vân"]
    assert sort_key("Truong") < sort_key("Trường")
    assert sort_key("e") < sort_key("ê") < sort_key("f")


def test_tones_order_ngang_huyen_hoi_nga_sac_nang():
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]


def test_tones_weigh_less_than_any_letter():
    # "cá" < "cac": the whole word's letters are compared before tones.
    assert sort_key("cá") < sort_key("cac")
    assert sort_key("Ánh") > sort_key("An Bình")


def test_a_space_sorts_before_any_letter_and_case_comes_last():
    assert sort_key("An Bình") < sort_key("Anh")
    assert sort_key("an") < sort_key("An") < sort_key("anh")


def test_digits_sort_before_letters_and_foreign_text_does_not_break_the_key():
    assert sorted(["B", "2", "a"], key=sort_key) == ["2", "a", "B"]
    for text in ("Zürich", "東京", "Œuvre", "naïve", "emoji 🙂"):
        assert sort_key(text).isascii()


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_folding_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_the_sort_key_is_ascii_and_stable_under_cleaning(text):
    key = sort_key(text)
    assert key.isascii()
    assert key == sort_key(clean(text)) == sort_key(clean(clean(text)))


@settings(max_examples=300, deadline=None)
@given(texts, texts)
def test_different_clean_texts_get_different_keys(a, b):
    a, b = clean(a), clean(b)
    if a != b:
        assert sort_key(a) != sort_key(b)


ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
TONED = st.sampled_from(list("aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựbcdđ"))


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=TONED, max_size=6),
    st.integers(min_value=0, max_value=len(ALPHABET) - 2),
    st.integers(min_value=1, max_value=len(ALPHABET) - 1),
    st.text(alphabet=TONED, max_size=6),
    st.text(alphabet=TONED, max_size=6),
    st.booleans(),
)
def test_the_first_different_letter_decides_whatever_the_tones_and_case_after_it(prefix, i, step, rest1, rest2, upper):
    x, y = ALPHABET[i], ALPHABET[min(i + step, len(ALPHABET) - 1)]
    if x == y:
        return
    first = prefix + x + rest1
    second = prefix + y + rest2
    if upper:
        first = first.upper()
    assert sort_key(first) < sort_key(second)
