"""Register a directive: typed by hand, or read from the document itself
(.docx, .pdf, .txt) and checked by the clerk before it is saved, with the
requirements its deadlines call for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QFileDialog, QLabel, QLineEdit, QPlainTextEdit, QPushButton

from desktop.core.dates import format_date
from desktop.core.intake import DirectiveFields, ProposedRequirement, extract_directive, propose_requirements, register_issuer
from desktop.io.document_text import read_document_text
from desktop.operations import directives
from desktop.operations.directives import RequirementSpec
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value
from desktop.ui.errors import show_error


class DirectiveDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(QCoreApplication.translate("DirectiveDialog", "Thêm văn bản chỉ đạo"), parent)
        self.ctx = ctx
        self.source: tuple[str, str] | None = None  # (file name, sha256) of the document read
        self.proposals: list[ProposedRequirement] = []
        self.read_button = QPushButton(self.tr("Đọc từ tệp văn bản (.docx, .pdf, .txt)…"))
        self.read_button.clicked.connect(self.choose_file)
        self.number = QLineEdit()
        self.number.setPlaceholderText("314/KH-LĐLĐ")
        self.issued = date_edit()
        self.issuer = QLineEdit()
        self.issuer.setPlaceholderText(self.tr("Liên đoàn Lao động tỉnh …"))
        self.subject = QPlainTextEdit()
        self.subject.setMinimumWidth(420)
        self.subject.setMaximumHeight(90)
        self.found = QLabel()
        self.found.setWordWrap(True)
        self.found.hide()
        self.add_requirements = QCheckBox()
        self.add_requirements.setChecked(True)
        self.add_requirements.hide()
        self.form.addRow(self.read_button)
        self.form.addRow(self.tr("Số, ký hiệu (*)"), self.number)
        self.form.addRow(self.tr("Ngày ban hành"), self.issued)
        self.form.addRow(self.tr("Cơ quan ban hành"), self.issuer)
        self.form.addRow(self.tr("Trích yếu"), self.subject)
        self.form.addRow(self.found)
        self.form.addRow(self.add_requirements)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn văn bản chỉ đạo"), "", self.tr("Văn bản (*.docx *.pdf *.txt);;Tất cả các tệp (*)")
        )
        if name:
            self.load_file(Path(name))

    def load_file(self, path: Path) -> None:
        """Fill the form from the document at ``path``; what the reader did
        not find stays as typed, and the clerk is told what to check."""
        try:
            doc = read_document_text(path)
            fields = extract_directive(doc.text, wrapped=doc.wrapped)
            proposals, notes = propose_requirements(fields)
        except Exception as exc:  # a refused file is explained; the form keeps what was typed
            show_error(self, exc)
            return
        self.source = (doc.file_name, doc.sha256)
        self._fill(fields)
        self.proposals = proposals
        self._show_found(fields, doc.warnings + fields.warnings + notes)

    def _fill(self, fields: DirectiveFields) -> None:
        if fields.number:
            self.number.setText(fields.number)
        if fields.issued_on:
            self.issued.set_date(fields.issued_on)
        issuer = register_issuer(fields)
        if issuer:
            self.issuer.setText(issuer)
        if fields.subject:
            self.subject.setPlainText(fields.subject)

    def _show_found(self, fields: DirectiveFields, warnings: list[str]) -> None:
        lines = [self.tr("Đã đọc từ tệp {name}. Hãy kiểm tra lại trước khi lưu.").format(name=self.source[0])]
        for d in fields.deadlines:
            when = format_date(d.date) if d.date else self.tr("không rõ ngày")
            lines.append(self.tr("• Hạn {date}: {text}").format(date=when, text=_short(d.text)))
        if fields.recurrence:
            lines.append(self.tr("• Chu kỳ báo cáo: {text}").format(text=fields.recurrence.text))
        lines += [self.tr("Lưu ý: {text}").format(text=w) for w in warnings]
        self.found.setText("\n".join(lines))
        self.found.show()
        self.add_requirements.setText(
            self.tr("Thêm {n} yêu cầu đề xuất từ các hạn trên (sửa được sau)").format(n=len(self.proposals))
        )
        self.add_requirements.setVisible(bool(self.proposals))

    @window_action("directives.add")
    def save(self) -> None:
        number, issued, issuer, subject = self.number.text(), date_value(self.issued), self.issuer.text(), self.subject.toPlainText()
        file_name, sha256 = self.source or (None, None)
        proposals = self.proposals if self.add_requirements.isChecked() else []

        self.ctx.run(directives.add, parent=self, number=number, issuer=issuer, issued_on=issued, subject=subject,
                     file_name=file_name, file_sha256=sha256,
                     requirements=[RequirementSpec(title=p.title, due=p.due, every_months=p.every_months,
                                                   first_due=p.first_due) for p in proposals])


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
