"""The window's handle on the store: operations (and the reads the screens
make) run on the one database worker, and one signal says what changed so
each screen decides whether to refresh."""

from __future__ import annotations

import inspect
from typing import Any, Callable, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.engine import Engine

from desktop.operations import Changes, Store
from desktop.ui.worker import DatabaseWorker

T = TypeVar("T")

# The window's name for what changed is the operations' own.
Changed = Changes


class AppContext(QObject):
    changed = Signal(str)

    def __init__(self, engine: Engine, url: str, parent: QObject | None = None):
        super().__init__(parent)
        self.store = Store(engine, url)
        self.worker = DatabaseWorker.shared()

    @property
    def engine(self) -> Engine:
        return self.store.engine

    @engine.setter
    def engine(self, engine: Engine) -> None:
        self.store = Store(engine, self.store.url, self.store.actor)

    @property
    def url(self) -> str:
        return self.store.url

    def run(self, function: Callable[..., T], *args, parent: QWidget | None = None, title: str | None = None,
            cancellable: bool = False, **kwargs) -> T:
        """Run the operation ``function(store, *args, **kwargs)`` on the
        database worker and return its result (its ``UserError`` is raised
        here, for the caller to show). An operation that takes ``progress``
        and ``cancelled`` gets them, and a progress dialog when it runs
        long. Announces what the operation changed."""
        accepts = inspect.signature(function).parameters

        def job(progress, cancelled):
            extra = {}
            if "progress" in accepts:
                extra["progress"] = progress
            if "cancelled" in accepts:
                extra["cancelled"] = cancelled
            return function(self.store, *args, **kwargs, **extra)

        result = self.worker.call(job, parent=parent, title=title, cancellable=cancellable)
        op = getattr(function, "operation", None)
        if op is not None and op.changes:
            self.changed.emit(op.changes)
        return result

    def start(self, function: Callable[..., T], *args, on_done: Callable[[T], None],
              on_error: Callable[[BaseException, str], None], **kwargs) -> Any:
        """Like ``run`` without waiting: ``on_done(result)`` or
        ``on_error(exception, details)`` later, on the UI thread."""
        op = getattr(function, "operation", None)

        def done(result):
            if op is not None and op.changes:
                self.changed.emit(op.changes)
            on_done(result)

        return self.worker.submit(lambda progress, cancelled: function(self.store, *args, **kwargs), done, on_error)

    def read(self, fn: Callable[[Any], T]) -> T:
        """``fn(session)`` on the database worker, writing nothing."""
        return self.worker.call(lambda _p, _c: self.store.read(fn))

    def replace_file(self, fn: Callable[[], T]) -> T:
        """Close every connection, run ``fn`` (which replaces the database
        file, e.g. a restore), then open the database again."""
        from db.migrate import open_database

        def job(_p, _c):
            self.store.engine.dispose()
            try:
                return fn()
            finally:
                self.engine = open_database(self.url)

        try:
            return self.worker.call(job)
        finally:
            self.changed.emit(Changed.ALL)

    def close(self) -> None:
        self.worker.wait_idle()
        self.store.engine.dispose()
