"""Văn bản: the directives from above, and for each the requirements it
places on member units."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.models import Directive
from desktop.core.dates import format_date
from desktop.operations import directives
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.screens.base import Screen
from desktop.ui.widgets.columns import fit_columns
from desktop.ui.widgets.table_models import Column, RowTableModel, SearchProxy


def describe_schedule(r) -> str:
    if not r.every_months:
        return QCoreApplication.translate("DirectivesScreen", "Hạn {date}").format(date=format_date(r.first_due))
    if r.every_months == 12:
        every = QCoreApplication.translate("DirectivesScreen", "hằng năm")
    else:
        every = QCoreApplication.translate("DirectivesScreen", "{n} tháng/lần").format(n=r.every_months)
    return QCoreApplication.translate("DirectivesScreen", "{every}, kỳ đầu hạn {date}").format(every=every, date=format_date(r.first_due))


def _table(model, stretch: int) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    fit_columns(table, stretch)
    return table


class DirectivesScreen(Screen):
    watches = (Changed.DIRECTIVES,)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = RowTableModel(
            [
                Column(self.tr("Số, ký hiệu"), lambda d: d.number),
                Column(self.tr("Ngày"), lambda d: format_date(d.issued_on) if d.issued_on else ""),
                Column(self.tr("Trích yếu"), lambda d: d.subject, tooltip=lambda d: d.subject),
                Column(self.tr("Cơ quan ban hành"), lambda d: d.issuer),
            ],
            search_text=lambda d: f"{d.number} {d.subject or ''} {d.issuer or ''}",
        )
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm văn bản theo số, trích yếu…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.table = _table(self.proxy, 2)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_requirements())

        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.req_model = RowTableModel(
            [
                Column(self.tr("Mã"), lambda r: r.id, align_right=True),
                Column(self.tr("Yêu cầu"), lambda r: r.title, tooltip=lambda r: r.title),
                Column(self.tr("Hạn / chu kỳ"), lambda r: describe_schedule(r)),
                Column(self.tr("Chỉ tiêu"), lambda r: ", ".join(i["label"] for i in r.indicators or [])),
            ]
        )
        self.req_table = _table(self.req_model, 1)

        add_directive = QPushButton(self.tr("Thêm &văn bản…"))
        add_directive.clicked.connect(self.add_directive)
        self.add_requirement_button = QPushButton(self.tr("Thêm &yêu cầu…"))
        self.add_requirement_button.clicked.connect(self.add_requirement)
        self.add_requirement_button.setEnabled(False)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.search)
        lv.addWidget(self.table, 1)
        lb = QHBoxLayout()
        lb.addWidget(add_directive)
        lb.addStretch()
        lv.addLayout(lb)
        right = QWidget()
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        rv.addWidget(self.detail)
        rv.addWidget(QLabel(self.tr("Yêu cầu đối với đơn vị:")))
        rv.addWidget(self.req_table, 1)
        rb = QHBoxLayout()
        rb.addWidget(self.add_requirement_button)
        rb.addStretch()
        rv.addLayout(rb)
        split = QSplitter(Qt.Vertical)
        split.addWidget(left)
        split.addWidget(right)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def title(self) -> str:
        return self.tr("Văn bản")

    @window_action("directives.list")
    def refresh(self) -> None:
        current = self.selected_directive()
        self.model.set_rows(self.ctx.run(directives.listing))
        row = next((i for i, d in enumerate(self.model.rows) if current and d.id == current.id), 0)
        if self.model.rows:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        self._show_requirements()

    def selected_directive(self) -> Directive | None:
        index = self.table.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index)) if index.isValid() else None

    @window_action("requirements.list")
    def _show_requirements(self) -> None:
        d = self.selected_directive()
        self.add_requirement_button.setEnabled(d is not None)
        if d is None:
            self.detail.setText(self.tr("Chưa có văn bản nào. Bấm “Thêm văn bản” để vào sổ văn bản đầu tiên."))
            self.req_model.set_rows([])
            return
        self.detail.setText(
            f"<b>{d.number}</b> — {format_date(d.issued_on) if d.issued_on else ''}<br>"
            f"{d.issuer or ''}<br><i>{d.subject or ''}</i>"
        )
        self.req_model.set_rows([r for r, _d in self.ctx.run(directives.requirements, d.id)])

    def add_directive(self) -> None:
        from desktop.ui.dialogs.directive_edit import DirectiveDialog

        DirectiveDialog(self.ctx, self).exec()

    def add_requirement(self) -> None:
        from desktop.ui.dialogs.requirement_edit import RequirementDialog

        d = self.selected_directive()
        if d is not None:
            RequirementDialog(self.ctx, d, self).exec()
