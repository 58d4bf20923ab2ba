"""What only a PostgreSQL server shows: the upgrade of an older schema
after a pg_dump, the append-only audit log, sort keys in byte order under
a Vietnamese collation, and two PCs upgrading at the same moment. Skipped
unless THEODOI_TEST_PG names a server."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from db.backup import backups_dir_for, list_backups
from db.engine import make_engine
from db.migrate import current_revision, head_revision, open_database
from db.session import unit_of_work
from desktop.core.units import UnitRow, import_units, list_units
from tests.conftest import upgrade_to


@pytest.fixture
def empty_db(pg_server):
    return pg_server.fresh(empty=True)


def test_an_older_schema_is_upgraded_after_a_pg_dump(empty_db):
    upgrade_to(empty_db, "0003")
    engine = open_database(empty_db)
    assert current_revision(engine) == head_revision()
    (made,) = list_backups(backups_dir_for(empty_db), kind=".dump")
    assert made.ok and made.reason == "truoc-nang-cap-0003"
    engine.dispose()


def test_the_audit_log_cannot_be_changed_or_emptied(empty_db):
    engine = open_database(empty_db)
    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(1, {"name": "Công đoàn A"})])
    for statement in ("UPDATE audit_log SET actor = 'ai-do'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
        with pytest.raises(DBAPIError, match="append-only"):
            with engine.begin() as conn:
                conn.execute(text(statement))
    engine.dispose()


def test_units_sort_in_vietnamese_order_whatever_the_server_collation(empty_db):
    engine = open_database(empty_db)
    names = ["Công đoàn Ư", "Công đoàn U", "Công đoàn Đ", "Công đoàn D", "Công đoàn Ơ", "Công đoàn O", "Công đoàn Ô",
             "Công đoàn a", "Công đoàn A", "Công đoàn 1", "Công đoàn (X)"]
    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(i, {"code": f"M{i}", "name": n}) for i, n in enumerate(names)])
    with unit_of_work(engine, commit=False) as s:
        ordered = [u.name for u in list_units(s)]
    assert ordered == ["Công đoàn (X)", "Công đoàn 1", "Công đoàn a", "Công đoàn A", "Công đoàn D", "Công đoàn Đ",
                       "Công đoàn O", "Công đoàn Ô", "Công đoàn Ơ", "Công đoàn U", "Công đoàn Ư"]
    engine.dispose()


def test_two_pcs_opening_an_old_database_at_once_upgrade_it_once(empty_db):
    upgrade_to(empty_db, "0001")
    errors, start = [], threading.Barrier(2)

    def open_it():
        try:
            start.wait()
            open_database(empty_db).dispose()
        except Exception as exc:  # noqa: BLE001 - collected for the assertion
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    engine = make_engine(empty_db)
    assert current_revision(engine) == head_revision()
    engine.dispose()
