"""Errors in the window: a Vietnamese sentence for what the user can act
on; for anything unexpected, a log file and a "copy details" button, never a
traceback on screen."""

from __future__ import annotations

import functools
import logging
import traceback
from datetime import datetime
from pathlib import Path

import platformdirs
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from db.errors import StoreError
from desktop.core.errors import UserError

log = logging.getLogger("theodoi.ui")


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir("theodoi", appauthor=False))


def log_unexpected(exc: BaseException, details: str | None = None) -> Path:
    """Append the error to the log file; returns its path."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "theodoi.log"
    text = details or "".join(traceback.format_exception(exc))
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"\n=== {datetime.now().isoformat(timespec='seconds')} ===\n{text}")
    return path


def is_expected(exc: BaseException) -> bool:
    return isinstance(exc, (UserError, StoreError))


def show_error(parent: QWidget | None, exc: BaseException, details: str | None = None) -> None:
    if is_expected(exc):
        QMessageBox.warning(parent, QApplication.translate("errors", "Không thực hiện được"), exc.message)
        return
    path = log_unexpected(exc, details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Critical)
    box.setWindowTitle(QApplication.translate("errors", "Lỗi ngoài dự kiến"))
    box.setText(
        QApplication.translate("errors", "Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi không được ghi. Dữ liệu trước đó vẫn an toàn.")
    )
    box.setInformativeText(QApplication.translate("errors", "Chi tiết đã được lưu vào tệp nhật ký:") + f"\n{path}")
    copy = box.addButton(QApplication.translate("errors", "Sao chép chi tiết"), QMessageBox.ActionRole)
    box.addButton(QMessageBox.Close)
    full = details or "".join(traceback.format_exception(exc))
    copy.clicked.connect(lambda: QApplication.clipboard().setText(full))
    box.exec()


def shows_refusals(method):
    """For a button's slot that reads the form before starting work: a
    refusal raised while reading (a date that does not exist, say) is shown
    in words instead of being lost in Qt's slot machinery."""

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except (UserError, StoreError) as exc:
            show_error(self, exc)

    return guarded
