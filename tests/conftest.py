"""Shared fixtures: a fresh SQLite file per test, the CLI run in-process as
a user runs it, and small workbooks written by the tests themselves."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.engine import resolve_url
from db.migrate import open_database
from db.session import unit_of_work
from desktop.cli import main


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("THEODOI_DB", raising=False)
    # Keeps backups and attachments of every test inside its own folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return tmp_path / "office.sqlite3"


@pytest.fixture
def engine(db_path):
    eng = open_database(resolve_url(db_path))
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    with unit_of_work(engine, actor="tester@pc") as s:
        yield s


@pytest.fixture
def cli(db_path, capsys):
    """Run ``theodoi ARGS --db <test db>`` in-process."""

    def run(*args: str, db: Path | None = db_path) -> CliResult:
        argv = [str(a) for a in args] + (["--db", str(db)] if db is not None else [])
        code = main(argv)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def db_snapshot(path: Path) -> list[str]:
    """Every row of every table, to compare a database before and after."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def write_xlsx(path: Path, rows: list[list]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def memory_keyring():
    """A keyring that keeps passwords in a dict for the test: the SMTP
    password's only home, inspected by the tests."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.store = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous, backend = keyring.get_keyring(), Memory()
    keyring.set_keyring(backend)
    yield backend.store
    keyring.set_keyring(previous)
