"""Every change writes its audit row in the same transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlmodel import select

from db.models import AuditLog, Organization
from db.session import unit_of_work
from desktop.core.units import UnitRow, find_unit, import_units, retire_unit


def _log(engine):
    with unit_of_work(engine) as s:
        return list(s.exec(select(AuditLog).order_by(AuditLog.id)))


def test_creating_a_unit_records_who_and_what(engine):
    with unit_of_work(engine, actor="chi.lan@may-van-thu") as s:
        import_units(s, [UnitRow(2, {"name": "Công đoàn Trường A", "members": 12})])
    (entry,) = _log(engine)
    assert entry.actor == "chi.lan@may-van-thu"
    assert (entry.action, entry.entity) == ("create", "organization")
    assert entry.after["name"] == "Công đoàn Trường A" and entry.after["members"] == 12
    assert entry.entity_id == str(entry.after["id"])
    assert entry.at is not None


def test_an_update_records_the_values_before_and_after(engine):
    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(2, {"name": "Công đoàn Trường A", "members": 12})])
    with unit_of_work(engine) as s:
        retire_unit(s, find_unit(s, "Công đoàn Trường A"), date(2025, 7, 1))
    update = _log(engine)[-1]
    assert update.action == "update"
    assert update.before["active_to"] is None
    assert update.after["active_to"] == "2025-07-01"
    assert "name" not in update.after  # only what changed


def test_a_change_rolled_back_leaves_no_audit_row(engine):
    with pytest.raises(RuntimeError):
        with unit_of_work(engine) as s:
            import_units(s, [UnitRow(2, {"name": "Công đoàn Trường A"})])
            raise RuntimeError("power cut")
    assert _log(engine) == []
    with unit_of_work(engine) as s:
        assert s.exec(select(Organization)).first() is None


def test_the_audit_log_cannot_be_rewritten_or_erased(engine):
    from sqlalchemy import text
    from sqlalchemy.exc import DatabaseError

    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(2, {"name": "Công đoàn Trường A"})])
    for statement in ("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(DatabaseError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(statement))
    assert [e.actor for e in _log(engine)] != ["someone else"] and len(_log(engine)) == 1
