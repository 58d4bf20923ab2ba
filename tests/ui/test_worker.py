"""The window's database worker: every operation runs on one thread of its
own, in order, while the UI thread keeps going; a long one shows a progress
dialog whose "Hủy" stops it. These tests use the real thread (the other UI
tests run jobs inline)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from desktop.core.errors import Cancelled, UserError
from desktop.operations import units
from desktop.ui import worker as worker_module
from desktop.ui.worker import DatabaseWorker


@pytest.fixture
def threaded(monkeypatch):
    monkeypatch.setattr(DatabaseWorker, "inline", False)
    yield DatabaseWorker.shared()
    DatabaseWorker.shared().wait_idle()


def test_operations_run_in_turn_on_one_thread_that_is_not_the_ui_thread(threaded, ctx):
    seen = []

    def job(store, n):
        seen.append((n, threading.get_ident()))
        return n * 2

    assert [ctx.run(job, n) for n in range(5)] == [0, 2, 4, 6, 8]
    threads = {t for _n, t in seen}
    assert len(threads) == 1 and threading.get_ident() not in threads
    assert [n for n, _t in seen] == list(range(5))
    saved = ctx.run(units.save, {"name": "Công đoàn Trường Tiểu học Bình Lư", "code": "TD01"})
    assert saved.code == "TD01" and [u.code for u in ctx.run(units.listing)] == ["TD01"]


def test_a_refusal_comes_back_to_the_caller_in_words(threaded, ctx):
    with pytest.raises(UserError, match="Tên đơn vị"):
        ctx.run(units.save, {"name": "", "code": "TD01"})


def test_the_ui_thread_keeps_running_while_a_job_waits(threaded, ctx, qtbot):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)

    def slow(store):
        time.sleep(0.5)
        return "xong"

    assert ctx.run(slow) == "xong"
    timer.stop()
    assert len(ticks) >= 5  # the event loop turned while the worker slept


def test_a_long_job_shows_progress_and_hủy_stops_it(threaded, ctx, qtbot, monkeypatch):
    monkeypatch.setattr(worker_module, "SHOW_PROGRESS_AFTER_MS", 50)
    shown = []

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            shown.append(dialogs[0].labelText())
            dialogs[0].findChild(QPushButton).click()  # as the clerk presses "Hủy"
        else:
            QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(100, press_cancel)

    def long_job(store, progress, cancelled):
        for i in range(500):
            if cancelled():
                raise Cancelled()
            progress(i / 500, "Đang nhập dòng…")
            time.sleep(0.01)
        return "hết"

    with pytest.raises(Cancelled):
        ctx.run(long_job, title="Đang nhập danh sách đơn vị…", cancellable=True)
    assert shown and shown[0] in ("Đang nhập danh sách đơn vị…", "Đang nhập dòng…")


def test_database_work_asked_from_inside_a_job_runs_at_once_instead_of_waiting_for_itself(threaded, ctx):
    def outer(store):
        return ctx.run(units.listing)  # from the worker thread itself

    assert ctx.run(outer) == []
