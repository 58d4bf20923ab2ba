"""Báo cáo: choose the directive, requirement, period and dates, edit the
assessment, preview the pages before any number is taken, then issue (the
number comes from the register), print, and open the folder. Also the urging
letter, and the register of outgoing documents."""

from __future__ import annotations

import tempfile
from pathlib import Path

import platformdirs
from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date
from desktop.core.directives import list_directives, requirements_of
from desktop.operations import reports
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.dialogs.form import date_edit, date_value
from desktop.ui.errors import show_error, shows_refusals
from desktop.ui.open_file import open_with_system
from desktop.ui.screens.base import Screen
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.columns import fit_columns
from desktop.ui.widgets.pdf_preview import PdfPreview
from desktop.ui.widgets.table_models import Column, RowTableModel
from desktop.core import clock


def default_out_dir() -> Path:
    return Path(platformdirs.user_documents_dir()) / "Theo dõi"


def print_pdf(path: Path, printer: QPrinter) -> int:
    """Print every page of the PDF at ``path`` on ``printer``; returns the
    number of pages sent."""
    doc = QPdfDocument()
    doc.load(str(path))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for page in range(doc.pageCount()):
            if page:
                printer.newPage()
            target = painter.viewport()
            size = doc.pagePointSize(page)
            scale = min(target.width() / size.width(), target.height() / size.height())
            image = doc.render(page, (size * scale).toSize())
            painter.drawImage(0, 0, image)
    finally:
        painter.end()
    return doc.pageCount()


class ReportsScreen(Screen):
    watches = (Changed.DIRECTIVES, Changed.SUBMISSIONS, Changed.OFFICE, Changed.UNITS)

    def __init__(self, ctx, parent=None, runner: TaskRunner | None = None):
        super().__init__(ctx, parent)
        self.runner = runner or TaskRunner(self)
        self._tmp = tempfile.TemporaryDirectory(prefix="theodoi-xem-truoc-")
        self.preview_path = Path(self._tmp.name) / "xem-truoc.pdf"
        self.issued: dict[str, Path] | None = None

        self.directive = QComboBox()
        self.directive.currentIndexChanged.connect(self._directive_changed)
        self.requirement = QComboBox()
        self.requirement.currentIndexChanged.connect(lambda _i: self._reset_assessment())
        self.period = QSpinBox()
        self.period.setRange(0, 500)
        self.period.setSpecialValueText(self.tr("kỳ gần nhất"))
        self.as_of = date_edit(name=self.tr("Số liệu tính đến ngày"))
        self.issued_on = date_edit(name=self.tr("Ngày ban hành"))
        self.out_dir = QLineEdit(str(default_out_dir()))
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose_dir)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir, 1)
        out_row.addWidget(choose)
        self.assessment = QPlainTextEdit()
        self.assessment.setPlaceholderText(self.tr("Phần đánh giá chung; để trống sẽ dùng câu mặc định."))
        self.recipients = QPlainTextEdit()
        self.recipients.setPlaceholderText(self.tr("Mỗi dòng một nơi nhận; để trống: cơ quan cấp trên (để b/c)."))
        self.recipients.setMaximumHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Văn bản"), self.directive)
        form.addRow(self.tr("Yêu cầu"), self.requirement)
        form.addRow(self.tr("Kỳ"), self.period)
        form.addRow(self.tr("Số liệu tính đến ngày"), self.as_of)
        form.addRow(self.tr("Ngày ban hành"), self.issued_on)
        form.addRow(self.tr("Lưu vào thư mục"), out_row)
        form.addRow(self.tr("Đánh giá chung"), self.assessment)
        form.addRow(self.tr("Nơi nhận"), self.recipients)

        self.preview_button = QPushButton(self.tr("&Xem trước"))
        self.issue_button = QPushButton(self.tr("&Ban hành (lấy số)"))
        self.print_button = QPushButton(self.tr("&In…"))
        self.folder_button = QPushButton(self.tr("Mở &thư mục"))
        self.urge_button = QPushButton(self.tr("Công văn đôn đốc…"))
        self.print_button.setEnabled(False)
        self.folder_button.setEnabled(False)
        self.preview_button.clicked.connect(self.preview)
        self.issue_button.clicked.connect(self.issue)
        self.print_button.clicked.connect(self.print_issued)
        self.folder_button.clicked.connect(self.open_folder)
        self.urge_button.clicked.connect(self.urge)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.issue_button, self.print_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(self.urge_button)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.pdf = QPdfDocument(self)
        self.preview_pane = PdfPreview(self.pdf)
        self.view = self.preview_pane.view

        self.register_model = RowTableModel([
            Column(self.tr("Số, ký hiệu"), lambda d: d.number),
            Column(self.tr("Ngày"), lambda d: format_date(d.issued_on)),
            Column(self.tr("Trích yếu"), lambda d: d.title, tooltip=lambda d: d.title),
            Column(self.tr("Tệp"), lambda d: ", ".join(d.files or [])),
        ])
        self.register_table = QTableView()
        self.register_table.setModel(self.register_model)
        self.register_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.register_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        fit_columns(self.register_table, 2)
        self.register_table.verticalHeader().hide()
        register_box = QGroupBox(self.tr("Sổ văn bản đi"))
        export_button = QPushButton(self.tr("Xuất sổ ra Excel"))
        export_button.clicked.connect(self.export_register)
        register_layout = QVBoxLayout(register_box)
        register_layout.addWidget(self.register_table)
        register_layout.addWidget(export_button, 0, Qt.AlignRight)

        left = QWidget()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(form)
        lv.addLayout(buttons)
        lv.addWidget(self.progress)
        lv.addWidget(self.status)
        lv.addWidget(register_box, 1)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.preview_pane)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def title(self) -> str:
        return self.tr("Báo cáo")

    # -- choices ---------------------------------------------------------
    def refresh(self) -> None:
        chosen = self.directive.currentData()
        self.directive.blockSignals(True)
        self.directive.clear()
        for d in self.ctx.read(list_directives):
            self.directive.addItem(f"{d.number} — {d.subject or ''}"[:120], d.id)
        self.directive.setCurrentIndex(max(self.directive.findData(chosen), 0))
        self.directive.blockSignals(False)
        self._directive_changed()
        self._load_register()

    @window_action("register.list")
    def _load_register(self) -> None:
        self.register_model.set_rows([e.document for e in self.ctx.run(reports.register)])

    @window_action("register.export")
    def export_register(self) -> None:
        try:
            path = self.ctx.run(reports.export_register, parent=self, out_dir=Path(self.out_dir.text()))
        except Exception as exc:
            show_error(self, exc)
            return
        self.status.setText(self.tr("Đã xuất sổ văn bản đi: {path}").format(path=path))

    def _directive_changed(self) -> None:
        did = self.directive.currentData()
        self.requirement.blockSignals(True)
        self.requirement.clear()
        self.requirement.addItem(self.tr("Mọi yêu cầu đã đến hạn"), None)
        if did is not None:
            from db.models import Directive

            for r in self.ctx.read(lambda s: requirements_of(s, s.get(Directive, did))):
                self.requirement.addItem(f"[{r.id}] {r.title}", r.id)
        self.requirement.blockSignals(False)
        has = did is not None
        for b in (self.preview_button, self.issue_button):
            b.setEnabled(has)
        self.urge_button.setEnabled(has)
        self._reset_assessment()

    def _reset_assessment(self) -> None:
        self.assessment.clear()

    def _choose_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn thư mục lưu văn bản"), self.out_dir.text())
        if folder:
            self.out_dir.setText(folder)

    def choices(self) -> dict:
        return dict(
            directive=self.directive.currentData(),
            requirement=self.requirement.currentData(),
            period=self.period.value() or None,
            as_of=date_value(self.as_of) or clock.today(),
        )

    def _extras(self) -> dict:
        recipients = [line.strip() for line in self.recipients.toPlainText().splitlines() if line.strip()]
        return dict(assessment=self.assessment.toPlainText().strip() or None, recipients=recipients or None)

    # -- actions ---------------------------------------------------------
    def fill_default_assessment(self) -> None:
        """Put the assessment the figures suggest into the editor, to edit."""
        try:
            self.assessment.setPlainText(self.ctx.run(reports.default_assessment, parent=self, **self.choices()))
        except Exception as exc:
            show_error(self, exc)

    @shows_refusals
    def preview(self) -> None:
        args = {**self.choices(), **self._extras(), "issued_on": date_value(self.issued_on) or clock.today()}
        path = self.preview_path
        self.pdf.close()
        self._run(lambda p, c: reports.preview(self.ctx.store, path=path, **args), self._previewed)

    def _previewed(self, pages: int) -> None:
        self.pdf.load(str(self.preview_path))
        self.status.setText(self.tr("Bản xem trước: {n} trang; chưa lấy số.").format(n=pages))
        if not self.assessment.toPlainText().strip():
            self.fill_default_assessment()

    @window_action("report.make")
    @shows_refusals
    def issue(self) -> None:
        args = {**self.choices(), **self._extras(), "issued_on": date_value(self.issued_on) or clock.today(),
                "out_dir": Path(self.out_dir.text())}
        self._run(lambda p, c: reports.make(self.ctx.store, progress=p, cancelled=c, **args), self._issued)

    def _issued(self, made) -> None:
        self._show_made(made, self.tr("Đã ban hành báo cáo số {number}:\n{pdf}\n{xlsx}").format(
            number=made.number, pdf=made.files["pdf"], xlsx=made.files["xlsx"]))

    def _show_made(self, made, message: str) -> None:
        self.issued = made.files
        self.pdf.close()
        self.pdf.load(str(made.files["pdf"]))
        self.print_button.setEnabled(True)
        self.folder_button.setEnabled(True)
        self.status.setText(message)
        self.ctx.changed.emit(Changed.SUBMISSIONS)

    @shows_refusals
    def urge(self) -> None:
        from desktop.ui.dialogs.urge import UrgeDialog

        rid = self.requirement.currentData()
        if rid is None:
            QMessageBox.information(self, self.tr("Công văn đôn đốc"), self.tr("Hãy chọn một yêu cầu cụ thể để đôn đốc."))
            return
        c = self.choices()
        dialog = UrgeDialog(self.ctx, requirement=rid, period=c["period"], as_of=c["as_of"],
                            issued_on=date_value(self.issued_on) or clock.today(), out_dir=Path(self.out_dir.text()),
                            parent=self)
        if dialog.exec() and dialog.made is not None:
            self._urged(dialog.made)
            self._load_register()

    def _urged(self, made) -> None:
        self._show_made(made, self.tr("Đã ban hành công văn đôn đốc số {number} gửi {n} đơn vị.\nDanh sách gọi điện: {calls}").format(
            number=made.number, n=len(made.units), calls=made.files["call_list"]))

    def print_issued(self) -> None:
        if not self.issued:
            return
        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.Accepted:
            print_pdf(self.issued["pdf"], printer)

    def open_folder(self) -> None:
        if self.issued:
            open_with_system(self, self.issued["pdf"].parent, self.tr("Mở thư mục"))

    def _run(self, fn, on_done) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        for b in (self.preview_button, self.issue_button, self.urge_button):
            b.setEnabled(False)

        def finish(result):
            self._idle()
            on_done(result)
            self._load_register()

        def failed(exc, details):
            self._idle()
            show_error(self, exc, details)

        self.runner.start(fn, finish, failed)

    def _idle(self) -> None:
        self.progress.hide()
        for b in (self.preview_button, self.issue_button, self.urge_button):
            b.setEnabled(self.directive.currentData() is not None)
