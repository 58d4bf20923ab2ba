"""Chứng thư tin cậy: whom this office trusts to sign for whom. Installed
CA roots (a certificate they issue signs for the office its subject
names), member offices' own keys pinned each for its office, and the office
above's receipt key; add a root, pin an office's certificate, stop trusting
one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.core.exchange import grouped
from desktop.operations import exchange, units
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error

CERTIFICATES = "Chứng thư (*.pem *.crt *.cer *.der);;Tất cả các tệp (*)"


class TrustDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Chứng thư tin cậy"))
        self.resize(900, 420)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Vân tay"), self.tr("Chứng thư"), self.tr("Ký cho")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectRows)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        add_root = QPushButton(self.tr("Cài chứng thư gốc (CA)…"))
        pin = QPushButton(self.tr("Tin cậy chứng thư của một văn phòng…"))
        remove = QPushButton(self.tr("Thôi tin cậy"))
        add_root.clicked.connect(lambda: self._pick_and(self.add_root))
        pin.clicked.connect(self._pick_and_pin)
        remove.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        for b in (add_root, pin, remove):
            row.addWidget(b)
        row.addStretch()
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.load()

    @window_action("trust.list")
    def load(self) -> None:
        rows = self.ctx.run(exchange.trusted)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            what = (self.tr("mọi văn phòng có tên trong chứng thư do nó cấp (chứng thư gốc)") if r.kind != "pin" else
                    self.tr("riêng “{office}”").format(office=r.office) if r.office else
                    self.tr("văn phòng cấp trên (ký biên nhận)"))
            for j, text in enumerate([grouped(r.fingerprint)[:39] + "…", r.subject, what]):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, r.fingerprint)
                self.table.setItem(i, j, item)
        self.table.resizeColumnToContents(0)

    def _pick_and(self, then) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp chứng thư"), "", self.tr(CERTIFICATES))
        if name:
            then(name)

    @window_action("trust.add")
    def add_root(self, path) -> None:
        try:
            t = self.ctx.run(exchange.add_trusted_root, path, parent=self)
        except Exception as exc:
            show_error(self, exc)
            return
        QMessageBox.information(self, self.tr("Chứng thư tin cậy"),
                                self.tr("Đã cài chứng thư gốc “{subject}” (vân tay {fp}).").format(
                                    subject=t.subject, fp=grouped(t.fingerprint)))
        self.load()

    def _pick_and_pin(self) -> None:
        offices = self.ctx.run(units.listing)
        if not offices:
            QMessageBox.information(self, self.tr("Chứng thư tin cậy"), self.tr("Chưa có đơn vị trực thuộc nào."))
            return
        names = [u.name for u in offices]
        name, ok = QInputDialog.getItem(self, self.tr("Chứng thư của văn phòng"), self.tr("Văn phòng:"), names, 0, False)
        if ok:
            unit = offices[names.index(name)]
            self._pick_and(lambda path: self.pin(unit.id, path))

    @window_action("trust.pin")
    def pin(self, office: int, path) -> None:
        try:
            t = self.ctx.run(exchange.pin, office, path, parent=self)
        except Exception as exc:
            show_error(self, exc)
            return
        QMessageBox.information(self, self.tr("Chứng thư tin cậy"),
                                self.tr("Đã tin cậy khóa “{subject}” (vân tay {fp}) cho riêng “{office}”.").format(
                                    subject=t.subject, fp=grouped(t.fingerprint), office=t.office))
        self.load()

    @window_action("trust.remove")
    def remove_selected(self, *, confirm: bool = True) -> None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        if item is None:
            QMessageBox.information(self, self.tr("Chứng thư tin cậy"), self.tr("Hãy chọn chứng thư cần thôi tin cậy."))
            return
        if confirm and QMessageBox.question(
                self, self.tr("Thôi tin cậy"),
                self.tr("Thôi tin cậy chứng thư này? Gói ký bằng nó sẽ bị từ chối cho đến khi được tin cậy lại.")
        ) != QMessageBox.Yes:
            return
        try:
            self.ctx.run(exchange.untrust, item.data(Qt.UserRole), parent=self)
        except Exception as exc:
            show_error(self, exc)
        self.load()
