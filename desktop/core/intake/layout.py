"""The text of a directive as logical lines.

Readers hand over text in one convention: a line holds one printed line,
and the columns of a line printed side by side (the two header columns, the
"Nơi nhận" beside the signature) are separated by a tab; a line that has
only a right-hand column starts with a tab. Text without layout (a .txt, a
page copied from the web) has no tabs, or runs of spaces where columns were.

The text is repaired first: look-alike letters from PDF extraction
("PHƢƠNG"), markdown emphasis, page numbers, and sentences broken over
lines or pages are joined back."""

from __future__ import annotations

import re

from desktop.core.vntext import clean, fold

UPPER = "A-ZĐÀ-ỸĂÂÊÔƠƯ"
LOWER = "a-zđà-ỹăâêôơư"

_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
# Columns: a tab, a run of spaces, or a table cell border ("a | b", "| a | b |").
_COLUMN_GAP = re.compile(r"\s{3,}|\t+|\s*(?<!/)\|(?!/)\s*")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*[-–—])?$", re.IGNORECASE)
SEPARATOR = re.compile(r"^[-–—_=*.~•:|\s]{1,}$")
LIST_MARKER = re.compile(rf"^(?:[-+•–*]\s|\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s|[{LOWER}][.)]\s|[IVXLC]+[.)]\s)")
AUTHORITY = re.compile(r"^(?:T\.?\s?M|T/M|K\.?\s?T|K/T|T\.?\s?L|T/L|TUQ|Q|QUYỀN)\s*[.:/]?\s+[A-ZĐÀ-Ỹ]")
RECIPIENTS = re.compile(r"^n[ơo]i\s+nh[ậa]n\b", re.IGNORECASE)
TERMINAL = re.compile(r"[.!?;:][”\"’')\]]*$")
NUMBER_LINE = re.compile(r"^S[ốô]\s*[:.]?\s*\d*\s*[/-]")
PLACE_DATE = re.compile(
    r"([^\t,;:]{2,40}?)\s*,\s*ngày\s*(\d{1,2}|[.…_ ]*)\s*tháng\s*(\d{1,2}|[.…_ ]*)\s*(?:,\s*)?năm\s*(\d{4})", re.IGNORECASE
)
# The first words of a body paragraph: a subject or a header has ended.
BODY_START = re.compile(r"^(Căn cứ|Thực hiện|Thi hành|Kính gửi|Trên cơ sở|Theo đề nghị|Nhằm|Để|Điều \d|Ngày \d)")
_OPENERS = re.compile(r"^(Căn cứ|Thực hiện|Thi hành|Kính gửi|Trên cơ sở|Theo đề nghị|Nhằm|Để|Ngày \d|Điều \d)")
# A document symbol cut at its hyphen or slash at the end of a line: "số 57-" + "CTr/TU".
_SYMBOL_CUT = re.compile(r"\d[\wĐđ/.-]*[-/]$")
_SYMBOL_REST = re.compile(rf"^[{UPPER}][\wĐđ]*(?:[/-]|\b)")

# Document kinds named by their title line, with the abbreviations of
# Nghị định 30/2020/NĐ-CP, the Party's (Quy định 66-QĐ/TW: "KL", "TT" thông
# tri) and the union's own (Hướng dẫn của Tổng Liên đoàn về thể thức văn bản).
KIND_TITLES = {
    "ke hoach": "KH", "ke hoach lien tich": "KH", "thong bao": "TB", "thong bao ket luan": "TB", "nghi quyet": "NQ",
    "chuong trinh": "CTr", "chuong trinh hanh dong": "CTr", "quyet dinh": "QĐ", "huong dan": "HD", "chi thi": "CT",
    "ket luan": "KL", "bao cao": "BC", "to trinh": "TTr", "de an": "ĐA", "du an": "DA", "phuong an": "PA",
    "quy che": "QC", "quy dinh": "QyĐ", "cong van": "CV", "giay moi": "GM", "cong dien": "CĐ", "thong tu": "TT",
    "thong tri": "TT", "nghi dinh": "NĐ", "bien ban": "BB", "thong cao": "TC", "huong dan lien tich": "HD",
}


def is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def starts_lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def is_title(line: str) -> bool:
    return "\t" not in line and is_caps(line) and fold(line).strip(" .:") in KIND_TITLES


def columns(line: str) -> tuple[str, str]:
    """(left, right) of a line; a line without columns is all left."""
    if "\t" not in line:
        return line, ""
    parts = line.split("\t")
    return parts[0].strip(), " ".join(p for p in parts[1:] if p.strip()).strip()


def _raw_lines(text: str) -> list[tuple[str, bool]]:
    """(line, standalone): a markdown heading or a line all in bold stands
    alone, never joined to its neighbours."""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        standalone = bool(_MD_HEADING.match(line)) or (stripped.startswith("**") and stripped.rstrip().endswith("**"))
        right_only = line.startswith("\t") and bool(stripped)
        left_only = line.endswith("\t") and not right_only and bool(stripped)
        line = _MD_EMPHASIS.sub("", _MD_HEADING.sub("", line))
        segments = [s for s in (clean(s) for s in _COLUMN_GAP.split(line.strip())) if s and not SEPARATOR.match(s)]
        if not segments and stripped and SEPARATOR.match(stripped.replace("|", "")):
            segments = [stripped]  # a separator line stays, to end the subject above it
        joined = "\t".join(segments)
        if joined and right_only:
            joined = "\t" + joined
        elif joined and left_only and "\t" not in joined:
            joined += "\t"
        out.append((joined, standalone))
    return out


# A digital signature's stamp ("Ký bởi: …", "Thời gian ký: …") and a
# person's name alone on its line stand alone in a signature block.
STAMP = re.compile(r"^(Ký bởi|Người ký|Email|E-mail|Cơ quan|Thời gian ký|Ngày ký|Signed|Ký số|Chức vụ)\s*:")


def _name_alone(line: str) -> bool:
    words = line.rstrip("¹²³⁴⁵⁶⁷⁸⁹⁰*").split()
    return 2 <= len(words) <= 5 and all(w.isalpha() and w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def _break_between(a: str, b: str, blank: bool) -> bool:
    if "\t" in a or "\t" in b or SEPARATOR.match(a) or SEPARATOR.match(b):
        return True
    if STAMP.match(a) or STAMP.match(b) or _name_alone(b):
        return True
    if LIST_MARKER.match(b) or AUTHORITY.match(b) or RECIPIENTS.match(b) or _OPENERS.match(b):
        return True
    # The number line and the place-and-date line stand alone.
    if any(NUMBER_LINE.match(x) or PLACE_DATE.search(x) for x in (a, b)):
        return True
    if is_caps(a) or is_caps(b):
        return True
    if re.match(r"^Kính gửi\b", a) and not starts_lower(b):
        return True
    if blank:
        # Only a sentence cut by a page break runs on across blank lines.
        return not (starts_lower(b) and not TERMINAL.search(a))
    return bool(TERMINAL.search(a)) and not starts_lower(b)


def _join(a: str, b: str) -> str:
    if _SYMBOL_CUT.search(a) and _SYMBOL_REST.match(b):
        return a + b
    return f"{a} {b}"


def read_lines(text: str, *, wrapped: bool = True) -> tuple[list[str], set[int]]:
    """(lines, breaks): the text as logical lines (one per paragraph,
    heading, list item or signature line; columns printed side by side
    kept apart by a tab), and the indexes of the lines that follow a blank
    line or a separator ("-----", "*"), which end a subject. ``wrapped`` is
    False when every line already is a paragraph (a .docx): then nothing is
    joined but a document symbol cut at its hyphen."""
    raw = [(line, hard) for line, hard in _raw_lines(text) if not _PAGE_NUMBER.match(line)]
    lines = [line for line, _hard in raw]
    filled = [i for i, line in enumerate(lines) if line]
    # Text extracted with a blank line after every line: blanks mean nothing.
    spaced = sum(1 for i in filled if i + 2 < len(lines) and not lines[i + 1] and lines[i + 2])
    double_spaced = len(filled) > 4 and spaced >= 0.6 * len(filled)
    out: list[str] = []
    breaks: set[int] = set()
    blank = separated = False
    previous_hard = True
    subject = False  # in the subject under the title: only its evident continuations join it
    for line, hard in raw:
        if not line or SEPARATOR.match(line):
            separated = separated or bool(line)
            blank = bool(out) and (blank or not double_spaced or separated)
            continue
        previous = out[-1] if out else None
        symbol_cut = previous is not None and "\t" not in previous and "\t" not in line and bool(
            _SYMBOL_CUT.search(previous) and _SYMBOL_REST.match(line) and re.search(r"[-/]", line))
        join = previous is not None and (symbol_cut or (
            wrapped and not separated and not (hard or previous_hard) and not _break_between(previous, line, blank)))
        if join and subject and not symbol_cut and not (starts_lower(line) or line[0] in "(“\"'"):
            join = False
        if join:
            out[-1] = _join(out[-1], line)
        else:
            subject = previous is not None and is_title(previous)
            if blank or separated:
                breaks.add(len(out))
            out.append(line)
        blank = separated = False
        previous_hard = hard
    return out, breaks


def repair_lines(text: str, *, wrapped: bool = True) -> list[str]:
    """The text as logical lines (see ``read_lines``)."""
    return read_lines(text, wrapped=wrapped)[0]
