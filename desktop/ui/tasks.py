"""Long work off the UI thread.

A task is a plain function ``fn(progress, cancelled)`` (the same the CLI
calls); it runs on Qt's thread pool and its result or error comes back on
the UI thread. Tests set ``TaskRunner.inline`` so tasks run at once, in
order, on the calling thread."""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from db.session import retrying


class _Signals(QObject):
    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object, str)


class _Runnable(QRunnable):
    def __init__(self, fn, signals: _Signals, cancel: threading.Event, retry: bool):
        super().__init__()
        self.fn, self.signals, self.cancel, self.retry = fn, signals, cancel, retry

    @Slot()
    def run(self) -> None:
        try:
            def once():
                return self.fn(lambda f, m="": self.signals.progress.emit(float(f), m), self.cancel.is_set)

            result = retrying(once) if self.retry else once()
        except BaseException as exc:  # handed to the UI, never lost
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class Task(QObject):
    """A running task: ``progress(fraction, message)``, then ``done(result)``
    or ``failed(exception, details)``; ``cancel()`` asks it to stop."""

    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._signals.progress.connect(self.progress)
        self._signals.done.connect(self.done)
        self._signals.failed.connect(self.failed)

    def cancel(self) -> None:
        self._cancel.set()


class TaskRunner(QObject):
    inline = False

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._running: set[Task] = set()

    def start(
        self,
        fn: Callable[[Callable, Callable[[], bool]], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        *,
        retry: bool = False,
    ) -> Task:
        """``retry``: ``fn`` is one unit of work and nothing else (no files
        written, nothing signed or sent), so when it loses a race with
        another PC on a shared database it is simply run again."""
        task = Task(self)
        task.done.connect(on_done)
        task.failed.connect(on_error)
        task.done.connect(lambda _r, t=task: self._running.discard(t))
        task.failed.connect(lambda _e, _d, t=task: self._running.discard(t))
        self._running.add(task)
        runnable = _Runnable(fn, task._signals, task._cancel, retry)
        if self.inline:
            runnable.run()
        else:
            QThreadPool.globalInstance().start(runnable)
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return QThreadPool.globalInstance().waitForDone(msecs)
