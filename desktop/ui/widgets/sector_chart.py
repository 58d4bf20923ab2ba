"""A painted bar chart: per sector, one horizontal bar split into on time,
late, missing and exempt, with the numbers written on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.status import Counts, Status
from desktop.ui.widgets.status_style import COLOURS, label

PARTS = (Status.ON_TIME, Status.LATE, Status.MISSING, Status.EXEMPT, Status.PENDING)
BAR_HEIGHT = 22
GAP = 10


class SectorChart(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._data: list[tuple[str, Counts]] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_data(self, data: dict[str, Counts]) -> None:
        self._data = list(data.items())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._data))
        return QSize(480, 30 + rows * (BAR_HEIGHT + GAP) + 28)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        fm = QFontMetrics(self.font())
        label_w = min(self.width() // 3, max((fm.horizontalAdvance(s) for s, _ in self._data), default=80) + 12)
        x0, width = label_w, max(10, self.width() - label_w - 10)
        y = 8
        if not self._data:
            p.drawText(self.rect(), Qt.AlignCenter, self.tr("Chưa có số liệu"))
            return
        for sector, counts in self._data:
            p.setPen(self.palette().text().color())
            p.drawText(QRectF(0, y, label_w - 8, BAR_HEIGHT), Qt.AlignRight | Qt.AlignVCenter, fm.elidedText(sector, Qt.ElideRight, label_w - 8))
            total = max(1, counts.applicable)
            x = float(x0)
            for status in PARTS:
                n = getattr(counts, status.value)
                if not n:
                    continue
                w = width * n / total
                rect = QRectF(x, y, w, BAR_HEIGHT)
                p.fillRect(rect, COLOURS[status])
                if fm.horizontalAdvance(str(n)) + 4 < w:
                    p.setPen(QPen(Qt.white))
                    p.drawText(rect, Qt.AlignCenter, str(n))
                x += w
            y += BAR_HEIGHT + GAP
        # Legend: colour and word, never colour alone.
        x = float(x0)
        for status in PARTS[:4]:
            p.fillRect(QRectF(x, y + 4, 12, 12), COLOURS[status])
            p.setPen(self.palette().text().color())
            text = label(status)
            p.drawText(QRectF(x + 16, y, fm.horizontalAdvance(text) + 4, 20), Qt.AlignVCenter, text)
            x += 16 + fm.horizontalAdvance(text) + 18
