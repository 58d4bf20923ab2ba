"""Cài đặt: this office's identity as printed on documents, where the data
lives, and the language."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.office import get_office
from desktop.operations import office as office_ops
from desktop.ui.actions import window_action
from desktop.ui.context import Changed
from desktop.ui.widgets.database_settings import DatabaseBox
from desktop.ui.widgets.mail_settings import MailSettingsBox
from desktop.ui.errors import show_error
from desktop.ui.screens.base import Screen

LANGUAGES = (("vi", "Tiếng Việt"), ("en", "English"))


class SettingsScreen(Screen):
    watches = (Changed.OFFICE,)

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.fields = {
            "name": QLineEdit(),
            "parent_name": QLineEdit(),
            "place": QLineEdit(),
            "symbol": QLineEdit(),
            "signing_authority": QLineEdit(),
            "signer_title": QLineEdit(),
            "signer_name": QLineEdit(),
        }
        self.fields["parent_name"].setPlaceholderText("LĐLĐ TỈNH LAI CHÂU")
        self.fields["place"].setPlaceholderText("Tam Đường")
        self.fields["symbol"].setPlaceholderText("LĐLĐ")
        self.fields["signing_authority"].setPlaceholderText("TM. BAN THƯỜNG VỤ")
        self.fields["signer_title"].setPlaceholderText("CHỦ TỊCH")
        office_box = QGroupBox(self.tr("Văn phòng và người ký"))
        form = QFormLayout(office_box)
        for key, label in (
            ("name", self.tr("Tên văn phòng (*)")),
            ("parent_name", self.tr("Cơ quan cấp trên")),
            ("place", self.tr("Địa danh ghi trên văn bản")),
            ("symbol", self.tr("Ký hiệu trong số văn bản")),
            ("signing_authority", self.tr("Thẩm quyền ký")),
            ("signer_title", self.tr("Chức vụ người ký")),
            ("signer_name", self.tr("Họ tên người ký")),
        ):
            form.addRow(label, self.fields[key])
        save = QPushButton(self.tr("&Lưu thông tin văn phòng"))
        save.clicked.connect(self.save_office)
        form.addRow("", save)

        self.data_box = DatabaseBox(ctx)

        lang_box = QGroupBox(self.tr("Ngôn ngữ"))
        lang = QFormLayout(lang_box)
        self.language = QComboBox()
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(QSettings().value("ui/language", "vi")), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        lang.addRow(self.tr("Ngôn ngữ giao diện"), self.language)

        # Scrolls rather than grow past a 1366×768 screen.
        inner = QWidget()
        layout = QVBoxLayout(inner)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.mail_box = MailSettingsBox(ctx)
        layout.addWidget(office_box)
        layout.addWidget(self.data_box)
        layout.addWidget(self.mail_box)
        key_box = QGroupBox(self.tr("Khóa ký số"))
        key_button = QPushButton(self.tr("Tạo khóa ký số của văn phòng…"))
        key_button.clicked.connect(self.create_key)
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(QLabel(self.tr("Khóa dùng để ký các gói báo cáo gửi lên cấp trên; chỉ cần tạo một lần "
                                            "(hoặc dùng USB token ở màn hình Trao đổi).")))
        trust_button = QPushButton(self.tr("Chứng thư tin cậy…"))
        trust_button.clicked.connect(self.open_trust)
        key_buttons = QHBoxLayout()
        key_buttons.addWidget(key_button)
        key_buttons.addWidget(trust_button)
        key_buttons.addStretch()
        key_layout.addLayout(key_buttons)
        layout.addWidget(key_box)
        layout.addWidget(lang_box)
        layout.addStretch()

    def open_trust(self) -> None:
        from desktop.ui.dialogs.trust import TrustDialog

        TrustDialog(self.ctx, self).exec()

    def create_key(self) -> None:
        from desktop.ui.dialogs.key_create import KeyDialog

        KeyDialog(self.ctx, self).exec()

    def title(self) -> str:
        return self.tr("Cài đặt")

    def refresh(self) -> None:
        self.mail_box.load()
        office = self.ctx.read(get_office)
        for key, edit in self.fields.items():
            edit.setText((getattr(office, key) or "") if office else "")

    @window_action("init")
    def save_office(self) -> None:
        values = {k: e.text() for k, e in self.fields.items()}
        name = values.pop("name")
        try:
            self.ctx.run(office_ops.declare, name, parent=self, **values)
        except Exception as exc:
            show_error(self, exc)
            return
        QMessageBox.information(self, self.tr("Đã lưu"), self.tr("Đã lưu thông tin văn phòng."))

    def _language_changed(self) -> None:
        QSettings().setValue("ui/language", self.language.currentData())
        QMessageBox.information(
            self, self.tr("Ngôn ngữ"), self.tr("Ngôn ngữ mới sẽ được dùng từ lần mở Theo dõi tiếp theo.")
        )
