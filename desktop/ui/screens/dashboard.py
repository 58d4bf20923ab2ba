"""Tổng quan: every requirement's latest period with its progress, what is
overdue and what is coming, and a chart by sector; one click to the units
that have not sent anything."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.status import Counts, PeriodStatus
from desktop.operations import status
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.screens.base import Screen
from desktop.ui.widgets.member_offices import MemberOfficesBox
from desktop.ui.widgets.progress_delegate import ProgressDelegate
from desktop.ui.widgets.sector_chart import SectorChart
from desktop.ui.widgets.table_models import Column, RowTableModel
from desktop.core import clock


@dataclass
class DashboardRow:
    directive: str
    requirement_id: int
    title: str
    period: int
    period_label: str
    due: date
    counts: Counts
    by_sector: dict[str, Counts]


def load_dashboard(board) -> tuple[str | None, list[DashboardRow], list[DashboardRow]]:
    """(office name, latest due period of each requirement, upcoming
    periods) as the dashboard's rows."""

    def row(directive, ps: PeriodStatus) -> DashboardRow:
        return DashboardRow(directive.number, ps.requirement.id, ps.requirement.title, ps.period.number,
                            ps.period.label(ps.recurring), ps.period.due, ps.counts, ps.by_sector())

    numbers = {ds.directive.id: ds.directive for ds in board.overview}
    latest = [row(d.directive, ps) for d in board.directives for ps in d.latest]
    upcoming = [row(numbers[ps.requirement.directive_id], ps) for ps in board.upcoming]
    return board.office, latest, upcoming


class DashboardScreen(Screen):
    watches = (Changed.OFFICE, Changed.UNITS, Changed.DIRECTIVES, Changed.SUBMISSIONS)
    #: (requirement id, period number): show the units that have not sent it
    show_missing = Signal(int, int)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.as_of = clock.today()
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = RowTableModel(
            [
                Column(self.tr("Văn bản"), lambda r: r.directive),
                Column(self.tr("Yêu cầu"), lambda r: r.title, tooltip=lambda r: r.title),
                Column(self.tr("Kỳ"), lambda r: r.period_label),
                Column(self.tr("Tiến độ"), lambda r: r.counts.submitted, progress=lambda r: (r.counts.submitted, r.counts.expected)),
                Column(self.tr("Đúng hạn"), lambda r: r.counts.on_time, align_right=True),
                Column(self.tr("Chậm"), lambda r: r.counts.late, align_right=True),
                Column(self.tr("Chưa nộp"), lambda r: r.counts.missing, align_right=True),
                Column(self.tr("Miễn"), lambda r: r.counts.exempt, align_right=True),
            ],
            search_text=lambda r: f"{r.directive} {r.title}",
        )
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(3, ProgressDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)
        header.setSectionResizeMode(3, QHeaderView.Fixed)
        header.resizeSection(3, 130)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _i: self._open_missing())

        self.missing_button = QPushButton(self.tr("Xem đơn vị chưa nộp"))
        self.missing_button.setEnabled(False)
        self.missing_button.clicked.connect(self._open_missing)

        self.chart = SectorChart()
        self.chart_box = QGroupBox(self.tr("Theo khối"))
        chart_layout = QVBoxLayout(self.chart_box)
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch()

        self.upcoming = QListWidget()
        self.upcoming.setWordWrap(True)
        upcoming_box = QGroupBox(self.tr("Hạn sắp tới"))
        QVBoxLayout(upcoming_box).addWidget(self.upcoming)

        bottom = QSplitter(Qt.Horizontal)
        bottom.addWidget(self.chart_box)
        bottom.addWidget(upcoming_box)
        bottom.setStretchFactor(0, 3)
        bottom.setStretchFactor(1, 2)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.table)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.missing_button)
        top_layout.addLayout(row)

        split = QSplitter(Qt.Vertical)
        split.addWidget(top)
        split.addWidget(bottom)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        # An upper office: each member office's state per requirement it assigned down.
        self.members = MemberOfficesBox(ctx)
        split.addWidget(self.members)
        split.setStretchFactor(2, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def title(self) -> str:
        return self.tr("Tổng quan")

    @window_action("dashboard", "status")
    def refresh(self) -> None:
        office, latest, upcoming = load_dashboard(self.ctx.run(status.dashboard, as_of=self.as_of, names=False))
        self.heading.setText("<h2>{}</h2>".format(office or self.tr("Chưa khai báo văn phòng")))
        overdue = [r for r in latest if r.counts.missing]
        self.summary.setText(
            self.tr("Tính đến ngày {date}: {n} yêu cầu đã đến hạn, {k} yêu cầu còn đơn vị chưa nộp.").format(
                date=format_date(self.as_of), n=len(latest), k=len(overdue)
            )
        )
        self.model.set_rows(latest)
        self.upcoming.clear()
        for r in upcoming:
            self.upcoming.addItem(
                f"{format_date(r.due)} — {r.title} ({r.directive}): "
                + self.tr("đã nộp {done}/{total}").format(done=r.counts.submitted, total=r.counts.expected)
            )
        if not upcoming:
            self.upcoming.addItem(self.tr("Không có hạn nào sắp tới."))
        self.members.refresh(self.as_of)
        if latest:
            self.table.selectRow(0)
        else:
            self.chart.set_data({})
            self.missing_button.setEnabled(False)

    def selected_row(self) -> DashboardRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def _selected(self, current, _previous) -> None:
        row = self.model.row_at(current) if current.isValid() else None
        self.chart.set_data(row.by_sector if row else {})
        self.chart_box.setTitle(self.tr("Theo khối: {title}").format(title=row.title) if row else self.tr("Theo khối"))
        self.missing_button.setEnabled(bool(row and row.counts.missing))
        if row:
            self.missing_button.setText(self.tr("Xem {n} đơn vị chưa nộp").format(n=row.counts.missing))

    def _open_missing(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.show_missing.emit(row.requirement_id, row.period)
