"""Đơn vị: the member units, searched as you type without diacritics, in
Vietnamese order, with add, edit, retire or merge, history, and import."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from db.models import Organization
from desktop.core.dates import format_date
from desktop.core.units import is_active
from desktop.core.vntext import sort_key
from desktop.operations import units as unit_ops
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.screens.base import Screen
from desktop.ui.widgets.table_models import Column, RowTableModel, SearchProxy
from desktop.core import clock

ALL_SECTORS = ""


class UnitsScreen(Screen):
    watches = (Changed.UNITS, Changed.OFFICE)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.model = RowTableModel(
            [
                Column(self.tr("Mã"), lambda u: u.code),
                Column(self.tr("Tên đơn vị"), lambda u: u.name, tooltip=lambda u: u.address),
                Column(self.tr("Khối"), lambda u: u.sector),
                Column(self.tr("Chủ tịch"), lambda u: u.chair),
                Column(self.tr("Điện thoại"), lambda u: u.phone),
                Column(self.tr("Đoàn viên"), lambda u: u.members, align_right=True),
                Column(self.tr("Nữ"), lambda u: u.female_members, align_right=True),
                Column(self.tr("Lao động"), lambda u: u.workers, align_right=True),
                Column(self.tr("Tình trạng"), self._state),
            ],
            search_text=lambda u: " ".join(filter(None, (u.code, u.name, u.sector, u.chair, u.phone))),
        )
        self.proxy = SearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm đơn vị (gõ không dấu cũng được)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.set_search)
        self.sector = QComboBox()
        self.sector.currentIndexChanged.connect(self._apply_filters)
        self.state = QComboBox()
        self.state.addItem(self.tr("Đang hoạt động"), "active")
        self.state.addItem(self.tr("Đã thôi hoạt động"), "retired")
        self.state.addItem(self.tr("Tất cả"), "all")
        self.state.currentIndexChanged.connect(self._apply_filters)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(1, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_unit())
        self.count = QLabel()

        self.add_button = QPushButton(self.tr("&Thêm đơn vị"))
        self.edit_button = QPushButton(self.tr("&Sửa"))
        self.retire_button = QPushButton(self.tr("Thôi hoạt động / Sáp nhập…"))
        self.history_button = QPushButton(self.tr("&Lịch sử"))
        self.import_button = QPushButton(self.tr("&Nhập từ tệp Excel…"))
        self.add_button.clicked.connect(self.add_unit)
        self.edit_button.clicked.connect(self.edit_unit)
        self.retire_button.clicked.connect(self.retire_unit)
        self.history_button.clicked.connect(self.show_history)
        self.import_button.clicked.connect(self.import_units)
        QShortcut(QKeySequence.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence.New, self, activated=self.add_unit)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("Khối:")))
        filters.addWidget(self.sector, 1)
        filters.addWidget(self.state)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.retire_button, self.history_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)

    def title(self) -> str:
        return self.tr("Đơn vị")

    def _state(self, u: Organization) -> str:
        if u.active_to is None:
            return self.tr("Đang hoạt động")
        return self.tr("Thôi hoạt động từ {date}").format(date=format_date(u.active_to))

    @window_action("units.list")
    def refresh(self) -> None:
        units = self.ctx.run(unit_ops.listing, include_retired=True)
        chosen = self.sector.currentData()
        self.sector.blockSignals(True)
        self.sector.clear()
        self.sector.addItem(self.tr("Tất cả"), ALL_SECTORS)
        for name in sorted({u.sector for u in units if u.sector}, key=sort_key):
            self.sector.addItem(name, name)
        index = self.sector.findData(chosen)
        self.sector.setCurrentIndex(max(index, 0))
        self.sector.blockSignals(False)
        self.model.set_rows(units)
        self._apply_filters()
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)

    def _apply_filters(self) -> None:
        sector, state, today = self.sector.currentData(), self.state.currentData(), clock.today()

        def keep(u: Organization) -> bool:
            if sector and u.sector != sector:
                return False
            if state == "active":
                return is_active(u, today)
            if state == "retired":
                return not is_active(u, today)
            return True

        self.proxy.set_predicate(keep)
        self._update_count()

    def _update_count(self, *_args) -> None:
        self.count.setText(self.tr("{shown} / {total} đơn vị").format(shown=self.proxy.rowCount(), total=self.model.rowCount()))

    def selected_unit(self) -> Organization | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.row_at(self.proxy.mapToSource(index))

    def add_unit(self) -> None:
        from desktop.ui.dialogs.unit_edit import UnitDialog

        UnitDialog(self.ctx, None, self).exec()

    def chosen_unit(self, action: str) -> Organization | None:
        """The selected unit, or None after telling the clerk to pick one
        for ``action`` (e.g. "sửa")."""
        unit = self.selected_unit()
        if unit is None:
            QMessageBox.information(self, self.tr("Chưa chọn đơn vị"),
                                    self.tr("Hãy chọn một đơn vị trong danh sách rồi bấm “{action}”.").format(action=action))
        return unit

    def edit_unit(self) -> None:
        from desktop.ui.dialogs.unit_edit import UnitDialog

        unit = self.chosen_unit(self.tr("Sửa"))
        if unit is not None:
            UnitDialog(self.ctx, unit, self).exec()

    def retire_unit(self) -> None:
        from desktop.ui.dialogs.retire_unit import RetireDialog

        unit = self.chosen_unit(self.tr("Thôi hoạt động / Sáp nhập…"))
        if unit is not None:
            RetireDialog(self.ctx, unit, self).exec()

    def show_history(self) -> None:
        from desktop.ui.dialogs.unit_history import HistoryDialog

        unit = self.chosen_unit(self.tr("Lịch sử"))
        if unit is not None:
            HistoryDialog(self.ctx, unit, self).exec()

    def import_units(self) -> None:
        from desktop.ui.dialogs.import_units import ImportUnitsDialog

        ImportUnitsDialog(self.ctx, self).exec()
