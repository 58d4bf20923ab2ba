"""Add a requirement to a directive: one due date or a recurrence, and the
indicators to collect."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from db.models import Directive
from desktop.core.directives import parse_indicators
from desktop.operations import directives
from desktop.operations.directives import RequirementSpec
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value
from desktop.ui.widgets.indicator_table import IndicatorTable


class RequirementDialog(FormDialog):
    def __init__(self, ctx, directive: Directive, parent=None):
        super().__init__(
            QCoreApplication.translate("RequirementDialog", "Thêm yêu cầu cho văn bản {number}").format(number=directive.number), parent
        )
        self.ctx, self.directive_id = ctx, directive.id
        self.title_edit = QLineEdit()
        self.title_edit.setMinimumWidth(420)
        self.title_edit.setPlaceholderText(self.tr("Ví dụ: Xây dựng kế hoạch thực hiện"))
        self.schedule = QComboBox()
        self.schedule.addItem(self.tr("Một lần"), None)
        self.schedule.addItem(self.tr("3 tháng/lần"), 3)
        self.schedule.addItem(self.tr("6 tháng/lần"), 6)
        self.schedule.addItem(self.tr("Hằng năm"), 12)
        self.due = date_edit()
        self.indicators = IndicatorTable()
        self.form.addRow(self.tr("Yêu cầu (*)"), self.title_edit)
        self.form.addRow(self.tr("Tần suất"), self.schedule)
        self.form.addRow(self.tr("Hạn (kỳ đầu)"), self.due)
        self.form.addRow(self.tr("Chỉ tiêu (số liệu đơn vị báo cáo)"), self.indicators)

    @window_action("requirements.add")
    def save(self) -> None:
        every, due = self.schedule.currentData(), date_value(self.due)
        indicators = parse_indicators(self.indicators.names())
        spec = RequirementSpec(title=self.title_edit.text(), indicators=indicators,
                               **({"every_months": every, "first_due": due} if every else {"due": due}))
        self.ctx.run(directives.add_requirement_to, self.directive_id, spec, parent=self)
