"""Nhật ký thay đổi: who changed what and when, newest first, with the
fields each change touched; narrowed to one kind of record."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.operations import backups
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error

# Bookkeeping columns every change touches: naming them tells nothing.
QUIET_FIELDS = {"name_key", "sort_key", "created_at", "updated_at", "recorded_at"}


class AuditLogDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Nhật ký thay đổi"))
        self.resize(900, 520)
        self.entity = QComboBox()
        for label, value in ((self.tr("Tất cả"), None), (self.tr("Đơn vị"), "organization"),
                             (self.tr("Văn bản chỉ đạo"), "directive"), (self.tr("Yêu cầu"), "requirement"),
                             (self.tr("Văn bản đơn vị gửi về"), "submission"), (self.tr("Miễn"), "exemption"),
                             (self.tr("Sổ văn bản đi"), "outgoing_document"),
                             (self.tr("Bản thảo báo cáo"), "report_draft"), (self.tr("Cài đặt"), "setting")):
            self.entity.addItem(label, value)
        self.last = QSpinBox()
        self.last.setRange(10, 100_000)
        self.last.setValue(200)
        self.last.setSingleStep(100)
        self.entity.currentIndexChanged.connect(lambda _i: self.load())
        self.last.editingFinished.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Loại")))
        top.addWidget(self.entity)
        top.addWidget(QLabel(self.tr("Số dòng mới nhất")))
        top.addWidget(self.last)
        top.addStretch()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Lúc"), self.tr("Người"), self.tr("Việc"), self.tr("Bản ghi"),
                                              self.tr("Trường thay đổi")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.load()

    @window_action("audit.list")
    def load(self) -> None:
        try:
            entries = self.ctx.run(backups.audit_log, entity=self.entity.currentData(), last=self.last.value())
        except Exception as exc:
            show_error(self, exc)
            return
        actions = {"create": self.tr("thêm"), "update": self.tr("sửa"), "delete": self.tr("xóa")}
        kinds = {self.entity.itemData(i): self.entity.itemText(i) for i in range(1, self.entity.count())}
        entries = list(reversed(entries))
        self.table.setRowCount(len(entries))
        for i, e in enumerate(entries):
            fields = sorted((e.after or e.before or {}).keys() - QUIET_FIELDS)
            for j, text in enumerate([e.at.astimezone().strftime("%d/%m/%Y %H:%M"), e.actor,
                                      actions.get(e.action, e.action), f"{kinds.get(e.entity, e.entity)} #{e.entity_id}",
                                      ", ".join(fields)]):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
