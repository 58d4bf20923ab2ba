"""Miễn: excuse the selected units from one period of a requirement, with
the reason; the dialog names each unit and period, and stays open with
what was typed when the reason is refused."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from db.models import Requirement
from desktop.core.submissions import exempt_unit
from desktop.ui.context import Changed
from desktop.ui.dialogs.form import FormDialog

SHOWN_UNITS = 8


class ExemptDialog(FormDialog):
    """``cells`` are (grid row, period status) pairs, as the tracking grid
    selects them."""

    def __init__(self, ctx, cells, parent=None):
        super().__init__(QCoreApplication.translate("ExemptDialog", "Miễn thực hiện"), parent)
        self.ctx, self.cells = ctx, list(cells)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Miễn"))
        ps = self.cells[0][1]
        lines = [f"<b>{escape(ps.requirement.title)}</b>"]
        for row, period in self.cells[:SHOWN_UNITS]:
            lines.append(f"• {escape(row.unit.name)} — {escape(period.period.label(period.recurring))}")
        if len(self.cells) > SHOWN_UNITS:
            lines.append(self.tr("… và {n} ô khác").format(n=len(self.cells) - SHOWN_UNITS))
        self.note.setText("<br>".join(lines))
        self.note.show()
        self.reason = QLineEdit()
        self.reason.setMinimumWidth(360)
        self.reason.setPlaceholderText(self.tr("ví dụ: không phát sinh, mới thành lập"))
        self.form.addRow(self.tr("Lý do miễn (*)"), self.reason)

    def save(self) -> None:
        reason = self.reason.text()
        cells = [(row.unit, period.requirement.id, period.period.number) for row, period in self.cells]

        def run(session):
            for unit, requirement_id, number in cells:
                exempt_unit(session, unit, session.get(Requirement, requirement_id), reason=reason, period=number)

        self.ctx.write(run, Changed.SUBMISSIONS)
