"""The kind of a document from its number and symbol and its title.

Decree 30/2020/NĐ-CP (appendix III) gives each kind an abbreviation that
stands first in the symbol ("314/KH-LĐLĐ", Party style "15-KH/ĐUK"); a
letter (công văn) has none: its symbol is the issuer's code and the
drafting unit's ("8019/TLĐ-TG", "730/LĐLĐ", "1234/UBND-VX")."""

from __future__ import annotations

import re

from desktop.core.intake.layout import KIND_TITLES
from desktop.core.vntext import fold

# Abbreviations of Decree 30 (and the Party's KL, TT for thông tri, the
# legal kinds cited in directives), as printed. Left out: those that are
# also the codes of issuers or of their departments in letters' symbols
# ("CĐ" công điện / công đoàn, "HĐ" hợp đồng / hội đồng, "TC" thông cáo /
# tổ chức), which a directive from above practically never is.
KIND_CODES = [
    "NQ", "QĐ", "CT", "QC", "QyĐ", "TB", "HD", "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr",
    "GUQ", "GM", "GGT", "KL", "TT", "TTLT", "NĐ", "CV", "NQLT",
]
_BY_KEY = {fold(code).upper(): code for code in KIND_CODES}
_SYMBOL_TOKENS = re.compile(r"[^\W\d_]+")


def kind_code(number: str | None) -> str | None:
    """The kind abbreviation a number and symbol carries, canonical case
    ("02/Ctr-BCH" -> "CTr"); None for a letter's number ("730/LĐLĐ") or
    none. A year in the symbol ("12/2023/TT-BGDĐT") is skipped."""
    if not number:
        return None
    m = re.match(r"^\s*\d+[a-zA-Z]?\s*[/-]\s*(?:\d{4}\s*/\s*)?(.*)$", number)
    if not m:
        return None
    token = _SYMBOL_TOKENS.match(m.group(1).strip())
    return _BY_KEY.get(fold(token.group(0)).upper()) if token else None


def title_kind(title: str | None) -> str | None:
    """"KẾ HOẠCH" -> "KH"."""
    return KIND_TITLES.get(fold(title).strip(" .:")) if title else None


def document_kind(number: str | None, title: str | None, subject: str | None) -> tuple[str | None, float]:
    """(kind, confidence): the number's abbreviation, else the title's
    kind, else "CV" for a numbered document without a kind code or a
    subject written "V/v …"."""
    code = kind_code(number)
    if code:
        agrees = title is None or title_kind(title) in (None, code)
        return code, 1.0 if agrees else 0.8
    by_title = title_kind(title)
    if by_title:
        return by_title, 0.9
    if number and re.match(r"^\d+[a-zA-Z]?\s*[/-]\s*[^\W\d_]", number):
        return "CV", 0.95 if subject and re.match(r"^(V/v|Về việc)", subject) else 0.85
    if subject and re.match(r"^(V/v|Về việc)", subject):
        return "CV", 0.7
    return None, 0.0
