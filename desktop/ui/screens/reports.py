"""Báo cáo: choose the directive, requirement, period and dates; write the
draft (results, shortcomings and causes, proposals, closing: prefilled from
the figures, saved in the database, the figures themselves locked); preview
the pages before any number is taken, export the draft to Word, then issue
(the number comes from the register), print, and open the folder. Also the
urging letter, and the register of outgoing documents."""

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
    QCheckBox,
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
from desktop.ui.widgets.report_sections import SectionsEditor
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
        self.requirement.currentIndexChanged.connect(lambda _i: self.load_draft())
        self.period = QSpinBox()
        self.period.setRange(0, 500)
        self.period.setSpecialValueText(self.tr("kỳ gần nhất"))
        self.as_of = date_edit(name=self.tr("Số liệu tính đến ngày"))
        self.as_of.dateChanged.connect(lambda _d: self._figures_changed())
        self.issued_on = date_edit(name=self.tr("Ngày ban hành"))
        self.out_dir = QLineEdit(str(default_out_dir()))
        choose = QPushButton(self.tr("Chọn…"))
        choose.clicked.connect(self._choose_dir)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out_dir, 1)
        out_row.addWidget(choose)
        self.sections = SectionsEditor()
        self.draft_state = QLabel()
        self.draft_state.setWordWrap(True)
        self.draft_state.setObjectName("draft_state")
        self.save_draft_button = QPushButton(self.tr("&Lưu bản thảo"))
        self.reset_draft_button = QPushButton(self.tr("Viết lại từ số liệu"))
        self.docx_button = QPushButton(self.tr("Xuất &Word…"))
        self.save_draft_button.clicked.connect(self.save_draft)
        self.reset_draft_button.clicked.connect(self.discard_draft)
        self.docx_button.clicked.connect(self.export_docx)
        draft_buttons = QHBoxLayout()
        for b in (self.save_draft_button, self.reset_draft_button, self.docx_button):
            draft_buttons.addWidget(b)
        draft_buttons.addStretch()
        self.with_docx = QCheckBox(self.tr("Kèm bản Word (.docx) khi ban hành"))
        self.with_annex = QCheckBox(self.tr("Phụ lục từng đơn vị trong PDF cả khi quá 300 đơn vị"))
        self._loaded_key = None
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
        form.addRow(self.tr("Nơi nhận"), self.recipients)
        draft_box = QGroupBox(self.tr("Bản thảo (số liệu và phụ lục lấy từ dữ liệu, không sửa ở đây)"))
        draft_layout = QVBoxLayout(draft_box)
        draft_layout.addWidget(self.sections, 1)
        draft_layout.addWidget(self.draft_state)
        draft_layout.addLayout(draft_buttons)
        draft_layout.addWidget(self.with_docx)
        draft_layout.addWidget(self.with_annex)

        self.preview_button = QPushButton(self.tr("&Xem trước"))
        self.issue_button = QPushButton(self.tr("&Ban hành (lấy số)"))
        self.issue_button.setToolTip(self.tr("Đánh số trong sổ văn bản đi, làm PDF và Excel từ bản thảo"))
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
        lv.addWidget(draft_box, 2)
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
        for b in (self.preview_button, self.issue_button, self.save_draft_button, self.reset_draft_button,
                  self.docx_button):
            b.setEnabled(has)
        self.urge_button.setEnabled(has)
        self.load_draft()

    # -- the draft ---------------------------------------------------------
    def _draft_key(self) -> dict:
        return dict(directive=self.directive.currentData(), requirement=self.requirement.currentData())

    @window_action("report.draft.show")
    def load_draft(self) -> None:
        """Show the saved draft of the chosen directive and requirement (its
        dates, recipients and texts), or a new one prefilled from the
        figures."""
        key = self._draft_key()
        if self.sections.dirty and self._loaded_key is not None:
            if key == self._loaded_key:
                self._figures_changed()  # a refresh while the clerk writes: the words stay
                return
            self._keep_unsaved()
        if key["directive"] is None:
            self.sections.set_texts({}, {})
            self.draft_state.clear()
            return
        try:
            d = self.ctx.run(reports.draft, **key)
            if d.saved:
                if d.period:
                    self.period.setValue(d.period)
                self.as_of.setDate(d.as_of)
                if d.issued_on:
                    self.issued_on.setDate(d.issued_on)
                self.recipients.setPlainText("\n".join(d.recipients))
            else:
                as_of = date_value(self.as_of) or clock.today()
                if as_of != d.as_of:
                    d = self.ctx.run(reports.draft, **key, period=self.period.value() or None, as_of=as_of)
        except Exception as exc:  # nothing due yet, say: said here, not in a dialog on every choice
            self.sections.set_texts({}, {})
            self.draft_state.setText(str(getattr(exc, "message", exc)))
            self._loaded_key = None
            return
        self._loaded_key = key
        self.sections.set_texts(d.sections, d.defaults)
        self._show_draft_state(d)

    def keep_unsaved_draft(self) -> None:
        """Save the draft if words were typed since it was shown or saved
        (the window is closing)."""
        if self.sections.dirty and self._loaded_key is not None:
            self._keep_unsaved()

    def _keep_unsaved(self) -> None:
        """Another directive or requirement was chosen with words not yet
        saved: they go into the draft they were written for."""
        try:
            self.ctx.run(reports.save_draft, parent=self, **{**self._draft_args(), **self._loaded_key},
                         issued_on=date_value(self.issued_on) or clock.today())
        except Exception as exc:
            show_error(self, exc)
        self.sections.dirty = False

    def _show_draft_state(self, d) -> None:
        if d.saved:
            when = d.updated_at.astimezone().strftime("%H:%M %d/%m/%Y") if d.updated_at else ""
            self.draft_state.setText(self.tr("Bản thảo đã lưu {when}; chưa ban hành.").format(when=when))
        else:
            self.draft_state.setText(self.tr("Bản thảo mới: lời văn tạo từ số liệu, hãy sửa cho đúng thực tế."))

    def _figures_changed(self) -> None:
        """The date of the figures changed: the parts left as prefilled
        follow the new figures."""
        if self._loaded_key is None or self._loaded_key != self._draft_key():
            return
        try:
            d = self.ctx.run(reports.draft, **self._loaded_key, period=self.period.value() or None,
                             as_of=date_value(self.as_of) or clock.today())
        except Exception:
            return
        self.sections.follow(d.defaults)

    def _draft_args(self) -> dict:
        recipients = [line.strip() for line in self.recipients.toPlainText().splitlines() if line.strip()]
        return dict(**self._draft_key(), period=self.period.value() or None,
                    as_of=date_value(self.as_of) or clock.today(), sections=self.sections.texts(),
                    recipients=recipients or None)

    @window_action("report.draft.save")
    @shows_refusals
    def save_draft(self) -> bool:
        """Keep the draft in the database; True when saved."""
        try:
            d = self.ctx.run(reports.save_draft, parent=self, **self._draft_args(),
                             issued_on=date_value(self.issued_on) or clock.today())
        except Exception as exc:
            show_error(self, exc)
            return False
        self.sections.dirty = False
        self._show_draft_state(d)
        return True

    @window_action("report.draft.discard")
    @shows_refusals
    def discard_draft(self) -> None:
        if any(self.sections.edited(k) for k in self.sections.edits):
            answer = QMessageBox.question(self, self.tr("Viết lại từ số liệu"), self.tr(
                "Bỏ lời văn đã viết trong bản thảo và dùng lại lời văn tạo từ số liệu?"))
            if answer != QMessageBox.Yes:
                return
        try:
            self.ctx.run(reports.discard_draft, parent=self, **self._draft_key())
        except Exception as exc:
            show_error(self, exc)
            return
        self.load_draft()

    @window_action("report.draft.docx")
    @shows_refusals
    def export_docx(self) -> None:
        """The draft as .docx in the chosen folder, its number left blank."""
        args = self._draft_args()
        args.pop("as_of")
        try:
            path = self.ctx.run(reports.draft_docx, parent=self, **args, as_of=date_value(self.as_of) or clock.today(),
                                issued_on=date_value(self.issued_on) or clock.today(),
                                out_dir=Path(self.out_dir.text()), annex=True if self.with_annex.isChecked() else None)
        except Exception as exc:
            show_error(self, exc)
            return
        self.issued = {"docx": path, "pdf": None}
        self.folder_button.setEnabled(True)
        self.status.setText(self.tr("Đã xuất bản thảo ra Word (số để trống): {path}").format(path=path))

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
        args = self._draft_args()
        return dict(sections=args["sections"], recipients=args["recipients"],
                    annex=True if self.with_annex.isChecked() else None)

    # -- actions ---------------------------------------------------------
    @shows_refusals
    def preview(self) -> None:
        """The draft as it will print (saved first, so nothing written is
        lost), its number blank."""
        if not self.save_draft():
            return
        args = {**self.choices(), **self._extras(), "issued_on": date_value(self.issued_on) or clock.today()}
        path = self.preview_path
        self.pdf.close()
        self._run(lambda p, c: reports.preview(self.ctx.store, path=path, **args), self._previewed)

    def _previewed(self, pages: int) -> None:
        self.pdf.load(str(self.preview_path))
        self.status.setText(self.tr("Bản xem trước: {n} trang; chưa lấy số.").format(n=pages))

    @window_action("report.make")
    @shows_refusals
    def issue(self) -> None:
        """Number the draft in the register and make its files, once the
        clerk confirms."""
        answer = QMessageBox.question(self, self.tr("Ban hành báo cáo"), self.tr(
            "Ban hành báo cáo: lấy số tiếp theo trong sổ văn bản đi và làm PDF, Excel{docx} từ bản thảo này? "
            "Số đã lấy không dùng lại được.").format(docx=self.tr(", Word") if self.with_docx.isChecked() else ""))
        if answer not in (QMessageBox.Yes, QMessageBox.Ok):
            return
        args = {**self.choices(), **self._extras(), "issued_on": date_value(self.issued_on) or clock.today(),
                "out_dir": Path(self.out_dir.text()), "docx": self.with_docx.isChecked()}
        self._run(lambda p, c: reports.make(self.ctx.store, progress=p, cancelled=c, **args), self._issued)

    def _issued(self, made) -> None:
        self.sections.dirty = False  # the words went with the report; the screen opens the next draft
        files = "\n".join(str(made.files[k]) for k in ("pdf", "xlsx", "docx") if k in made.files)
        self._show_made(made, self.tr("Đã ban hành báo cáo số {number}:\n{files}").format(number=made.number,
                                                                                          files=files))

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
        if not self.issued or not self.issued.get("pdf"):
            return
        printer = QPrinter(QPrinter.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.Accepted:
            print_pdf(self.issued["pdf"], printer)

    def open_folder(self) -> None:
        if self.issued:
            shown = self.issued.get("pdf") or self.issued.get("docx")
            open_with_system(self, shown.parent, self.tr("Mở thư mục"))

    def _run(self, fn, on_done) -> None:
        self.progress.setRange(0, 0)
        self.progress.show()
        for b in (self.preview_button, self.issue_button, self.urge_button, self.save_draft_button,
                  self.reset_draft_button, self.docx_button):
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
        for b in (self.preview_button, self.issue_button, self.urge_button, self.save_draft_button,
                  self.reset_draft_button, self.docx_button):
            b.setEnabled(self.directive.currentData() is not None)
