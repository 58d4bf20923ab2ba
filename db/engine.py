"""Where the database lives and how a connection to it is configured."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

APP_NAME = "theodoi"
DB_FILE_NAME = "theodoi.sqlite3"
ENV_VAR = "THEODOI_DB"
BUSY_TIMEOUT_MS = 15_000


def data_dir() -> Path:
    """The per-user data folder (created on demand)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / DB_FILE_NAME


def resolve_url(db: str | os.PathLike | None = None) -> str:
    """A SQLAlchemy URL from ``--db`` (a path or a URL), else ``THEODOI_DB``,
    else the file in the user data folder."""
    value = os.fspath(db) if db else os.environ.get(ENV_VAR) or ""
    if "://" in value:
        return value
    path = Path(value).expanduser() if value else default_db_path()
    return f"sqlite:///{path.absolute()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other back ends and memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine with the connection settings Theo dõi relies on: WAL, foreign
    keys, a busy timeout, and full fsync so a power cut keeps what was
    committed."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _configure_sqlite)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _configure_sqlite(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
    finally:
        cur.close()
