"""Vietnamese text in the encodings that still live in office files, and how
to tell them apart.

- TCVN3 (ABC), fonts ``.VnTime``, ``.VnArial``…: one byte per letter, the
  toned lower-case vowels at 0xB5–0xFE. Spreadsheets store those bytes as
  the Windows-1252 characters with the same code ("Tr­êng" for "Trường";
  the byte for "ư" is 0xAD, the soft hyphen, which cleaning would delete:
  decode before any cleaning). Upper-case fonts (``.VnTimeH``) draw the
  lower-case codes as capitals.
- VNI (fonts ``VNI-Times``…): a base letter followed by a mark byte
  ("Vieät" for "Việt").
- Windows-1258 (CSV saved by old Excel): base letters and combining tones.

Decoding tables: TCVN3 as glibc's ``TCVN5712-1`` for 0xA1–0xFF (its
combining marks 0xB0–0xB4 are not used by ABC fonts and stay as they are);
VNI as the VNI-Windows keyboard tables. Both are checked in the tests
against byte sequences written out by hand.

Telling them apart: a text can only be legacy if every character is in the
Latin-1/Windows-1252 range; the decoding that yields the most well-formed
Vietnamese syllables wins, and a tie keeps the text as it is."""

from __future__ import annotations

import re
import unicodedata

TCVN3 = "tcvn3"
VNI = "vni"
UNICODE = "unicode"

# --- TCVN3 ---------------------------------------------------------------
# Bytes 0xA1..0xFF; "\0" marks a byte that is not a letter in ABC fonts.
_TCVN3_HIGH = (
    "ĂÂÊÔƠƯĐăâêôơưđẰ"  # A1-AF
    "\0\0\0\0\0àảãáạẲằẳẵắẴ"  # B0-BF
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽ"  # C0-CF
    "éẹềểễếệìỉỄẾỒĩíịò"  # D0-DF
    "Ổỏõóọồổỗốộờởỡớợù"  # E0-EF
    "Ỗủũúụừửữứựỳỷỹýỵ"  # F0-FE
    "Ố"  # FF
)
assert len(_TCVN3_HIGH) == 0x100 - 0xA1
TCVN3_TABLE: dict[int, str] = {0xA1 + i: c for i, c in enumerate(_TCVN3_HIGH) if c != "\0"}
_TCVN3_DECODE = {byte: char for byte, char in TCVN3_TABLE.items()}  # code point == byte (Latin-1)

# --- VNI -----------------------------------------------------------------
# Mark bytes, lower case; capitals use the capital of the same character.
_VNI_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_VNI_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# Characters that stand alone: ơ ư đ and the i/ỵ forms.
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
}


def _build_vni() -> tuple[dict[str, str], dict[str, str]]:
    pairs: dict[str, str] = {}
    for base in "aeouy":
        for mark, tone in _VNI_TONES.items():
            pairs[base + mark] = base + tone
    for base in "aeo":
        for mark, tone in _VNI_CIRCUMFLEX.items():
            pairs[base + mark] = base + "\u0302" + tone
    for mark, tone in _VNI_BREVE.items():
        pairs["a" + mark] = "a\u0306" + tone
    for single, letter in (("ô", "ơ"), ("ö", "ư")):
        for mark, tone in _VNI_TONES.items():
            pairs[single + mark] = letter + tone
    table: dict[str, str] = {}
    for seq, decomposed in pairs.items():
        lower = unicodedata.normalize("NFC", decomposed)
        base, mark = seq[0], seq[1]
        table[base + mark] = lower
        table[base.upper() + mark.upper()] = lower.upper()
        # Mixed case happens when Caps Lock met the keyboard driver.
        table[base.upper() + mark] = lower.upper()
        table[base + mark.upper()] = lower
    single = {}
    for char, letter in _VNI_SINGLE.items():
        single[char] = letter
        single[char.upper()] = letter.upper()
    return table, single


VNI_PAIRS, VNI_SINGLE = _build_vni()

# --- Fonts ---------------------------------------------------------------
_UPPER_FONT = re.compile(r"h$", re.I)


def font_encoding(font_name: str | None) -> str | None:
    """"tcvn3", "tcvn3-upper" (``.VnTimeH``), "vni" or None for a font name."""
    if not font_name:
        return None
    name = font_name.strip().lower()
    if name.startswith(".vn"):
        core = re.sub(r"[\s-]*(bold|italic|bolditalic|narrow)$", "", name).replace(" ", "")
        return "tcvn3-upper" if _UPPER_FONT.search(core) else TCVN3
    if name.startswith("vni-") or name.startswith("vni "):
        return VNI
    return None


# --- Decoding --------------------------------------------------------------
# Windows-1252 characters for bytes 0x80-0x9F, so that text stored through
# that code page maps back to its bytes.
_CP1252_BACK = {ch: b for b in range(0x80, 0xA0) if (ch := bytes([b]).decode("cp1252", errors="ignore"))}


def decode_tcvn3(text: str, *, upper: bool = False) -> str:
    """Text whose characters stand for TCVN3 bytes, as NFC Unicode;
    ``upper`` for the capital-only fonts. Without it, lines typed in
    capitals get their capitals back (TCVN3 has no code for "Ủ": "CHủ TịCH"
    was "CHỦ TỊCH" on screen, in a capital font)."""
    out = text.translate(_TCVN3_DECODE)
    out = unicodedata.normalize("NFC", out)
    if upper:
        return out.upper()
    return "\n".join(_restore_capitals(line) for line in out.split("\n"))


_WORD = re.compile(r"\S+")


def _restore_capitals(line: str) -> str:
    if not any(c.islower() and not c.isascii() for c in line):
        return line
    if any(c.islower() and c.isascii() for c in line):
        return line  # ordinary mixed-case text
    # A word like "HOạCH": capital ASCII letters after its first letter and
    # a lower-case toned letter among them.
    for word in _WORD.findall(line):
        letters = [c for c in word if c.isalpha()]
        if any(c.isascii() and c.isupper() for c in letters[1:]) and any(c.islower() for c in letters):
            return line.upper()
    return line


def decode_vni(text: str) -> str:
    """Text typed for VNI fonts as NFC Unicode."""
    out = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
            continue
        out.append(VNI_SINGLE.get(text[i], text[i]))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def decode_as(text: str, encoding: str) -> str:
    """``text`` decoded from ``encoding`` ("tcvn3", "tcvn3-upper", "vni"); any
    other value returns it unchanged."""
    if encoding == TCVN3:
        return decode_tcvn3(text)
    if encoding == "tcvn3-upper":
        return decode_tcvn3(text, upper=True)
    if encoding == VNI:
        return decode_vni(text)
    return text


def tcvn3_bytes_to_text(data: bytes) -> str:
    return decode_tcvn3(data.decode("latin-1"))


def vni_bytes_to_text(data: bytes) -> str:
    return decode_vni(data.decode("cp1252", errors="replace").replace("\ufffd", ""))


# --- Telling encodings apart ---------------------------------------------
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_INITIALS = "ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnpqrstvx]"
_NUCLEI = (
    "iêu yêu oai oay oao oeo uây uôi ươi ươu uyê uya uyu "
    "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ươ ưu uy yê "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(rf"^(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?$")
_GI_ALONE = re.compile(r"^gi(?:ch|ng|nh|[cmnpt])?$")  # "gì", "gìn"
_WORD_SPLIT = re.compile(r"[\s,.;:!?()\[\]{}\"'/\\\-–—+*=<>|&%#@_0-9]+")


def syllable_ok(word: str) -> bool:
    """Whether ``word`` is a well-formed Vietnamese syllable (at most one
    tone; initial, vowel cluster and final from the Vietnamese sets)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = sum(1 for c in decomposed if c in _TONE_MARKS)
    if tones > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))
    return bool(_SYLLABLE.match(bare) or _GI_ALONE.match(bare))


def vietnamese_score(text: str) -> int:
    """Well-formed syllables with diacritics minus twice the malformed
    words that are not plain ASCII: higher is more Vietnamese."""
    score = 0
    for word in _WORD_SPLIT.split(text):
        if not word or word.isascii():
            continue
        score += 1 if syllable_ok(word) else -2
    return score


def may_be_legacy(text: str) -> bool:
    """Whether ``text`` could be TCVN3 or VNI: only Latin-1 (or Windows-1252)
    characters, at least one of them beyond ASCII."""
    beyond = False
    for c in text:
        o = ord(c)
        if o < 0x80:
            continue
        if o > 0xFF and c not in _CP1252_BACK:
            return False
        beyond = True
    return beyond


def best_decoding(text: str, candidates: tuple[str, ...] = (TCVN3, VNI)) -> tuple[str, str]:
    """(encoding, decoded text) that reads as the most Vietnamese; the text
    itself ("unicode") wins ties."""
    best = (UNICODE, text, vietnamese_score(text))
    if not may_be_legacy(text):
        return best[0], best[1]
    for enc in candidates:
        decoded = decode_as(text, enc)
        score = vietnamese_score(decoded)
        if score > best[2]:
            best = (enc, decoded, score)
    return best[0], best[1]


def detect_encoding(texts: list[str]) -> str:
    """The encoding a body of text was typed in: "unicode", "tcvn3" or
    "vni", by the total syllable score of each decoding."""
    totals = {UNICODE: 0, TCVN3: 0, VNI: 0}
    for text in texts:
        if not may_be_legacy(text):
            totals[UNICODE] += max(vietnamese_score(text), 0)
            continue
        totals[UNICODE] += vietnamese_score(text)
        totals[TCVN3] += vietnamese_score(decode_tcvn3(text))
        totals[VNI] += vietnamese_score(decode_vni(text))
    best = max((TCVN3, VNI), key=lambda e: totals[e])
    return best if totals[best] > totals[UNICODE] and totals[best] > 0 else UNICODE


class DamagedUtf8(ValueError):
    """Text that is UTF-8 but for a few bytes: reading it in another
    encoding would garble every line, so it is refused; ``line`` is 1-based."""

    def __init__(self, line: int):
        super().__init__(f"invalid UTF-8 on line {line}")
        self.line = line


# A multi-byte UTF-8 sequence; legacy Vietnamese text almost never forms one.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """(text, encoding) for the bytes of a CSV or text file: UTF-8 (with or
    without BOM), UTF-16 with BOM, else whichever of Windows-1258, TCVN3 and
    VNI reads as the most Vietnamese. Encoding names: "utf-8", "utf-16",
    "cp1258", "tcvn3", "vni"."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = data.decode("utf-8", errors="replace").count("\ufffd")
        if len(_UTF8_SEQUENCE.findall(data)) >= 4 * bad:
            raise DamagedUtf8(data.count(b"\n", 0, exc.start) + 1) from exc
    candidates = {
        "cp1258": unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        TCVN3: tcvn3_bytes_to_text(data),
        VNI: vni_bytes_to_text(data),
    }
    scores = {enc: vietnamese_score(text) for enc, text in candidates.items()}
    best = max(candidates, key=lambda e: (scores[e], e == "cp1258"))
    return candidates[best], best
