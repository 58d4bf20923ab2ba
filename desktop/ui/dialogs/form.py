"""A dialog with a form and OK/Cancel: OK runs ``save()``; a refused input
shows its message and keeps the dialog open with what was typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout

from desktop.ui.errors import show_error
from desktop.ui.widgets.date_field import DateField


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


def date_edit(value: date | None = None, *, optional: bool = False, name: str | None = None) -> DateField:
    """The window's date field (``DateField``); a required field without
    ``value`` starts at today, an optional one blank. ``name`` is what
    messages call it (default: its label in the form)."""
    return DateField(value, optional=optional, name=name)


def date_value(edit: DateField) -> date | None:
    """The field's date, None when an optional field is blank; raises
    ``DateError`` naming the field for a blank required field or a date
    that does not exist."""
    return edit.date()


def count_spin(value: int | None) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(-1, 10_000_000)
    spin.setSpecialValueText(" ")  # -1 shows blank: not known
    spin.setValue(-1 if value is None else value)
    spin.setGroupSeparatorShown(True)
    return spin


def count_value(spin: QSpinBox) -> int | None:
    return None if spin.value() < 0 else spin.value()
