"""Draws "32/83" over a progress bar in a table cell."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionProgressBar, QStyledItemDelegate

PROGRESS_ROLE = Qt.UserRole + 10  # (done, total)


class ProgressDelegate(QStyledItemDelegate):
    def paint(self, painter, option, index) -> None:
        value = index.data(PROGRESS_ROLE)
        if not value:
            return super().paint(painter, option, index)
        done, total = value
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(2, 3, -2, -3)
        bar.minimum, bar.maximum = 0, max(total, 1)
        bar.progress = min(done, max(total, 1))
        bar.text = f"{done}/{total}"
        bar.textVisible = True
        bar.textAlignment = Qt.AlignCenter
        # Qt 6 draws a bar without State_Horizontal as a vertical one.
        bar.state = option.state | QStyle.State_Enabled | QStyle.State_Horizontal
        QApplication.style().drawControl(QStyle.CE_ProgressBar, bar, painter)
