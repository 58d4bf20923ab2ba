"""Bring a database to the schema this version of Theo dõi expects.

Opening a database written by an older version upgrades it, after copying the
file aside; one written by a newer version, or a file that is not a Theo dõi
database, is refused with a message the user can act on.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError

from db import dialects, pg_backup
from db.backup import BackupError, backup_database, backups_dir_for, newest_good_backup, private
from db.engine import display_url, make_engine, resolve_url, sqlite_path
from db.errors import StoreError

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseOpenError(StoreError):
    """The database cannot be used."""


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        # ConfigParser reads "%" as interpolation: a folder named "Tài liệu"
        # is percent-encoded in the URL and would break the migration.
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def open_database(url: str, *, backup_dir: Path | None = None) -> Engine:
    """An engine on ``url`` whose schema is at head.

    Raises ``DatabaseOpenError`` for a file that is not a database, a
    database that is not Theo dõi's, or one from a newer version."""
    path = sqlite_path(url)
    if path is not None:
        check_integrity(path)
        new = not path.exists()
    engine, current, tables = _connect(url)
    where = display_url(url)

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    if current is None and tables - {"alembic_version"}:
        engine.dispose()
        raise DatabaseOpenError(
            f"Tệp “{where}” là một cơ sở dữ liệu nhưng không phải của Theo dõi. "
            "Hãy chọn tệp dữ liệu khác hoặc một tệp mới."
        )
    if current is not None and current not in {r.revision for r in script.walk_revisions()}:
        engine.dispose()
        raise DatabaseOpenError(
            f"Cơ sở dữ liệu “{where}” được tạo bởi một phiên bản Theo dõi mới hơn "
            f"(lược đồ {current}). Hãy cài phiên bản Theo dõi mới nhất để mở nó; "
            "dữ liệu chưa bị thay đổi."
        )
    if current != head:
        if path is not None:
            _backup_before_upgrade(engine, url, current, backup_dir)
        with dialects.migration_transaction(engine) as conn:
            if path is None:
                # On a server the copy is taken in turn, once another PC's
                # upgrade is over: a pg_dump running beside a migration
                # holds locks the migration waits for while waiting for
                # ones the migration holds, and one of the two is killed.
                current = MigrationContext.configure(conn).get_current_revision()
                if current != head:
                    _backup_before_upgrade(engine, url, current, backup_dir)
            if current != head:
                cfg = alembic_config(engine)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    if path is not None and new:
        private(path)
    return engine


def _backup_before_upgrade(engine: Engine, url: str, current: str | None, backup_dir: Path | None) -> None:
    # On a server without pg_dump on this PC the upgrade goes ahead: the
    # server's own backups are its administrator's to keep.
    if current is None or (sqlite_path(url) is None and not pg_backup.find_tool("pg_dump")):
        return
    try:
        backup_before_migration(url, current, backup_dir or backups_dir_for(url))
    except BackupError as exc:
        engine.dispose()
        raise DatabaseOpenError(f"Chưa nâng cấp cơ sở dữ liệu vì không sao lưu được trước: {exc.message}") from exc


def _connect(url: str) -> tuple[Engine, str | None, set[str]]:
    """An engine on ``url``, the schema revision found there and its
    tables. Raises ``DatabaseOpenError`` saying what a missing driver, a
    refused connection, a wrong password or a missing database means."""
    path = sqlite_path(url)
    where = display_url(url)
    try:
        engine = make_engine(url)
    except ImportError as exc:
        raise DatabaseOpenError(
            f"Chưa cài trình điều khiển cho cơ sở dữ liệu “{url.split('://')[0]}” ({exc.name}). "
            "Hãy cài gói đó (ví dụ: pip install psycopg) hoặc dùng tệp SQLite trên máy."
        ) from exc
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
    except SADatabaseError as exc:
        engine.dispose()
        if path is not None:
            raise DatabaseOpenError(f"Không mở được cơ sở dữ liệu “{where}” ({exc.orig}).") from exc
        raise DatabaseOpenError(dialects.explain_connection_error(exc, where)) from exc
    return engine, current, tables


@dataclass
class ServerCheck:
    """What a trial connection found: the server's version, and the schema
    Theo dõi left there (None: no Theo dõi tables yet, they are made when
    the database is first opened)."""

    server: str
    revision: str | None
    foreign: bool = False  # tables of another program, no Theo dõi schema
    newer: bool = False  # written by a newer Theo dõi than this one


def check_connection(url: str) -> ServerCheck:
    """Connect once to a database server and read what is there, changing
    nothing. Raises ``DatabaseOpenError`` as ``open_database`` does."""
    engine, revision, tables = _connect(url)
    try:
        version = ".".join(map(str, engine.dialect.server_version_info or ()))
        name = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}.get(engine.dialect.name, engine.dialect.name)
    finally:
        engine.dispose()
    return ServerCheck(f"{name} {version}", revision, foreign=revision is None and bool(tables - {"alembic_version"}),
                       newer=revision is not None and revision not in known_revisions())


def known_revisions() -> set[str]:
    return {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def backup_before_migration(db: Path | str, revision: str, folder: Path) -> Path:
    """Copy the database (a SQLite file or a URL) aside before it is
    upgraded; returns the copy."""
    return backup_database(resolve_url(db), folder, reason=f"truoc-nang-cap-{revision.lower()}")


def check_integrity(path: Path) -> None:
    """A quick check of an existing SQLite file, read-only, before anything
    may write to it. Raises ``DatabaseOpenError`` naming the newest good
    backup when the file is damaged."""
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=15)
        try:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:
        return  # busy or locked by another window: not a sign of damage
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    if result == "ok":
        return
    if "file is not a database" in result:
        raise DatabaseOpenError(
            f"Không mở được cơ sở dữ liệu “{path}”: tệp này không phải cơ sở dữ liệu SQLite hoặc đã bị hỏng "
            f"({result}). Hãy chọn đúng tệp dữ liệu của Theo dõi hoặc khôi phục từ bản sao lưu."
        )
    good = newest_good_backup()
    offer = (
        f" Bản sao lưu tốt gần nhất: {good.path} ({good.created:%d/%m/%Y %H:%M}). "
        f"Khôi phục bằng lệnh: theodoi backup restore \"{good.path}\""
        if good else " Không tìm thấy bản sao lưu nào; hãy gọi người hỗ trợ, đừng xóa tệp này."
    )
    raise DatabaseOpenError(
        f"Cơ sở dữ liệu “{path}” bị hỏng ({result}); Theo dõi sẽ không ghi gì vào đó.{offer}"
    )
