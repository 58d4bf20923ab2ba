"""What a careful clerk reads off an official document (Nghị định
30/2020/NĐ-CP layout, and the Party's): number and symbol, kind, issuing
body, place and date, subject, signer, recipients, the documents it refers
to, every deadline with its sentence and the reporting cycle. Text in,
dataclass out: no files, no database. A field that is not in the text is
None, never guessed.

The text is repaired first: look-alike letters from PDF extraction
("PHƢƠNG"), markdown emphasis, page numbers, and sentences broken over
lines or pages are joined back."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date

from desktop.core.directives import kind_of, number_key
from desktop.core.vntext import clean, fold

# Document kinds named by their title line, with the abbreviations of
# Nghị định 30/2020/NĐ-CP (and "KL" of the Party's conclusions).
KIND_TITLES = {
    "ke hoach": "KH", "thong bao": "TB", "nghi quyet": "NQ", "chuong trinh": "CTr", "chuong trinh hanh dong": "CTr",
    "quyet dinh": "QĐ", "huong dan": "HD", "chi thi": "CT", "ket luan": "KL", "bao cao": "BC", "to trinh": "TTr",
    "de an": "ĐA", "phuong an": "PA", "quy che": "QC", "quy dinh": "QyĐ", "cong van": "CV", "giay moi": "GM",
    "cong dien": "CĐ",
}

_UPPER = "A-ZĐÀ-ỸĂÂÊÔƠƯ"
_LOWER = "a-zđà-ỹăâêôơư"


# --- repairing extracted text ------------------------------------------------
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_EMPHASIS = re.compile(r"\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)")
_COLUMN_GAP = re.compile(r"\s{3,}|\t+")
_PAGE_NUMBER = re.compile(r"^(?:[-–—]\s*)?(?:trang\s+)?\d{1,3}(?:\s*[-–—])?$", re.I)
_SEPARATOR = re.compile(r"^[-–—_=*.~•\s]{1,}$")
_LIST_MARKER = re.compile(rf"^(?:[-+•–*]\s|\d{{1,2}}(?:\.\d{{1,2}})*[.)]\s|[{_LOWER}][.)]\s|[IVXLC]+[.)]\s)")
_AUTHORITY = re.compile(r"^(?:T\.?\s?M|T/M|K\.?\s?T|K/T|T\.?\s?L|T/L|TUQ|Q|QUYỀN)\s*[.:]?\s+[A-ZĐÀ-Ỹ]")
_RECIPIENTS = re.compile(r"^n[ơo]i\s+nh[ậa]n\b", re.I)
_TERMINAL = re.compile(r"[.!?;:][”\"’')\]]*$")


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _starts_lower(text: str) -> bool:
    return bool(text) and text[0].isalpha() and text[0].islower()


def _raw_lines(text: str) -> list[tuple[str, bool]]:
    """(line, standalone): a markdown heading or a line all in bold stands
    alone, never joined to its neighbours."""
    out = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        stripped = line.strip()
        standalone = bool(_MD_HEADING.match(line)) or (stripped.startswith("**") and stripped.rstrip().endswith("**"))
        line = _MD_EMPHASIS.sub("", _MD_HEADING.sub("", line))
        segments = [clean(s) for s in _COLUMN_GAP.split(line.strip())]
        out.append(("\t".join(s for s in segments if s), standalone))
    return out


_OPENERS = re.compile(r"^(Căn cứ|Thực hiện|Thi hành|Kính gửi|Trên cơ sở|Theo đề nghị|Nhằm|Để|Ngày \d)")


def _break_between(a: str, b: str, blank: bool) -> bool:
    if "\t" in a or "\t" in b or _SEPARATOR.match(a) or _SEPARATOR.match(b):
        return True
    if _LIST_MARKER.match(b) or _AUTHORITY.match(b) or _RECIPIENTS.match(b) or _OPENERS.match(b):
        return True
    # The number line and the place-and-date line stand alone.
    if any(_NUMBER_LINE.match(x) or _PLACE_DATE.search(x) for x in (a, b)):
        return True
    if _caps(a) or _caps(b):
        return True
    if re.match(r"^Kính gửi\b", a) and not _starts_lower(b):
        return True
    if blank:
        # Only a sentence cut by a page break runs on across blank lines.
        return not (_starts_lower(b) and not _TERMINAL.search(a))
    return bool(_TERMINAL.search(a)) and not _starts_lower(b)


def _join(a: str, b: str) -> str:
    # "số 57-" + "CTr/TU": a document symbol broken at its hyphen.
    if re.search(r"\d[-/]$", a) and re.match(rf"[{_UPPER}][\w]*[/-]", b):
        return a + b
    return f"{a} {b}"


def repair_lines(text: str, *, wrapped: bool = True) -> list[str]:
    """The text as logical lines: one per paragraph, heading, list item or
    signature line; columns of a two-column header kept apart by a tab.
    ``wrapped`` is False when every line already is a paragraph (a .docx):
    then nothing is joined."""
    raw = [(line, hard) for line, hard in _raw_lines(text) if not _PAGE_NUMBER.match(line)]
    lines = [line for line, _hard in raw]
    filled = [i for i, line in enumerate(lines) if line]
    # Text extracted with a blank line after every line: blanks mean nothing.
    spaced = sum(1 for i in filled if i + 2 < len(lines) and not lines[i + 1] and lines[i + 2])
    double_spaced = len(filled) > 4 and spaced >= 0.6 * len(filled)
    out: list[str] = []
    blank = False
    previous_hard = True
    subject = False  # in the subject under the title: only its evident continuations join it
    for line, hard in raw:
        if not line:
            blank = not double_spaced and bool(out)
            continue
        join = wrapped and out and not (hard or previous_hard) and not _break_between(out[-1], line, blank)
        if join and subject and not (_starts_lower(line) or line[0] in "(“\"'"):
            join = False
        if join:
            out[-1] = _join(out[-1], line)
        else:
            subject = bool(out) and _is_title(out[-1])
            out.append(line)
        blank, previous_hard = False, hard
    return [line for line in out if not _SEPARATOR.match(line)]


def _is_title(line: str) -> bool:
    return "\t" not in line and _caps(line) and fold(line).strip(" .:") in KIND_TITLES


# --- dates ------------------------------------------------------------------------
def _date(year: int | None, month: int, day: int) -> date | None:
    try:
        return date(year, month, day) if year else None
    except ValueError:
        return None


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


_NUMERIC_DATE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?(?![\d/])"
_WORDED_DATE = r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:,\s*)?năm\s+(\d{4}))?"
_DATE_ANY = re.compile(rf"{_NUMERIC_DATE}|{_WORDED_DATE}")


def _match_date(m: re.Match, default_year: int | None) -> tuple[bool, int | None, int, int]:
    """(year written, year, month, day) from a match of ``_NUMERIC_DATE``
    and/or ``_WORDED_DATE``."""
    groups = m.groups() + (None,) * 3
    day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else (groups[3], groups[4], groups[5])
    return bool(year), (int(year) if year else default_year), int(month), int(day)


# --- number and symbol ---------------------------------------------------------------
_NUMBER = re.compile(r"(?:^|\t|\s)S[ốô]\s*[:.]?\s*(\d{1,5}[a-zA-Z]?\s*[/-]\s*[^\s,;:()]+)")
_NUMBER_LINE = re.compile(r"^S[ốô]\s*[:.]?\s*\d*\s*[/-]")
_NUMBER_BLANK = re.compile(r"(?:^|\t)S[ốô]\s*[:.]?\s*[/-]\s*[A-ZĐ]")
_REFERENCE = re.compile(
    r"(?<![\w/])(\d{1,5}[a-z]?\s*[-/]\s*[A-ZĐ][A-Za-zĐđ]{0,5}\s*[-/]\s*[A-ZĐ][A-Za-zĐđ0-9]*(?:[-/][A-ZĐ][A-Za-zĐđ0-9]*)*"
    r"|\d{1,5}/\d{4}/[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)+)"
)


def _tidy_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw).rstrip(".-/")


def split_doc_reference(text: str | None) -> tuple[str | None, date | None]:
    """"12/KH-CĐCS ngày 03/11/2021" -> ("12/KH-CĐCS", 2021-11-03); either
    part may be missing (None)."""
    t = clean(text) or ""
    if not t:
        return None, None
    found = None
    m = re.search(rf"(?:ngày\s*)?{_WORDED_DATE}|(?:ngày\s*)?(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*(\d{{4}})", t, re.I)
    if m:
        g = m.groups()
        day, month, year = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        if year:
            found = _date(int(year), int(month), int(day))
            t = (t[: m.start()] + " " + t[m.end() :]).strip()
    t = re.sub(r"^s[ốô]\s*[:.]?\s*", "", t, flags=re.I)
    t = t.strip(" ,;:-–()[]")
    t = re.sub(r"\s*(ngày|,)\s*$", "", t, flags=re.I).strip(" ,;:-–()")
    number = _tidy_number(t) if re.search(r"\d", t) and re.search(r"[^\W\d_]", t) else None
    return number, found


# --- the result ----------------------------------------------------------------------
@dataclass
class Deadline:
    date: date | None
    text: str  # the sentence that sets it


@dataclass
class Recurrence:
    every_months: int
    text: str  # as written: "6 tháng/lần"
    sentence: str


@dataclass
class DirectiveFields:
    number: str | None = None
    kind: str | None = None
    title: str | None = None  # "KẾ HOẠCH"
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    issued_on: date | None = None
    subject: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = None
    recipients: list[str] = field(default_factory=list)
    referenced_documents: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recurrence: Recurrence | None = None
    warnings: list[str] = field(default_factory=list)

    def missing(self) -> list[str]:
        """The single-valued fields the text did not give."""
        names = ("number", "kind", "issuer", "place", "issued_on", "subject", "signer_name", "signer_title")
        return [n for n in names if getattr(self, n) is None]


# --- header -----------------------------------------------------------------------------
_MOTTO = [
    r"CỘNG\s+HO[ÀA]\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM",
    r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    r"Độc\s+lập\s*[-–—]\s*Tự\s+do\s*[-–—]\s*Hạnh\s+phúc",
]
_MOTTO_RE = re.compile("|".join(_MOTTO), re.I)
_PLACE_DATE = re.compile(
    r"([^\t,;:]{2,40}?)\s*,\s*ngày\s*(\d{1,2}|[.…_ ]*)\s*tháng\s*(\d{1,2}|[.…_ ]*)\s*năm\s*(\d{4})", re.I
)
_CONTINUATION = re.compile(r"^(TỈNH|HUYỆN|THÀNH\s+PHỐ|THỊ\s+XÃ|QUẬN|XÃ|PHƯỜNG|VIỆT\s+NAM|CÁC\s+CƠ\s+QUAN|KHU\s+CÔNG\s+NGHIỆP|TP\.?)\b")


def _title_index(lines: list[str], limit: int = 40) -> int | None:
    return next((i for i, line in enumerate(lines[:limit]) if _is_title(line)), None)


def _header(lines: list[str], end: int, fields: DirectiveFields) -> None:
    number_at = None
    for i, line in enumerate(lines[:end]):
        m = _NUMBER.search(line)
        if m and fields.number is None:
            candidate = _tidy_number(m.group(1))
            if re.match(r"^\d+[A-Za-z]?[/-][A-Za-zĐđ]", candidate):
                fields.number, number_at = candidate, i
        elif number_at is None and _NUMBER_BLANK.search(line):
            number_at = i
            fields.warnings.append("Dòng “Số:” để trống số văn bản (bản chưa vào số?).")
        pd = _PLACE_DATE.search(line)
        if pd and fields.place is None and fields.issued_on is None:
            words = re.search(rf"(?:^|\s)((?:TP\.\s*)?[{_UPPER}][\w.]*(?:\s+[{_UPPER}][\w.]*)*)\s*$", pd.group(1))
            fields.place = words.group(1) if words else None
            day, month = pd.group(2).strip(" .…_"), pd.group(3).strip(" .…_")
            if day.isdigit() and month.isdigit():
                fields.issued_on = _date(int(pd.group(4)), int(month), int(day))
            else:
                fields.warnings.append("Ngày ban hành để trống trên văn bản (“ngày … tháng … năm …”).")
    if number_at is None:
        return
    body: list[str] = []
    for line in lines[:number_at + 1]:
        for segment in line.split("\t"):
            segment = _MOTTO_RE.sub("\t", segment)
            segment = _PLACE_DATE.sub("\t", segment)
            segment = re.sub(r"S[ốô]\s*[:.]?\s*\S*[/-]\S*.*$", "", segment)
            for part in segment.split("\t"):
                part = part.strip(" -–—_*=~")
                if part and _caps(part) and fold(part).strip(" .:") not in KIND_TITLES:
                    if body and _CONTINUATION.match(part):
                        body[-1] = f"{body[-1]} {part}"
                    else:
                        body.append(part)
    if body:
        fields.issuer = body[-1]
        fields.parent_issuer = body[-2] if len(body) > 1 else None


def _subject(lines: list[str], title_at: int | None, end: int) -> str | None:
    for line in lines[:end]:
        m = re.match(r"^(V/v|Về việc)\s*[:.]?\s*(.+)$", line.split("\t")[0])
        if m:
            return clean(f"{m.group(1)} {m.group(2)}")
    if title_at is None or title_at + 1 >= len(lines):
        return None
    nxt = lines[title_at + 1]
    # The line under the title is the subject, unless the body starts there.
    if "\t" in nxt or _LIST_MARKER.match(nxt) or _RECIPIENTS.match(nxt) or re.match(r"^(Căn cứ|Kính gửi)", nxt):
        return None
    return nxt.strip(" -–")


# --- body ---------------------------------------------------------------------------------
_SENTENCE_END = re.compile(rf"(?<=[.!?])[”\"’)]*\s+(?=[{_UPPER}0-9“\"(])|(?<=;)\s+")
_DEADLINE_PATTERNS = [
    # "trước ngày 30/11/2021", "chậm nhất đến ngày 20/11/2021", "hạn chót ngày …"
    re.compile(
        r"\b(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến|đến\s+hết))?|hạn(?:\s+(?:chót|cuối|nộp))?(?:\s+là)?|không\s+quá|"
        r"không\s+muộn\s+hơn|đến\s+hết|xong\s+trước|trong)\s+ngày\s+(?:" + _NUMERIC_DATE + "|" + _WORDED_DATE + ")",
        re.I,
    ),
    # "chậm nhất 20/11/2021", "trước 30/11/2021"
    re.compile(r"\b(?:trước|chậm\s+nhất(?:\s+(?:là|vào|đến))?)\s+(?:" + _NUMERIC_DATE + ")", re.I),
]
_MONTH_DEADLINE = re.compile(r"\b(trong|hết|cuối|đến\s+hết|trước)\s+tháng\s+(\d{1,2})\s*(?:[/-]|\s+năm\s+)\s*(\d{4})", re.I)
_QUARTER_DEADLINE = re.compile(r"\b(?:trong|hết|cuối|đến\s+hết)\s+quý\s+(IV|III|II|I|[1-4])\s*(?:[/-]|\s+năm\s+)\s*(\d{4})", re.I)
_ROMAN_QUARTER = {"I": 1, "II": 2, "III": 3, "IV": 4}
_CYCLE_PATTERNS = [
    (re.compile(r"\b(\d{1,2})\s*tháng\s*(?:/|một|1)\s*lần\b", re.I), None),
    (re.compile(r"\bđịnh\s+kỳ\s+(\d{1,2})\s+tháng\b", re.I), None),
    (re.compile(r"\b(?:hằng|hàng)\s+quý\b|\bquý\s*/\s*lần\b", re.I), 3),
    (re.compile(r"\b(?:hằng|hàng)\s+năm\b|\b(?:1\s+)?năm\s*(?:/|một)\s*lần\b", re.I), 12),
    (re.compile(r"\b(?:hằng|hàng)\s+tháng\b", re.I), 1),
]
_REPORTING = re.compile(r"\b(báo\s+cáo|giao\s+ban|sơ\s+kết|tổng\s+kết|gửi\s+về|nộp\s+về)\b", re.I)


def sentences(paragraph: str) -> list[str]:
    """A paragraph cut into sentences (and ";" clauses), list markers off."""
    text = _LIST_MARKER.sub("", paragraph.replace("\t", " "), count=1).strip()
    parts = _SENTENCE_END.split(text)
    return [p.strip() for p in parts if p.strip()]


def _deadlines(paragraphs: list[str], default_year: int | None, issued_on: date | None) -> list[Deadline]:
    found: list[Deadline] = []
    seen = set()
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            hits: list[tuple[int, date | None]] = []
            for pattern in _DEADLINE_PATTERNS:
                for m in pattern.finditer(sentence):
                    written, year, month, day = _match_date(m, default_year)
                    due = _date(year, month, day)
                    if due and issued_on and not written and due < issued_on:
                        due = _date(year + 1, month, day)  # "trước ngày 15/01" in a December letter
                    hits.append((m.start(), due))
            for m in _MONTH_DEADLINE.finditer(sentence):
                month, year = int(m.group(2)), int(m.group(3))
                if 1 <= month <= 12:
                    if fold(m.group(1)) == "truoc":
                        first = date(year, month, 1)
                        hits.append((m.start(), date.fromordinal(first.toordinal() - 1)))
                    else:
                        hits.append((m.start(), _month_end(year, month)))
            for m in _QUARTER_DEADLINE.finditer(sentence):
                q = _ROMAN_QUARTER.get(m.group(1).upper()) or int(m.group(1))
                hits.append((m.start(), _month_end(int(m.group(2)), q * 3)))
            for _pos, due in sorted(hits, key=lambda h: h[0]):
                key = (due, sentence)
                if key not in seen:
                    seen.add(key)
                    found.append(Deadline(due, sentence))
    return found


def _recurrence(paragraphs: list[str]) -> Recurrence | None:
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            if not _REPORTING.search(sentence):
                continue
            best = None
            for pattern, months in _CYCLE_PATTERNS:
                m = pattern.search(sentence)
                if m and (best is None or m.start() < best[0]):
                    best = (m.start(), months or int(m.group(1)), m.group(0))
            if best and best[1] > 0:
                return Recurrence(best[1], best[2], sentence)
    return None


def _references(text: str, own: str | None) -> list[str]:
    out, keys = [], {number_key(own)} if own else set()
    for m in _REFERENCE.finditer(text):
        ref = re.sub(r"\s+", "", m.group(1))
        key = number_key(ref).casefold()
        if key not in keys:
            keys.add(key)
            out.append(ref)
    return out


# --- signature and recipients ----------------------------------------------------------
_SIGN_MARKS = re.compile(r"^[(\[]?\s*(đã\s+ký|ký\s+(tên|và|,)|chữ\s+ký|daky|signed)", re.I)
_TITLES = re.compile(
    r"^(PHÓ\s+)?(CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|"
    r"THỦ\s+TRƯỞNG|TRƯỞNG\s+ĐOÀN|CHỦ\s+NHIỆM|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG|UỶ\s+VIÊN|ỦY\s+VIÊN)\b"
)


def _person(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 6 or any(ch.isdigit() for ch in line):
        return False
    if all(w.isupper() for w in words):
        return all(w.isalpha() for w in words)
    return all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words if len(w) > 1)


def _signature(lines: list[str], start: int, fields: DirectiveFields) -> int:
    """Fill signer fields from the lines after ``start``; returns the index
    of the signature block (or len(lines))."""
    tail = list(range(start, len(lines)))
    at = next((i for i in tail if _AUTHORITY.match(lines[i])), None)
    title_at = None
    if at is not None:
        fields.signing_authority = lines[at]
        title_at = next((i for i in range(at + 1, min(at + 4, len(lines))) if _caps(lines[i]) and not _SIGN_MARKS.match(lines[i])), None)
    else:
        title_at = next((i for i in tail if _caps(lines[i]) and _TITLES.match(lines[i])), None)
    if title_at is not None:
        fields.signer_title = lines[title_at]
        for i in range(title_at + 1, min(title_at + 8, len(lines))):
            line = lines[i]
            if _SIGN_MARKS.match(line) or _SEPARATOR.match(line):
                continue
            if _person(line):
                fields.signer_name = line
            break
    first = [i for i in (at, title_at) if i is not None]
    return min(first) if first else len(lines)


def _recipients(lines: list[str], start: int, end: int) -> list[str]:
    out = []
    for line in lines[start:end]:
        text = _RECIPIENTS.sub("", line, count=1).lstrip(" :") if _RECIPIENTS.match(line) else line
        if not text:
            continue
        if not re.match(r"^[-+•–*]\s*", text) and out:
            if _AUTHORITY.match(text) or _caps(text):
                break
        item = re.sub(r"^[-+•–*]\s*", "", text).strip().rstrip(";,.").strip()
        if not item or re.match(r"^lưu\b", item, re.I):
            continue
        out.append(item)
    return out


# --- the whole document --------------------------------------------------------------------
def extract_directive(text: str, *, wrapped: bool = True) -> DirectiveFields:
    """Every field a clerk records, from the text of a directive (already
    Unicode: legacy encodings are converted by the reader). ``wrapped`` is
    False when each line is a whole paragraph (text from a .docx). Missing
    fields are None and explained in ``warnings``."""
    fields = DirectiveFields()
    lines = repair_lines(text, wrapped=wrapped)
    title_at = _title_index(lines)
    header_end = title_at if title_at is not None else min(len(lines), 12)
    _header(lines, header_end, fields)
    if title_at is not None:
        fields.title = lines[title_at].strip(" .:")
    fields.subject = _subject(lines, title_at, header_end)
    fields.kind = kind_of(fields.number) if fields.number else None
    if fields.kind is None and fields.title:
        fields.kind = KIND_TITLES.get(fold(fields.title).strip(" .:"))
    if fields.kind is None and fields.subject and fields.subject.startswith(("V/v", "Về việc")):
        fields.kind = "CV"

    if title_at is not None:
        body_start = title_at + (2 if fields.subject and lines[title_at + 1] == fields.subject else 1)
    else:
        subject_at = next((i for i, line in enumerate(lines[:header_end + 3]) if fields.subject and fields.subject in line), None)
        body_start = subject_at + 1 if subject_at is not None else header_end
    recipients_at = next((i for i in range(len(lines) - 1, body_start - 1, -1) if _RECIPIENTS.match(lines[i])), None)
    sign_from = max(body_start, (recipients_at if recipients_at is not None else len(lines)) - 6)
    sign_at = _signature(lines, sign_from, fields)
    if recipients_at is not None:
        end = sign_at if sign_at > recipients_at else len(lines)
        fields.recipients = _recipients(lines, recipients_at, end)
    body_end = min(i for i in (recipients_at, sign_at, len(lines)) if i is not None)
    body = lines[body_start:body_end]

    fields.referenced_documents = _references("\n".join(lines), fields.number)
    year = fields.issued_on.year if fields.issued_on else None
    fields.deadlines = _deadlines(body, year, fields.issued_on)
    fields.recurrence = _recurrence(body)
    _explain_missing(fields)
    return fields


_MISSING = {
    "number": "Không tìm thấy số, ký hiệu văn bản (dòng “Số: …”); văn bản có thể không ghi số. Khi vào sổ, hãy nhập số, ký hiệu của văn bản.",
    "issued_on": "Không tìm thấy ngày ban hành (dòng “…, ngày … tháng … năm …”).",
    "issuer": "Không tìm thấy cơ quan ban hành ở góc trên bên trái văn bản.",
    "subject": "Không tìm thấy trích yếu (dòng dưới tên loại văn bản, hoặc “V/v …”).",
    "signer_name": "Không tìm thấy họ tên người ký.",
}


def _explain_missing(fields: DirectiveFields) -> None:
    for name in fields.missing():
        if name in _MISSING:
            fields.warnings.append(_MISSING[name])


_SUB_BODY = re.compile(r"^(BAN|ĐẢNG ĐOÀN|THƯỜNG TRỰC|VĂN PHÒNG|ĐOÀN CHỦ TỊCH|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA)\b")


def register_issuer(fields: DirectiveFields) -> str | None:
    """The issuer as the register of directives names it: a body inside an
    organisation ("BAN THƯỜNG VỤ") with the organisation after it."""
    if fields.issuer and fields.parent_issuer and _SUB_BODY.match(fields.issuer):
        return f"{fields.issuer} {fields.parent_issuer}"
    return fields.issuer


# --- what to track ------------------------------------------------------------------------
@dataclass
class ProposedRequirement:
    title: str
    due: date | None = None  # one-off
    every_months: int | None = None  # recurring
    first_due: date | None = None
    source: str = ""  # the sentence it came from


def _short(sentence: str, limit: int = 160) -> str:
    text = sentence.rstrip(" .;")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;") + "…"


def first_period_end(after: date, every_months: int) -> date:
    """The first month end after ``after`` that closes a calendar period of
    ``every_months`` months (30/06 and 31/12 for six-monthly reports)."""
    year, month = after.year, after.month
    for _ in range(24):
        if month % every_months == 0 and _month_end(year, month) > after:
            return _month_end(year, month)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return _month_end(year, month)


def propose_requirements(fields: DirectiveFields) -> tuple[list[ProposedRequirement], list[str]]:
    """Requirements to register from the deadlines (one each) and the
    reporting cycle; and why some could not be proposed."""
    proposals: list[ProposedRequirement] = []
    notes: list[str] = []
    for d in fields.deadlines:
        if d.date is None:
            notes.append(f"Không rõ năm của hạn trong câu “{_short(d.text, 80)}”; chưa đề xuất yêu cầu.")
            continue
        proposals.append(ProposedRequirement(_short(d.text), due=d.date, source=d.text))
    if fields.recurrence:
        r = fields.recurrence
        if fields.issued_on is None:
            notes.append(f"Chu kỳ báo cáo “{r.text}”: không có ngày ban hành để tính hạn kỳ đầu; chưa đề xuất.")
        else:
            proposals.append(
                ProposedRequirement(
                    _short(r.sentence), every_months=r.every_months,
                    first_due=first_period_end(fields.issued_on, r.every_months), source=r.sentence,
                )
            )
    return proposals, notes
