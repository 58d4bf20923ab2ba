"""Back up now (to the backups folder or a USB stick) and restore from a
chosen backup, seeing its date, size and what it holds."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.operations import backups
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error
from desktop.ui.widgets.table_models import Column, RowTableModel


def backup_now(ctx, folder: Path | None = None) -> Path:
    return ctx.run(backups.create, folder)


def restore_from(ctx, backup: Path) -> Path | None:
    """Replace the data with ``backup``; the current data is kept as a
    backup first. Returns where it was kept."""
    return ctx.run(backups.restore, backup)


class BackupsDialog(QDialog):
    def __init__(self, ctx, parent=None, folder: Path | None = None):
        super().__init__(parent)
        self.ctx, self.folder = ctx, folder
        self.setWindowTitle(self.tr("Sao lưu và khôi phục"))
        self.resize(760, 420)
        self.model = RowTableModel([
            Column(self.tr("Thời điểm"), lambda b: b.created.strftime("%d/%m/%Y %H:%M")),
            Column(self.tr("Loại"), lambda b: {"hang-ngay": self.tr("Hằng ngày"), "thu-cong": self.tr("Tự sao lưu"),
                                                 "truoc-khoi-phuc": self.tr("Trước khi khôi phục")}.get(b.reason,
                                                 self.tr("Trước khi nâng cấp") if b.reason.startswith("truoc-nang-cap") else b.reason)),
            Column(self.tr("Dung lượng"), lambda b: f"{b.size // 1024:,} KB".replace(",", "."), align_right=True),
            Column(self.tr("Đơn vị"), lambda b: b.units, align_right=True),
            Column(self.tr("Lượt nộp"), lambda b: b.submissions, align_right=True),
            Column(self.tr("Tình trạng"), lambda b: self.tr("Tốt") if b.ok else b.problem),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.now_button = QPushButton(self.tr("Sao lưu &ngay"))
        self.usb_button = QPushButton(self.tr("Sao lưu ra &USB…"))
        self.other_button = QPushButton(self.tr("Chọn tệp sao lưu khác…"))
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã chọn…"))
        self.now_button.clicked.connect(lambda: self._backup(None))
        self.usb_button.clicked.connect(self._backup_usb)
        self.other_button.clicked.connect(self._restore_other)
        self.restore_button.clicked.connect(self._restore_selected)
        row = QHBoxLayout()
        for b in (self.now_button, self.usb_button):
            row.addWidget(b)
        row.addStretch()
        row.addWidget(self.other_button)
        row.addWidget(self.restore_button)
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.rejected.connect(self.reject)
        self.note = QLabel(self.tr("Khôi phục sẽ thay toàn bộ dữ liệu hiện tại bằng bản sao lưu; dữ liệu hiện tại được sao lưu trước."))
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)
        layout.addWidget(close)
        self.reload()

    @window_action("backup.list")
    def reload(self) -> None:
        self.model.set_rows(self.ctx.run(backups.listing, self.folder))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.Stretch)
        if self.model.rowCount():
            self.table.selectRow(0)

    @window_action("backup.create")
    def _backup(self, folder: Path | None) -> Path | None:
        try:
            made = backup_now(self.ctx, folder)
        except Exception as exc:
            show_error(self, exc)
            return None
        QMessageBox.information(self, self.tr("Đã sao lưu"), self.tr("Đã sao lưu vào:\n{path}").format(path=made))
        self.reload()
        return made

    def _backup_usb(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Chọn ổ USB hoặc thư mục nhận bản sao lưu"))
        if folder:
            self._backup(Path(folder))

    def _restore_selected(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.restore(self.model.row_at(index).path)

    def _restore_other(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp sao lưu"), "", self.tr("Sao lưu Theo dõi (*.sqlite3 *.dump)"))
        if name:
            self.restore(Path(name))

    @window_action("backup.restore")
    def restore(self, backup: Path, *, confirm: bool = True) -> bool:
        if confirm:
            answer = QMessageBox.question(
                self, self.tr("Khôi phục dữ liệu"),
                self.tr("Thay toàn bộ dữ liệu hiện tại bằng bản sao lưu “{name}”?\nDữ liệu hiện tại sẽ được sao lưu trước.").format(name=backup.name),
            )
            if answer != QMessageBox.Yes:
                return False
        try:
            kept = restore_from(self.ctx, backup)
        except Exception as exc:
            show_error(self, exc)
            return False
        QMessageBox.information(self, self.tr("Đã khôi phục"),
                                self.tr("Đã khôi phục. Dữ liệu trước đó được giữ ở:\n{path}").format(path=kept))
        self.reload()
        return True
