"""Member units: take in a list of them, edit one, retire or merge one, and
list them."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from db.models import Organization
from desktop.core.office import get_office
from desktop.core.units import find_unit, import_units, list_units, retire_unit, save_unit
from desktop.operations.registry import Changes, Progress, SheetImport, Store, never, no_progress, operation
from desktop.operations.refs import unit_ref


@operation("units.import", "Nhập danh sách đơn vị", changes=Changes.UNITS)
def import_list(store: Store, path: str | Path, *, columns: dict[str, str] | None = None, dry_run: bool = False,
                progress: Progress = no_progress, cancelled=never) -> SheetImport:
    """Read a unit list (.xlsx, .xls, .ods, .csv) and create or update its
    units, all or nothing. ``columns`` maps a header as written to a unit
    field ("" leaves the column out); ``dry_run`` does all the work, rows
    refused included, and writes nothing."""
    from db.bulk import without_gc
    from desktop.io.unit_sheet import read_unit_sheet

    with without_gc():  # 100,000 rows of plain values
        sheet = read_unit_sheet(path, columns or {})

    def work(session):
        office = get_office(session)
        result = import_units(session, sheet.rows, parent_id=office.id if office else None,
                              progress=progress, cancelled=cancelled)
        return SheetImport(sheet, result, dry_run)

    return store.trial(work) if dry_run else store.change(work)


@operation("units.list", "Danh sách đơn vị")
def listing(store: Store, *, search: str | None = None, as_of: date | None = None,
            include_retired: bool = False) -> list[Organization]:
    """Member units in Vietnamese order (see ``desktop.core.units.list_units``)."""
    return store.read(lambda session: list_units(session, search=search, as_of=as_of, include_retired=include_retired))


@operation("units.retire", "Đơn vị thôi hoạt động hoặc sáp nhập", changes=Changes.UNITS)
def retire(store: Store, unit: int | str, *, on: date, merged_into: int | str | None = None,
           carry_over: bool = False) -> Organization:
    """Record that ``unit`` ceased on ``on`` (merged into another unit, or
    dissolved when ``merged_into`` is None); ``carry_over`` hands what it
    still owed to the unit it merged into (docs/counting-rules.md)."""

    def work(session):
        target = unit_ref(session, merged_into) if merged_into is not None else None
        return retire_unit(session, unit_ref(session, unit), on, target, carry_over=carry_over)

    return store.change(work)


@operation("units.save", "Thêm hoặc sửa đơn vị", changes=Changes.UNITS)
def save(store: Store, values: dict[str, Any], unit: int | None = None) -> Organization:
    """Create a unit (``unit`` None) or change the one with that id."""

    def work(session):
        office = get_office(session)
        existing = unit_ref(session, unit) if unit is not None else None
        return save_unit(session, values, existing, parent_id=office.id if office else None)

    return store.change(work)


def find(store: Store, ref: str) -> Organization:
    """The unit named by code or name (for a front end confirming a choice)."""
    return store.read(lambda session: find_unit(session, ref))
