"""A dialog with a form and OK/Cancel: OK runs ``save()``; a refused input
shows its message and keeps the dialog open with what was typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from desktop.ui.errors import show_error

EMPTY_DATE = QDate(1900, 1, 1)


class FormDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Lưu"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Hủy"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def save(self) -> None:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.save()
        except Exception as exc:  # shown, never lost; the dialog stays open
            show_error(self, exc)
            return
        super().accept()


def date_edit(value: date | None = None, *, optional: bool = False) -> QDateEdit:
    """A dd/MM/yyyy date field with a calendar; ``optional`` fields show
    blank until a date is picked."""
    edit = QDateEdit()
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setCalendarPopup(True)
    if optional:
        edit.setMinimumDate(EMPTY_DATE)
        edit.setSpecialValueText(" ")
    edit.setDate(QDate(value.year, value.month, value.day) if value else (EMPTY_DATE if optional else QDate.currentDate()))
    return edit


def date_value(edit: QDateEdit) -> date | None:
    d = edit.date()
    if d == EMPTY_DATE:
        return None
    return date(d.year(), d.month(), d.day())


def count_spin(value: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, 10_000_000)
    spin.setSpecialValueText(" ")  # -1 shows blank: not known
    spin.setValue(-1 if value is None else value)
    spin.setGroupSeparatorShown(True)
    return spin


def count_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()
