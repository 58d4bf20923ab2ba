"""The history of a unit, read from the audit log."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from db.models import Organization
from desktop.core.history import history_of

FIELD_LABELS = {
    "name": QT_TRANSLATE_NOOP("HistoryDialog", "Tên"),
    "code": QT_TRANSLATE_NOOP("HistoryDialog", "Mã"),
    "sector": QT_TRANSLATE_NOOP("HistoryDialog", "Khối"),
    "chair": QT_TRANSLATE_NOOP("HistoryDialog", "Chủ tịch"),
    "phone": QT_TRANSLATE_NOOP("HistoryDialog", "Điện thoại"),
    "email": QT_TRANSLATE_NOOP("HistoryDialog", "Thư điện tử"),
    "address": QT_TRANSLATE_NOOP("HistoryDialog", "Địa chỉ"),
    "members": QT_TRANSLATE_NOOP("HistoryDialog", "Đoàn viên"),
    "female_members": QT_TRANSLATE_NOOP("HistoryDialog", "Nữ"),
    "workers": QT_TRANSLATE_NOOP("HistoryDialog", "Lao động"),
    "active_from": QT_TRANSLATE_NOOP("HistoryDialog", "Ngày thành lập"),
    "active_to": QT_TRANSLATE_NOOP("HistoryDialog", "Ngày thôi hoạt động"),
    "merged_into_id": QT_TRANSLATE_NOOP("HistoryDialog", "Sáp nhập vào (mã số)"),
}
HIDDEN = {"name_key", "sort_key", "updated_at", "created_at", "id", "parent_id", "kind"}


class HistoryDialog(QDialog):
    def __init__(self, ctx, unit: Organization, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lịch sử: {name}").format(name=unit.name))
        self.resize(640, 420)
        view = QTextBrowser()
        entries = ctx.read(lambda s: history_of(s, "organization", unit.id))
        actions = {"create": self.tr("Tạo mới"), "update": self.tr("Sửa"), "delete": self.tr("Xóa")}
        lines = []
        for e in entries:
            when = e.at.astimezone().strftime("%d/%m/%Y %H:%M")
            changes = []
            for key, new in (e.after or {}).items():
                if key in HIDDEN or new in (None, ""):
                    continue
                old = (e.before or {}).get(key)
                label = self.tr(FIELD_LABELS.get(key, key))
                changes.append(f"{label}: {old} → {new}" if e.action == "update" else f"{label}: {new}")
            lines.append(f"<p><b>{when}</b> — {actions.get(e.action, e.action)} ({e.actor})<br>{'<br>'.join(changes)}</p>")
        view.setHtml("".join(lines) or self.tr("Chưa có thay đổi nào."))
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        layout.addWidget(buttons)
