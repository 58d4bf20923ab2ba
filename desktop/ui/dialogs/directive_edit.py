"""Register a directive: typed by hand, or read from the document itself
(.docx, .doc, .pdf, a scan, .txt) and checked by the clerk before it is
saved, with the requirements its deadlines call for. The reading runs in
the background (a scan takes seconds a page) with progress and a button to
stop it; the fields read with little confidence are highlighted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
)

from desktop.core.dates import format_date
from desktop.core.intake import DirectiveFields, ProposedRequirement, register_issuer
from desktop.core.intake.kinds import document_kind
from desktop.io.directive_reading import DirectiveReading
from desktop.operations import directives
from desktop.operations.directives import RequirementSpec
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner

# Below this confidence a field read from the file is highlighted for the
# clerk to check against the paper.
DOUBTFUL_BELOW = 0.75
DOUBTFUL_STYLE = "background-color: #fff3b0;"

FIELD_LABELS = {
    "number": "Số, ký hiệu", "kind": "Loại văn bản", "issuer": "Cơ quan ban hành", "parent_issuer": "Cơ quan cấp trên",
    "place": "Địa danh", "issued_on": "Ngày ban hành", "subject": "Trích yếu", "signing_authority": "Thẩm quyền ký",
    "signer_title": "Chức vụ người ký", "signer_name": "Người ký", "recipients": "Nơi nhận",
    "referenced_documents": "Văn bản viện dẫn", "deadlines": "Các hạn", "recurrence": "Chu kỳ báo cáo",
}


class DirectiveDialog(FormDialog):
    def __init__(self, ctx, parent=None, runner: TaskRunner | None = None):
        super().__init__(QCoreApplication.translate("DirectiveDialog", "Thêm văn bản chỉ đạo"), parent)
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.task = None
        self.source: tuple[str, str] | None = None  # (file name, sha256) of the document read
        self.read_fields: DirectiveFields | None = None
        self.proposals: list[ProposedRequirement] = []
        self.read_button = QPushButton(self.tr("Đọc từ tệp văn bản (.docx, .doc, .pdf, bản quét, .txt)…"))
        self.read_button.clicked.connect(self.choose_file)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_text = QLabel()
        self.stop_button = QPushButton(self.tr("Dừng đọc"))
        self.stop_button.clicked.connect(self.stop_reading)
        reading_row = QHBoxLayout()
        reading_row.addWidget(self.progress, 1)
        reading_row.addWidget(self.stop_button)
        for widget in (self.progress, self.progress_text, self.stop_button):
            widget.hide()
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
        self.form.addRow(reading_row)
        self.form.addRow(self.progress_text)
        self.form.addRow(self.tr("Số, ký hiệu (*)"), self.number)
        self.form.addRow(self.tr("Ngày ban hành"), self.issued)
        self.form.addRow(self.tr("Cơ quan ban hành"), self.issuer)
        self.form.addRow(self.tr("Trích yếu"), self.subject)
        self.form.addRow(self.found)
        self.form.addRow(self.add_requirements)

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn văn bản chỉ đạo"), "", self.tr("Văn bản (*.docx *.doc *.pdf *.txt);;Tất cả các tệp (*)")
        )
        if name:
            self.load_file(Path(name))

    @window_action("directives.intake")
    def load_file(self, path: Path) -> None:
        """Fill the form from the document at ``path``, read in the
        background; what the reader did not find stays as typed, and the
        clerk is told what to check."""
        self.read_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress_text.setText(self.tr("Đang đọc {name}…").format(name=Path(path).name))
        for widget in (self.progress, self.progress_text, self.stop_button):
            widget.show()
        task = self.runner.start(
            lambda progress, cancelled: directives.read_file(self.ctx.store, path, progress=progress, cancelled=cancelled),
            self._loaded, self._failed)
        if not self.read_button.isEnabled():  # still reading (a runner that ran it inline has finished)
            self.task = task
            task.progress.connect(self._progressed)

    def stop_reading(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.progress_text.setText(self.tr("Đang dừng…"))

    def _progressed(self, fraction: float, message: str) -> None:
        self.progress.setValue(int(fraction * 100))
        if message:
            self.progress_text.setText(message)

    def _reading_ended(self) -> None:
        self.task = None
        self.read_button.setEnabled(True)
        for widget in (self.progress, self.progress_text, self.stop_button):
            widget.hide()

    def _failed(self, exc: BaseException, _details: str) -> None:
        self._reading_ended()
        show_error(self, exc)  # a refused file is explained; the form keeps what was typed

    def _loaded(self, reading: DirectiveReading) -> None:
        self._reading_ended()
        doc, fields = reading.document, reading.fields
        self.source = (doc.file_name, doc.sha256)
        self.read_fields = fields
        self._fill(fields)
        self.proposals = reading.proposals
        self._highlight(fields)
        self._show_found(fields, reading.warnings)

    def doubtful_fields(self) -> list[str]:
        """The fields read from the file with a confidence below the threshold."""
        return self.read_fields.doubtful(DOUBTFUL_BELOW) if self.read_fields else []

    def _highlight(self, fields: DirectiveFields) -> None:
        widgets = {"number": self.number, "issued_on": self.issued, "issuer": self.issuer, "subject": self.subject}
        doubtful = set(fields.doubtful(DOUBTFUL_BELOW))
        for name, widget in widgets.items():
            if name in doubtful:
                widget.setStyleSheet(DOUBTFUL_STYLE)
                widget.setToolTip(self.tr("Đọc chưa chắc chắn ({sure:.0%}): hãy đối chiếu với văn bản.").format(
                    sure=fields.confidence.get(name, 0.0)))
            else:
                widget.setStyleSheet("")
                widget.setToolTip("")

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
        doubtful = fields.doubtful(DOUBTFUL_BELOW)
        if doubtful:
            names = ", ".join(self.tr(FIELD_LABELS.get(n, n)) for n in doubtful)
            lines.append(self.tr("Cần kiểm tra (đọc chưa chắc, tô vàng): {names}.").format(names=names))
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
        # A letter's number carries no kind code ("730/LĐLĐ"): it is a Công văn, not "LĐLĐ".
        title = self.read_fields.title if self.read_fields else None
        kind = document_kind(number.strip(), title, subject.strip())[0] if number.strip() else None

        self.ctx.run(directives.add, parent=self, number=number, issuer=issuer, issued_on=issued, subject=subject,
                     kind=kind, file_name=file_name, file_sha256=sha256,
                     requirements=[RequirementSpec(title=p.title, due=p.due, every_months=p.every_months,
                                                   first_due=p.first_due) for p in proposals])


def _short(text: str, limit: int = 140) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
