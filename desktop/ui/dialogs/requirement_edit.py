"""Add a requirement to a directive: one due date or a recurrence, and the
indicators to collect."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit

from db.models import Directive
from desktop.core.directives import add_requirement, parse_indicator
from desktop.ui.context import Changed
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value


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
        self.indicators = QPlainTextEdit()
        self.indicators.setPlaceholderText(self.tr("sessions:Số buổi\nparticipants:Số người tham dự"))
        self.indicators.setMaximumHeight(80)
        self.form.addRow(self.tr("Yêu cầu (*)"), self.title_edit)
        self.form.addRow(self.tr("Tần suất"), self.schedule)
        self.form.addRow(self.tr("Hạn (kỳ đầu)"), self.due)
        self.form.addRow(self.tr("Chỉ tiêu (mỗi dòng KHÓA:Tên)"), self.indicators)

    def save(self) -> None:
        title, every, due = self.title_edit.text(), self.schedule.currentData(), date_value(self.due)
        indicators = [parse_indicator(line) for line in self.indicators.toPlainText().splitlines() if line.strip()]
        directive_id = self.directive_id

        def run(session):
            directive = session.get(Directive, directive_id)
            if every:
                return add_requirement(session, directive, title=title, every_months=every, first_due=due, indicators=indicators)
            return add_requirement(session, directive, title=title, due=due, indicators=indicators)

        self.ctx.write(run, Changed.DIRECTIVES)
