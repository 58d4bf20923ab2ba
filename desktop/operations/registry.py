"""The registry of user actions, and the store an action works on.

Every action a clerk can take (record a submission, import a unit list,
make a report, …) is one function registered here by name. The command
line and the window both call that function and differ only in how they
ask and how they show: the command line names the operation a subcommand
runs (``set_defaults(operation=…)``), the window marks the method that runs
it (``desktop.ui.actions.window_action``), and a test holds the two
registries against each other.

An operation owns its unit of work (it commits or rolls back as a whole,
and runs again when it lost a race with another PC), takes ``progress``
and ``cancelled`` callables when it can run long, returns plain values and
raises ``UserError`` worded for any front end.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, TypeVar

from sqlalchemy.engine import Engine
from sqlmodel import Session

from db.session import run_transaction, unit_of_work

T = TypeVar("T")
Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]


def no_progress(fraction: float, message: str = "") -> None:
    """The ``progress`` of a caller that shows none."""


def never() -> bool:
    """The ``cancelled`` of a caller that cannot cancel."""
    return False


class Changes:
    """What an operation changed, so each screen decides whether to
    refresh (the window's ``AppContext.changed`` signal carries it)."""

    OFFICE = "office"
    UNITS = "units"
    DIRECTIVES = "directives"
    SUBMISSIONS = "submissions"
    ALL = "all"


class Store:
    """The database an operation works on and who is at the keyboard. The
    engine is opened when an operation first needs it (``opener``), so
    operations on the file itself (backup, restore) never open it."""

    def __init__(self, engine: Engine | None, url: str, actor: str | None = None, *,
                 opener: Callable[[], Engine] | None = None):
        self._engine, self.url, self.actor, self._opener = engine, url, actor, opener

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            if self._opener is None:
                from db.migrate import open_database

                self._engine = open_database(self.url)
            else:
                self._engine = self._opener()
        return self._engine

    @property
    def opened(self) -> bool:
        return self._engine is not None

    def dispose(self) -> None:
        if self._engine is not None:
            self._engine.dispose()

    def reopen(self) -> None:
        """Forget the engine (after the file under it was replaced): the
        next operation opens the database again."""
        self.dispose()
        self._engine = None

    def change(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` as one unit of work, committed whole, run
        again when it lost a race with another PC."""
        return run_transaction(self.engine, work, actor=self.actor)

    def read(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` in a unit of work that writes nothing."""
        with unit_of_work(self.engine, self.actor, commit=False) as session:
            return work(session)

    def trial(self, work: Callable[[Session], T]) -> T:
        """``work(session)`` run as a writer would run it, then rolled back:
        a dry run shows exactly what the real run would do."""
        with unit_of_work(self.engine, self.actor, commit=False, writes=True) as session:
            return work(session)

    @property
    def attachments(self) -> Path:
        """The folder of this database's attached files."""
        from desktop.io.attachments import store_dir_for

        return store_dir_for(self.url)


@dataclass
class SheetImport:
    """What importing a sheet (a unit list, a tracking sheet) did: the
    reader's findings (``sheet``: columns, encoding, rows it skipped) and
    the import's (``result``: created, updated, rows refused)."""

    sheet: Any
    result: Any
    dry_run: bool

    @property
    def skipped(self) -> list:
        return sorted(self.sheet.skipped + self.result.skipped, key=lambda s: s.row)

    @property
    def warnings(self) -> list[str]:
        return self.sheet.warnings + self.result.warnings


@dataclass(frozen=True)
class Operation:
    name: str  # "submissions.record": the CLI's command words, joined by a dot
    function: Callable[..., Any]
    label: str  # what the window calls it, in Vietnamese
    changes: str | None  # a ``Changes`` value, None for an action that only reads


OPERATIONS: dict[str, Operation] = {}


def operation(name: str, label: str, *, changes: str | None = None):
    """Register the decorated function as the user action ``name``."""

    def register(function):
        if name in OPERATIONS:
            raise ValueError(f"operation {name!r} registered twice")
        OPERATIONS[name] = Operation(name, function, label, changes)
        function.operation = OPERATIONS[name]
        return function

    return register


def all_operations() -> dict[str, Operation]:
    """Every registered operation (importing each module registers its
    own)."""
    import importlib
    import pkgutil

    import desktop.operations as package

    for info in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{info.name}")
    return dict(OPERATIONS)
