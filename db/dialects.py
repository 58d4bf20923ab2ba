"""Everything Theo dõi says to one database back end and not the other.

The models, services and migrations are written once for SQLite and
PostgreSQL; the few statements only one of them understands live here, so
a reader can see at a glance what differs: connection settings,
sequences after a copy, the byte-order collation of sort keys, and how each
reports a conflict or a refused connection. (DDL that differs, such as the
triggers that keep the audit log append-only, is in the migrations.)
"""

from __future__ import annotations

import contextlib
import re
from typing import Iterator

from sqlalchemy import String, event, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError

SQLITE, POSTGRESQL = "sqlite", "postgresql"
BUSY_TIMEOUT_MS = 15_000
# The PostgreSQL driver Theo dõi ships with; a plain postgresql:// URL would
# otherwise ask SQLAlchemy for psycopg2.
PG_DRIVER = "psycopg"


def sort_key_type(length: int) -> String:
    """A string column compared byte by byte on every back end: the sort
    keys are ASCII whose plain order is Vietnamese order, and a server whose
    default collation is linguistic (en_US, vi_VN) would reorder them."""
    return String(length).with_variant(String(length, collation="C"), POSTGRESQL)


# --- connection settings ----------------------------------------------------------


WRITER = "theodoi_writer"  # execution option of a unit of work that means to write


def writer(engine: Engine) -> Engine:
    """``engine`` for a unit of work that writes. On SQLite its transaction
    takes the write lock at once (BEGIN IMMEDIATE), waiting up to the busy
    timeout for another writer, so what it reads is what it writes over;
    reads use a plain BEGIN and never wait."""
    return engine.execution_options(**{WRITER: True})


def configure_sqlite(engine: Engine) -> None:
    """WAL, foreign keys, a busy timeout, full fsync, and transactions that
    begin at their first statement, reads included (pysqlite on its own
    begins only at the first write, so a read-modify-write could lose an
    update); a writer's transaction begins IMMEDIATE (see ``writer``)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        try:
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
        finally:
            cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITER) else "BEGIN")


def postgresql_engine_options(application_name: str) -> dict:
    """Every PostgreSQL session in UTC (stored instants are UTC on both back
    ends) and in snapshot isolation: a transaction sees one state of the
    data, and of two that change the same row the second fails and is
    retried, as SQLite's single writer would have it. A row locked by
    another PC is waited for as long as SQLite's busy timeout, then the
    transaction is retried; a PC that vanished mid-transaction (a laptop
    put to sleep) loses its locks after five minutes. The application name
    tells the server's administrator which PC holds a connection."""
    return {
        "isolation_level": "REPEATABLE READ",
        "pool_pre_ping": True,
        "connect_args": {
            "connect_timeout": 10, "application_name": application_name[:63],
            "options": f"-c timezone=UTC -c lock_timeout={BUSY_TIMEOUT_MS} "
                       "-c idle_in_transaction_session_timeout=300000",
            "keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
        },
    }


# --- one migration at a time ---------------------------------------------------

_MIGRATION_LOCK = 0x7468656F646F69  # "theodoi"


@contextlib.contextmanager
def migration_transaction(engine: Engine) -> Iterator[Connection]:
    """A transaction for a migration: two PCs opening a shared database
    that needs an upgrade at the same moment take turns. On PostgreSQL an
    advisory lock, taken in read-committed mode so the second sees what the
    first did once the lock is its own; on SQLite a writer's BEGIN
    IMMEDIATE."""
    with engine.connect() as conn:
        if conn.dialect.name == POSTGRESQL:
            conn = conn.execution_options(isolation_level="READ COMMITTED")
        else:
            conn = conn.execution_options(**{WRITER: True})
        with conn.begin():
            if conn.dialect.name == POSTGRESQL:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _MIGRATION_LOCK})
            yield conn


# --- after rows were copied in with their ids -----------------------------------


def reset_sequences(conn: Connection, tables) -> None:
    """PostgreSQL hands out ids from a sequence that rows inserted with
    explicit ids do not advance; move each past the highest id. SQLite takes
    max(id) + 1 by itself."""
    if conn.dialect.name != POSTGRESQL:
        return
    for table in tables:
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
        ))


# --- what an error from the server means ------------------------------------------

# PostgreSQL SQLSTATEs of a transaction that lost a race with another one:
# serialization failure, deadlock, lock wait over lock_timeout, and the same
# new row (a submission, a document number) inserted by both. It changed
# nothing and may simply be run again.
_PG_RETRYABLE = {"40001", "40P01", "55P03", "23505"}
# SQLite: SQLITE_BUSY, SQLITE_LOCKED, SQLITE_BUSY_SNAPSHOT. A UNIQUE failure
# there is never a race (writers take turns), so it is not retried.
_SQLITE_RETRYABLE = {5, 6, 517}


def is_conflict(exc: BaseException) -> bool:
    """True when ``exc`` says another connection got there first, so
    running the transaction again is the answer."""
    if not isinstance(exc, DBAPIError):
        return False
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate:
        return sqlstate in _PG_RETRYABLE
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        return code in _SQLITE_RETRYABLE
    return "database is locked" in str(orig).lower()


# What the server (or libpq) says, and what it means to the clerk.
_CONNECTION_ERRORS = [
    (r"password authentication failed|no password supplied",
     "Máy chủ cơ sở dữ liệu “{where}” từ chối tên đăng nhập hoặc mật khẩu. "
     "Hãy kiểm tra lại tên đăng nhập và mật khẩu (hỏi người quản trị máy chủ nếu cần)."),
    (r"connection refused",
     "Không kết nối được tới máy chủ cơ sở dữ liệu “{where}”: máy chủ từ chối kết nối. "
     "Hãy kiểm tra địa chỉ và cổng, và máy chủ PostgreSQL đã được bật và cho phép kết nối từ máy này."),
    (r"database .* does not exist",
     "Trên máy chủ không có cơ sở dữ liệu “{where}”. "
     "Hãy kiểm tra tên cơ sở dữ liệu hoặc nhờ người quản trị tạo nó trước."),
    (r"could not translate host name|name or service not known|nodename nor servname",
     "Không tìm thấy máy chủ “{where}” trên mạng. Hãy kiểm tra tên hoặc địa chỉ IP của máy chủ."),
    (r"timeout|timed out",
     "Máy chủ cơ sở dữ liệu “{where}” không trả lời. Hãy kiểm tra mạng nội bộ và tường lửa, rồi thử lại."),
    (r"no pg_hba\.conf entry",
     "Máy chủ “{where}” không cho phép máy này kết nối (pg_hba.conf). "
     "Hãy nhờ người quản trị máy chủ mở quyền cho máy này."),
    (r"permission denied",
     "Tài khoản không có quyền trên cơ sở dữ liệu “{where}”. "
     "Hãy nhờ người quản trị cấp quyền tạo bảng và ghi dữ liệu."),
]


def explain_connection_error(exc: BaseException, where: str) -> str:
    """What a failed connection means, in Vietnamese, and what to do."""
    message = str(getattr(exc, "orig", None) or exc)
    for pattern, meaning in _CONNECTION_ERRORS:
        if re.search(pattern, message, re.IGNORECASE):
            return meaning.format(where=where)
    return f"Không mở được cơ sở dữ liệu “{where}” ({message.strip()})."
