"""Table models over plain rows, with Vietnamese sorting and
diacritic-insensitive filtering done by the proxy."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from desktop.core.vntext import fold, sort_key
from desktop.ui.widgets.progress_delegate import PROGRESS_ROLE

SORT_ROLE = Qt.UserRole + 1
SEARCH_ROLE = Qt.UserRole + 2
ROW_ROLE = Qt.UserRole + 3


@dataclass
class Column:
    title: str
    value: Callable[[Any], Any]
    align_right: bool = False
    tooltip: Callable[[Any], str | None] | None = None
    decoration: Callable[[Any], Any] | None = None
    background: Callable[[Any], Any] | None = None
    progress: Callable[[Any], tuple[int, int]] | None = None


class RowTableModel(QAbstractTableModel):
    """Rows of any kind shown through a list of ``Column``s."""

    def __init__(self, columns: Sequence[Column], search_text: Callable[[Any], str] = str, parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._search = search_text
        self._folded: list[str] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self._folded = [fold(self._search(r)) for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.columns[section].title
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return section + 1
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.DisplayRole:
            value = col.value(row)
            return "" if value is None else str(value)
        if role == SORT_ROLE:
            value = col.value(row)
            if isinstance(value, (int, float)):
                return value
            return sort_key("" if value is None else str(value))
        if role == SEARCH_ROLE:
            return self._folded[index.row()]
        if role == ROW_ROLE:
            return row
        if role == Qt.TextAlignmentRole and col.align_right:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and col.tooltip:
            return col.tooltip(row)
        if role == Qt.DecorationRole and col.decoration:
            return col.decoration(row)
        if role == PROGRESS_ROLE and col.progress:
            return col.progress(row)
        if role == Qt.BackgroundRole and col.background:
            return col.background(row)
        return None

    def row_at(self, index: QModelIndex) -> Any:
        return self.rows[index.row()]


def refilter(proxy: QSortFilterProxyModel, change: Callable[[], None]) -> None:
    """Apply ``change`` to what ``proxy`` filters on, then filter again
    (``beginFilterChange`` where Qt has it, ``invalidateFilter`` before)."""
    if hasattr(proxy, "beginFilterChange"):
        proxy.beginFilterChange()
        change()
        proxy.endFilterChange()
    else:
        change()
        proxy.invalidateFilter()


class SearchProxy(QSortFilterProxyModel):
    """Sorts by ``SORT_ROLE`` (Vietnamese order for text) and keeps rows
    whose folded text holds every word typed, plus an optional predicate."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []
        self._predicate: Callable[[Any], bool] | None = None

    def set_search(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "_words", fold(text).split()))

    def set_predicate(self, predicate: Callable[[Any], bool] | None) -> None:
        refilter(self, lambda: setattr(self, "_predicate", predicate))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if self._words:
            text = model.data(index, SEARCH_ROLE) or ""
            if not all(w in text for w in self._words):
                return False
        if self._predicate is not None:
            return self._predicate(model.data(index, ROW_ROLE))
        return True

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        # Row numbers count what is shown, not the rows behind the filter.
        if orientation == Qt.Vertical and role == Qt.DisplayRole:
            return section + 1
        return super().headerData(section, orientation, role)

    def lessThan(self, left: QModelIndex, right: QModelIndex) -> bool:
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if type(a) is not type(b):
            return str(a) < str(b)
        return a < b
