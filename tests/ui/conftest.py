"""UI tests: real widgets, offscreen, on a fresh database; message boxes
are recorded instead of waiting for a click; tasks run inline."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QMessageBox  # noqa: E402

from desktop.ui.context import AppContext  # noqa: E402
from desktop.ui.tasks import TaskRunner  # noqa: E402
from desktop.ui.worker import DatabaseWorker  # noqa: E402


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QSettings.setDefaultFormat(QSettings.IniFormat)
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path / "settings"))
    qapp.setOrganizationName("Theo doi tests")
    qapp.setApplicationName("theodoi-tests")
    yield


@pytest.fixture(autouse=True)
def messages(monkeypatch):
    """Every message box shown, as (kind, text), instead of a modal wait."""
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "information", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda *a, _k=kind, **kw: shown.append((_k, a[2] if len(a) > 2 else "")) or QMessageBox.Ok))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(("box", self.text())) or 0)
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda *a: shown.append(("about", a[2]))))
    return shown


@pytest.fixture(autouse=True)
def inline_tasks(monkeypatch):
    monkeypatch.setattr(TaskRunner, "inline", True)
    monkeypatch.setattr(DatabaseWorker, "inline", True)


@pytest.fixture
def ctx(engine, db_url):
    context = AppContext(engine, db_url)
    yield context
