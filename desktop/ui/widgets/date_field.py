"""The one date field of the window: a text box that takes a date typed
the way a clerk writes it (15/03/2010, 5/3/22, 2010-03-15) wherever the
cursor is, a calendar button that opens at today, and a refusal in words,
at once, for a day that does not exist. Nothing typed is ever changed or
dropped silently: a text that is not a date stays in the box, marked, and
reading the field raises ``DateError`` naming it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from desktop.core import clock
from desktop.core.dates import DateError, format_date, parse_typed_date

_INVALID_STYLE = "QLineEdit { border: 1px solid #c0392b; background: #fdecea; }"


class DateField(QWidget):
    """``date()`` is the ``datetime.date`` typed or picked, None when an
    optional field is blank; it raises ``DateError`` for anything else.
    ``dateChanged(object)`` fires with each new valid value (a date, or None
    when an optional field is emptied) once typing ends or a day is picked."""

    dateChanged = Signal(object)

    def __init__(self, value: date | None = None, *, optional: bool = False, name: str | None = None, parent=None):
        super().__init__(parent)
        self.optional, self.name = optional, name
        self._last: date | None = None
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("dd/mm/yyyy") if not optional else self.tr("dd/mm/yyyy (để trống nếu chưa có)"))
        self.edit.setClearButtonEnabled(optional)
        self.edit.setMinimumWidth(150)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("…")
        self.calendar_button.setToolTip(self.tr("Chọn ngày trên lịch"))
        self.calendar_button.setPopupMode(QToolButton.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.calendar_button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._open_calendar)
        self.calendar_button.setMenu(menu)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b;")
        self.problem.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        self.setFocusProxy(self.edit)

        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._finished)
        if value is None and not optional:
            value = clock.today()
        self.set_date(value)

    # -- reading and writing --------------------------------------------
    def date(self) -> date | None:
        """The date in the field; None for a blank optional field. Raises
        ``DateError`` naming the field for a blank required field or text
        that is not a real date."""
        text = self.edit.text().strip()
        if not text:
            if self.optional:
                return None
            raise DateError(self.tr("{field}: hãy nhập ngày (dd/mm/yyyy).").format(field=self.field_name()))
        try:
            return parse_typed_date(text)
        except DateError as exc:
            raise DateError(f"{self.field_name()}: {exc.message}") from None

    def set_date(self, value: date | None) -> None:
        """Show ``value`` (None blanks the field)."""
        self.edit.setText(format_date(value) if value else "")
        self._show_problem(None)
        self._announce(value)

    def setDate(self, value) -> None:
        """``set_date`` that also takes a ``QDate``."""
        if isinstance(value, QDate):
            value = date(value.year(), value.month(), value.day()) if value.isValid() else None
        self.set_date(value)

    def text(self) -> str:
        return self.edit.text()

    def field_name(self) -> str:
        """What the field is called in messages: its given name, else its
        label in the form it sits in."""
        if self.name:
            return self.name
        parent = self.parentWidget()
        form = _form_holding(parent.layout(), self) if parent is not None else None
        label = form.labelForField(self) if form is not None else None
        if isinstance(label, QLabel) and label.text():
            return label.text().replace("(*)", "").replace("&", "").strip()
        return self.tr("Ngày")

    # -- events ----------------------------------------------------------
    def _typed(self, _text: str) -> None:
        # While typing, only a finished but impossible date is refused: a
        # half-typed "15/0" is not wrong yet. The new date is announced when
        # typing ends (Enter, leaving the field): "24/11/20" on the way to
        # "24/11/2026" is a date too.
        try:
            self.date()
        except DateError as exc:
            self._show_problem(exc.message if _looks_finished(self.edit.text()) else None)
            return
        self._show_problem(None)

    def _finished(self) -> None:
        try:
            value = self.date()
        except DateError as exc:
            self._show_problem(exc.message)
            return
        self._show_problem(None)
        if value is not None:
            self.edit.setText(format_date(value))
        self._announce(value)

    def _open_calendar(self) -> None:
        try:
            current = self.date()
        except DateError:
            current = None
        shown = current or clock.today()
        self.calendar.setSelectedDate(QDate(shown.year, shown.month, shown.day))

    def _picked(self, picked: QDate) -> None:
        self.set_date(date(picked.year(), picked.month(), picked.day()))
        self.calendar_button.menu().hide()

    def _show_problem(self, message: str | None) -> None:
        self.problem.setText(message or "")
        self.problem.setVisible(bool(message))
        self.edit.setStyleSheet(_INVALID_STYLE if message else "")
        self.edit.setToolTip(message or "")

    def _announce(self, value: date | None) -> None:
        if value != self._last:
            self._last = value
            self.dateChanged.emit(value)


def _looks_finished(text: str) -> bool:
    """A day, a month and a year of two or four digits are all there."""
    parts = [p for p in text.strip().replace(".", "/").replace("-", "/").split("/")]
    return len(parts) == 3 and all(p.isdigit() for p in parts) and (len(parts[0]) == 4 or len(parts[2]) in (2, 4))



def _form_holding(layout, widget) -> QFormLayout | None:
    """The form layout, at any depth under ``layout``, that has ``widget``
    as a field."""
    if layout is None:
        return None
    if isinstance(layout, QFormLayout) and layout.labelForField(widget) is not None:
        return layout
    for i in range(layout.count()):
        found = _form_holding(layout.itemAt(i).layout(), widget)
        if found is not None:
            return found
    return None
