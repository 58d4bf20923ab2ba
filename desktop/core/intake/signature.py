"""The foot of a directive: the signature block (authority, title, name)
and, beside it, "Nơi nhận".

The two stand side by side on the page; readers with a layout give them as
columns, text without one has them one after the other in either order.
The signature block is read as authority lines (TM./KT./TL./Q./TUQ.,
stacked: "TL. BỘ TRƯỞNG" / "KT. VỤ TRƯỞNG …"), the signer's title, and the
name; "(đã ký)", the seal, digital-signature stamps and footnote marks are
noise, wherever they sit."""

from __future__ import annotations

import re

from desktop.core.intake.fields import DirectiveFields
from desktop.core.intake.layout import (
    AUTHORITY,
    LIST_MARKER,
    RECIPIENTS,
    STAMP,
    columns,
    is_caps,
)
from desktop.core.vntext import clean, fold

TITLES = re.compile(
    r"^(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|TỔNG\s+GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|"
    r"THỦ\s+TRƯỞNG|TRƯỞNG\s+ĐOÀN|CHỦ\s+NHIỆM|VIỆN\s+TRƯỞNG|HIỆU\s+TRƯỞNG|UỶ\s+VIÊN|ỦY\s+VIÊN|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|"
    r"VỤ\s+TRƯỞNG|CỤC\s+TRƯỞNG|CHÁNH|TRƯỞNG|TỔNG\s+THƯ\s+KÝ|THƯ\s+KÝ|KẾ\s+TOÁN\s+TRƯỞNG|GIÁM\s+ĐỐC\s+SỞ)\b"
)
_NOISE = re.compile(
    r"[(\[]\s*(?:đã\s+ký[^)\]]*|ký[^)\]]{0,40}|chữ\s+ký[^)\]]*|(?:đóng\s+)?dấu[^)\]]*|signed|daky|\d{1,2}|\*)\s*[)\]]"
    r"|^\s*đã\s+ký\b[^\w]*|\bđã\s+ký\s*$|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\s\*+$",
    re.IGNORECASE,
)
# Family names (folded), to tell a name printed in capitals from a title.
_SURNAMES = {
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do", "ho", "ngo",
    "duong", "ly", "dinh", "dao", "doan", "lo", "luong", "lu", "cam", "ha", "mai", "to", "truong", "lam", "vi",
    "giang", "sung", "thao", "luc", "luu", "ta", "trieu", "chu", "quach", "cao", "kieu", "tang", "khong", "chau",
    "vuong", "thai", "nong", "mac", "tong", "au", "dong", "dam", "la", "lai", "trinh", "hua", "nghiem", "tu",
    "phung", "be", "hau", "me", "dieu", "quang", "lau", "hang", "vang", "kha", "giap", "lang", "thach", "tieu",
    "ong"
}


def _denoise(line: str) -> str:
    # A trailing comma stays: an authority wrapped after it goes on below.
    return clean(_NOISE.sub(" ", line)).lstrip(" ,;:-–").rstrip(" ;:-–") if line else ""


def is_person(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 6 or not all(w.isalpha() for w in words):
        return False
    if TITLES.match(line.upper()) or AUTHORITY.match(line):
        return False
    if all(w.isupper() for w in words):
        return fold(words[0]) in _SURNAMES
    return all(w[0].isupper() and (len(w) == 1 or w[1:].islower()) for w in words)


def signature_start(lines: list[str], start: int) -> int | None:
    """The first line of the signature block after ``start``: the first of
    the last run of authority lines, else the last signer's title."""
    def parts(line):
        left, right = columns(line)
        return [p for p in (left, right) if p]

    at = None
    for i in range(len(lines) - 1, start - 1, -1):
        if any(AUTHORITY.match(p) for p in parts(lines[i])):
            at = i
            # Stacked authorities, the recipients' lines between them when
            # the two columns do not share baselines.
            while True:
                above = [k for k in range(max(start, at - 3), at) if any(AUTHORITY.match(p) for p in parts(lines[k]))]
                if not above:
                    break
                at = above[0]
            break
    if at is not None:
        return at
    for i in range(len(lines) - 1, max(start, len(lines) - 30) - 1, -1):
        if any(is_caps(p) and TITLES.match(p) and len(p.split()) <= 8 for p in parts(lines[i])):
            return i
    return None


def split_foot(lines: list[str], recipients_at: int | None, sign_at: int | None) -> tuple[list[str], list[str]]:
    """(recipient lines, signature lines) of the foot: columns by the
    layout where there is one, else by the order the blocks come in."""
    starts = [i for i in (recipients_at, sign_at) if i is not None]
    if not starts:
        return [], []
    recipients: list[str] = []
    signature: list[str] = []
    for i in range(min(starts), len(lines)):
        line = lines[i]
        if "\t" in line:
            left, right = columns(line)
            if left:
                recipients.append(left)
            if right:
                signature.append(right)
            continue
        if sign_at is None:
            recipients.append(line)
        elif recipients_at is None:
            signature.append(line)
        elif re.match(r"^([-+•–]\s|Lưu\b|Nơi\s+nhận)", line, re.IGNORECASE):
            recipients.append(line)  # an entry, wherever the blocks' lines fell
        elif AUTHORITY.match(line) or is_person(_denoise(line)) or (is_caps(line) and TITLES.match(line)):
            signature.append(line)
        elif recipients_at < sign_at:
            (recipients if i < sign_at else signature).append(line)
        else:
            (signature if i < recipients_at else recipients).append(line)
    return recipients, signature


_TITLE_INSIDE = re.compile(
    r"\s((?:PHÓ\s+)?(?:CHỦ\s+TỊCH|BÍ\s+THƯ|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|CHÁNH\s+VĂN\s+PHÒNG|BỘ\s+TRƯỞNG|THỨ\s+TRƯỞNG|"
    r"VỤ\s+TRƯỞNG|CỤC\s+TRƯỞNG|TRƯỞNG\s+PHÒNG|PHÓ\s+TRƯỞNG\s+BAN|PHÓ\s+VỤ\s+TRƯỞNG|PHÓ\s+CHÁNH\s+VĂN\s+PHÒNG)"
    r"(?:\s+THƯỜNG\s+TRỰC)?)$"
)
_NAME_AT_END = re.compile(r"^(.*?[A-ZĐÀ-Ỹ]{2,}.*?)\s+((?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\s+){1,4}[A-ZĐÀ-Ỹ][a-zđà-ỹ]*)$")


def _unflatten(line: str) -> list[str]:
    """A signature block flattened onto one line (text copied from a web
    page or a PDF viewer) cut back into its lines: "KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH", "CHỦ TỊCH Nguyễn Văn A"."""
    m = _NAME_AT_END.match(line)
    if m and is_caps(m.group(1)) and is_person(m.group(2)):
        return [*_unflatten(m.group(1)), m.group(2)]
    if AUTHORITY.match(line):
        m = _TITLE_INSIDE.search(line)
        if m:
            rest = line[: m.start()].split(maxsplit=1)
            if len(rest) == 2 and len(rest[1].split()) >= 2:
                return [line[: m.start()].strip(), m.group(1)]
    return [line]


def read_signature(block: list[str], fields: DirectiveFields) -> None:
    """Authority, title and name from the signature block's lines."""
    lines = [x for x in (_denoise(line) for line in block) if x and not STAMP.match(x)]
    lines = [part for line in lines for part in _unflatten(line)]
    authorities: list[str] = []
    i = 0
    while i < len(lines) and not AUTHORITY.match(lines[i]) and not (is_caps(lines[i]) and TITLES.match(lines[i])):
        i += 1
    while i < len(lines) and AUTHORITY.match(lines[i]):
        authorities.append(lines[i])
        i += 1
        # An authority wrapped over two lines: caps that are no title, with a title still to come.
        while (i + 1 < len(lines) and is_caps(lines[i]) and not TITLES.match(lines[i]) and not AUTHORITY.match(lines[i])
               and not is_person(lines[i]) and is_caps(lines[i + 1]) and not is_person(lines[i + 1])):
            authorities[-1] += " " + lines[i]
            i += 1
    titles: list[str] = []
    while i < len(lines) and is_caps(lines[i]) and not is_person(lines[i]):
        titles.append(lines[i])
        i += 1
    name = next((x for x in lines[i:i + 4] if is_person(x)), None)
    if not titles and authorities and name is None:
        return
    sure = 0.95
    if authorities:
        fields.signing_authority = " ".join(authorities)
        fields.confidence["signing_authority"] = sure
    if titles:
        fields.signer_title = " ".join(titles)
        fields.confidence["signer_title"] = sure if TITLES.match(titles[0]) else 0.75
    if name:
        fields.signer_name = name
        fields.confidence["signer_name"] = sure if titles else 0.7


def read_recipients(block: list[str]) -> list[str]:
    """One entry per recipient; "Lưu: …" (the office's own file copy) and
    whatever is listed under it left out; a wrapped entry joined."""
    items: list[str] = []
    marked = any(re.match(r"^[-+•–*]\s*", x) for x in block)
    archive = False
    ended = True  # the previous entry ended (";", ",", ".")
    # Entries flattened onto one line ("- Như trên; - Lưu: VT.") apart again.
    block = [part for line in block for part in re.split(r"(?<=[;,.])\s+(?=[-+•–]\s)", line)]
    for line in block:
        text = RECIPIENTS.sub("", line, count=1).lstrip(" :") if RECIPIENTS.match(line) else line
        if not text:
            continue
        has_marker = bool(re.match(r"^[-+•–*]\s*", text))
        item = re.sub(r"^[-+•–*]\s*", "", text).strip()
        if re.match(r"^lưu\b", item, re.IGNORECASE):
            archive = True
            continue
        if archive or not item:
            continue
        if AUTHORITY.match(item) or (is_caps(item) and TITLES.match(item)):
            break
        wrapped = items and not has_marker and (marked or (not ended and (item[0].islower() or item[0] in "(")))
        if wrapped:
            items[-1] = f"{items[-1]} {item}"
        else:
            items.append(item)
        ended = bool(re.search(r"[;,.]$", item))
    return [x.rstrip(";,.:").strip() for x in items if x.rstrip(";,.:").strip() and not LIST_MARKER.fullmatch(x + " ")]
