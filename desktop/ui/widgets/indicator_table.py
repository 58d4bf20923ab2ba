"""The indicators of a requirement as a table of names ("Số buổi", "Số
người tham dự"); the key each name gives is shown beside it, never typed."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from desktop.core.directives import indicator_key
from desktop.core.vntext import clean

START_ROWS = 3


class IndicatorTable(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.table = QTableWidget(0, 3)
        # The unit of measure ("buổi", "người") travels with the indicator to the office above.
        self.table.setHorizontalHeaderLabels([self.tr("Tên chỉ tiêu"), self.tr("Khóa (tự đặt)"), self.tr("Đơn vị tính")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setMinimumHeight(120)
        self.table.itemChanged.connect(self._name_changed)
        add = QPushButton(self.tr("Thêm chỉ tiêu"))
        remove = QPushButton(self.tr("Xóa dòng đã chọn"))
        add.clicked.connect(lambda: self.add_row())
        remove.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        for _ in range(START_ROWS):
            self.add_row()

    def add_row(self, name: str = "") -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        key = QTableWidgetItem()
        key.setFlags(key.flags() & ~key.flags().ItemIsEditable)
        self.table.setItem(row, 1, key)
        self.table.setItem(row, 2, QTableWidgetItem(""))
        self.table.setItem(row, 0, QTableWidgetItem(name))

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def _name_changed(self, item: QTableWidgetItem) -> None:
        if item.column() != 0:
            return
        key_item = self.table.item(item.row(), 1)
        if key_item is not None:
            name = clean(item.text()) or ""
            key_item.setText(indicator_key(name) if name else "")

    def names(self) -> list[str]:
        """The names typed, in order, blank rows left out; a unit of
        measure typed beside a name follows it as "Số buổi|buổi" (what
        ``desktop.core.directives.parse_indicator`` reads)."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text().strip():
                unit = self.table.item(row, 2)
                unit_text = unit.text().replace("|", " ").strip() if unit is not None else ""
                out.append(f"{item.text().replace('|', ' ')}|{unit_text}" if unit_text else item.text())
        return out
