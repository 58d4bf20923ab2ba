"""Vietnamese text: NFC on the way in, folding for search, CLDR `vi` order."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.vntext import clean, fold, matches, sort_key

any_text = st.text(max_size=30)
# Characters that share a letter (or lower case) and marks that can stand
# in several orders: texts nearly alike, often canonically equal, sometimes not.
SIBLINGS = ["aA", "oO", "uU", "dđĐ", "ǆǅǄ", "θΘϴ", "ưƣ", " \u00a0"]
MARKS = "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b\u0308"


@st.composite
def look_alike_pairs(draw):
    a = b = ""
    for _ in range(draw(st.integers(1, 3))):
        group = draw(st.sampled_from(SIBLINGS))
        marks = draw(st.lists(st.sampled_from(MARKS), max_size=3))
        a += draw(st.sampled_from(group)) + "".join(marks)
        b += draw(st.sampled_from(group)) + "".join(draw(st.permutations(marks)))
    return a, b


# An independent model of CLDR `vi` for precomposed Vietnamese letters, built
# by composition (the module decomposes): (letter, tone, upper case) weights.
LETTERS = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # ngang huyền hỏi ngã sắc nặng
MODEL = {" ": (-20, 0, 0)} | {str(d): (d - 10, 0, 0) for d in range(10)}
for _p, _letter in enumerate(LETTERS):
    for _s, _mark in enumerate(TONE_MARKS):
        _char = unicodedata.normalize("NFC", _letter + _mark)
        if len(_char) == 1:
            MODEL[_char] = (_p, _s, 0)
            MODEL[_char.upper()] = (_p, _s, 1)
vietnamese_text = st.text(alphabet=sorted(MODEL), max_size=8)
SAME_LETTER = {}  # letter weight -> the characters with that letter
for _char, (_p, _, _) in MODEL.items():
    SAME_LETTER.setdefault(_p, []).append(_char)


@st.composite
def same_letter_pairs(draw):
    """Two texts on the same letters, so that tones and then case decide."""
    letters = draw(st.lists(st.sampled_from(sorted(SAME_LETTER)), max_size=6))
    return tuple("".join(draw(st.sampled_from(SAME_LETTER[p])) for p in letters) for _ in range(2))


def model_key(text):
    # Spaces as the module stores them (collapsed, trimmed), done here
    # rather than with its own clean().
    weights = [MODEL[c] for c in " ".join(text.split())]
    return tuple([w[level] for w in weights] for level in range(3))


def test_clean_keeps_none_as_none_and_blank_as_empty():
    assert clean(None) is None
    assert clean("") == ""
    assert clean(" \t\u00a0\n ") == ""


def test_clean_composes_decomposed_input():
    nfd = unicodedata.normalize("NFD", "Công đoàn Trường")
    assert nfd != "Công đoàn Trường"
    assert clean(nfd) == "Công đoàn Trường"


def test_clean_repairs_pdf_look_alikes_of_u_horn_even_under_a_combining_tone():
    assert clean("PHƢƠNG") == "PHƯƠNG"
    assert clean("Trƣờng") == "Trường"
    assert clean("\u01a3\u0301") == "ứ"
    assert clean("\u01a2\u0300NG") == "ỪNG"


def test_clean_removes_controls_and_invisible_characters():
    assert clean("Cô\x00ng\x1b đo\u00adàn\u200b\u200c\u200d\ufeff\x7f") == "Công đoàn"


def test_clean_turns_tabs_newlines_and_no_break_spaces_into_single_spaces():
    assert clean("  Công\u00a0đoàn\t\tcơ\r\nsở\n ") == "Công đoàn cơ sở"
    # Word's manual line break and page break separate words too.
    assert clean("Công\x0bđoàn\x0ccơ sở") == "Công đoàn cơ sở"


def test_fold_removes_tones_letter_marks_and_case():
    assert fold("Công đoàn Trường THPT Đoàn Thị Điểm") == "cong doan truong thpt doan thi diem"
    assert fold("ĂÂÊÔƠƯăâêôơư") == "aaeoouaaeoou"
    assert fold("Ỹ  Ự\u00a0Ặ") == "y u a"


def test_fold_turns_d_with_stroke_into_d():
    assert fold("Đđ") == "dd"


def test_fold_of_none_is_empty():
    assert fold(None) == ""


def test_fold_leaves_no_double_space_where_a_lone_mark_stood():
    assert fold("a \u0301 b") == "a b"


def test_matches_finds_words_typed_without_diacritics():
    assert matches("cong doan", "Công đoàn cơ sở")
    assert matches("CÔNG  ĐOÀN", "công đoàn cơ sở")
    assert matches("truong hoc", "Trường Tiểu học Bình Lư")
    assert not matches("truong thcs", "Trường Tiểu học Bình Lư")


def test_matches_treats_d_with_stroke_and_d_alike():
    assert matches("đ", "Trường Đại học")
    assert matches("d", "Đoàn")
    assert matches("đoàn", "Doan")


def test_matches_with_an_empty_query_finds_everything():
    assert matches("", "bất kỳ")
    assert matches("  ", None)
    assert not matches("a", None)


def test_letters_sort_in_vietnamese_alphabetical_order():
    assert sorted(["Đoàn", "Dung", "Ân", "Ăn", "An", "Bình"], key=sort_key) == ["An", "Ăn", "Ân", "Bình", "Dung", "Đoàn"]
    assert sorted(["Ơn", "Ôn", "On"], key=sort_key) == ["On", "Ôn", "Ơn"]
    assert sorted(["Vân", "Ưng", "Uyên"], key=sort_key) == ["Uyên", "Ưng", "Vân"]
    assert sort_key("e") < sort_key("ê") < sort_key("f")


def test_u_horn_is_a_letter_of_its_own_so_words_with_it_follow_every_word_with_u_there():
    assert sort_key("Truong") < sort_key("Truy") < sort_key("Trường") < sort_key("Tsa")


def test_tones_order_ngang_huyen_hoi_nga_sac_nang():
    assert sorted(["mạ", "má", "mã", "mả", "mà", "ma"], key=sort_key) == ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sorted(["cac", "cạ", "cá", "cã", "cả", "cà", "ca"], key=sort_key) == ["ca", "cà", "cả", "cã", "cá", "cạ", "cac"]


def test_every_letter_of_the_text_weighs_more_than_any_tone():
    assert sort_key("cá") < sort_key("cac")
    assert sort_key("Ánh") > sort_key("An Bình")


def test_case_is_only_a_tertiary_difference():
    assert sort_key("an") < sort_key("An") < sort_key("AN") < sort_key("ăn")
    assert sorted(["MA", "mà", "Ma", "ma"], key=sort_key) == ["ma", "Ma", "MA", "mà"]


def test_a_space_sorts_before_any_letter():
    assert sort_key("An Bình") < sort_key("Anh")


def test_space_punctuation_and_digits_sort_before_letters():
    assert sorted(["B", "2", "a", "-x", "(1)"], key=sort_key) == ["(1)", "-x", "2", "a", "B"]
    assert sort_key("Trường số 1") < sort_key("Trường số 1 Bis") < sort_key("Trường số 1A")


def test_foreign_letters_sort_by_their_base_letter_and_other_scripts_after_the_alphabet():
    assert sort_key("Zurich") < sort_key("Zürich") < sort_key("Zx")
    assert sort_key("naïve") < sort_key("nb")
    for text in ("東京", "Œuvre", "ß", "Ωmega"):
        assert sort_key("zzz") < sort_key(text)
        assert sort_key(text).isascii()


def test_symbols_sort_with_punctuation_before_digits():
    assert sort_key("-") < sort_key("🙂") < sort_key("0")
    assert sort_key("🙂").isascii()


def test_sort_key_of_none_and_blank_is_the_smallest_key():
    assert sort_key(None) == sort_key("  ") == ""
    assert sort_key("") < sort_key(" 0")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.tuples(vietnamese_text, vietnamese_text), same_letter_pairs()))
def test_sort_key_orders_vietnamese_text_as_letters_then_tones_then_case(pair):
    a, b = pair
    assert (sort_key(a) < sort_key(b)) == (model_key(a) < model_key(b))
    assert (sort_key(a) == sort_key(b)) == (model_key(a) == model_key(b))


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_clean_is_idempotent(text):
    assert clean(clean(text)) == clean(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


@settings(max_examples=200, deadline=None)
@given(any_text)
def test_sort_key_is_ascii_and_the_same_for_cleaned_text(text):
    key = sort_key(text)
    assert key.isascii()
    assert key == sort_key(clean(text)) == sort_key(clean(clean(text)))


@settings(max_examples=300, deadline=None)
@given(look_alike_pairs())
def test_sort_key_is_equal_exactly_when_the_cleaned_texts_are(pair):
    a, b = pair
    assert (sort_key(a) == sort_key(b)) == (clean(a) == clean(b))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(any_text, look_alike_pairs().map("".join)), unique_by=clean, max_size=12), st.randoms())
def test_sorting_by_key_gives_one_order_whatever_the_input_order(texts, random):
    shuffled = texts[:]
    random.shuffle(shuffled)
    assert sorted(texts, key=sort_key) == sorted(shuffled, key=sort_key)
