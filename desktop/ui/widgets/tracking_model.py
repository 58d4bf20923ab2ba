"""The tracking grid: one row per unit, one column per period of a
requirement; each cell shows the status by colour and by letters."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt

from db.models import Organization
from desktop.core.dates import format_date
from desktop.core.status import PeriodStatus, Status, UnitStatus
from desktop.core.vntext import fold
from desktop.ui.widgets.status_style import BACKGROUNDS, LETTERS, label
from desktop.ui.widgets.table_models import refilter

CELL_ROLE = Qt.UserRole + 20


@dataclass
class GridRow:
    unit: Organization
    cells: dict[int, UnitStatus] = field(default_factory=dict)  # period number -> status


def build_grid(periods: list[PeriodStatus]) -> list[GridRow]:
    rows: dict[int, GridRow] = {}
    for ps in periods:
        for us in ps.units:
            rows.setdefault(us.unit.id, GridRow(us.unit)).cells[ps.period.number] = us
    return sorted(rows.values(), key=lambda r: r.unit.sort_key)


class TrackingModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.periods: list[PeriodStatus] = []
        self.rows: list[GridRow] = []

    def set_periods(self, periods: list[PeriodStatus]) -> None:
        self.beginResetModel()
        self.periods = periods
        self.rows = build_grid(periods)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 1 + len(self.periods)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation != Qt.Horizontal or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Đơn vị")
        ps = self.periods[section - 1]
        if ps.recurring:
            return self.tr("Kỳ {n}\nhạn {date}").format(n=ps.period.number, date=format_date(ps.period.due))
        return self.tr("Hạn {date}").format(date=format_date(ps.period.due))

    def cell(self, index: QModelIndex) -> tuple[GridRow, PeriodStatus | None, UnitStatus | None]:
        row = self.rows[index.row()]
        if index.column() == 0:
            return row, None, None
        ps = self.periods[index.column() - 1]
        return row, ps, row.cells.get(ps.period.number)

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row, ps, us = self.cell(index)
        if index.column() == 0:
            if role == Qt.DisplayRole:
                return row.unit.name
            if role == Qt.UserRole:
                return row.unit.sort_key
            return None
        status = us.status if us else Status.NOT_APPLICABLE
        if role == Qt.DisplayRole:
            return LETTERS[status]
        if role == Qt.BackgroundRole:
            return BACKGROUNDS[status]
        if role == Qt.TextAlignmentRole:
            return int(Qt.AlignCenter)
        if role == Qt.UserRole:
            return list(Status).index(status)
        if role == CELL_ROLE:
            return status
        if role == Qt.ToolTipRole:
            text = label(status)
            if us and us.submission and us.submission.received_on <= ps.as_of:
                s = us.submission
                text += self.tr(" — nhận ngày {date}").format(date=format_date(s.received_on))
                if s.doc_number:
                    text += self.tr(", văn bản số {number}").format(number=s.doc_number)
            if us and us.exemption and status is Status.EXEMPT:
                text += f" — {us.exemption.reason}"
            return text
        return None


class TrackingProxy(QSortFilterProxyModel):
    """Filters by folded unit name and, optionally, to units owing something."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(Qt.UserRole)
        self.words: list[str] = []
        self.only_owing = False
        self.missing_in: int | None = None  # a period number: only units that sent nothing for it

    def set_search(self, text: str) -> None:
        refilter(self, lambda: setattr(self, "words", fold(text).split()))

    def set_only_owing(self, value: bool) -> None:
        refilter(self, lambda: setattr(self, "only_owing", value))

    def set_missing_in(self, period: int | None) -> None:
        refilter(self, lambda: setattr(self, "missing_in", period))

    def filterAcceptsRow(self, source_row: int, _parent) -> bool:
        row = self.sourceModel().rows[source_row]
        if self.words and not all(w in row.unit.name_key for w in self.words):
            return False
        if self.missing_in is not None:
            cell = row.cells.get(self.missing_in)
            if cell is None or cell.status is not Status.MISSING:
                return False
        if self.only_owing:
            return any(c.status in (Status.MISSING, Status.LATE) for c in row.cells.values())
        return True

    def lessThan(self, left, right) -> bool:
        return left.data(Qt.UserRole) < right.data(Qt.UserRole)


