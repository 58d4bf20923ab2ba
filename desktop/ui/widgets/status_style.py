"""How a status looks: a colour, and always a letter and a word too, so it
reads without colour (printouts, colour-blind users)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from desktop.core.status import Status


COLOURS = {
    Status.ON_TIME: QColor("#2e7d32"),
    Status.LATE: QColor("#ef6c00"),
    Status.MISSING: QColor("#c62828"),
    Status.EXEMPT: QColor("#78909c"),
    Status.PENDING: QColor("#1565c0"),
    Status.NOT_APPLICABLE: QColor("#bdbdbd"),
}
BACKGROUNDS = {status: QColor(colour.red(), colour.green(), colour.blue(), 48) for status, colour in COLOURS.items()}
LETTERS = {
    Status.ON_TIME: "✓ Đ",
    Status.LATE: "! C",
    Status.MISSING: "✗ T",
    Status.EXEMPT: "– M",
    Status.PENDING: "… H",
    Status.NOT_APPLICABLE: "",
}


def label(status: Status) -> str:
    return {
        Status.ON_TIME: QCoreApplication.translate("status", "Đúng hạn"),
        Status.LATE: QCoreApplication.translate("status", "Chậm hạn"),
        Status.MISSING: QCoreApplication.translate("status", "Chưa nộp"),
        Status.EXEMPT: QCoreApplication.translate("status", "Được miễn"),
        Status.PENDING: QCoreApplication.translate("status", "Chưa đến hạn"),
        Status.NOT_APPLICABLE: QCoreApplication.translate("status", "Không áp dụng"),
    }[status]
