"""The window's one database worker: every piece of database work the
window does runs here, one after another, on a thread of its own, so the
UI thread never waits on a lock and two writes from the same window never
overlap.

``DatabaseWorker.call`` runs a job and waits for it the way a modal dialog
waits: the UI thread keeps painting (with user input held back for the
first second), and a job still running after a second shows a progress
dialog, with "Hủy" when the job can be cancelled. ``submit`` runs a job
and hands its result to a callback on the UI thread.
Tests set ``DatabaseWorker.inline`` so jobs run at once on the calling
thread."""

from __future__ import annotations

import queue
import threading
import traceback
from contextlib import contextmanager
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, QMetaObject, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

# A job that takes longer than this shows a progress dialog.
SHOW_PROGRESS_AFTER_MS = 1000


class Job:
    """One piece of work: ``fn(progress, cancelled)``; its result or its
    exception once ``done``."""

    def __init__(self, fn: Callable[[Callable, Callable[[], bool]], Any]):
        self.fn = fn
        self.cancel = threading.Event()
        self.relay = _Relay()  # made on the UI thread: its signals arrive there
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None
        self.details = ""
        self._lock = threading.Lock()
        self._on_finish: list[Callable[[], None]] = []

    def run(self) -> None:
        try:
            self.result = self.fn(lambda f, m="": self.relay.progress.emit(float(f), m), self.cancel.is_set)
        except BaseException as exc:  # handed to the UI thread, never lost
            self.error, self.details = exc, traceback.format_exc()
        with self._lock:
            self.done.set()
            callbacks = list(self._on_finish)
        for callback in callbacks:
            callback()
        self.relay.finished.emit()

    def when_done(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` (on the worker thread) when the job ends, or at
        once if it has."""
        with self._lock:
            if not self.done.is_set():
                self._on_finish.append(callback)
                return
        callback()

    def outcome(self) -> Any:
        if self.error is not None:
            raise self.error
        return self.result


class _Relay(QObject):
    progress = Signal(float, str)
    finished = Signal()


class DatabaseWorker:
    inline = False
    _instance: "DatabaseWorker | None" = None

    def __init__(self):
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()
        self._blocking = False

    @classmethod
    def shared(cls) -> "DatabaseWorker":
        """The window's worker (one per process)."""
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            job.run()
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()

    def _enqueue(self, job: Job, inline: bool | None = None) -> None:
        if self.inline if inline is None else inline:
            job.run()
            return
        with self._lock:
            self._pending += 1
            self._idle.clear()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="theodoi-database", daemon=True)
                self._thread.start()
        self._queue.put(job)

    def submit(self, fn, on_done: Callable[[Any], None], on_error: Callable[[BaseException, str], None], *,
               inline: bool | None = None) -> Job:
        """Run ``fn(progress, cancelled)`` in turn; ``on_done(result)`` or
        ``on_error(exception, details)`` on the UI thread. ``inline``
        overrides the worker's own setting for this job."""
        job = Job(fn)
        job.relay.finished.connect(lambda: on_error(job.error, job.details) if job.error is not None else on_done(job.result))
        self._enqueue(job, inline)
        return job

    def call(self, fn, *, parent: QWidget | None = None, title: str | None = None, cancellable: bool = False) -> Any:
        """Run ``fn(progress, cancelled)`` in turn and return its result (or
        raise its exception) on the UI thread, which keeps painting while
        it waits."""
        job = Job(fn)
        # A job that itself asks for database work runs it at once: waiting
        # for its own thread would wait forever.
        self._enqueue(job, True if threading.current_thread() is self._thread else None)
        if job.done.is_set():
            return job.outcome()
        if self._blocking:
            job.done.wait()
            return job.outcome()
        loop = QEventLoop()
        job.when_done(lambda: QMetaObject.invokeMethod(loop, "quit", Qt.QueuedConnection))
        QTimer.singleShot(SHOW_PROGRESS_AFTER_MS, loop.quit)
        loop.exec(QEventLoop.ExcludeUserInputEvents)
        if not job.done.is_set():
            self._wait_with_dialog(job, parent, title, cancellable)
        return job.outcome()

    def _wait_with_dialog(self, job: Job, parent, title, cancellable: bool) -> None:
        dialog = QProgressDialog(title or QCoreApplication.translate("DatabaseWorker", "Đang xử lý…"),
                                 QCoreApplication.translate("DatabaseWorker", "Hủy") if cancellable else None,
                                 0, 1000, parent)
        dialog.setWindowTitle(QCoreApplication.translate("DatabaseWorker", "Theo dõi"))
        dialog.setWindowModality(Qt.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancellable:
            dialog.canceled.connect(job.cancel.set)
            dialog.canceled.connect(
                lambda: dialog.setLabelText(QCoreApplication.translate("DatabaseWorker", "Đang dừng…")))
        job.relay.progress.connect(lambda f, m: (dialog.setValue(int(f * 1000)), m and dialog.setLabelText(m)))
        loop = QEventLoop()
        job.when_done(lambda: QMetaObject.invokeMethod(loop, "quit", Qt.QueuedConnection))
        dialog.show()
        if not job.done.is_set():
            loop.exec()
        dialog.close()
        dialog.deleteLater()

    @contextmanager
    def blocking(self):
        """Within it, ``call`` waits for its job without running an event
        loop: for work asked while Qt is in the middle of showing widgets,
        where events handled in a nested loop (a child deleted or added)
        pull the widget list from under Qt (a crash showing the window)."""
        before, self._blocking = self._blocking, True
        try:
            yield
        finally:
            self._blocking = before

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until every submitted job has ended (tests, closing)."""
        return self._idle.wait(timeout)

    def stop(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout=30)
        self._thread = None
