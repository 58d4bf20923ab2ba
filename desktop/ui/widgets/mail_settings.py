"""The e-mail settings of the Cài đặt screen: the SMTP server packages go
up through; the password goes to the system keyring, never the database."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLineEdit, QMessageBox, QPushButton, QSpinBox

from desktop.core.outbox import MailSettings
from desktop.operations import mail
from desktop.ui.actions import window_action
from desktop.ui.errors import show_error


class MailSettingsBox(QGroupBox):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setTitle(self.tr("Thư điện tử (gửi gói báo cáo)"))
        self.ctx = ctx
        self.host = QLineEdit()
        self.host.setPlaceholderText("smtp.gmail.com")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(587)
        self.security = QComboBox()
        for value, label in (("starttls", "STARTTLS"), ("ssl", "SSL/TLS"), ("none", self.tr("Không mã hóa"))):
            self.security.addItem(label, value)
        self.user = QLineEdit()
        self.sender = QLineEdit()
        self.sender.setPlaceholderText("ldld.tamduong@example.vn")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.setPlaceholderText(self.tr("để trống nếu không đổi"))
        save = QPushButton(self.tr("Lưu cài đặt thư"))
        save.clicked.connect(self.save)
        form = QFormLayout(self)
        form.addRow(self.tr("Máy chủ SMTP"), self.host)
        form.addRow(self.tr("Cổng"), self.port)
        form.addRow(self.tr("Bảo mật"), self.security)
        form.addRow(self.tr("Tên đăng nhập"), self.user)
        form.addRow(self.tr("Địa chỉ gửi"), self.sender)
        form.addRow(self.tr("Mật khẩu"), self.password)
        form.addRow("", save)

    def load(self) -> None:
        s = self.ctx.run(mail.current_settings)
        self.host.setText(s.host or "")
        self.port.setValue(s.port or 587)
        self.security.setCurrentIndex(max(self.security.findData(s.security), 0))
        self.user.setText(s.user or "")
        self.sender.setText(s.sender or "")

    @window_action("mail.settings")
    def save(self) -> None:
        settings = MailSettings(host=self.host.text().strip() or None, port=self.port.value(),
                                security=self.security.currentData(), user=self.user.text().strip() or None,
                                sender=self.sender.text().strip() or None)
        missing = settings.missing()
        if missing:  # nothing half-filled is "saved": packages could not go out with it
            QMessageBox.warning(self, self.tr("Thư điện tử"), self.tr("Chưa lưu: còn thiếu {fields}. Hãy nhập đủ rồi bấm “Lưu cài đặt thư”.")
                                .format(fields=", ".join(missing)))
            (self.host if not settings.host else self.sender).setFocus()
            return
        try:
            self.ctx.run(mail.settings, parent=self, host=settings.host, port=settings.port, security=settings.security,
                         user=settings.user, sender=settings.sender, password=self.password.text() or None,
                         require_complete=True)
        except Exception as exc:  # a bad address or no keyring: told, nothing half-saved in the form
            show_error(self, exc)
            return
        finally:
            self.password.clear()
        QMessageBox.information(self, self.tr("Thư điện tử"), self.tr("Đã lưu cài đặt thư."))
