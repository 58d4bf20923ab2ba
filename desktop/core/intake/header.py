"""The head of a directive: issuing body (and the body above it), number
and symbol, place and date, and a letter's subject ("V/v …") under its
number (the title and the subject under it: ``subject``).

The header is printed in two columns (issuer and number on the left, motto
and place-date on the right). Readers with a layout give the columns apart
(see ``layout``); text without one has them one after the other, or joined
on one line. Either way each piece is told by what it is: the motto (even
wrapped, "CỘNG HÒA XÃ HỘI" / "CHỦ NGHĨA VIỆT NAM") is never an issuer, and
wrapped pieces are joined back by what they are."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.dates import DateError, written_date
from desktop.core.intake.fields import DirectiveFields
from desktop.core.intake.layout import (
    BODY_START,
    LIST_MARKER,
    PLACE_DATE,
    RECIPIENTS,
    TERMINAL,
    UPPER,
    columns,
    is_caps,
    is_title,
    starts_lower,
)
from desktop.core.vntext import clean, fold

_MOTTO_RE = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM"
    r"|Độc\s+lập\s*[-–—]?\s*Tự\s+do\s*[-–—]?\s*Hạnh\s+phúc",
    re.IGNORECASE,
)
_MOTTOS = ["cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc", "dang cong san viet nam"]
# "Số: 45/HD-LĐLĐ", also with spaces around its slashes and hyphens ("45/HD - LĐLĐ").
NUMBER = re.compile(r"(?:^|\s)S[ốô]\s*[:.]?\s*(\d{1,5}[a-zA-Z]?(?:\s*[/-]\s*[^\s,;:()/-]+)+)")
_NUMBER_BLANK = re.compile(r"^S[ốô]\s*[:.]?\s*(?:[.…_ ]*)[/-]\s*[A-ZĐ]")
_VV = re.compile(r"^(V/[vV]|Về\s+việc)\s*[:.]?\s*(.*)$")
_KINH_GUI = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)
_PLACE = re.compile(
    rf"(?:^|\s)((?:(?:TP|Tp)\.\s*|(?:Thành\s+phố|Thị\s+xã|Thị\s+trấn|Huyện|Quận)\s+)?[{UPPER}][\w.]*(?:\s+[{UPPER}][\w.]*)*)\s*$"
)

# Where an organisation's name starts: a line beginning so is a new body,
# not the rest of the one above.
_HEAD = re.compile(
    r"^(BAN|VĂN PHÒNG|ĐẢNG ĐOÀN|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|ĐOÀN CHỦ TỊCH|THƯỜNG TRỰC|ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|"
    r"LIÊN ĐOÀN|LĐLĐ|CÔNG ĐOÀN|CĐ|TỔNG LIÊN ĐOÀN|TỔNG LĐLĐ|SỞ|BỘ|CỤC|VỤ|CHI CỤC|TỈNH ỦY|TỈNH UỶ|HUYỆN ỦY|"
    r"HUYỆN UỶ|THÀNH ỦY|THÀNH UỶ|QUẬN ỦY|QUẬN UỶ|PHÒNG|TRƯỜNG|VIỆN|TRUNG TÂM|MẶT TRẬN|TỔNG CÔNG TY|CÔNG TY|"
    r"BỘ CHỈ HUY|ĐOÀN THANH NIÊN|HỘI|NGHIỆP ĐOÀN)\b"
)
# The rest of a name carried to the next line.
_CONTINUATION = re.compile(
    r"^(TỈNH|HUYỆN|THÀNH\s+PHỐ|THỊ\s+XÃ|QUẬN|XÃ|PHƯỜNG|VIỆT\s+NAM|CÁC|KHU|TP\.?|VÀ|CỦA|NGÀNH|KHỐI|TRUNG\s+ƯƠNG|"
    r"LAO\s+ĐỘNG|[-–&])(?=\s|$)"
)
_OPEN_END = re.compile(r"(?:^|\s)(VÀ|CỦA|CÁC|TỈNH|HUYỆN|THÀNH PHỐ|QUẬN|THỊ XÃ|NGÀNH|KHỐI|[-–&])$")


@dataclass
class _Piece:
    column: str  # "L", "R" or "N" (no layout)
    text: str
    what: str = ""  # motto, number, place_date, subject, kinh_gui, caps, other
    motto: str = ""  # the motto read so far, folded, when this piece is part of it


def header_end(lines: list[str], title_at: int | None) -> int:
    if title_at is not None:
        return title_at
    for i, line in enumerate(lines[:25]):
        if i and (_KINH_GUI.match(line) or (BODY_START.match(line) and not _VV.match(line))):
            return i
        if i and LIST_MARKER.match(line) and not line.startswith("-"):
            return i
    return min(len(lines), 15)


def _pieces(lines: list[str]) -> list[_Piece]:
    out: list[_Piece] = []
    for line in lines:
        # "ngày    tháng 10": a date left blank for the signer, not two columns.
        if re.search(r"ngày[^\t]*\t[^\t]*năm\s*\d{4}", line) and not PLACE_DATE.search(line.split("\t")[0]):
            line = re.sub(r"\b(ngày|tháng)\s*\t\s*(?=\S)", r"\1 ", line)
            line = re.sub(r"(?<=\S)\s*\t\s*(tháng|năm)\b", r" \1", line)
        if line.startswith("\t"):
            out.append(_Piece("R", line.strip()))
        elif "\t" in line:
            left, right = columns(line)
            out += [_Piece("L", left), _Piece("R", right)]
        else:
            out.append(_Piece("N", line))
    return [p for p in out if p.text]


def _same_column(a: _Piece, b: _Piece) -> bool:
    return a.column == b.column or "N" in (a.column, b.column)


def _join_cut_pieces(pieces: list[_Piece]) -> list[_Piece]:
    """A place-date or a number cut at the end of its column's line is
    joined to the next line of that column."""
    out = list(pieces)
    i = 0
    while i < len(out):
        p = out[i]
        cut_date = re.search(r",\s*ngày\b", p.text, re.IGNORECASE) and not re.search(r"năm\s*\d{4}", p.text, re.IGNORECASE)
        cut_number = re.match(r"^S[ốô]\b", p.text) and re.search(r"\d[\w/.-]*[-/]$", p.text)
        if cut_date or cut_number:
            j = next((k for k in range(i + 1, min(i + 4, len(out))) if _same_column(p, out[k])), None)
            if j is not None:
                glue = "" if cut_number else " "
                out[i] = _Piece(p.column, p.text + glue + out[j].text)
                del out[j]
                continue
        i += 1
    return out


def _split(piece: _Piece) -> list[_Piece]:
    """A piece cut where a motto, a number or a place-date sits inside it
    (columns joined on one line by a reader without layout)."""
    text = piece.text
    parts: list[_Piece] = []
    m = _MOTTO_RE.search(text)
    if m:
        for before_after, what in ((text[: m.start()], None), (m.group(0), "motto"), (text[m.end():], None)):
            if before_after.strip(" -–—_*"):
                sub = _Piece(piece.column, before_after.strip(" -–—_*"))
                whole = " ".join(re.sub(r"[-–—]", " ", fold(sub.text)).split())
                parts += [_Piece(sub.column, sub.text, "motto", whole)] if what else _split(sub)
        return parts
    m = NUMBER.search(text)
    if m and not text.startswith(("V/v", "V/V", "Về việc")):
        before, after = text[: m.start()].strip(), text[m.end():].strip(" ,;")
        return ([*_split(_Piece(piece.column, before))] if before else []) + [
            _Piece(piece.column, m.group(0).strip(), "number")] + ([*_split(_Piece(piece.column, after))] if after else [])
    m = PLACE_DATE.search(text)
    if m:
        place = _PLACE.search(m.group(1))
        start = m.start(1) + (place.start(1) if place else len(m.group(1)))
        before = text[:start].strip(" -–,")
        return ([*_split(_Piece(piece.column, before))] if before else []) + [
            _Piece(piece.column, text[start:m.end()].strip(), "place_date")]
    return [piece]


def _motto_part(text: str, previous: _Piece | None) -> str | None:
    """The motto read so far if ``text`` is (a line of) a motto: a whole
    motto, its first line (the rest wrapped below), or the rest of one
    begun on the line above and not yet whole; else None."""
    words = re.sub(r"[-–—]", " ", fold(text)).split()
    if not words:
        return None
    phrase = " ".join(words)
    for motto in _MOTTOS:
        if phrase == motto or (len(words) >= 2 and motto.startswith(phrase + " ")):
            return phrase
    if previous is not None and previous.what == "motto" and previous.motto not in _MOTTOS:
        joined = f"{previous.motto} {phrase}"
        if any(m == joined or m.startswith(joined + " ") for m in _MOTTOS):
            return joined
    return None


def _classify(pieces: list[_Piece]) -> list[_Piece]:
    out: list[_Piece] = []
    for piece in pieces:
        for p in _split(piece):
            if p.what:
                out.append(p)
                continue
            previous = next((q for q in reversed(out) if _same_column(q, p)), None)
            motto = _motto_part(p.text, previous)
            if motto:
                p.what, p.motto = "motto", motto
            elif _NUMBER_BLANK.match(p.text) or re.match(r"^S[ốô]\s*[:.]?\s*\d", p.text):
                p.what = "number"
            elif _VV.match(p.text):
                p.what = "subject"
            elif _KINH_GUI.match(p.text):
                p.what = "kinh_gui"
            elif is_caps(p.text) and not is_title(p.text):
                p.what = "caps"
            else:
                p.what = "other"
            out.append(p)
    return out


def _bodies(lines: list[str]) -> tuple[list[str], bool]:
    """The issuer's lines joined into names of bodies, top down; and
    whether a join was a guess."""
    bodies: list[str] = []
    guessed = False
    for line in lines:
        line = line.strip(" -–—_*=~")
        if not line:
            continue
        if bodies and not _HEAD.match(line):
            if _CONTINUATION.match(line) or _OPEN_END.search(bodies[-1]):
                bodies[-1] = f"{bodies[-1]} {line}"
                continue
            if len(line.split()) <= 2:
                bodies[-1] = f"{bodies[-1]} {line}"
                guessed = True
                continue
        bodies.append(line)
    return bodies, guessed


def read_header(lines: list[str], end: int, fields: DirectiveFields) -> None:
    """Number, place, date, issuer and parent issuer from ``lines[:end]``."""
    pieces = _classify(_join_cut_pieces(_pieces(lines[:end])))
    layout = any(p.column != "N" for p in pieces)
    number_at = None
    for i, p in enumerate(pieces):
        if p.what == "number" and number_at is None:
            m = NUMBER.search(p.text)
            candidate = re.sub(r"\s+", "", m.group(1)).rstrip(".-/,;") if m else None
            if candidate and re.match(r"^\d+[A-Za-z]?[/-][A-Za-zĐđ0-9]", candidate):
                fields.number, number_at = candidate, i
                fields.confidence["number"] = 1.0
            elif _NUMBER_BLANK.match(p.text):
                number_at = i
                fields.warnings.append("Dòng “Số:” để trống số văn bản (bản chưa vào số?).")
        elif p.what == "place_date" and fields.place is None and fields.issued_on is None:
            _place_date(p.text, fields)
    before = pieces[:number_at] if number_at is not None else pieces
    names = [p.text for p in before if p.what == "caps" and p.column in ("L", "N")]
    if not names and number_at is not None:
        names = [p.text for p in pieces[number_at + 1:] if p.what == "caps" and p.column == "L"]
    bodies, guessed = _bodies(names)
    if bodies:
        fields.issuer = bodies[-1]
        fields.parent_issuer = bodies[-2] if len(bodies) > 1 else None
        sure = 0.95 if layout else 0.85
        if guessed or len(bodies) > 2:
            sure -= 0.2
        fields.confidence["issuer"] = sure
        if fields.parent_issuer:
            fields.confidence["parent_issuer"] = sure
    subject = _letter_subject(pieces)
    if subject:
        fields.subject = subject
        fields.confidence["subject"] = 0.9


def _place_date(text: str, fields: DirectiveFields) -> None:
    m = PLACE_DATE.search(text)
    if not m:
        return
    place = _PLACE.search(m.group(1))
    fields.place = place.group(1).strip() if place else None
    if fields.place:
        fields.confidence["place"] = 1.0
    day, month = m.group(2).strip(" .…_"), m.group(3).strip(" .…_")
    if day.isdigit() and month.isdigit():
        try:
            fields.issued_on = written_date(int(day), int(month), int(m.group(4)))
            fields.confidence["issued_on"] = 1.0
        except DateError as exc:
            fields.warnings.append(f"Ngày ban hành {exc.message}")
    else:
        fields.warnings.append("Ngày ban hành để trống trên văn bản (“ngày … tháng … năm …”).")


def _letter_subject(pieces: list[_Piece]) -> str | None:
    """A letter's subject, "V/v …" under its number, with the lines of its
    column that carry it on."""
    at = next((i for i, p in enumerate(pieces) if p.what == "subject"), None)
    if at is None:
        return None
    first = pieces[at]
    m = _VV.match(first.text)
    parts = [f"{m.group(1)} {m.group(2)}".strip()]
    for p in pieces[at + 1:]:
        if p.column == "R" or not _same_column(first, p):
            continue  # the subject stands in the left column
        if p.what not in ("other", "caps") or TERMINAL.search(parts[-1]) and not starts_lower(p.text):
            break
        if p.what == "caps" and not is_caps(parts[-1]):
            break
        if BODY_START.match(p.text) or RECIPIENTS.match(p.text):
            break
        parts.append(p.text)
    return clean(" ".join(parts))
