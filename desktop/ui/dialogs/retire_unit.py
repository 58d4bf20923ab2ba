"""A unit ceases: dissolved, or merged into another unit, on a date."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox

from db.models import Organization
from desktop.operations import units
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value


class RetireDialog(FormDialog):
    def __init__(self, ctx, unit: Organization, parent=None):
        super().__init__(QCoreApplication.translate("RetireDialog", "Thôi hoạt động / Sáp nhập"), parent)
        self.ctx, self.unit = ctx, unit
        self.note.setText(
            self.tr("“{name}” sẽ không còn được tính từ ngày thôi hoạt động; số liệu trước đó vẫn giữ nguyên.").format(name=unit.name)
        )
        self.note.show()
        self.on = date_edit()
        self.into = QComboBox()
        self.into.addItem(self.tr("— Giải thể, không sáp nhập —"), None)
        for other in ctx.run(units.listing):
            if other.id != unit.id:
                self.into.addItem(other.name, other.id)
        # Never assumed: the successor owes what this unit still owed only
        # when the user says so (docs/counting-rules.md, rule 4).
        self.carry = QCheckBox(self.tr("Đơn vị nhận sáp nhập chịu các kỳ báo cáo đơn vị này còn nợ"))
        self.carry.setEnabled(False)
        self.into.currentIndexChanged.connect(self._merging_changed)
        self.form.addRow(self.tr("Ngày thôi hoạt động"), self.on)
        self.form.addRow(self.tr("Sáp nhập vào"), self.into)
        self.form.addRow("", self.carry)

    def _merging_changed(self, _index: int) -> None:
        merging = self.into.currentData() is not None
        self.carry.setEnabled(merging)
        if not merging:
            self.carry.setChecked(False)

    @window_action("units.retire")
    def save(self) -> None:
        into_id = self.into.currentData()
        self.ctx.run(units.retire, self.unit.id, on=date_value(self.on), merged_into=into_id,
                     carry_over=self.carry.isChecked() and into_id is not None, parent=self)
