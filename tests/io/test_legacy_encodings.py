"""TCVN3, VNI and Windows-1258 text comes out as the Unicode it meant; the
tables are checked against byte sequences written out by hand, not only
against themselves."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.io import legacy
from tests.io.files import to_cp1258, to_tcvn3, to_vni

# Written byte by byte from the TCVN3 (ABC) code chart, independently of
# the decoder's table.
TCVN3_KNOWN = [
    (bytes([0x43, 0xE9, 0x6E, 0x67, 0x20, 0x68, 0x6F, 0xB5, 0x20, 0x78, 0xB7, 0x20, 0x68, 0xE9, 0x69]), "Cộng hoà xã hội"),
    (bytes([0x63, 0x68, 0xF1, 0x20, 0x6E, 0x67, 0x68, 0xDC, 0x61, 0x20, 0x56, 0x69, 0xD6, 0x74, 0x20, 0x4E, 0x61, 0x6D]), "chủ nghĩa Việt Nam"),
    (bytes([0xA7, 0xE9, 0x63, 0x20, 0x6C, 0xCB, 0x70, 0x20, 0x2D, 0x20, 0x54, 0xF9, 0x20, 0x64, 0x6F]), "Độc lập - Tự do"),
    (bytes([0x48, 0xB9, 0x6E, 0x68, 0x20, 0x70, 0x68, 0xF3, 0x63]), "Hạnh phúc"),
    (bytes([0x54, 0x72, 0xAD, 0xEA, 0x6E, 0x67]), "Trường"),  # 0xAD, the "soft hyphen", is ư
    (bytes([0xAE, 0x6F, 0xB5, 0x6E, 0x20, 0x76, 0x69, 0xAA, 0x6E, 0x20, 0x6E, 0xF7]), "đoàn viên nữ"),
    (bytes([0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7]), "ĂÂÊÔƠƯĐ"),
]
# VNI-Windows: a base letter and a mark byte.
VNI_KNOWN = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Tröôøng Tieåu hoïc", "Trường Tiểu học"),
    ("COÂNG ÑOAØN VIEÄT NAM", "CÔNG ĐOÀN VIỆT NAM"),
    ("ñoaøn vieân nöõ", "đoàn viên nữ"),
    ("Ñaék Laék", "Đắk Lắk"),
]


@pytest.mark.parametrize("raw, text", TCVN3_KNOWN)
def test_tcvn3_bytes_read_as_the_letters_of_the_code_chart(raw, text):
    assert legacy.tcvn3_bytes_to_text(raw) == text
    assert to_tcvn3(text).encode("latin-1") == raw  # the tests' encoder agrees with the chart too


@pytest.mark.parametrize("typed, text", VNI_KNOWN)
def test_vni_text_reads_as_the_letters_it_was_typed_for(typed, text):
    assert legacy.decode_vni(typed) == text
    assert to_vni(text) == typed


def test_tcvn3_soft_hyphen_byte_is_the_letter_u_with_horn():
    cell = "Tr\u00adêng Ti\u00d3u h\u00e4c"  # as a .VnTime cell stores it
    assert legacy.decode_tcvn3(cell) == "Trường Tiểu học"


def test_capital_only_fonts_give_capitals():
    assert legacy.decode_tcvn3(to_tcvn3("danh sách đơn vị"), upper=True) == "DANH SÁCH ĐƠN VỊ"


VIETNAMESE = "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ"
_words = st.text(alphabet=VIETNAMESE + VIETNAMESE.upper() + " ,.0123456789", min_size=1, max_size=40)


@settings(max_examples=200, deadline=None)
@given(_words)
def test_vni_round_trips_every_vietnamese_letter(text):
    assert legacy.decode_vni(to_vni(text)) == unicodedata.normalize("NFC", text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=VIETNAMESE + " ĂÂÊÔƠƯĐ,.", min_size=1, max_size=40))
def test_tcvn3_round_trips_lower_case_text_and_its_capital_letters(text):
    assert legacy.decode_tcvn3(to_tcvn3(text)) == text


def test_every_toned_letter_has_one_tcvn3_code():
    lower = [c for c in VIETNAMESE if not c.isascii() or c in "aeiouy"]
    codes = [to_tcvn3(c) for c in lower if not c.isascii()]
    assert len(codes) == len(set(codes)) and all(len(c) == 1 and ord(c) >= 0xA1 for c in codes)


@pytest.mark.parametrize(
    "font, encoding",
    [(".VnTime", "tcvn3"), (".VnTimeH", "tcvn3-upper"), (".VnArial NarrowH", "tcvn3-upper"), (".VnArial", "tcvn3"),
     ("VNI-Times", "vni"), ("VNI-Helve", "vni"), ("Times New Roman", None), ("Arial", None), (None, None)],
)
def test_legacy_fonts_are_recognised_by_name(font, encoding):
    assert legacy.font_encoding(font) == encoding


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["Công đoàn Trường Tiểu học Bình Lư", "Tổng cộng", "Hà Nội"], "unicode"),
        ([to_tcvn3("Công đoàn Trường Tiểu học Bình Lư"), to_tcvn3("Số đoàn viên"), to_tcvn3("Nữ")], "tcvn3"),
        ([to_vni("Công đoàn Trường Tiểu học Bình Lư"), to_vni("Số đoàn viên"), to_vni("Nữ")], "vni"),
        (["STT", "Ma don vi", "Ten"], "unicode"),
        ([to_tcvn3("Nữ")], "tcvn3"),
    ],
)
def test_the_encoding_of_a_body_of_text_is_told_from_the_text_itself(texts, expected):
    assert legacy.detect_encoding(texts) == expected


def test_unicode_text_with_latin1_letters_is_never_converted():
    for text in ["CHÂU Á", "Hà Nội", "Đà Lạt", "Công ty Cà phê Ô Long", "Trà Vinh", "Bà Rịa"]:
        assert legacy.best_decoding(text)[0] == "unicode", text


SAMPLE = "Công đoàn Trường Tiểu học Bình Lư; Số đoàn viên: 28, nữ 21"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-8"), "utf-8"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (to_cp1258(SAMPLE), "cp1258"),
        (to_tcvn3(SAMPLE).encode("latin-1"), "tcvn3"),
        (to_vni(SAMPLE).encode("cp1252"), "vni"),
    ],
)
def test_bytes_of_a_csv_or_text_file_are_decoded_and_named(data, encoding):
    text, found = legacy.decode_bytes(data)
    assert (unicodedata.normalize("NFC", text), found) == (SAMPLE, encoding)


def test_cp1258_bytes_are_hand_checked():
    # "Trường": T r ư(0xFD) ơ(0xF5) combining grave(0xCC) n g
    assert to_cp1258("Trường") == b"Tr\xfd\xf5\xccng"
    assert legacy.decode_bytes(b"Tr\xfd\xf5\xccng Ti\xea\xd2u ho\xf2c")[0] == "Trường Tiểu học"


@pytest.mark.parametrize("word, ok", [("trường", True), ("nghiêng", True), ("gì", True), ("khuya", True),
                                      ("fdi", False), ("thpt", False), ("c¸c", False), ("oâ", False)])
def test_vietnamese_syllables_are_told_from_other_words(word, ok):
    assert legacy.syllable_ok(word) is ok
