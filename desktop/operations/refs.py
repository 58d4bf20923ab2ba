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
