"""Long work off the UI thread.

A task is a plain function ``fn(progress, cancelled)`` (the same the CLI
calls); it runs in turn on the window's one database worker
(``desktop.ui.worker``) and its result or error comes back on the UI thread.
Tests set ``TaskRunner.inline`` so tasks run at once, in order, on the
calling thread."""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal

from desktop.ui.worker import DatabaseWorker, Job


class Task(QObject):
    """A running task: ``progress(fraction, message)``, then ``done(result)``
    or ``failed(exception, details)``; ``cancel()`` asks it to stop."""

    progress = Signal(float, str)
    done = Signal(object)
    failed = Signal(object, str)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.job: Job | None = None

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel.set()


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
    ) -> Task:
        """Run ``fn(progress, cancelled)`` in turn on the database worker
        (the operations it calls own their units of work and run them again
        when another PC won a race)."""
        task = Task(self)
        task.done.connect(on_done)
        task.failed.connect(on_error)
        task.done.connect(lambda _r, t=task: self._running.discard(t))
        task.failed.connect(lambda _e, _d, t=task: self._running.discard(t))
        self._running.add(task)

        task.job = DatabaseWorker.shared().submit(fn, task.done.emit, task.failed.emit, inline=self.inline)
        task.job.relay.progress.connect(task.progress)
        return task

    def wait(self, msecs: int = 30_000) -> bool:
        return DatabaseWorker.shared().wait_idle(msecs / 1000)
