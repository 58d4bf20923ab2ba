"""Upper-office views: on the dashboard, each member office's state per
requirement this office assigned down; under the tracking grid, a member
office's own units as its package listed them (the drill-down)."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from desktop.core.rollup import indicator_labels, units_from_package
from desktop.ui.widgets.columns import fit_columns

STATE_COLOURS = {"not_sent": "#f8d7da", "waiting": "#fff3cd", "accepted": "#d4edda", "returned": "#fde2c8"}


def _date(d) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


class MemberOfficesBox(QGroupBox):
    """Member offices × requirements assigned down: not sent, waiting for
    review, accepted, returned. Hidden for an office that assigned nothing."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setTitle(self.tr("Văn phòng trực thuộc theo yêu cầu đã giao"))
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([self.tr("Văn phòng"), self.tr("Yêu cầu"), self.tr("Hạn"),
                                              self.tr("Trạng thái"), self.tr("Ngày nhận"), self.tr("Báo cáo số")])
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, 1)
        QVBoxLayout(self).addWidget(self.table)
        self.states = {"not_sent": self.tr("chưa gửi"), "waiting": self.tr("chờ duyệt"),
                       "accepted": self.tr("đã chấp nhận"), "returned": self.tr("trả lại để bổ sung")}

    def refresh(self, as_of=None) -> None:
        from desktop.core.levels import member_office_states

        rows = self.ctx.read(lambda session: member_office_states(session, as_of))
        self.setVisible(bool(rows))
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            for j, text in enumerate([r.office, r.requirement, _date(r.due), self.states.get(r.state, r.state),
                                      _date(r.received_on), r.report_number or ""]):
                item = QTableWidgetItem(text)
                if j == 3:
                    item.setBackground(QColor(STATE_COLOURS.get(r.state, "#ffffff")))
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()


class MemberUnitsPanel(QGroupBox):
    """The units of the member office chosen in the tracking grid, from the
    package it sent for the requirement and period; hidden otherwise."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.note = QLabel()
        self.table = QTableWidget(0, 4)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        self.table.verticalHeader().hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        self.hide()

    def show_for(self, unit, requirement_id: int | None, period: int | None) -> None:
        if unit is None or requirement_id is None or period is None:
            self.hide()
            return
        rows, labels = self.ctx.read(lambda session: (units_from_package(session, unit, requirement_id, period),
                                                      indicator_labels(session, requirement_id)))
        if not rows:
            self.hide()
            return
        keys = sorted({k for r in rows for k in r.values})
        self.setTitle(self.tr("Đơn vị của “{office}” theo gói báo cáo").format(office=unit.name))
        self.note.setText(self.tr("{n} đơn vị; tổng: {totals}").format(
            n=len(rows), totals=", ".join(f"{labels.get(k, k)}: {sum(r.values.get(k, 0) for r in rows):g}" for k in keys)))
        self.table.setColumnCount(4 + len(keys))
        self.table.setHorizontalHeaderLabels([self.tr("Đơn vị"), self.tr("Khối"), self.tr("Tình trạng"),
                                              self.tr("Ngày nhận"), *(labels.get(k, k) for k in keys)])
        words = {"on_time": self.tr("đúng hạn"), "late": self.tr("chậm"), "missing": self.tr("chưa nộp"),
                 "exempt": self.tr("miễn"), "pending": self.tr("chưa đến hạn")}
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            received = r.received_on or ""
            if received:
                y, m, d = received.split("-")
                received = f"{d}/{m}/{y}"
            for j, text in enumerate([r.name, r.sector or "", words.get(r.status, r.status), received,
                                      *(f"{r.values.get(k, ''):g}" if k in r.values else "" for k in keys)]):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.show()
