"""Moving an office's data from one database to another (its SQLite file
into a PostgreSQL database, and back), all or nothing.

Both ends are brought to the current schema first; the target must hold no
data. The source is read in one snapshot, so clerks may keep working on it.
Every table is copied with its ids, then counted and hashed on both sides
inside the target's transaction, which commits only when every table
matches.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from sqlalchemy import Integer, Table, bindparam, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import db.models  # noqa: F401  (registers the tables)
from db import dialects
from db.engine import display_url, sqlite_path
from db.errors import StoreError
from db.limits import too_long
from db.migrate import open_database

BATCH = 2000
Progress = Callable[[float, str], None]


class CopyError(StoreError):
    """The copy was refused or did not match; the target is as it was."""


@dataclass
class TableCopy:
    table: str
    rows: int
    sha256: str


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(SQLModel.metadata.sorted_tables)


def _plain(value: Any) -> Any:
    if isinstance(value, date):  # datetimes too, in UTC as every instant is read
        return value.isoformat()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


def _ordered(conn: Connection, table: Table):
    """The table's rows in primary-key order, the same order on every back
    end: integer keys sort alike everywhere; text keys (settings) are sorted
    here, since each server orders text by its own collation."""
    pk = list(table.primary_key.columns)
    if all(isinstance(c.type, Integer) for c in pk):
        result = conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*pk))
        for row in result:
            yield row._mapping
    else:
        rows = [r._mapping for r in conn.execute(select(table))]
        yield from sorted(rows, key=lambda m: tuple(str(m[c.name]) for c in pk))


class _Digest:
    def __init__(self):
        self.hash, self.rows = hashlib.sha256(), 0

    def add(self, row) -> None:
        line = json.dumps([_plain(v) for v in row.values()], ensure_ascii=False, sort_keys=True, default=str)
        self.hash.update(line.encode("utf-8") + b"\n")
        self.rows += 1


def table_digest(conn: Connection, table: Table) -> TableCopy:
    """Row count and SHA-256 of a table's contents, independent of the back
    end (instants in UTC, JSON with sorted keys, blobs in hex)."""
    digest = _Digest()
    for row in _ordered(conn, table):
        digest.add(row)
    return TableCopy(table.name, digest.rows, digest.hash.hexdigest())


def _self_references(table: Table) -> list[str]:
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _copy_table(source: Connection, target: Connection, table: Table) -> TableCopy:
    # A row may point at a row of its own table with a higher id (a unit
    # merged into a newer one): those links are set once every row is in.
    later = _self_references(table)
    digest, batch, links = _Digest(), [], []
    for row in _ordered(source, table):
        digest.add(row)
        values = dict(row)
        problem = too_long(table, values)
        if problem:  # SQLite keeps any length; the target may not
            raise CopyError(f"Bảng {table.name}, dòng có id {values.get('id')}: {problem} trong cơ sở dữ liệu nguồn "
                            "rồi chép lại; không có gì được ghi vào đích.")
        if later:
            if any(values[c] is not None for c in later):
                links.append({"_id": values["id"], **{c: values[c] for c in later}})
            values.update({c: None for c in later})
        batch.append(values)
        if len(batch) >= BATCH:
            target.execute(insert(table), batch)
            batch = []
    if batch:
        target.execute(insert(table), batch)
    for i in range(0, len(links), BATCH):
        stmt = update(table).where(table.c.id == bindparam("_id")).values({c: bindparam(c) for c in later})
        target.execute(stmt, links[i:i + BATCH])
    return TableCopy(table.name, digest.rows, digest.hash.hexdigest())


def _rows_in(conn: Connection, table: Table) -> int:
    return conn.execute(select(func.count()).select_from(table)).scalar_one()


def copy_office_data(source_url: str, target_url: str, *, progress: Progress | None = None,
                  cancelled: Callable[[], bool] | None = None) -> list[TableCopy]:
    """Copy every row of ``source_url`` into the empty database at
    ``target_url``; returns each table's count and hash (equal on both
    sides). Raises ``CopyError`` (nothing written) when the source is
    missing, the target holds data, a table does not match, or the copy
    was cancelled."""
    progress = progress or (lambda _f, _m: None)
    cancelled = cancelled or (lambda: False)
    source_path, target_path = sqlite_path(source_url), sqlite_path(target_url)
    if source_path is not None and not source_path.exists():
        raise CopyError(f"Không tìm thấy cơ sở dữ liệu nguồn “{source_path}”. Hãy kiểm tra đường dẫn --from.")
    if source_path is not None and source_path == target_path:
        raise CopyError("Nguồn và đích là cùng một tệp; hãy chọn đích khác.")
    created_file = target_path is not None and not target_path.exists()
    source = open_database(source_url)
    target = None
    try:
        target = open_database(target_url)
        return _copy(source, target, display_url(target_url), progress, cancelled)
    except BaseException:
        if target is not None:
            target.dispose()
            target = None
        if created_file:  # an empty file of our own making is no use to anyone
            for suffix in ("", "-wal", "-shm"):
                target_path.with_name(target_path.name + suffix).unlink(missing_ok=True)
        raise
    finally:
        source.dispose()
        if target is not None:
            target.dispose()


def _copy(source_engine, target_engine, where: str, progress: Progress, cancelled: Callable[[], bool]) -> list[TableCopy]:
    everything = tables()
    with source_engine.connect() as source, target_engine.connect() as target:
        with source.begin(), target.begin() as tx:
            busy = [t.name for t in everything if _rows_in(target, t)]
            if busy:
                raise CopyError(
                    f"Cơ sở dữ liệu đích “{where}” đã có dữ liệu (bảng {', '.join(busy)}); Theo dõi chỉ chép vào "
                    "một cơ sở dữ liệu còn trống. Hãy tạo một cơ sở dữ liệu mới làm đích."
                )
            copied = []
            for n, table in enumerate(everything):
                if cancelled():
                    raise CopyError("Đã dừng theo yêu cầu; cơ sở dữ liệu đích không thay đổi.")
                progress(n / (2 * len(everything)), f"Đang chép bảng {table.name}…")
                copied.append(_copy_table(source, target, table))
            dialects.reset_sequences(target, everything)
            for n, (table, expected) in enumerate(zip(everything, copied)):
                progress(0.5 + n / (2 * len(everything)), f"Đang đối chiếu bảng {table.name}…")
                found = table_digest(target, table)
                if (found.rows, found.sha256) != (expected.rows, expected.sha256):
                    tx.rollback()
                    raise CopyError(
                        f"Bảng {table.name} sau khi chép không khớp với nguồn ({found.rows} dòng so với "
                        f"{expected.rows}); không có gì được ghi vào “{where}”."
                    )
    progress(1.0, "Đã chép xong.")
    return copied


def digests(url: str) -> list[TableCopy]:
    """Count and hash of every table of the database at ``url``, to compare
    two databases after a copy."""
    engine = open_database(url)
    try:
        with engine.connect() as conn, conn.begin():
            return [table_digest(conn, t) for t in tables()]
    finally:
        engine.dispose()
