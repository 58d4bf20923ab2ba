"""This office: the organisation running Theo dõi, and its identity used on
documents (parent body, place, number symbol, signer)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session, select

from db.models import Organization, OrgKind, Setting
from desktop.core.errors import UserError
from desktop.core.vntext import clean, fold, sort_key

_IDENTITY_KEYS = ("parent_name", "place", "symbol", "signer_name", "signer_title", "signing_authority")


@dataclass
class OfficeInfo:
    id: int
    name: str
    code: str | None
    parent_name: str | None
    place: str | None
    symbol: str | None
    signer_name: str | None
    signer_title: str | None
    signing_authority: str | None


def get_office(session: Session) -> OfficeInfo | None:
    org = session.exec(select(Organization).where(Organization.kind == OrgKind.OFFICE)).first()
    if org is None:
        return None
    values = {s.key: s.value for s in session.exec(select(Setting).where(Setting.key.in_(_IDENTITY_KEYS)))}
    return OfficeInfo(id=org.id, name=org.name, code=org.code, **{k: values.get(k) for k in _IDENTITY_KEYS})


def init_office(
    session: Session,
    name: str,
    *,
    code: str | None = None,
    parent_name: str | None = None,
    place: str | None = None,
    symbol: str | None = None,
    signer_name: str | None = None,
    signer_title: str | None = None,
    signing_authority: str | None = None,
) -> OfficeInfo:
    """Create this office, or update its identity; values left None keep
    what was there."""
    name = clean(name)
    if not name:
        raise UserError("Tên văn phòng không được để trống: hãy nhập tên, ví dụ “Liên đoàn Lao động huyện Tam Đường”.")
    org = session.exec(select(Organization).where(Organization.kind == OrgKind.OFFICE)).first()
    if org is None:
        org = Organization(name=name, name_key=fold(name), sort_key=sort_key(name), kind=OrgKind.OFFICE)
        session.add(org)
    else:
        org.name, org.name_key, org.sort_key = name, fold(name), sort_key(name)
    if code is not None:
        org.code = clean(code) or None
    given = dict(
        parent_name=parent_name,
        place=place,
        symbol=symbol,
        signer_name=signer_name,
        signer_title=signer_title,
        signing_authority=signing_authority,
    )
    for key, value in given.items():
        if value is None:
            continue
        setting = session.get(Setting, key)
        if setting is None:
            session.add(Setting(key=key, value=clean(value)))
        else:
            setting.value = clean(value)
    session.flush()
    return get_office(session)
