"""Trợ giúp: the self-check, the user guide, and About with the licences of
everything Theo dõi ships."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QPlainTextEdit, QTableWidget, QTableWidgetItem, QVBoxLayout

from desktop import __version__
from desktop.resources import resource
from desktop.ui.open_file import open_with_system
from desktop.operations import database
from desktop.ui.actions import window_action
from desktop.ui.printers import system_printers

GUIDE = "huong-dan-su-dung"


class DoctorDialog(QDialog):
    """Each check, OK or what to do."""

    @window_action("doctor")
    def run_checks(self, ctx) -> list:
        return ctx.run(database.doctor, printers=system_printers)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Kiểm tra máy"))
        self.resize(820, 420)
        self.checks = self.run_checks(ctx)
        self.table = QTableWidget(len(self.checks), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Mục"), self.tr("Kết quả"), self.tr("Chi tiết, cách xử lý")])
        for i, c in enumerate(self.checks):
            detail = c.detail + (f"\n→ {c.advice}" if c.advice else "")
            verdict = self.tr("Cần xử lý") if not c.ok else (self.tr("Lưu ý") if c.warning else self.tr("OK"))
            for j, text in enumerate([c.name, verdict, detail]):
                self.table.setItem(i, j, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def guide_path() -> Path | None:
    """The guide shipped as PDF in a bundle; in a source checkout, the
    Markdown it is made from."""
    for path in (resource("docs", f"{GUIDE}.pdf"), resource().parent / "docs" / f"{GUIDE}.md"):
        if path.is_file():
            return path
    return None


def open_guide(parent) -> bool:
    path = guide_path()
    if path is None:
        QMessageBox.warning(parent, QCoreApplication.translate("Help", "Hướng dẫn sử dụng"),
                            QCoreApplication.translate("Help", "Không tìm thấy tệp hướng dẫn trong thư mục cài đặt; "
                                                               "hãy cài lại Theo dõi."))
        return False
    return open_with_system(parent, path, QCoreApplication.translate("Help", "Hướng dẫn sử dụng"))


def third_party_licences() -> str:
    """Name, version and licence of each component: the file made at build
    time in a bundle, else read from the installed distributions."""
    shipped = resource("docs", "third-party-licences.txt")
    if shipped.is_file():
        return shipped.read_text(encoding="utf-8")
    return licences_text()


def licences_text() -> str:
    lines = []
    for dist in sorted(metadata.distributions(), key=lambda d: (d.metadata["Name"] or "").lower()):
        name = dist.metadata["Name"]
        if not name:
            continue
        licence = dist.metadata.get("License-Expression") or dist.metadata.get("License") or ""
        if not licence or len(licence) > 80:
            classifiers = [c.split(" :: ")[-1] for c in dist.metadata.get_all("Classifier") or [] if c.startswith("License ::")]
            licence = ", ".join(classifiers) or (licence.splitlines()[0][:80] if licence else "xem gói")
        lines.append(f"{name} {dist.version}: {licence}")
    return "\n".join(lines)


class AboutDialog(QDialog):

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu Theo dõi"))
        self.resize(640, 480)
        head = QLabel(self.tr(
            "<h3>Theo dõi {version}</h3><p>Sổ theo dõi văn bản chỉ đạo, yêu cầu và báo cáo của các công đoàn cơ sở. "
            "Chạy hoàn toàn không cần mạng.</p><p>Giấy phép GPL-3.0-or-later. Phông chữ Liberation Serif: SIL Open "
            "Font License 1.1.</p><p>Các thành phần kèm theo và giấy phép:</p>").format(version=__version__))
        head.setWordWrap(True)
        self.licences = QPlainTextEdit(third_party_licences())
        self.licences.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Đóng"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(self.licences, 1)
        layout.addWidget(buttons)
