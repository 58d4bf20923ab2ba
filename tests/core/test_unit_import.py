"""import_units: new units in bulk, matched by code or folded name."""

from __future__ import annotations

from sqlmodel import select

from db.models import AuditLog, Organization
from db.session import unit_of_work
from desktop.core.units import UnitRow, import_units, member_units


def test_a_later_row_without_code_completes_the_unit_created_above_it(session):
    result = import_units(session, [
        UnitRow(3, {"code": "U1", "name": "Cong doan Truong A"}),
        UnitRow(4, {"name": "Công đoàn Trường A", "members": 30}),
    ])
    (unit,) = member_units(session)
    assert (result.created, result.updated) == (1, 1)
    assert unit.code == "U1" and unit.members == 30
    assert unit.name == "Công đoàn Trường A"  # the fuller spelling wins


def test_bulk_created_units_are_sorted_searchable_and_audited(engine):
    names = ["Công đoàn Ủy ban", "Công đoàn Bưu điện", "Công đoàn Điện lực", "Công đoàn An Phú"]
    with unit_of_work(engine, actor="a@pc") as s:
        import_units(s, [UnitRow(i + 2, {"name": n}) for i, n in enumerate(names)])
    with unit_of_work(engine) as s:
        units = list(s.exec(select(Organization).order_by(Organization.sort_key)))
        log = list(s.exec(select(AuditLog)))
    assert [u.name for u in units] == ["Công đoàn An Phú", "Công đoàn Bưu điện", "Công đoàn Điện lực", "Công đoàn Ủy ban"]
    assert units[2].name_key == "cong doan dien luc"
    assert sorted(e.entity_id for e in log) == sorted(str(u.id) for u in units)
    assert {e.actor for e in log} == {"a@pc"}
    assert all(e.after["name"] in names and e.after["created_at"] for e in log)
