"""Nhận phiếu báo cáo: drop the returned forms (files, a folder, a .zip,
saved e-mails) on the dialog; a preview lists every file with its unit,
figures and fate before anything is written; a form no unit could be read
from is assigned one by the clerk; then all are recorded, or none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from db.models import Requirement
from desktop.core.status import period_status
from desktop.core import clock
from desktop.operations import forms
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import date_edit, date_value
from desktop.ui.errors import show_error, shows_refusals

_COLOURS = {"recorded": "#E2F0D9", "superseded": "#DDEBF7", "duplicate": "#EDEDED", "unmatched": "#FFF2CC",
            "refused": "#F8CBAD"}


class FormsImportDialog(QDialog):
    COLUMNS = ("file", "unit", "figures", "status", "reason")

    def __init__(self, ctx, requirement_id: int | None = None, period: int | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.requirement_id, self.period = ctx, requirement_id, period
        self.paths: list[Path] = []
        self.last: forms.FormsImport | None = None
        self.assigned: dict[str, int] = {}
        self.written = False
        self.setWindowTitle(self.tr("Nhận phiếu báo cáo"))
        self.setAcceptDrops(True)
        self.resize(1000, 600)
        self.units = self._units()

        hint = QLabel(self.tr("Kéo thả vào đây các phiếu đơn vị gửi về: tệp .xlsx, cả thư mục, tệp nén .zip hoặc thư đã "
                              "lưu (.eml). Xem trước rồi bấm “Ghi nhận”."))
        hint.setWordWrap(True)
        add_files = QPushButton(self.tr("Thêm &tệp…"))
        add_files.clicked.connect(self.choose_files)
        add_folder = QPushButton(self.tr("Thêm thư &mục…"))
        add_folder.clicked.connect(self.choose_folder)
        self.received = date_edit(optional=True, name=self.tr("Ngày nhận"))
        self.received.setToolTip(self.tr("Để trống: phiếu trong thư lấy ngày của thư, phiếu khác lấy ngày hôm nay"))
        top = QHBoxLayout()
        top.addWidget(add_files)
        top.addWidget(add_folder)
        top.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Ngày nhận (phiếu không kèm thư):"), self.received)
        top.addLayout(form)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Tệp"), self.tr("Đơn vị"), self.tr("Số liệu"), self.tr("Kết quả"),
                                              self.tr("Lý do")])
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.record_button = QPushButton(self.tr("&Ghi nhận"))
        self.record_button.setEnabled(False)
        self.record_button.clicked.connect(self.record)
        close = QPushButton(self.tr("Đóng"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.summary, 1)
        buttons.addWidget(self.record_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _units(self) -> list[tuple[int, str]]:
        """The units a form could be assigned to: those owing this period."""
        if self.requirement_id is None:
            return []

        def load(session):
            req = session.get(Requirement, self.requirement_id)
            from desktop.core.forms import default_period

            number = self.period or default_period(req, clock.today()).number
            self.period = number
            status = period_status(session, req, number, clock.today())
            return [(us.unit.id, f"{us.unit.code or ''} — {us.unit.name}") for us in status.units]

        return self.ctx.read(load)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        # Long reasons wrap to the width their column has once laid out.
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        QTimer.singleShot(0, self.table.resizeRowsToContents)

    # -- files in ------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add(paths)

    def choose_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self, self.tr("Chọn phiếu báo cáo"), "",
                                                self.tr("Phiếu báo cáo (*.xlsx *.zip *.eml);;Tất cả các tệp (*)"))
        if names:
            self.add([Path(n) for n in names])

    def choose_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Thư mục phiếu trả về"))
        if name:
            self.add([Path(name)])

    def add(self, paths: list[Path]) -> None:
        """Add files or folders and show the preview again."""
        self.paths += [p for p in paths if p not in self.paths]
        self.written = False
        self.preview()

    # -- the run -------------------------------------------------------
    def _options(self) -> dict:
        return dict(received=date_value(self.received), assign=dict(self.assigned),
                    requirement=self.requirement_id if self.assigned else None,
                    period=self.period if self.assigned else None)

    @shows_refusals
    def preview(self) -> None:
        if not self.paths:
            return
        try:
            done = self.ctx.run(forms.import_forms, list(self.paths), dry_run=True, **self._options(), parent=self,
                                title=self.tr("Đang đọc phiếu"), cancellable=True)
        except Exception as exc:  # noqa: BLE001 - shown in words
            show_error(self, exc)
            return
        self.show_results(done)

    @window_action("forms.import")
    @shows_refusals
    def record(self) -> None:
        try:
            done = self.ctx.run(forms.import_forms, list(self.paths), dry_run=False, **self._options(), parent=self,
                                title=self.tr("Đang ghi nhận phiếu"), cancellable=True)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.written = True
        self.show_results(done)

    def show_results(self, done: forms.FormsImport) -> None:
        self.last = done
        words = {"recorded": self.tr("ghi mới"), "superseded": self.tr("đính chính"), "duplicate": self.tr("đã có"),
                 "unmatched": self.tr("chưa khớp"), "refused": self.tr("từ chối")}
        self.table.setRowCount(len(done.results))
        for row, r in enumerate(done.results):
            figures = "; ".join(f"{r.labels.get(k, k)}: {v:,}".replace(",", ".") for k, v in r.values.items())
            shown = (r.file, r.unit or "", figures, words.get(r.status, r.status), r.reason or "")
            for col, value in enumerate(shown):
                item = QTableWidgetItem(value)
                item.setBackground(QBrush(QColor(_COLOURS.get(r.status, "#FFFFFF"))))
                item.setToolTip(value)
                self.table.setItem(row, col, item)
            self.table.removeCellWidget(row, 1)
            if r.status == "unmatched" and not self.written and self.units:
                self.table.setCellWidget(row, 1, self._assign_box(r.file))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))
        self.table.setColumnWidth(1, max(min(self.table.columnWidth(1), 280), 200))
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.resizeRowsToContents()
        counts = ", ".join(f"{words[s]} {done.count(s)}" for s in words if done.count(s))
        head = self.tr("Đã ghi: ") if self.written else self.tr("Xem trước, chưa ghi gì: ")
        self.summary.setText(head + counts + ".")
        ready = not self.written and any(r.status in ("recorded", "superseded") for r in done.results)
        self.record_button.setEnabled(ready)

    def _assign_box(self, file: str) -> QComboBox:
        box = QComboBox()
        box.addItem(self.tr("— chọn đơn vị —"), None)
        for unit_id, name in self.units:
            box.addItem(name, unit_id)
        if file in self.assigned:
            box.setCurrentIndex(max(box.findData(self.assigned[file]), 0))
        box.currentIndexChanged.connect(lambda _i, f=file, b=box: self.assign(f, b.currentData()))
        return box

    def assign(self, file: str, unit_id: int | None) -> None:
        """The clerk says which unit an unmatched form is from."""
        if unit_id is None:
            self.assigned.pop(file, None)
        else:
            self.assigned[file] = unit_id
        self.preview()
