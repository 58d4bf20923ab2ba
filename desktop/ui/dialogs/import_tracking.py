"""Import a tracking sheet the office already keeps ("STT | Đơn vị | Số,
ngày kế hoạch | Ngày nhận | …") as the submissions of one requirement:
see what would be recorded and which names match no unit, then import,
all or nothing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from db.models import Requirement
from desktop.core.dates import format_date
from desktop.core.periods import next_period, periods_through
from desktop.operations import submissions
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner
from desktop.core import clock


class ImportTrackingDialog(QDialog):
    def __init__(self, ctx, requirement_id: int, parent=None, runner: TaskRunner | None = None, today: date | None = None):
        super().__init__(parent)
        self.ctx, self.requirement_id = ctx, requirement_id
        self.runner = runner or TaskRunner(self)
        self.path: Path | None = None
        requirement = ctx.read(lambda s: s.get(Requirement, requirement_id))
        self.setWindowTitle(self.tr("Nhập bảng theo dõi: {title}").format(title=requirement.title))
        self.resize(760, 480)

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file, 1)
        top.addWidget(browse)
        self.period = QComboBox()
        periods = periods_through(requirement, today or clock.today())
        upcoming = next_period(requirement, today or clock.today())
        for p in periods + ([upcoming] if upcoming else []):
            self.period.addItem(self.tr("Kỳ {n}, hạn {due}").format(n=p.number, due=format_date(p.due)), p.number)
        self.period.setCurrentIndex(max(len(periods) - 1, 0))
        self.period.setEnabled(bool(requirement.every_months))
        self.period.currentIndexChanged.connect(lambda _i: self.preview())
        self.skip_unmatched = QCheckBox(self.tr("Vẫn nhập, bỏ qua các dòng có tên đơn vị không khớp"))
        self.skip_unmatched.toggled.connect(lambda _on: self._update_button())
        form = QFormLayout()
        form.addRow(self.tr("Tệp:"), top)
        form.addRow(self.tr("Kỳ:"), self.period)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Nhập"), QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.tr("Đóng"), QDialogButtonBox.RejectRole).clicked.connect(self.reject)
        self.import_button.clicked.connect(self.run_import)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary, 1)
        layout.addWidget(self.skip_unmatched)
        layout.addWidget(self.buttons)
        self.last = None

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Chọn bảng theo dõi"), "", self.tr("Bảng tính (*.xlsx *.xls *.ods *.csv);;Tất cả các tệp (*)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        self.path = path
        self.file.setText(str(path))
        self.preview()

    def preview(self) -> None:
        self._run(dry_run=True)

    @window_action("submissions.import")
    def run_import(self) -> None:
        self._run(dry_run=False)

    def _run(self, *, dry_run: bool) -> None:
        if self.path is None:
            return
        path, rid, period, skip = self.path, self.requirement_id, self.period.currentData(), self.skip_unmatched.isChecked()
        self.import_button.setEnabled(False)
        # The preview lists unmatched names with their suggestions instead
        # of refusing: nothing is written either way.
        self.ctx.start(submissions.import_tracking_sheet, path, requirement=rid, period=period,
                       skip_unmatched=skip or dry_run, dry_run=dry_run,
                       on_done=lambda done: self._done(done.sheet, done.result, dry_run, written=not dry_run),
                       on_error=self._failed)

    def _done(self, sheet, outcome, dry_run: bool, written: bool) -> None:
        self.last = outcome
        self.summary.setPlainText(self._describe(sheet, outcome, dry_run, written))
        self._update_button(done=written)

    def _failed(self, exc, details) -> None:
        if isinstance(exc, submissions.UnmatchedNames):
            self._done(exc.sheet, exc.result, dry_run=False, written=False)
            return
        self.last = None
        self.summary.setPlainText(getattr(exc, "message", str(exc)))
        show_error(self, exc, details)

    def _update_button(self, done: bool = False) -> None:
        o = self.last
        ready = o is not None and not done and (o.created or o.updated) and (not o.unmatched or self.skip_unmatched.isChecked())
        self.import_button.setEnabled(bool(ready))

    def _describe(self, sheet, o, dry_run: bool, written: bool) -> str:
        if written:
            head = self.tr("Đã nhập: ")
        elif dry_run:
            head = self.tr("Nếu nhập: ")
        else:
            head = self.tr("Chưa nhập gì vì còn tên đơn vị không khớp. ")
        lines = [head + self.tr("ghi mới {c}, cập nhật {u}, không đổi {n}, bỏ qua {s} dòng, không khớp {m} dòng.").format(
            c=o.created, u=o.updated, n=o.unchanged, s=len(sheet.skipped) + len(o.skipped), m=len(o.unmatched))]
        for u in o.unmatched:
            hint = self.tr(" — có phải: {names}?").format(names="; ".join(u.suggestions)) if u.suggestions else ""
            lines.append(self.tr("Dòng {row}: không tìm thấy đơn vị “{name}”{hint}").format(row=u.row, name=u.name, hint=hint))
        for s in sorted(sheet.skipped + o.skipped, key=lambda s: s.row):
            lines.append(self.tr("Dòng {row}: {reason}").format(row=s.row, reason=s.reason))
        lines += sheet.warnings + o.warnings
        return "\n".join(lines)
