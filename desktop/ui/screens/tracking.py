"""Theo dõi: the grid of units × periods of one requirement. Enter records
what the selected unit sent; several cells at once take one date; Ctrl+Z
takes back the last entry."""

from __future__ import annotations


from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from db.models import Requirement
from desktop.core.dates import DateError
from desktop.core.directives import list_directives, requirements_of
from desktop.core.status import Status
from desktop.core.status_sql import grid_statuses
from desktop.operations import submissions
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.dialogs.form import date_edit, date_value
from desktop.ui.errors import show_error
from desktop.ui.screens.base import Screen
from desktop.ui.widgets.member_offices import MemberUnitsPanel
from desktop.ui.widgets.status_style import LETTERS, label
from desktop.ui.widgets.tracking_model import TrackingModel, TrackingProxy
from desktop.core import clock


class TrackingScreen(Screen):
    watches = (Changed.DIRECTIVES, Changed.UNITS, Changed.SUBMISSIONS)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.undo_stack: list = []
        self.requirement = QComboBox()
        self.requirement.currentIndexChanged.connect(lambda _i: self.reload_grid())
        self.as_of = date_edit(name=self.tr("Tính đến ngày"))
        self.as_of.dateChanged.connect(lambda _d: self.reload_grid())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm đơn vị…"))
        self.search.setClearButtonEnabled(True)
        self.only_owing = QCheckBox(self.tr("Chỉ đơn vị chưa nộp hoặc nộp chậm"))
        # Set from the dashboard's "Xem … đơn vị chưa nộp": exactly the units
        # with nothing for that one period; unticking shows everyone again.
        self.only_missing = QCheckBox()
        self.only_missing.hide()
        self._shown_requirement = None

        self.model = TrackingModel(self)
        self.proxy = TrackingProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search.textChanged.connect(self.proxy.set_search)
        self.only_owing.toggled.connect(self.proxy.set_only_owing)
        self.only_missing.toggled.connect(lambda on: on or self._clear_missing_filter())
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(90)
        self.table.doubleClicked.connect(lambda _i: self.record_current())

        legend = "   ".join(f"{LETTERS[s]} = {label(s)}" for s in (Status.ON_TIME, Status.LATE, Status.MISSING, Status.EXEMPT, Status.PENDING))
        self.record_button = QPushButton(self.tr("&Ghi nhận… (Enter)"))
        self.bulk_button = QPushButton(self.tr("Ghi nhận &hàng loạt…"))
        self.exempt_button = QPushButton(self.tr("&Miễn…"))
        self.undo_button = QPushButton(self.tr("&Hoàn tác (Ctrl+Z)"))
        self.undo_button.setEnabled(False)
        self.import_button = QPushButton(self.tr("Nhập &bảng theo dõi…"))
        self.import_button.clicked.connect(self.import_sheet)
        self.forms_button = QPushButton(self.tr("&Phiếu báo cáo…"))
        self.forms_button.setToolTip(self.tr("Làm phiếu Excel/giấy cho các đơn vị, nhận phiếu đã điền"))
        self.forms_button.clicked.connect(self.open_forms)
        self.record_button.clicked.connect(self.record_current)
        self.bulk_button.clicked.connect(self.record_bulk)
        self.exempt_button.clicked.connect(self.exempt_selected)
        self.undo_button.clicked.connect(self.undo_last)
        QShortcut(QKeySequence(Qt.Key_Return), self.table, activated=self.record_current)
        QShortcut(QKeySequence(Qt.Key_Enter), self.table, activated=self.record_current)
        QShortcut(QKeySequence.Undo, self, activated=self.undo_last)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Yêu cầu:")))
        top.addWidget(self.requirement, 3)
        top.addWidget(QLabel(self.tr("Tính đến ngày:")))
        top.addWidget(self.as_of)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.only_owing)
        filters.addWidget(self.only_missing)
        buttons = QHBoxLayout()
        for b in (self.record_button, self.bulk_button, self.exempt_button, self.undo_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.forms_button)
        buttons.addWidget(self.import_button)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        # An upper office: the chosen member office's own units, from its package.
        self.member_units = MemberUnitsPanel(ctx)
        self.table.selectionModel().currentChanged.connect(self._drill_down)
        layout.addWidget(self.member_units)
        layout.addWidget(QLabel(legend))
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

    def title(self) -> str:
        return self.tr("Theo dõi")

    # -- loading -------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.requirement.currentData()

        def load(session):
            return [(d, r) for d in list_directives(session) for r in requirements_of(session, d)]

        self.requirement.blockSignals(True)
        self.requirement.clear()
        for d, r in self.ctx.read(load):
            self.requirement.addItem(f"{d.number} — {r.title}", r.id)
        self.requirement.setCurrentIndex(max(self.requirement.findData(chosen), 0))
        self.requirement.blockSignals(False)
        self.reload_grid()

    def reload_grid(self) -> None:
        try:
            as_of = date_value(self.as_of)
        except DateError as exc:  # the field shows it too; the grid waits for a real date
            self.summary.setText(exc.message)
            return
        rid = self.requirement.currentData()
        if rid is None:
            self.model.set_periods([])
            self.summary.setText(self.tr("Chưa có yêu cầu nào. Vào “Văn bản” để thêm văn bản và yêu cầu."))
            return

        def load(session):
            requirement = session.get(Requirement, rid)
            # Counted by the database, units as plain views: 5,000 units in one statement.
            return requirement, grid_statuses(session, requirement, as_of, upcoming=True)

        self.current_requirement, periods = self.ctx.read(load)
        self.model.set_periods(periods)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        if rid != self._shown_requirement:  # another requirement: open at its current period
            self._shown_requirement = rid
            self._clear_missing_filter()
            self.go_to_period(self.current_period())
        due = [p for p in periods if p.period.due <= as_of]
        if due:
            c = due[-1].counts
            self.summary.setText(
                self.tr("Kỳ gần nhất: đã nộp {done}/{total} đơn vị (đúng hạn {on}, chậm {late}), chưa nộp {missing}.").format(
                    done=c.submitted, total=c.expected, on=c.on_time, late=c.late, missing=c.missing
                )
            )
        else:
            self.summary.setText(self.tr("Chưa có kỳ nào đến hạn."))

    def _drill_down(self, current, _previous) -> None:
        row, ps, _us = self.model.cell(self.proxy.mapToSource(current)) if current.isValid() else (None, None, None)
        self.member_units.show_for(row.unit if row else None, self.requirement.currentData(),
                                   ps.period.number if ps else self.current_period())

    def current_period(self) -> int | None:
        """The number of the period under way on ``clock.today()`` (the
        first not yet past its due date), else the last one."""
        periods = self.model.periods
        if not periods:
            return None
        today = clock.today()
        return next((ps.period.number for ps in periods if ps.period.due >= today), periods[-1].period.number)

    def go_to_period(self, period: int | None) -> None:
        """Make ``period``'s column the current one, scrolled into view."""
        for col, ps in enumerate(self.model.periods, 1):
            if ps.period.number == period:
                index = self.proxy.index(0, col) if self.proxy.rowCount() else QModelIndex()
                if index.isValid():
                    self.table.setCurrentIndex(index)
                    self.table.scrollTo(index, QAbstractItemView.PositionAtCenter)
                else:
                    self.table.horizontalScrollBar().setValue(self.table.columnViewportPosition(col))

    def show_period(self, requirement_id: int, period: int) -> None:
        """Open the grid on ``period`` of a requirement with only the units
        that have sent nothing for it."""
        self.refresh()
        self.requirement.setCurrentIndex(max(self.requirement.findData(requirement_id), 0))
        ps = next((p for p in self.model.periods if p.period.number == period), None)
        if ps is not None:
            self.proxy.set_missing_in(period)
            self.only_missing.setText(self.tr("Chỉ đơn vị chưa nộp {period}").format(period=ps.period.label(ps.recurring)))
            self.only_missing.setChecked(True)
            self.only_missing.show()
        self.go_to_period(period)
        self.table.setFocus()

    def _clear_missing_filter(self) -> None:
        self.proxy.set_missing_in(None)
        self.only_missing.blockSignals(True)
        self.only_missing.setChecked(False)
        self.only_missing.blockSignals(False)
        self.only_missing.hide()

    # -- actions -------------------------------------------------------
    def _selected_cells(self):
        cells = []
        for index in self.table.selectionModel().selectedIndexes():
            row, ps, us = self.model.cell(self.proxy.mapToSource(index))
            if ps is not None and us is not None:
                cells.append((row, ps, us))
        return cells

    def record_current(self) -> None:
        from desktop.ui.dialogs.submission import SubmissionDialog

        index = self.table.currentIndex()
        if not index.isValid():
            QMessageBox.information(self, self.tr("Ghi nhận"), self.tr("Hãy chọn trong bảng đơn vị và kỳ cần ghi nhận trước."))
            return
        row, ps, us = self.model.cell(self.proxy.mapToSource(index))
        if ps is None:
            ps = self.model.periods[-1] if self.model.periods else None
            us = row.cells.get(ps.period.number) if ps else None
        if ps is None or us is None:
            QMessageBox.information(self, self.tr("Không áp dụng"), self.tr("Đơn vị này không phải thực hiện kỳ này."))
            return
        dialog = SubmissionDialog(self.ctx, row.unit, ps.requirement, ps.period, us.submission, self)
        if dialog.exec() and dialog.recorded is not None:
            self._pushed(dialog.recorded)

    @window_action("submissions.record")
    def record_bulk(self) -> None:
        from desktop.ui.dialogs.bulk_record import BulkRecordDialog

        cells = [c for c in self._selected_cells() if c[2].status in (Status.MISSING, Status.PENDING)]
        if not cells:
            QMessageBox.information(self, self.tr("Ghi nhận hàng loạt"), self.tr("Hãy chọn các ô “chưa nộp” cần ghi nhận."))
            return
        dialog = BulkRecordDialog(self.ctx, [(row, ps) for row, ps, _us in cells], self)
        dialog.exec()
        for recorded in dialog.recorded:  # also those saved before a refusal: each can be undone
            self._pushed(recorded)

    def exempt_selected(self) -> None:
        from desktop.ui.dialogs.exempt import ExemptDialog

        cells = self._selected_cells()
        if not cells:
            QMessageBox.information(self, self.tr("Miễn"), self.tr("Hãy chọn trong bảng ô (đơn vị, kỳ) cần miễn trước."))
            return
        ExemptDialog(self.ctx, [(row, ps) for row, ps, _us in cells], self).exec()

    def import_sheet(self) -> None:
        from desktop.ui.dialogs.import_tracking import ImportTrackingDialog

        rid = self.requirement.currentData()
        if rid is None:
            QMessageBox.information(self, self.tr("Nhập bảng theo dõi"), self.tr("Hãy thêm văn bản và yêu cầu trước."))
            return
        ImportTrackingDialog(self.ctx, rid, self).exec()

    def open_forms(self) -> None:
        from desktop.ui.dialogs.forms_make import FormsMakeDialog

        rid = self.requirement.currentData()
        if rid is None:
            QMessageBox.information(self, self.tr("Phiếu báo cáo"), self.tr("Hãy thêm văn bản và yêu cầu trước."))
            return
        FormsMakeDialog(self.ctx, rid, self.current_period(), self).exec()

    def _pushed(self, recorded) -> None:
        self.undo_stack.append(recorded)
        self.undo_button.setEnabled(True)

    @window_action("submissions.undo")
    def undo_last(self) -> None:
        if not self.undo_stack:
            return
        recorded = self.undo_stack.pop()
        try:
            self.ctx.run(submissions.undo, recorded.recorded, parent=self)
        except Exception as exc:
            show_error(self, exc)
        self.undo_button.setEnabled(bool(self.undo_stack))
