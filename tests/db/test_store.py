"""The store: where it lives, how it is configured, and how it migrates."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text
from sqlmodel import SQLModel, select

from db.engine import resolve_url, sqlite_path
from db.migrate import DatabaseOpenError, alembic_config, backup_before_migration, current_revision, head_revision, open_database
from db.models import Organization
from db.session import unit_of_work


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_plain_path_and_a_full_url_are_both_accepted(tmp_path, monkeypatch):
    monkeypatch.delenv("THEODOI_DB", raising=False)
    assert resolve_url(tmp_path / "a.sqlite3") == f"sqlite:///{tmp_path / 'a.sqlite3'}"
    assert resolve_url("sqlite:////x/y.db") == "sqlite:////x/y.db"
    monkeypatch.setenv("THEODOI_DB", str(tmp_path / "env.sqlite3"))
    assert sqlite_path(resolve_url(None)) == tmp_path / "env.sqlite3"


def test_the_default_database_lives_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("THEODOI_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert sqlite_path(resolve_url(None)) == tmp_path / "theodoi" / "theodoi.sqlite3"


@pytest.mark.sqlite_only
def test_a_new_database_is_at_head_with_wal_foreign_keys_and_a_busy_timeout(engine):
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_foreign_keys_are_enforced(engine):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO submission (requirement_id, organization_id, period, received_on, recorded_at) VALUES (999, 999, 1, '2022-01-01', '2022-01-01')"))


def test_the_migrations_build_exactly_the_schema_the_models_describe(engine):
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), SQLModel.metadata)
    assert diff == []


def test_a_database_at_the_first_revision_upgrades_and_keeps_its_rows(db_path):
    url = resolve_url(db_path)
    from db.engine import make_engine

    eng = make_engine(url)
    with eng.begin() as conn:
        cfg = alembic_config(eng)
        cfg.attributes["connection"] = conn
        first = [r.revision for r in __import__("alembic").script.ScriptDirectory.from_config(cfg).walk_revisions()][-1]
        command.upgrade(cfg, first)
        conn.execute(
            text(
                "INSERT INTO organization (name, name_key, sort_key, kind, created_at, updated_at) "
                "VALUES ('Công đoàn Trường A', 'cong doan truong a', 'k', 'grassroots', '2022-01-01', '2022-01-01')"
            )
        )
    eng.dispose()

    engine = open_database(url)
    try:
        assert current_revision(engine) == head_revision()
        with unit_of_work(engine) as s:
            assert [o.name for o in s.exec(select(Organization))] == ["Công đoàn Trường A"]
    finally:
        engine.dispose()


def test_a_database_from_a_newer_version_is_refused_and_left_untouched(db_path, engine):
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with sqlite3.connect(db_path) as c:
        c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _sha(db_path)
    with pytest.raises(DatabaseOpenError, match="phiên bản Theo dõi mới hơn"):
        open_database(resolve_url(db_path))
    assert _sha(db_path) == before


def test_a_file_that_is_not_a_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a letter, not a database" * 100)
    before = _sha(path)
    with pytest.raises(DatabaseOpenError, match="không phải cơ sở dữ liệu"):
        open_database(resolve_url(path))
    assert _sha(path) == before


def test_another_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as c:
        c.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(DatabaseOpenError, match="không phải của Theo dõi"):
        open_database(resolve_url(path))


def test_the_copy_made_before_a_migration_is_a_complete_database(engine, db_path, tmp_path):
    with unit_of_work(engine) as s:
        s.add(Organization(name="Đơn vị A", name_key="don vi a", sort_key="x"))
    copy = backup_before_migration(db_path, "0001", tmp_path / "backups")
    with sqlite3.connect(copy) as c:
        assert c.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert c.execute("SELECT name FROM organization").fetchall() == [("Đơn vị A",)]
    assert not list((tmp_path / "backups").glob("*.part"))


def test_opening_an_older_database_copies_it_aside_then_upgrades_it(db_path, tmp_path, monkeypatch):
    import shutil

    import db.migrate as migrate

    # A database at today's head...
    engine = open_database(resolve_url(db_path))
    with unit_of_work(engine) as s:
        s.add(Organization(name="Đơn vị A", name_key="don vi a", sort_key="x"))
    old_head = head_revision()
    engine.dispose()
    # ...opened by a version that has one more migration.
    newer = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "9000_probe.py").write_text(
        "from alembic import op\nimport sqlalchemy as sa\n"
        f"revision = '9000'\ndown_revision = '{old_head}'\nbranch_labels = None\ndepends_on = None\n"
        "def upgrade():\n    op.create_table('probe', sa.Column('id', sa.Integer, primary_key=True))\n"
        "def downgrade():\n    op.drop_table('probe')\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer)
    backups = tmp_path / "backups"
    engine = open_database(resolve_url(db_path), backup_dir=backups)
    try:
        assert current_revision(engine) == "9000"
        with engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM organization")).scalars().all() == ["Đơn vị A"]
    finally:
        engine.dispose()
    (copy,) = backups.glob("*.sqlite3")
    assert old_head in copy.name
    with sqlite3.connect(copy) as c:
        assert c.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        assert c.execute("SELECT name FROM organization").fetchall() == [("Đơn vị A",)]


@pytest.mark.sqlite_only
def test_a_database_in_a_folder_with_a_vietnamese_name_opens_and_migrates(tmp_path, cli):
    folder = tmp_path / "Tài liệu" / "Công đoàn 100%"
    folder.mkdir(parents=True)
    result = cli("init", "--office", "LĐLĐ huyện Tam Đường", db=folder / "theo dõi.sqlite3")
    assert result.code == 0, result.err
    assert (folder / "theo dõi.sqlite3").exists()
