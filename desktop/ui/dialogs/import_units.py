"""Import a unit list: pick the file, check how its columns were read (and
correct them), see what would change, then import, all or nothing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.errors import Cancelled
from desktop.core.units import UNIT_FIELDS
from desktop.io.unit_sheet import HeaderNotFound
from desktop.operations import units
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.errors import show_error
from desktop.ui.tasks import TaskRunner

PREVIEW_ROWS = 50
REFUSED_BACKGROUND = QColor("#fdecea")


def field_labels() -> dict[str, str]:
    return {
        "": QCoreApplication.translate("ImportUnitsDialog", "— bỏ qua cột này —"),
        "code": QCoreApplication.translate("ImportUnitsDialog", "Mã đơn vị"),
        "name": QCoreApplication.translate("ImportUnitsDialog", "Tên đơn vị"),
        "sector": QCoreApplication.translate("ImportUnitsDialog", "Khối"),
        "kind": QCoreApplication.translate("ImportUnitsDialog", "Loại đơn vị"),
        "chair": QCoreApplication.translate("ImportUnitsDialog", "Chủ tịch"),
        "phone": QCoreApplication.translate("ImportUnitsDialog", "Điện thoại"),
        "email": QCoreApplication.translate("ImportUnitsDialog", "Thư điện tử"),
        "address": QCoreApplication.translate("ImportUnitsDialog", "Địa chỉ"),
        "note": QCoreApplication.translate("ImportUnitsDialog", "Ghi chú"),
        "members": QCoreApplication.translate("ImportUnitsDialog", "Số đoàn viên"),
        "female_members": QCoreApplication.translate("ImportUnitsDialog", "Đoàn viên nữ"),
        "workers": QCoreApplication.translate("ImportUnitsDialog", "Số lao động"),
        "active_from": QCoreApplication.translate("ImportUnitsDialog", "Ngày thành lập"),
    }


def import_file(ctx, path: Path, columns: dict[str, str], *, dry_run: bool, progress=None, cancelled=None):
    """The unit-list import (a dry run writes nothing), run by the task on
    the database worker. Returns (sheet, result)."""
    done = units.import_list(ctx.store, path, columns=columns, dry_run=dry_run,
                             **({"progress": progress} if progress else {}), **({"cancelled": cancelled} if cancelled else {}))
    return done.sheet, done.result


class ImportUnitsDialog(QDialog):
    def __init__(self, ctx, parent=None, runner: TaskRunner | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.runner = runner or TaskRunner(self)
        self.task = None
        self.path: Path | None = None
        self.overrides: dict[str, str] = {}
        self.setWindowTitle(self.tr("Nhập danh sách đơn vị"))
        self.resize(900, 620)

        self.file = QLineEdit()
        self.file.setReadOnly(True)
        browse = QPushButton(self.tr("Chọn tệp…"))
        browse.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Tệp:")))
        top.addWidget(self.file, 1)
        top.addWidget(browse)

        self.mapping_box = QGroupBox(self.tr("Cột trong tệp → thông tin của đơn vị"))
        self.mapping = QFormLayout(self.mapping_box)
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.NoEditTriggers)
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(130)
        self.progress = QProgressBar()
        self.progress.hide()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Nhập"), QDialogButtonBox.AcceptRole)
        self.import_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(self.tr("Đóng"), QDialogButtonBox.RejectRole)
        self.import_button.clicked.connect(self.run_import)
        self.cancel_button.clicked.connect(self.cancel_or_close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.mapping_box)
        layout.addWidget(QLabel(self.tr("Xem trước:")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)

    # -- steps ---------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn danh sách đơn vị"), "", self.tr("Danh sách đơn vị (*.xlsx *.xls *.ods *.csv);;Tất cả các tệp (*)"))
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read ``path`` and show what an import would do (a dry run)."""
        self.path = path
        self.file.setText(str(path))
        overrides = dict(self.overrides)
        self._start(
            lambda progress, cancelled: import_file(self.ctx, path, overrides, dry_run=True, progress=progress, cancelled=cancelled),
            self._previewed,
        )

    @window_action("units.import")
    def run_import(self) -> None:
        path, overrides = self.path, dict(self.overrides)
        self._start(
            lambda progress, cancelled: import_file(self.ctx, path, overrides, dry_run=False, progress=progress, cancelled=cancelled),
            self._imported,
        )

    def cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
        else:
            self.reject()

    # -- plumbing ------------------------------------------------------
    def _start(self, fn, on_done) -> None:
        self.import_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.setText(self.tr("Hủy"))
        self.task = self.runner.start(fn, lambda result: self._finish(on_done, result), self._failed)
        if self.task is not None:
            self.task.progress.connect(lambda f, _m: (self.progress.setRange(0, 100), self.progress.setValue(int(f * 100))))

    def _finish(self, on_done, result) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.setText(self.tr("Đóng"))
        on_done(result)

    def _failed(self, exc, details) -> None:
        self.task = None
        self.progress.hide()
        self.cancel_button.setText(self.tr("Đóng"))
        self.import_button.setEnabled(False)
        self.summary.setPlainText(getattr(exc, "message", str(exc)))
        if isinstance(exc, Cancelled):  # asked for: said in the summary, no message box
            return
        if isinstance(exc, HeaderNotFound):
            # Not an error to click away: the mapping step is the answer.
            self._show_mapping(exc.headers, {})
            self.preview.setRowCount(0)
            return
        show_error(self, exc, details)

    def _previewed(self, result) -> None:
        sheet, outcome = result
        self._show_mapping(sheet.headers, sheet.columns)
        self._show_preview(sheet, {s.row: s.reason for s in outcome.skipped})
        self.summary.setPlainText(self._describe(sheet, outcome, dry_run=True))
        self.import_button.setEnabled(bool(sheet.rows))

    def _imported(self, result) -> None:
        sheet, outcome = result
        self.summary.setPlainText(self._describe(sheet, outcome, dry_run=False))
        self.ctx.changed.emit(Changed.UNITS)
        self.import_button.setEnabled(False)

    def _describe(self, sheet, outcome, *, dry_run: bool) -> str:
        head = self.tr("Nếu nhập: ") if dry_run else self.tr("Đã nhập: ")
        lines = [
            head + self.tr("thêm mới {c}, cập nhật {u}, không đổi {n}, bỏ qua {s} dòng.").format(
                c=outcome.created, u=outcome.updated, n=outcome.unchanged, s=len(sheet.skipped) + len(outcome.skipped)
            )
        ]
        for s in sorted(sheet.skipped + outcome.skipped, key=lambda s: s.row):
            lines.append(self.tr("Dòng {row}: {reason}").format(row=s.row, reason=s.reason))
        return "\n".join(lines)

    def mapping_combo(self, header: str) -> QComboBox | None:
        for row in range(self.mapping.rowCount()):
            label = self.mapping.itemAt(row, QFormLayout.LabelRole)
            if label is not None and label.widget().text() == header:
                return self.mapping.itemAt(row, QFormLayout.FieldRole).widget()
        return None

    def _show_mapping(self, headers: list[str], columns: dict[str, str]) -> None:
        # This runs after a combo box of these rows changed: its widgets go
        # with deleteLater, never inside the signal that is still running.
        while self.mapping.rowCount():
            row = self.mapping.takeRow(0)
            for item in (row.labelItem, row.fieldItem):
                if item is not None and item.widget() is not None:
                    item.widget().hide()
                    item.widget().deleteLater()
        labels = field_labels()
        for header in headers:
            combo = QComboBox()
            for fld in ("",) + UNIT_FIELDS:
                combo.addItem(labels[fld], fld)
            combo.setCurrentIndex(max(combo.findData(self.overrides.get(header, columns.get(header, ""))), 0))
            combo.currentIndexChanged.connect(lambda _i, h=header, c=combo: self._remap(h, c.currentData()))
            self.mapping.addRow(header, combo)

    def _remap(self, header: str, fld: str) -> None:
        self.overrides[header] = fld
        if self.path is not None:
            # The reload rebuilds the mapping rows, this combo box included:
            # it runs once the combo's signal has returned.
            path = self.path
            QTimer.singleShot(0, self, lambda: self.load(path))

    def _show_preview(self, sheet, refused: dict[int, str]) -> None:
        """The first rows of ``sheet``, and every row the dry run refused,
        marked with its reason (``refused``: row number → reason)."""
        labels = field_labels()
        rows = [r for i, r in enumerate(sheet.rows) if i < PREVIEW_ROWS or r.row in refused]
        fields = [f for f in UNIT_FIELDS if any(f in r.values for r in rows)]
        self.preview.clear()
        self.preview.setColumnCount(len(fields) + 2)
        self.preview.setHorizontalHeaderLabels([self.tr("Dòng"), self.tr("Kết quả")] + [labels[f] for f in fields])
        self.preview.setRowCount(len(rows))
        for i, r in enumerate(rows):
            reason = refused.get(r.row)
            cells = [QTableWidgetItem(str(r.row)),
                     QTableWidgetItem(self.tr("Bỏ qua: {reason}").format(reason=reason) if reason else self.tr("Nhập"))]
            for f in fields:
                value = r.values.get(f)
                item = QTableWidgetItem("" if value is None else str(value))
                if isinstance(value, int):
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                cells.append(item)
            for j, item in enumerate(cells):
                if reason:
                    item.setBackground(QBrush(REFUSED_BACKGROUND))
                    item.setToolTip(reason)
                self.preview.setItem(i, j, item)
        self.preview.resizeColumnsToContents()

    def row_verdict(self, sheet_row: int) -> str | None:
        """The "Kết quả" cell of the preview for the sheet's row number."""
        for i in range(self.preview.rowCount()):
            if self.preview.item(i, 0).text() == str(sheet_row):
                return self.preview.item(i, 1).text()
        return None
