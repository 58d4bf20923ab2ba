"""The words of the documents, from resources/templates/*.ini, and the
Vietnamese ways of writing numbers and dates in them."""

from __future__ import annotations

import configparser
from functools import lru_cache

from desktop.core.errors import UserError
from desktop.core.vntext import fold
from desktop.resources import resource


@lru_cache(maxsize=None)
def _templates(name: str) -> configparser.RawConfigParser:
    path = resource("templates", f"{name}.ini")
    parser = configparser.RawConfigParser()
    try:
        with open(path, encoding="utf-8") as fh:
            parser.read_file(fh)
    except (OSError, configparser.Error) as exc:
        raise UserError(f"Không đọc được mẫu văn bản “{path}”: {exc}. Hãy cài lại Theo dõi hoặc sửa tệp mẫu.") from exc
    return parser


def say(section: str, key: str, **values) -> str:
    """The template ``key`` of ``section`` with ``values`` filled in."""
    parser = _templates("bao-cao")
    try:
        return " ".join(parser.get(section, key).split()).format(**values)
    except (configparser.Error, KeyError, IndexError) as exc:
        raise UserError(f"Mẫu văn bản [{section}] “{key}” bị thiếu hoặc sai chỗ cần điền ({exc}).") from exc


def number(value: int | float) -> str:
    """1234 -> "1.234"; 2.5 -> "2,5"."""
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:.2f}".rstrip("0").split(".")
        return f"{int(whole):,}".replace(",", ".") + "," + frac
    return f"{int(value):,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    if whole == 0:
        return "0"
    return f"{100 * part / whole:.1f}".rstrip("0").rstrip(".").replace(".", ",")


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


# -- names in running text ------------------------------------------------
# Abbreviations a union office writes in capitals in any sentence.
_ABBREVIATIONS = {
    "LĐLĐ", "TLĐ", "CĐ", "CĐCS", "CĐN", "CĐVC", "CĐCT", "CNVCLĐ", "CCVCLĐ", "CNLĐ", "UBND", "HĐND", "MTTQ", "TW",
    "TU", "HU", "ĐUK", "BCH", "BTV", "KCN", "KKT", "DN", "THPT", "THCS", "TNHH", "CP", "VN", "TP", "TX", "TT",
}
# Words of a name that keep a capital after the first (Nghị định 30, phụ lục
# II: the kind of body is written as the union writes it).
_PHRASES = [
    "Tổng Liên đoàn Lao động", "Liên đoàn Lao động", "Công đoàn Viên chức", "Công đoàn Giáo dục",
    "Công đoàn Y tế", "Công đoàn cơ sở", "Công đoàn", "Ban Thường vụ", "Ban Chấp hành", "Đoàn Chủ tịch",
    "Ban Tuyên giáo", "Ban Dân vận", "Ban Tổ chức", "Đảng ủy Khối", "Ủy ban nhân dân", "Hội đồng nhân dân",
    "Mặt trận Tổ quốc", "Việt Nam", "Trung ương", "Văn phòng",
]
# ... and those after which a proper name follows: "Tỉnh ủy Lai Châu",
# "Công đoàn ngành Giáo dục".
_BEFORE_PLACE = ["Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy"]
_BEFORE_NAME = ["Công đoàn ngành", "Khối"]
# Administrative levels: lower case, and the place name after them capitalised.
_PLACE_WORDS = ["thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "khu công nghiệp"]
_VOWELS = set("aăâeêioôơuưyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def _phrase_tokens(phrases: list[str]) -> list[tuple[list[str], list[str]]]:
    out = [(p.lower().split(), p.split()) for p in phrases]
    return sorted(out, key=lambda pair: -len(pair[0]))


_PHRASE_TOKENS = _phrase_tokens(_PHRASES + _BEFORE_PLACE + _BEFORE_NAME)
_AFTER = {**{tuple(p.lower().split()): "all" for p in _BEFORE_PLACE},
          **{tuple(p.lower().split()): "first" for p in _BEFORE_NAME}}
_PLACE_TOKENS = _phrase_tokens(_PLACE_WORDS)


def _is_abbreviation(token: str) -> bool:
    bare = token.strip("(),;:.")
    if bare in _ABBREVIATIONS or not bare.isalpha():
        return True  # "CĐ-TCTy", "02/KH", numbers: as written
    return not any(c in _VOWELS for c in bare.lower())


def normal_case(name: str) -> str:
    """An office's name as it is written in a sentence or in Nơi nhận, from
    the capitals of a document header: "LĐLĐ TỈNH LAI CHÂU" -> "LĐLĐ tỉnh
    Lai Châu", "CÔNG ĐOÀN VIÊN CHỨC TỈNH" -> "Công đoàn Viên chức tỉnh". A
    name with any lower-case letter is taken as already written so."""
    if not name or any(c.islower() for c in name):
        return name
    tokens = name.split()
    low = [t.lower() for t in tokens]
    out = list(low)
    i, proper = 0, None  # None, or capitalise "all" words or the "first" word
    while i < len(tokens):
        if _is_abbreviation(tokens[i]):
            out[i] = tokens[i]
            i += 1
            continue
        for words, canonical in _PHRASE_TOKENS:
            if low[i:i + len(words)] == words:
                out[i:i + len(words)] = canonical
                i, proper = i + len(words), _AFTER.get(tuple(words))
                break
        else:
            for words, _canonical in _PLACE_TOKENS:
                if low[i:i + len(words)] == words:
                    i, proper = i + len(words), "all"
                    break
            else:
                if proper:
                    out[i] = low[i][:1].upper() + low[i][1:]
                    proper = proper if proper == "all" else None
                i += 1
    if not _is_abbreviation(tokens[0]):
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def recipient(line: str) -> str:
    """A Nơi nhận line with its name in normal case, the note in brackets
    and the final punctuation kept: "LĐLĐ TỈNH LAI CHÂU (để b/c);" ->
    "LĐLĐ tỉnh Lai Châu (để b/c);"."""
    name, bracket, rest = line.partition("(")
    tail = ""
    if not bracket:
        stripped = name.rstrip(";. ")
        name, tail = stripped, name[len(stripped):]
    return normal_case(name.rstrip()) + (" " + bracket + rest if bracket else tail)


_EXPANSIONS = {"lđlđ": "liên đoàn lao động", "tlđ": "tổng liên đoàn lao động", "cđ": "công đoàn",
               "cđcs": "công đoàn cơ sở", "ubnd": "ủy ban nhân dân"}


def office_key(name: str | None) -> str:
    """A key under which two spellings of one office are equal: "LĐLĐ
    TỈNH LAI CHÂU" and "Liên đoàn Lao động tỉnh Lai Châu"."""
    words = [_EXPANSIONS.get(w.lower(), w) for w in (name or "").split()]
    return fold(" ".join(words))


def sector_phrase(name: str) -> str:
    """A sector (khối) named in a sentence: "khối Hành chính sự nghiệp",
    but "khối Y tế" for a sector already called "Khối Y tế" and "chưa phân
    khối" for units without one: the word is never written twice."""
    if "khoi" in fold(name).split():
        return lower_first(normal_case(name))
    return f"khối {name}"


def reference(directive, *offices) -> str:
    """The directive as a sentence cites it: without "của <issuer>" when the
    issuer is one of ``offices`` (objects with a ``name``, or names) that
    the sentence names already, so that no sentence names an office twice."""
    from desktop.core.reports import directive_reference

    ref = directive_reference(directive)
    issuer = f" của {directive.issuer}" if directive.issuer else ""
    names = {office_key(getattr(o, "name", o)) for o in offices if o}
    if issuer and office_key(directive.issuer) in names and ref.endswith(issuer):
        return ref[: -len(issuer)]
    return ref
