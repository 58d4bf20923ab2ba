"""Handing a file or a folder to the system's own viewer; where none is
registered (a fresh Linux desktop, a Windows PC without a PDF reader), the
clerk is told in words and gets the path on the clipboard, instead of a
click that does nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox


def open_with_system(parent, path: Path, title: str) -> bool:
    """Open ``path`` (a file or folder) in the program the system uses for
    it. False, after a message naming the path, when none could."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    QApplication.clipboard().setText(str(path))
    if path.is_dir():
        text = QCoreApplication.translate("open_file", "Máy này chưa có chương trình nào để mở thư mục. Thư mục ở:\n{path}\n\n"
                                                       "Đường dẫn đã được chép, dán (Ctrl+V) vào trình quản lý tệp để mở.")
    else:
        text = QCoreApplication.translate("open_file", "Máy này chưa có chương trình nào để mở tệp “{name}” (ví dụ chưa cài trình "
                                                       "đọc PDF). Tệp ở:\n{path}\n\nĐường dẫn đã được chép; hãy cài một "
                                                       "chương trình đọc loại tệp này rồi mở lại.")
    QMessageBox.warning(parent, title, text.format(path=path, name=path.name))
    return False
