"""Tạo khóa ký số: the office's signing key, made once. The passphrase is
typed twice with a word on its strength; the key file and its backup copy
go where the clerk says; the fingerprint is shown large, in groups of four,
to read out over the phone to the office above."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from desktop.core.exchange import grouped
from desktop.operations import keys, office
from desktop.ui.actions import window_action
from desktop.ui.dialogs.form import FormDialog


def default_key_path() -> Path:
    return Path(platformdirs.user_documents_dir()) / "Theo doi" / "khoa-ky-so-van-phong.p12"


def _with_button(edit: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(edit, 1)
    row.addWidget(button)
    return box


class KeyDialog(FormDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(self.tr("Tạo khóa ký số của văn phòng"), parent)
        self.ctx = ctx
        self.made = None
        declared = ctx.run(office.office)
        self.note.setText(self.tr(
            "Khóa ký số dùng để ký các gói báo cáo gửi lên cấp trên. Chỉ tạo một lần; giữ tệp khóa và mật khẩu "
            "ở nơi an toàn, và chép một bản dự phòng sang USB cất riêng."))
        self.note.show()
        self.org = QLineEdit(declared.name if declared else "")
        self.org.setMinimumWidth(420)
        self.file = QLineEdit(str(default_key_path()))
        choose_file = QPushButton(self.tr("Chọn…"))
        choose_file.clicked.connect(self._choose_file)
        self.backup = QLineEdit()
        self.backup.setPlaceholderText(self.tr("thư mục trên USB cất riêng (nên có)"))
        choose_backup = QPushButton(self.tr("Chọn…"))
        choose_backup.clicked.connect(self._choose_backup)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.Password)
        self.strength = QLabel()
        self.passphrase.textChanged.connect(self._strength_changed)
        self.again.textChanged.connect(self._strength_changed)
        self.form.addRow(self.tr("Tên văn phòng (*)"), self.org)
        self.form.addRow(self.tr("Tệp khóa"), _with_button(self.file, choose_file))
        self.form.addRow(self.tr("Bản dự phòng"), _with_button(self.backup, choose_backup))
        self.form.addRow(self.tr("Mật khẩu (*)"), self.passphrase)
        self.form.addRow(self.tr("Nhập lại mật khẩu (*)"), self.again)
        self.form.addRow("", self.strength)
        self.buttons.button(self.buttons.StandardButton.Ok).setText(self.tr("Tạo khóa"))
        self._strength_changed()

    def _choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp khóa"), self.file.text(), self.tr("Tệp khóa (*.p12)"))
        if name:
            self.file.setText(name if name.endswith(".p12") else name + ".p12")

    def _choose_backup(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Thư mục chép bản dự phòng"), self.backup.text())
        if folder:
            self.backup.setText(folder)

    def _strength_changed(self) -> None:
        score, word = keys.passphrase_strength(self.passphrase.text())
        text = self.tr("Độ mạnh của mật khẩu: {word}.").format(word=word) if self.passphrase.text() else ""
        if self.again.text() and self.again.text() != self.passphrase.text():
            text += " " + self.tr("Hai lần nhập chưa giống nhau.")
        self.strength.setText(text)
        self.strength.setStyleSheet("color: #b00020;" if score < 2 else "color: #1b5e20;")

    @window_action("keys.create")
    def save(self) -> None:
        from desktop.core.errors import UserError

        if self.passphrase.text() != self.again.text():
            raise UserError(self.tr("Hai lần nhập mật khẩu không giống nhau; chưa tạo khóa."))
        path = Path(self.file.text().strip())
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.made = self.ctx.run(keys.create, self.org.text(), path, self.passphrase.text(),
                                     backup_to=self.backup.text().strip() or None, parent=self,
                                     title=self.tr("Đang tạo khóa…"))
        finally:
            self.passphrase.clear()
            self.again.clear()
        self.show_fingerprint()

    def show_fingerprint(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("Đã tạo khóa ký số"))
        box.setText(self.tr("Đã tạo khóa trong {file}{backup}.\n\nDấu vân tay, đọc qua điện thoại cho văn phòng cấp trên "
                            "khi họ nhận gói báo cáo đầu tiên:").format(
            file=self.made.file,
            backup=self.tr(" và bản dự phòng trong {path}").format(path=self.made.backup) if self.made.backup else ""))
        box.setInformativeText(grouped(self.made.fingerprint))
        font = QFont("monospace")
        font.setPointSize(14)
        box.setFont(font)
        box.exec()
