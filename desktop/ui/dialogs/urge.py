"""The urging letter (công văn đôn đốc) before it is issued: the letter as
it will print with its number left blank, the units it goes to, the new
deadline to set; the number is taken only when the clerk confirms."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from desktop.operations import reports
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import date_edit, date_value
from desktop.ui.errors import show_error
from desktop.ui.widgets.pdf_preview import PdfPreview

# An urging letter gives the units a week unless the clerk sets another day.
DEFAULT_GRACE_DAYS = 7


class UrgeDialog(QDialog):
    def __init__(self, ctx, *, requirement: int, period: int | None, as_of: date, issued_on: date, out_dir: Path,
                 parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Công văn đôn đốc"))
        self.ctx, self.requirement, self.period = ctx, requirement, period
        self.as_of, self.issued_on, self.out_dir = as_of, issued_on, out_dir
        self.made = None
        self._tmp = tempfile.TemporaryDirectory(prefix="theodoi-don-doc-")
        self.preview_path = Path(self._tmp.name) / "xem-truoc-cong-van.pdf"

        self.new_due = date_edit(issued_on + timedelta(days=DEFAULT_GRACE_DAYS))
        refresh = QPushButton(self.tr("Cập nhật bản xem trước"))
        refresh.clicked.connect(self.preview)
        due_row = QHBoxLayout()
        due_row.addWidget(self.new_due)
        due_row.addWidget(refresh)
        due_row.addStretch()
        self.units = QListWidget()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Hạn mới cho đơn vị"), due_row)
        form.addRow(self.tr("Gửi các đơn vị"), self.units)

        self.pdf = QPdfDocument(self)
        self.preview_pane = PdfPreview(self.pdf)
        self.preview_pane.setMinimumSize(420, 480)

        self.buttons = QDialogButtonBox()
        self.issue_button = self.buttons.addButton(self.tr("Ban hành (lấy số)…"), QDialogButtonBox.AcceptRole)
        self.buttons.addButton(self.tr("Đóng"), QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.issue)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.summary)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.preview_pane, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.resize(1000, 640)

    def preview(self) -> bool:
        """Show the letter for the deadline chosen; False when it cannot be
        made (no unit owes the period, a deadline before the letter)."""
        self.pdf.close()
        try:
            shown = self.ctx.run(reports.preview_urge, parent=self, requirement=self.requirement, period=self.period,
                                 as_of=self.as_of, issued_on=self.issued_on, path=self.preview_path,
                                 new_due=date_value(self.new_due))
        except Exception as exc:
            show_error(self, exc)
            self.issue_button.setEnabled(False)
            return False
        self.pdf.load(str(self.preview_path))
        self.units.clear()
        self.units.addItems(shown.units)
        self.summary.setText(self.tr("{pages} trang, gửi {n} đơn vị chưa nộp; hạn mới {due}. Chưa lấy số.").format(
            pages=shown.pages, n=len(shown.units), due=shown.new_due.strftime("%d/%m/%Y")))
        self.issue_button.setEnabled(bool(shown.units))
        return True

    @window_action("urge")
    def issue(self) -> None:
        due = date_value(self.new_due)
        answer = QMessageBox.question(
            self, self.tr("Ban hành công văn đôn đốc"),
            self.tr("Lấy số công văn tiếp theo trong sổ văn bản đi và ban hành công văn gửi {n} đơn vị, hạn mới {due}?")
            .format(n=self.units.count(), due=due.strftime("%d/%m/%Y") if due else ""),
        )
        if answer != QMessageBox.Yes:
            return
        try:
            self.made = self.ctx.run(reports.urge, parent=self, title=self.tr("Đang làm công văn đôn đốc…"),
                                     requirement=self.requirement, period=self.period, as_of=self.as_of,
                                     issued_on=self.issued_on, out_dir=self.out_dir, new_due=due)
        except Exception as exc:
            show_error(self, exc)
            return
        self.accept()

    def exec(self) -> int:
        if not self.preview():
            return QDialog.Rejected
        return super().exec()
