"""Record what a unit sent for one period: date received, its own number
and date, indicator values, a scanned file."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from db.models import Organization, Requirement, Submission
from desktop.core.periods import Period
from desktop.operations import submissions
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog, date_edit, date_value
from desktop.core import clock


def record_entry(ctx, unit_id: int, requirement_id: int, period: int, *, received: date, doc_number: str,
                 doc_date: date | None, raw_values: dict[str, str], note: str, files: list[str], parent=None):
    """One submission, with its files, in one transaction; returns the
    ``RecordResult`` whose ``recorded`` undo needs."""
    return ctx.run(submissions.record, parent=parent, unit=unit_id, requirement=requirement_id, period=period,
                   received=received, doc_number=doc_number, doc_date=doc_date, values=raw_values, note=note,
                   files=files)


class SubmissionDialog(FormDialog):
    def __init__(self, ctx, unit: Organization, requirement: Requirement, period: Period,
                 existing: Submission | None = None, parent=None):
        super().__init__(QCoreApplication.translate("SubmissionDialog", "Ghi nhận văn bản đơn vị gửi về"), parent)
        self.ctx, self.unit, self.requirement, self.period = ctx, unit, requirement, period
        self.recorded = None
        self.note.setText(f"<b>{unit.name}</b><br>{requirement.title} — {period.label(bool(requirement.every_months))}")
        self.note.show()
        e = existing
        self.received = date_edit(e.received_on if e else clock.today())
        self.doc_number = QLineEdit(e.doc_number or "" if e else "")
        self.doc_number.setPlaceholderText("12/KH-CĐCS")
        self.doc_date = date_edit(e.doc_date if e else None, optional=True)
        self.form.addRow(self.tr("Ngày nhận (*)"), self.received)
        self.form.addRow(self.tr("Số, ký hiệu văn bản"), self.doc_number)
        self.form.addRow(self.tr("Ngày văn bản"), self.doc_date)
        self.values: dict[str, QLineEdit] = {}
        current = (e.indicator_values or {}) if e else {}
        for ind in requirement.indicators or []:
            edit = QLineEdit("" if current.get(ind["key"]) is None else str(current[ind["key"]]))
            self.values[ind["key"]] = edit
            self.form.addRow(ind["label"], edit)
        self.note_edit = QLineEdit(e.note or "" if e else "")
        self.form.addRow(self.tr("Ghi chú"), self.note_edit)
        self.files: list[str] = []
        self.files_label = QLabel(self.tr("(chưa có)"))
        attach = QPushButton(self.tr("Đính kèm bản chụp…"))
        attach.clicked.connect(self._choose_files)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.files_label, 1)
        row.addWidget(attach)
        self.form.addRow(self.tr("Tệp đính kèm"), box)

    def _choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn tệp đính kèm"))
        if names:
            self.files = names
            self.files_label.setText(", ".join(n.rsplit("/", 1)[-1] for n in names))

    @window_action("submissions.record")
    def save(self) -> None:
        self.recorded = record_entry(
            self.ctx, self.unit.id, self.requirement.id, self.period.number,
            received=date_value(self.received), doc_number=self.doc_number.text(),
            doc_date=date_value(self.doc_date), raw_values={k: e.text() for k, e in self.values.items()},
            note=self.note_edit.text(), files=self.files, parent=self,
        )
