"""The window's handle on the store: one engine, reads and writes as units
of work, and one signal saying what changed so each screen decides whether
to refresh."""

from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtCore import QObject, Signal
from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.session import run_transaction, unit_of_work

T = TypeVar("T")


class Changed:
    """Values of ``AppContext.changed``."""

    OFFICE = "office"
    UNITS = "units"
    DIRECTIVES = "directives"
    SUBMISSIONS = "submissions"
    ALL = "all"


class AppContext(QObject):
    changed = Signal(str)

    def __init__(self, engine: Engine, url: str, parent: QObject | None = None):
        super().__init__(parent)
        self.engine = engine
        self.url = url

    def read(self, fn: Callable[[Session], T]) -> T:
        """Run ``fn`` in a session that writes nothing."""
        with unit_of_work(self.engine, commit=False) as session:
            return fn(session)

    def write(self, fn: Callable[[Session], T], what: str) -> T:
        """Run ``fn`` in one transaction (again if another PC changed the
        same rows at the same moment); announce ``what`` changed after it
        commits."""
        result = run_transaction(self.engine, fn)
        self.changed.emit(what)
        return result

    def replace_file(self, fn: Callable[[], T]) -> T:
        """Close every connection, run ``fn`` (which replaces the database
        file, e.g. a restore), then open the database again."""
        from db.migrate import open_database

        self.engine.dispose()
        try:
            return fn()
        finally:
            self.engine = open_database(self.url)
            self.changed.emit(Changed.ALL)

    def close(self) -> None:
        self.engine.dispose()
