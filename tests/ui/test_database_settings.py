"""Cài đặt → Dữ liệu: pointing the window at a PostgreSQL server, a trial
connection that explains a refusal or a wrong password in Vietnamese, and
the password kept in the keyring, never in the settings file."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy.engine import make_url

from desktop.ui.widgets.database_settings import SETTING, DatabaseBox


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fill(box, url: str, password: str | None = None) -> None:
    u = make_url(url)
    box.kind.setCurrentIndex(box.kind.findData("server"))
    box.host.setText(u.host)
    box.port.setValue(u.port or 5432)
    box.database.setText(u.database)
    box.user.setText(u.username)
    box.password.setText(u.password if password is None else password)


def test_a_refused_connection_is_explained(qtbot, ctx, messages):
    box = DatabaseBox(ctx)
    qtbot.addWidget(box)
    _fill(box, f"postgresql://thu_ky@127.0.0.1:{_closed_port()}/theodoi", "x")
    box.test()
    assert "từ chối kết nối" in box.result.text() and "cổng" in box.result.text()
    box.use()
    assert QSettings().value(SETTING) is None  # nothing saved after a failed trial


def test_missing_fields_are_named_before_any_connection(qtbot, ctx):
    box = DatabaseBox(ctx)
    qtbot.addWidget(box)
    box.kind.setCurrentIndex(box.kind.findData("server"))
    box.host.setText("192.168.1.10")
    box.test()
    assert "Tên cơ sở dữ liệu" in box.result.text()


@pytest.fixture
def server_db(pg_server):
    return pg_server.fresh(empty=True)


def test_a_wrong_password_is_explained(qtbot, ctx, server_db):
    box = DatabaseBox(ctx)
    qtbot.addWidget(box)
    _fill(box, server_db, "sai-mat-khau")
    box.test()
    assert "từ chối tên đăng nhập hoặc mật khẩu" in box.result.text()


def test_a_server_is_tested_then_used_with_its_password_in_the_keyring(qtbot, ctx, server_db, messages, memory_keyring,
                                                                       tmp_path):
    from desktop.ui.app import chosen_url

    box = DatabaseBox(ctx)
    qtbot.addWidget(box)
    _fill(box, server_db)
    box.test_button.click()  # as the clerk does: the signal's own argument must not get in the way
    assert "Kết nối được" in box.result.text() and "còn trống" in box.result.text()
    box.use()
    saved = QSettings().value(SETTING)
    password = make_url(server_db).password
    assert saved and password not in saved and make_url(saved).database == make_url(server_db).database
    assert list(memory_keyring.values()) == [password] and box.password.text() == ""
    assert "lần mở sau" in messages[-1][1]
    settings_files = "".join(p.read_text(errors="replace") for p in (tmp_path / "settings").rglob("*") if p.is_file())
    assert password not in settings_files
    # The next start opens the server, with the password from the keyring.
    assert make_url(chosen_url(None)) == make_url(server_db)
    # And back to the file on this PC.
    box.kind.setCurrentIndex(box.kind.findData("local"))
    box.use()
    assert QSettings().value(SETTING) is None


def test_an_unreachable_saved_server_offers_the_file_on_this_pc(qtbot, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.app import open_or_recover

    QSettings().setValue(SETTING, f"postgresql://thu_ky@127.0.0.1:{_closed_port()}/theodoi")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.Yes))
    QSettings().setValue("database/path", str(tmp_path / "may-nay.sqlite3"))
    engine, url = open_or_recover(QSettings().value(SETTING), saved_server=True)
    engine.dispose()
    assert "từ chối kết nối" in asked[0] and "mở dữ liệu trên máy này" in asked[0]
    # This time only: the next start tries the server again.
    assert url.endswith("may-nay.sqlite3") and QSettings().value(SETTING)


def test_the_window_never_shows_the_server_password(qtbot, ctx):
    from desktop.ui.context import AppContext
    from desktop.ui.mainwindow import MainWindow

    # The same data, as if reached through a server URL with a password.
    window = MainWindow(AppContext(ctx.engine, "postgresql+psycopg://thu_ky:bi-mat-lam@may-chu:5432/theodoi"))
    qtbot.addWidget(window)
    texts = [window.statusBar().currentMessage(), window.settings.data_box.current.text()]
    assert all("bi-mat-lam" not in t for t in texts)
    assert "may-chu" in texts[0] and "postgresql://" in texts[0]



def test_first_start_on_a_server_offers_no_data_file_to_move(qtbot):
    from desktop.ui.dialogs.first_start import FirstStartWizard

    on_server, on_file = FirstStartWizard(None), FirstStartWizard(__import__("pathlib").Path("/tmp/x.sqlite3"))
    qtbot.addWidget(on_server)
    qtbot.addWidget(on_file)
    assert len(on_server.pageIds()) == len(on_file.pageIds()) - 1 and on_server.data_id == -1


def test_the_data_in_use_is_copied_to_an_empty_server_from_the_window(qtbot, ctx, server_db, messages, memory_keyring):
    from desktop.operations import units

    ctx.run(units.save, {"name": "Công đoàn Trường Tiểu học Bình Lư", "code": "TD01"})
    box = DatabaseBox(ctx)
    qtbot.addWidget(box)
    _fill(box, server_db)
    box.copy_to_server(confirm=False)
    assert "Đã chép" in box.result.text() and "khớp" in box.result.text()
    from tests.conftest import query

    assert query(server_db, "SELECT code, name FROM organization") == [("TD01", "Công đoàn Trường Tiểu học Bình Lư")]
    box.copy_to_server(confirm=False)  # the server is no longer empty: refused in words, nothing doubled
    assert query(server_db, "SELECT count(*) FROM organization") == [(1,)]
