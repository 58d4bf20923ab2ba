"""Phiếu báo cáo: make the forms of one requirement and period for every
unit that owes it, see who gets an e-mail, copy each unit's Zalo message,
open the folder, and take the returned forms in."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.models import Requirement
from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.forms import default_period
from desktop.core.periods import next_period, periods_through
from desktop.operations import forms
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error
from desktop.ui.open_file import open_with_system


def period_choices(requirement: Requirement) -> list:
    today = clock.today()
    upcoming = next_period(requirement, today)
    return periods_through(requirement, today) + ([upcoming] if upcoming else [])


class FormsMakeDialog(QDialog):
    def __init__(self, ctx, requirement_id: int, period: int | None = None, parent=None, out_dir: Path | None = None):
        super().__init__(parent)
        self.ctx, self.requirement_id = ctx, requirement_id
        self.made: forms.MadeForms | None = None
        requirement = ctx.read(lambda s: s.get(Requirement, requirement_id))
        self.requirement = requirement
        self.setWindowTitle(self.tr("Phiếu báo cáo: {title}").format(title=requirement.title))
        self.resize(900, 560)

        self.period = QComboBox()
        for p in period_choices(requirement):
            self.period.addItem(self.tr("Kỳ {n}, hạn {due}").format(n=p.number, due=format_date(p.due)), p.number)
        wanted = period if period is not None else default_period(requirement, clock.today()).number
        self.period.setCurrentIndex(max(self.period.findData(wanted), 0))
        self.period.setEnabled(bool(requirement.every_months))
        documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        self.folder = QLineEdit(str(out_dir or Path(documents) / "Theo dõi - phiếu báo cáo"))
        browse = QPushButton(self.tr("Chọn…"))
        browse.clicked.connect(self.choose_folder)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.pdf = QCheckBox(self.tr("Làm thêm phiếu giấy (PDF) cho đơn vị trả lời trên giấy"))
        self.pdf.setChecked(True)
        self.email = QCheckBox(self.tr("Gửi thư kèm phiếu cho đơn vị có địa chỉ thư (qua hộp thư đi)"))
        form = QFormLayout()
        form.addRow(self.tr("Kỳ:"), self.period)
        form.addRow(self.tr("Thư mục:"), where)
        form.addRow("", self.pdf)
        form.addRow("", self.email)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Đơn vị"), self.tr("Mã"), self.tr("Thư điện tử"), self.tr("Tệp phiếu")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        self.summary = QLabel(self.tr("Mỗi đơn vị một phiếu Excel điền sẵn tên đơn vị, yêu cầu, hạn và các chỉ tiêu."))
        self.summary.setWordWrap(True)
        self.message = QPlainTextEdit()
        self.message.setReadOnly(True)
        self.message.setMaximumHeight(90)
        self.message.setPlaceholderText(self.tr("Tin nhắn Zalo của đơn vị đang chọn"))
        self.table.itemSelectionChanged.connect(self._show_message)
        self.copied = QLabel()

        self.make_button = QPushButton(self.tr("&Làm phiếu"))
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make_forms)
        self.zalo_button = QPushButton(self.tr("Chép tin nhắn &Zalo"))
        self.zalo_button.setToolTip(self.tr("Chép tin nhắn của các đơn vị đang chọn để dán vào Zalo"))
        self.zalo_button.clicked.connect(self.copy_zalo)
        self.open_button = QPushButton(self.tr("Mở &thư mục"))
        self.open_button.clicked.connect(self.open_folder)
        self.import_button = QPushButton(self.tr("&Nhận phiếu trả về…"))
        self.import_button.clicked.connect(self.open_import)
        for b in (self.zalo_button, self.open_button):
            b.setEnabled(False)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.make_button, self.zalo_button, self.open_button, self.import_button):
            buttons.addWidget(b)
        buttons.addStretch()
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.copied)
        layout.addLayout(buttons)

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Thư mục ghi phiếu"), self.folder.text())
        if name:
            self.folder.setText(name)

    @window_action("forms.make")
    def make_forms(self) -> None:
        try:
            made = self.ctx.run(forms.make, requirement=self.requirement_id, period=self.period.currentData(),
                                out_dir=Path(self.folder.text()), pdf=self.pdf.isChecked(), email=self.email.isChecked(),
                                parent=self, title=self.tr("Đang làm phiếu báo cáo"), cancellable=True)
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.show_made(made)

    def show_made(self, made: forms.MadeForms) -> None:
        self.made = made
        self.table.setRowCount(len(made.files))
        for row, f in enumerate(made.files):
            values = (f.unit, f.unit_code, f.email or self.tr("— (gửi qua Zalo)"), f.xlsx.name)
            for col, value in enumerate(values):
                item = QTableWidgetItem(value)
                if col == 0:
                    item.setToolTip(f.zalo)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        mail = self.tr(" {n} thư đã vào hộp thư đi.").format(n=made.queued) if self.email.isChecked() else ""
        self.summary.setText(self.tr("Đã làm {n} phiếu trong {folder} và tệp nén {zip}.{mail} Chọn đơn vị rồi bấm "
                                     "“Chép tin nhắn Zalo” để dán cho đơn vị kèm tệp phiếu.").format(
            n=len(made.files), folder=made.folder, zip=made.zip.name, mail=mail))
        self.zalo_button.setEnabled(True)
        self.open_button.setEnabled(True)

    def copy_zalo(self) -> None:
        if self.made is None:
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}) or range(len(self.made.files))
        text = "\n\n".join(self.made.files[r].zalo for r in rows)
        QApplication.clipboard().setText(text)
        self.copied.setText(self.tr("Đã chép {n} tin nhắn; dán (Ctrl+V) vào Zalo của đơn vị.").format(n=len(rows)))

    def _show_message(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if self.made is not None and rows:
            self.message.setPlainText(self.made.files[rows[0]].zalo)

    def open_folder(self) -> None:
        if self.made is not None:
            open_with_system(self, self.made.folder, self.tr("Mở thư mục phiếu"))

    def open_import(self) -> None:
        from desktop.ui.dialogs.forms_import import FormsImportDialog

        FormsImportDialog(self.ctx, self.requirement_id, self.period.currentData(), self).exec()
