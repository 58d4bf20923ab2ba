"""Ghi nhận hàng loạt: one received date for several selected cells (units
that handed in the same day); the date goes through the window's date
field, and a refused date keeps the dialog open with what was typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui.dialogs.form import FormDialog, date_edit, date_value
from desktop.ui.dialogs.submission import record_entry


class BulkRecordDialog(FormDialog):
    """``cells`` are (grid row, period status) pairs; after a save,
    ``recorded`` holds what undo needs, one per cell."""

    def __init__(self, ctx, cells, parent=None):
        super().__init__(QCoreApplication.translate("BulkRecordDialog", "Ghi nhận hàng loạt"), parent)
        self.ctx, self.cells = ctx, list(cells)
        self.recorded: list = []
        self.note.setText(self.tr("Ghi nhận {n} ô đã chọn là đã nộp, cùng một ngày nhận.").format(n=len(self.cells)))
        self.note.show()
        self.received = date_edit(name=self.tr("Ngày nhận"))
        self.form.addRow(self.tr("Ngày nhận (*)"), self.received)

    def save(self) -> None:
        received = date_value(self.received)
        # After a refusal part-way, saving again goes on from the first cell
        # not yet recorded, so none is recorded twice.
        for row, ps in self.cells[len(self.recorded):]:
            self.recorded.append(
                record_entry(self.ctx, row.unit.id, ps.requirement.id, ps.period.number, received=received,
                             doc_number="", doc_date=None, raw_values={}, note="", files=[])
            )
