"""What the user names, found: the window names things by id, the command
line by code, name or number."""

from __future__ import annotations

from sqlmodel import Session

from db.models import Organization
from desktop.core.errors import UserError
from desktop.core.units import find_unit


def unit_ref(session: Session, unit: int | str) -> Organization:
    """A unit given by id (the window) or by code or name (the command line)."""
    if isinstance(unit, int):
        found = session.get(Organization, unit)
        if found is None:
            raise UserError(f"Không còn đơn vị số {unit} trong sổ (có thể vừa bị xóa ở máy khác).")
        return found
    return find_unit(session, unit)


def directive_ref(session: Session, directive: int | str, *, year: int | None = None, issuer: str | None = None):
    """A directive given by id (the window) or by its number (the command
    line), ``year`` and ``issuer`` picking one among directives that share
    a number."""
    from db.models import Directive
    from desktop.core.directives import find_directive

    if isinstance(directive, int):
        found = session.get(Directive, directive)
        if found is None:
            raise UserError(f"Không còn văn bản mã {directive} trong sổ (có thể vừa bị xóa ở máy khác).")
        return found
    return find_directive(session, directive, year=year, issuer=issuer)


def requirement_ref(session: Session, requirement: int | str):
    """A requirement given by id, as a number or as typed."""
    from desktop.core.directives import get_requirement

    return get_requirement(session, requirement)
