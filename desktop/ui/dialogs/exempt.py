"""Miễn: excuse the selected units from one period of a requirement, with
the reason; the dialog names each unit and period, and stays open with
what was typed when the reason is refused."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from desktop.operations import submissions
from desktop.ui.actions import window_action
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

    @window_action("submissions.exempt")
    def save(self) -> None:
        reason = self.reason.text()
        for requirement in dict.fromkeys(period.requirement.id for _row, period in self.cells):
            self.ctx.run(submissions.exempt, parent=self, requirement=requirement, reason=reason,
                         entries=[(row.unit.id, period.period.number) for row, period in self.cells
                                  if period.requirement.id == requirement])
