"""Directives from above and the requirements they place on member units."""

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
        raise UserError("Số, ký hiệu văn bản (--number) không được để trống.")
    key = number_key(number)
    if session.exec(select(Directive).where(Directive.number_key == key)).first():
        raise UserError(f"Văn bản số “{number}” đã có trong sổ theo dõi.")
    directive = Directive(
        number=number,
        number_key=key,
        kind=clean(kind) or kind_of(number),
        issuer=clean(issuer) or None,
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


def find_directive(session: Session, number: str) -> Directive:
    directive = session.exec(select(Directive).where(Directive.number_key == number_key(number))).first()
    if directive is None:
        raise NotFound(f"Không tìm thấy văn bản số “{clean(number)}”. Xem danh sách: theodoi directives list.")
    return directive


@dataclass
class Indicator:
    key: str
    label: str


def parse_indicator(text: str) -> Indicator:
    """"sessions:Số buổi" -> Indicator("sessions", "Số buổi")."""
    key, sep, label = text.partition(":")
    key = key.strip()
    if not sep or not _INDICATOR_KEY.match(key) or not clean(label):
        raise UserError(
            f"Chỉ tiêu “{text}” không hợp lệ. Hãy nhập dạng KHÓA:Tên, khóa viết thường không dấu, "
            "ví dụ sessions:Số buổi."
        )
    return Indicator(key, clean(label))


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
        raise UserError("Tên yêu cầu (--title) không được để trống.")
    if (due is None) == (every_months is None):
        raise UserError("Hãy cho một hạn (--due) hoặc một chu kỳ (--every cùng --first-due), không cả hai.")
    if every_months is not None and first_due is None:
        raise UserError("Yêu cầu định kỳ cần hạn của kỳ đầu tiên (--first-due).")
    if until is not None and until < (first_due or due):
        raise UserError("Ngày kết thúc (--until) phải sau hạn kỳ đầu tiên.")
    keys = [i.key for i in indicators]
    if len(set(keys)) != len(keys):
        raise UserError("Các chỉ tiêu không được trùng khóa.")
    requirement = Requirement(
        directive_id=directive.id,
        title=title,
        first_due=due or first_due,
        every_months=every_months,
        until=until if every_months else None,
        indicators=[{"key": i.key, "label": i.label} for i in indicators] or None,
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
