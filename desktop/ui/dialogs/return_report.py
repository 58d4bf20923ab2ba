"""Trả lại báo cáo để bổ sung: the reason the member office reads, and the
date its correction is due by (a report corrected by then keeps its first
received date, unless the requirement says otherwise)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
)

from desktop.core import clock


class ReturnDialog(QDialog):
    def __init__(self, office: str, report_number: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trả lại báo cáo để bổ sung"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Ví dụ: thiếu số liệu của Công đoàn Công ty TNHH Chè Sìn Hồ"))
        self.with_date = QCheckBox(self.tr("Hạn gửi lại bản sửa:"))
        self.with_date.setChecked(True)
        self.by = QDateEdit()
        self.by.setDisplayFormat("dd/MM/yyyy")
        self.by.setCalendarPopup(True)
        soon = clock.today() + timedelta(days=7)
        self.by.setDate(QDate(soon.year, soon.month, soon.day))
        self.with_date.toggled.connect(self.by.setEnabled)
        form = QFormLayout(self)
        note = QLabel(self.tr("Báo cáo số {number} của “{office}”. Báo cáo bị trả lại không được tính cho đến khi "
                              "nhận bản sửa; thông báo trả lại có ký số được ghi ra để gửi cho đơn vị.")
                      .format(number=report_number, office=office))
        note.setWordWrap(True)
        form.addRow(note)
        form.addRow(self.tr("Lý do:"), self.reason)
        form.addRow(self.with_date, self.by)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Trả lại"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, date | None]:
        d = self.by.date()
        return self.reason.toPlainText().strip(), (date(d.year(), d.month(), d.day()) if self.with_date.isChecked()
                                                   else None)
