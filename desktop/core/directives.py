"""Directives from above and the requirements they place on member units.

A directive is identified by issuer, year and number: "05/KH-LĐLĐ" of 2022
and of 2023 are two directives, and so are the same number from two
issuers. Asked for by number alone, the number means the one directive that
holds it; when several hold it, the year, the issuer or the id picks one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from db.models import Directive, Requirement
from desktop.core.errors import NotFound, UserError
from desktop.core.vntext import clean, fold

_KIND = re.compile(r"^\s*\d+\s*[/-]\s*([^\W\d_]+)")
_INDICATOR_KEY = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def number_key(number: str) -> str:
    """The folded number used to match "314/KH-LDLD" with "314/KH-LĐLĐ"."""
    return re.sub(r"\s+", "", fold(number))


def kind_of(number: str) -> str | None:
    """The document kind in a number and symbol: "314/KH-LĐLĐ" -> "KH",
    "02-NQ/TW" -> "NQ"."""
    m = _KIND.match(number)
    return m.group(1) if m else None


def add_directive(
    session: Session,
    *,
    number: str,
    issuer: str | None,
    issued_on: date | None,
    subject: str | None,
    kind: str | None = None,
    file_name: str | None = None,
    file_sha256: str | None = None,
) -> Directive:
    number = clean(number) or ""
    if not number:
        raise UserError("Số, ký hiệu văn bản không được để trống.")
    key = number_key(number)
    issuer = clean(issuer) or None
    identity = dict(number_key=key, issuer_key=fold(issuer), year=issued_on.year if issued_on else 0)
    same = session.exec(select(Directive).where(*(getattr(Directive, k) == v for k, v in identity.items()))).first()
    if same is not None:
        of = f" của {same.issuer}" if same.issuer else ""
        year = f" năm {same.year}" if same.year else " (chưa rõ ngày)"
        raise UserError(f"Văn bản số “{number}”{of}{year} đã có trong sổ theo dõi (mã {same.id}).")
    directive = Directive(
        number=number,
        **identity,
        kind=clean(kind) or kind_of(number),
        issuer=issuer,
        issued_on=issued_on,
        subject=clean(subject) or None,
        file_name=file_name,
        file_sha256=file_sha256,
    )
    session.add(directive)
    session.flush()
    return directive


def list_directives(session: Session) -> list[Directive]:
    return list(session.exec(select(Directive).order_by(Directive.issued_on, Directive.id)))


def find_directive(session: Session, number: str, *, year: int | None = None, issuer: str | None = None) -> Directive:
    """The directive ``number`` names: its number and symbol (folded), or
    its id written "#12" (or bare digits no number matches). ``year`` and
    ``issuer`` (folded; a part of the issuer's name is enough) narrow the
    choice. Raises ``NotFound`` when none fits and ``UserError`` listing
    the candidates (number, issuer, date, id) when several do."""
    text = clean(number) or ""
    by_id = re.fullmatch(r"#?\s*(\d+)", text)
    found = [] if text.startswith("#") else list(
        session.exec(select(Directive).where(Directive.number_key == number_key(text)).order_by(Directive.issued_on, Directive.id))
    )
    if not found and by_id:
        directive = session.get(Directive, int(by_id.group(1)))
        found = [directive] if directive is not None else []
    if not found:
        raise NotFound(f"Không tìm thấy văn bản số “{text}”. Xem danh sách: theodoi directives list.")
    fitting = [
        d for d in found
        if (year is None or d.year == year) and (not issuer or fold(issuer) in d.issuer_key)
    ]
    if len(fitting) == 1:
        return fitting[0]
    listed = "; ".join(_identity(d) for d in (fitting or found))
    if not fitting:
        wanted = ", ".join(filter(None, (f"năm {year}" if year is not None else None, f"cơ quan “{clean(issuer)}”" if issuer else None)))
        raise NotFound(f"Không có văn bản số “{text}” nào của {wanted}. Các văn bản mang số này: {listed}.")
    raise UserError(
        f"Có {len(fitting)} văn bản cùng số “{text}”: {listed}. "
        "Hãy chỉ rõ năm ban hành, cơ quan ban hành hoặc mã văn bản."
    )


def _identity(d: Directive) -> str:
    issued = f"ngày {d.issued_on:%d/%m/%Y}" if d.issued_on else "chưa rõ ngày"
    return f"{d.number} của {d.issuer or 'chưa rõ cơ quan ban hành'}, {issued}, mã {d.id}"


@dataclass
class Indicator:
    key: str
    label: str
    unit: str | None = None  # unit of measure ("buổi", "người"), carried to the office above


def indicator_key(label: str) -> str:
    """The key a label gives, for the files that carry figures: "Số người
    tham dự" -> "so_nguoi_tham_du" (folded, a letter first, 40 characters
    at most)."""
    key = re.sub(r"[^a-z0-9]+", "_", fold(label)).strip("_")
    if not key or not key[0].isalpha():
        key = f"chi_tieu_{key}".rstrip("_")
    return key[:40].rstrip("_")


def parse_indicator(text: str) -> Indicator:
    """An indicator as the user names it: "Số buổi" (its key derived from
    the name), or "sessions:Số buổi" (a key chosen by hand, lower-case
    ASCII); either followed by "|buổi", its unit of measure."""
    text, bar, unit = text.partition("|")
    if bar:
        found = parse_indicator(text)
        found.unit = (clean(unit) or "")[:50] or None
        return found
    key, sep, label = text.partition(":")
    key = key.strip()
    if sep and _INDICATOR_KEY.match(key) and clean(label):
        return Indicator(key, clean(label))
    label = clean(text) or ""
    if not label:
        raise UserError("Tên chỉ tiêu không được để trống; ví dụ: Số buổi, Số người tham dự.")
    return Indicator(indicator_key(label), label)


def parse_indicators(texts: list[str]) -> list[Indicator]:
    """Indicators from names (blank ones left out); two names that give the
    same key ("Số buổi", "Số buổi.") are told apart by a number."""
    out: list[Indicator] = []
    taken: set[str] = set()
    for text in texts:
        if not (text or "").strip():
            continue
        ind = parse_indicator(text)
        explicit = ":" in text and ind.key == text.partition("|")[0].partition(":")[0].strip()
        if ind.key in taken and not explicit:
            n = 2
            while f"{ind.key[:37]}_{n}" in taken:
                n += 1
            ind = Indicator(f"{ind.key[:37]}_{n}", ind.label, ind.unit)
        taken.add(ind.key)
        out.append(ind)
    return out


def add_requirement(
    session: Session,
    directive: Directive,
    *,
    title: str,
    due: date | None = None,
    every_months: int | None = None,
    first_due: date | None = None,
    until: date | None = None,
    indicators: list[Indicator] = (),
    applies_kinds: list[str] | None = None,
    applies_sectors: list[str] | None = None,
) -> Requirement:
    """A one-off requirement (``due``) or a recurring one (``every_months``
    from ``first_due``, optionally ``until`` a date)."""
    title = clean(title) or ""
    if not title:
        raise UserError("Tên yêu cầu không được để trống.")
    if (due is None) == (every_months is None):
        raise UserError("Hãy cho một hạn (yêu cầu một lần) hoặc một chu kỳ cùng hạn kỳ đầu (yêu cầu định kỳ), không cả hai.")
    if every_months is not None and first_due is None:
        raise UserError("Yêu cầu định kỳ cần hạn của kỳ đầu tiên.")
    if until is not None and until < (first_due or due):
        raise UserError("Ngày kết thúc phải sau hạn kỳ đầu tiên.")
    keys = [i.key for i in indicators]
    if len(set(keys)) != len(keys):
        raise UserError("Các chỉ tiêu không được trùng khóa.")
    requirement = Requirement(
        directive_id=directive.id,
        title=title,
        first_due=due or first_due,
        every_months=every_months,
        until=until if every_months else None,
        indicators=[{"key": i.key, "label": i.label, **({"unit": i.unit} if i.unit else {})} for i in indicators]
        or None,
        applies_kinds=applies_kinds or None,
        applies_sectors=[clean(s) for s in applies_sectors] if applies_sectors else None,
    )
    session.add(requirement)
    session.flush()
    return requirement


def get_requirement(session: Session, requirement_id: int | str) -> Requirement:
    try:
        rid = int(requirement_id)
    except (TypeError, ValueError):
        raise UserError(f"Mã yêu cầu “{requirement_id}” phải là một số (xem: theodoi status).") from None
    requirement = session.get(Requirement, rid)
    if requirement is None:
        raise NotFound(f"Không có yêu cầu số {rid}. Xem các yêu cầu bằng lệnh: theodoi status --upcoming.")
    return requirement


def requirements_of(session: Session, directive: Directive) -> list[Requirement]:
    stmt = select(Requirement).where(Requirement.directive_id == directive.id).order_by(Requirement.id)
    return list(session.exec(stmt))
