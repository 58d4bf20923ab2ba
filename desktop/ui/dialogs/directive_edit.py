"""Register a directive by hand."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from desktop.core.directives import add_directive
from desktop.ui.context import Changed
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value


class DirectiveDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(QCoreApplication.translate("DirectiveDialog", "Thêm văn bản chỉ đạo"), parent)
        self.ctx = ctx
        self.number = QLineEdit()
        self.number.setPlaceholderText("314/KH-LĐLĐ")
        self.issued = date_edit()
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("Liên đoàn Lao động tỉnh …"))
        self.subject = QPlainTextEdit()
        self.subject.setMinimumWidth(420)
        self.subject.setMaximumHeight(90)
        self.form.addRow(self.tr("Số, ký hiệu (*)"), self.number)
        self.form.addRow(self.tr("Ngày ban hành"), self.issued)
        self.form.addRow(self.tr("Cơ quan ban hành"), self.issuer)
        self.form.addRow(self.tr("Trích yếu"), self.subject)

    def save(self) -> None:
        number, issued, issuer, subject = self.number.text(), date_value(self.issued), self.issuer.text(), self.subject.toPlainText()
        self.ctx.write(
            lambda s: add_directive(s, number=number, issuer=issuer, issued_on=issued, subject=subject), Changed.DIRECTIVES
        )
