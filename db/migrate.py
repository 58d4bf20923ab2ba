"""Bring a database to the schema this version of Theo dõi expects.

Opening a database written by an older version upgrades it, after copying the
file aside; one written by a newer version, or a file that is not a Theo dõi
database, is refused with a message the user can act on.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError

from db.engine import data_dir, make_engine, sqlite_path
from db.files import atomic_path

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseOpenError(Exception):
    """The database cannot be used; ``message`` says why in Vietnamese."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
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
    engine = make_engine(url)
    path = sqlite_path(url)
    where = str(path) if path else engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as conn:
            current = MigrationContext.configure(conn).get_current_revision()
            tables = set(inspect(conn).get_table_names())
    except SADatabaseError as exc:
        engine.dispose()
        raise DatabaseOpenError(
            f"Không mở được cơ sở dữ liệu “{where}”: tệp này không phải cơ sở dữ liệu "
            f"SQLite hoặc đã bị hỏng ({exc.orig}). Hãy chọn đúng tệp dữ liệu của Theo dõi "
            "hoặc khôi phục từ bản sao lưu."
        ) from exc

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
        if current is not None and path is not None:
            backup_before_migration(path, current, backup_dir or data_dir() / "backups")
        with engine.begin() as conn:
            cfg = alembic_config(engine)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    return engine


def backup_before_migration(path: Path, revision: str, folder: Path) -> Path:
    """Copy the database with SQLite's online backup API before it is
    upgraded; returns the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-truoc-nang-cap-{revision}-{stamp}.sqlite3"
    with atomic_path(target) as tmp:
        src = sqlite3.connect(path)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
    return target
