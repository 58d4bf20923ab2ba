"""Where the database lives and how a connection to it is configured."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlmodel import create_engine

from db import dialects
from db.errors import StoreError

APP_NAME = "theodoi"
DB_FILE_NAME = "theodoi.sqlite3"
ENV_VAR = "THEODOI_DB"


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
        url = with_driver(value)
        try:
            make_url(url)
        except (ValueError, ArgumentError) as exc:  # the message may quote the password: not shown
            raise StoreError(
                f"Địa chỉ cơ sở dữ liệu “{value.split('://')[0]}://…” không đọc được. Dạng đúng: "
                "postgresql://tên_đăng_nhập@máy_chủ:cổng/tên_cơ_sở_dữ_liệu (cổng là số, ví dụ 5432)."
            ) from exc
        return url
    path = Path(value).expanduser() if value else default_db_path()
    return f"sqlite:///{path.absolute()}"


def with_driver(url: str) -> str:
    """``postgresql://`` (or ``postgres://``) as the driver Theo dõi ships
    with; other URLs unchanged."""
    scheme, sep, rest = url.partition("://")
    if scheme.lower() in ("postgresql", "postgres"):
        return f"postgresql+{dialects.PG_DRIVER}{sep}{rest}"
    return url


def backend_name(url: str) -> str:
    """"sqlite" or "postgresql" (or another back end's name)."""
    return make_url(url).get_backend_name()


def display_url(url: str) -> str:
    """The URL to show a person: the file for SQLite, the server without
    the password otherwise."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    return parsed.set(drivername=parsed.get_backend_name()).render_as_string(hide_password=True)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other back ends and memory."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def make_engine(url: str) -> Engine:
    """An engine with the connection settings Theo dõi relies on (see
    ``db.dialects``): on SQLite WAL, foreign keys, a busy timeout and full
    fsync so a power cut keeps what was committed; on PostgreSQL UTC and
    snapshot isolation."""
    url = with_driver(url)
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": dialects.BUSY_TIMEOUT_MS / 1000})
        dialects.configure_sqlite(engine)
        return engine
    if backend_name(url) == dialects.POSTGRESQL:
        from db.audit import default_actor

        # ASCII: the server shows other characters of an application name as "?".
        name = f"Theo doi {default_actor()}".encode("ascii", "replace").decode()
        return create_engine(url, **dialects.postgresql_engine_options(name))
    return create_engine(url, pool_pre_ping=True)
