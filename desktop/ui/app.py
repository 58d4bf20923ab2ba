"""Starting the window: Qt application, language, the database (chosen by
--db, THEODOI_DB, the first-start wizard, or the default), one window per
database, and the first-start wizard on an empty database."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from db.engine import data_dir, default_db_path, display_url, resolve_url, sqlite_path
from db.backup import BackupError, daily_backup_of, newest_good_backup, restore_backup
from db.errors import StoreError
from db.migrate import DatabaseOpenError, known_revisions, open_database
from desktop.io.pending import settle_pending
from desktop.operations import office
from desktop.ui.context import AppContext
from desktop.ui.errors import log_unexpected, show_error
from desktop.ui.i18n import install_translator
from desktop.ui.mainwindow import MainWindow
from desktop.ui.widgets.database_settings import SETTING as SERVER_SETTING
from desktop.ui.xcb_check import missing_message, missing_packages, uses_xcb


def chosen_url(db: str | None) -> str:
    """``--db``, else ``THEODOI_DB``, else the server chosen in Cài đặt
    (with its password from the keyring), else the file picked at first
    start, else the default file."""
    if db:
        return resolve_url(db)
    if os.environ.get("THEODOI_DB"):
        return resolve_url(None)
    server = saved_server(db)
    if server:
        from desktop.io.server_login import with_saved_password

        return with_saved_password(resolve_url(server))
    saved = QSettings().value("database/path")
    return resolve_url(saved or default_db_path())


def saved_server(db: str | None) -> str | None:
    """The server chosen in Cài đặt, when it is the one to open (neither
    ``--db`` nor ``THEODOI_DB`` says otherwise)."""
    if db or os.environ.get("THEODOI_DB"):
        return None
    return QSettings().value(SERVER_SETTING) or None


def server_unreachable(url: str, problem: str) -> str | None:
    """The saved server cannot be used: offer this PC's own file for this
    session, so a server that is down (or a changed password) never locks
    the clerk out of the settings. The server stays chosen: the next start
    tries it again. Returns the URL to open, or None."""
    answer = QMessageBox.question(
        None, "Theo dõi",
        QApplication.translate("app", "{problem}\n\nLần này mở dữ liệu trên máy này thay cho máy chủ {server}? "
                                      "Những gì ghi vào sẽ ở trên máy này, không ở máy chủ; lần mở sau Theo dõi "
                                      "lại dùng máy chủ (đổi trong Cài đặt).").format(
            problem=problem, server=display_url(url)),
    )
    if answer != QMessageBox.Yes:
        return None
    return resolve_url(QSettings().value("database/path") or default_db_path())


def instance_lock(url: str) -> QLockFile:
    """A lock per database, so a second window on the same data is refused."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(url.encode()).hexdigest()[:16]
    lock = QLockFile(str(folder / f"theodoi-{name}.lock"))
    lock.setStaleLockTime(0)
    return lock


def first_start(ctx: AppContext, parent=None) -> AppContext | None:
    """Run the wizard; returns the context to use (a new one if the user
    moved the data), or None when cancelled."""
    from desktop.ui.dialogs.first_start import FirstStartWizard

    path = sqlite_path(ctx.url)  # None: a shared server, nothing to move
    wizard = FirstStartWizard(path, parent)
    if wizard.exec() != QDialog.Accepted:
        return None
    if path is not None and wizard.data_path != path:
        ctx.close()
        url = resolve_url(wizard.data_path)
        ctx = AppContext(open_database(url), url)
        QSettings().setValue("database/path", str(wizard.data_path))
    wizard.apply(ctx)
    return ctx


def open_or_recover(url: str, *, saved_server: bool = False):
    """The database; if it is damaged, offer the newest good backup; if it
    is the server chosen in Cài đặt and cannot be reached, offer this PC's
    file. Returns (engine, url), or None when nothing can be opened."""
    try:
        return open_database(url), url
    except DatabaseOpenError as exc:
        path, good = sqlite_path(url), newest_good_backup()
        if path is None and saved_server:
            local = server_unreachable(url, exc.message)
            return open_or_recover(local) if local else None
        if path is None or good is None or "bị hỏng" not in exc.message:
            show_error(None, exc)
            return None
        answer = QMessageBox.question(
            None, "Theo dõi",
            QApplication.translate("app", "{problem}\n\nKhôi phục từ bản sao lưu tốt gần nhất ({when}: {units} đơn vị, "
                                          "{subs} lượt nộp)? Tệp hỏng sẽ được giữ lại bên cạnh.").format(
                problem=exc.message, when=good.created.strftime("%d/%m/%Y %H:%M"), units=good.units, subs=good.submissions),
        )
        if answer != QMessageBox.Yes:
            return None
        try:
            restore_backup(good.path, path, known=known_revisions(), keep_damaged=True)
            return open_database(url), url
        except (StoreError, OSError) as again:
            show_error(None, again)
            return None


def run(db: str | None = None, argv: list[str] | None = None, open_files: list[str] | None = None) -> int:
    if QApplication.instance() is None and uses_xcb():
        missing = missing_packages()
        if missing:  # Qt would abort in English; say what to install
            print(missing_message(missing), file=sys.stderr)
            return 2
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    app.setOrganizationName("Theo doi")
    app.setApplicationName("theodoi")
    app.setApplicationDisplayName("Theo dõi")
    install_translator(app, QSettings().value("ui/language", "vi"))
    try:
        url = chosen_url(db)
    except StoreError as exc:  # an address that cannot be read
        show_error(None, exc)
        return 2
    lock = instance_lock(url)
    if not lock.tryLock(100):
        QMessageBox.information(
            None, "Theo dõi",
            app.translate("app", "Theo dõi đang mở trên dữ liệu này ở một cửa sổ khác. Hãy dùng cửa sổ đó."),
        )
        return 0
    try:
        opened = open_or_recover(url, saved_server=saved_server(db) is not None)
        if opened is None:
            return 2
        engine, url = opened
        try:
            daily_backup_of(url)
        except BackupError as exc:
            QMessageBox.warning(None, "Theo dõi", exc.message)
        settle_pending(engine)
        ctx = AppContext(engine, url)
        if ctx.run(office.is_empty):
            ctx = first_start(ctx)
            if ctx is None:
                return 0
        window = MainWindow(ctx)
        window.show()
        started = os.environ.get("THEODOI_BENCH_START")
        if started:  # make bench / bench_dist: time to a shown window, then quit
            app.processEvents()
            print(f"{time.time() - float(started):.3f}", flush=True)
            return 0
        if open_files:  # a package double-clicked, or dropped on the program's icon
            window.go(window.exchange)
            window.exchange.take_in([Path(f) for f in open_files])
        return app.exec()
    except Exception as exc:  # the last line of defence: logged, explained
        log_unexpected(exc)
        show_error(None, exc)
        return 1
    finally:
        lock.unlock()


def main() -> None:
    """The ``theodoi-app`` entry point (no console window on Windows):
    ``theodoi-app [--db PATH] [PACKAGE.zip ...]``."""
    args, db, files = sys.argv[1:], None, []
    while args:
        arg = args.pop(0)
        if arg == "--db" and args:
            db = args.pop(0)
        elif not arg.startswith("-"):
            files.append(arg)
    sys.exit(run(db, open_files=files))
