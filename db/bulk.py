"""Many new rows at once, with their audit rows, the one way every bulk path
writes: the length rules are checked first (nothing is written when a text
does not fit), each row gets its ``audit_log`` line in the same transaction,
and the rows go in by the cheapest statement the back end has — one
``executemany`` with the ids chosen up front on SQLite, ``COPY`` on
PostgreSQL. The ORM's row-by-row flush, and even a Core insert with
``RETURNING``, cost many times the insert itself at 100,000 rows."""

from __future__ import annotations

import contextlib
import gc
import json
from datetime import timezone
from typing import Any, Iterable, Iterator

from sqlalchemy import JSON, Table
from sqlalchemy.orm import Session

from db.audit import _note, _plain, _stamp
from db.dialects import POSTGRESQL
from db.limits import TooLong, text_limits, too_long  # noqa: F401  (TooLong: what callers catch)
from db.models import AuditLog
from db.types import UTCDateTime

_SIMPLE = (str, int, float, bool, type(None))


def _audit_value(value: Any) -> Any:
    return value if type(value) in _SIMPLE else _plain(value)


@contextlib.contextmanager
def without_gc() -> Iterator[None]:
    """No cyclic garbage collection while a bulk job runs: it makes
    hundreds of thousands of plain dicts and tuples (no cycles), and each
    few hundred of them set off a collection pass over everything alive,
    a quarter of a tracking sheet's import time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def insert_rows(session: Session, table: Table, rows: list[dict[str, Any]], *,
                what: Iterable[str] | None = None) -> list[int]:
    """Insert ``rows`` (dicts keyed by column name, without ``id``; missing
    columns are NULL) into ``table`` with one audit row each, in the
    session's transaction; the new ids in the order of ``rows``. Raises
    ``TooLong`` naming the field when a text is longer than its column
    (``what``, when given, names each row for that message, e.g. the unit)."""
    if not rows:
        return []
    session.flush()  # ORM changes made before stay before
    columns = [c for c in table.columns if c.key != "id"]
    names = [c.key for c in columns]
    _check_lengths(table, rows, what)
    conn = session.connection()
    dialect = conn.dialect
    ids = _new_ids(conn, table, len(rows))
    stamp = _stamp(session)
    audit_columns = [c for c in AuditLog.__table__.columns if c.key != "id"]
    audits = []
    for new_id, row in zip(ids, rows):
        after = {"id": new_id}
        for name in names:
            after[name] = _audit_value(row.get(name))
        audits.append({**stamp, "action": "create", "entity": table.name, "entity_id": str(new_id),
                       "before": None, "after": after})
    if dialect.name == POSTGRESQL:
        _copy(conn, table, ["id", *names], columns, ([i, *(r.get(n) for n in names)] for i, r in zip(ids, rows)),
              with_id=True)
        _copy(conn, AuditLog.__table__, [c.key for c in audit_columns], audit_columns,
              ([a[c.key] for c in audit_columns] for a in audits), with_id=False)
    else:
        _executemany(conn, table, ["id", *names], [None, *columns],
                     ([i, *(r.get(n) for n in names)] for i, r in zip(ids, rows)))
        _executemany(conn, AuditLog.__table__, [c.key for c in audit_columns], audit_columns,
                     ([a[c.key] for c in audit_columns] for a in audits))
    _note(session, audits)
    return ids


def _check_lengths(table: Table, rows: list[dict[str, Any]], what) -> None:
    limited = text_limits(table)
    labels = list(what) if what is not None else None
    for index, row in enumerate(rows):
        for key, limit in limited:
            value = row.get(key)
            if value.__class__ is str and len(value) > limit:
                problem = too_long(table, {key: value})
                who = f"“{labels[index]}”: " if labels else ""
                raise TooLong(f"Không lưu được: {who}{problem}.")


def _new_ids(conn, table: Table, count: int) -> list[int]:
    if conn.dialect.name == POSTGRESQL:
        seq = conn.exec_driver_sql(f"SELECT pg_get_serial_sequence('{table.name}', 'id')").scalar()
        return list(conn.exec_driver_sql(
            f"SELECT nextval('{seq}') FROM generate_series(1, {int(count)})").scalars())
    # SQLite: the transaction holds the write lock (or fails at its first
    # write if another writer came in between), and without AUTOINCREMENT
    # SQLite itself would hand out max(id) + 1, … in turn.
    top = conn.exec_driver_sql(f'SELECT max(id) FROM "{table.name}"').scalar() or 0
    return list(range(top + 1, top + 1 + count))


def _executemany(conn, table: Table, names: list[str], columns, values) -> None:
    # The column types' own bind processors, so what is stored is exactly
    # what a Core insert would store (dates as ISO text, JSON as text, …).
    processors = [c.type._cached_bind_processor(conn.dialect) if c is not None else None for c in columns]
    pairs = [(i, p) for i, p in enumerate(processors) if p is not None]
    rows = []
    for row in values:
        for i, p in pairs:
            row[i] = p(row[i])
        rows.append(row)
    marks = ", ".join("?" for _ in names)
    quoted = ", ".join(f'"{n}"' for n in names)
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.executemany(f'INSERT INTO "{table.name}" ({quoted}) VALUES ({marks})', rows)
    finally:
        cursor.close()


def _copy(conn, table: Table, names: list[str], columns, values, *, with_id: bool) -> None:
    convert = []
    for c in columns:
        if isinstance(c.type, JSON):
            convert.append(lambda v: None if v is None else json.dumps(v, ensure_ascii=False))
        elif isinstance(c.type, UTCDateTime):
            convert.append(lambda v: None if v is None else (v if v.tzinfo else v.replace(tzinfo=timezone.utc)))
        else:
            convert.append(None)
    if with_id:
        convert.insert(0, None)
    pairs = [(i, f) for i, f in enumerate(convert) if f is not None]
    quoted = ", ".join(f'"{n}"' for n in names)
    cursor = conn.connection.driver_connection.cursor()
    try:
        with cursor.copy(f'COPY "{table.name}" ({quoted}) FROM STDIN') as copy:
            for row in values:
                for i, f in pairs:
                    row[i] = f(row[i])
                copy.write_row(row)
    finally:
        cursor.close()

