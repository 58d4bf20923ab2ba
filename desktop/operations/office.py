"""This office: declare it, or open the demo office to look around."""

from __future__ import annotations

from datetime import date

from desktop.core.demo import build_demo
from desktop.core.office import OfficeInfo, get_office, init_office
from desktop.operations.registry import Changes, Store, operation


@operation("init", "Khai báo văn phòng", changes=Changes.OFFICE)
def declare(store: Store, name: str, *, code: str | None = None, parent_name: str | None = None,
            place: str | None = None, symbol: str | None = None, signer_name: str | None = None,
            signer_title: str | None = None, signing_authority: str | None = None) -> OfficeInfo:
    """Declare (or change) this office: name, parent body, place, number
    symbol and signer."""
    return store.change(lambda session: init_office(
        session, name, code=code, parent_name=parent_name, place=place, symbol=symbol, signer_name=signer_name,
        signer_title=signer_title, signing_authority=signing_authority))


@operation("demo", "Mở văn phòng mẫu (dữ liệu demo)", changes=Changes.ALL)
def demo(store: Store, *, force: bool = False, today: date | None = None) -> dict:
    """Fill the database with the demo office (``force`` replaces data
    already there). Returns the counts made."""
    return store.change(lambda session: build_demo(session, force=force, today=today))


def office(store: Store) -> OfficeInfo | None:
    """This office as declared, or None on an empty database."""
    return store.read(get_office)


def is_empty(store: Store) -> bool:
    """No office declared and no unit recorded: a first start."""
    from desktop.core.units import member_units

    return store.read(lambda session: get_office(session) is None and not member_units(session))
