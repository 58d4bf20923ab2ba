"""Mail settings in the window: kept in the database, the password in the
keyring and nowhere else."""

from __future__ import annotations


from desktop.core.outbox import mail_settings
from tests.conftest import db_snapshot
from desktop.ui.widgets.mail_settings import MailSettingsBox


def test_settings_are_saved_and_the_password_only_in_the_keyring(qtbot, ctx, memory_keyring, messages):
    box = MailSettingsBox(ctx)
    qtbot.addWidget(box)
    box.load()
    box.host.setText("smtp.ldld-laichau.vn")
    box.port.setValue(465)
    box.security.setCurrentIndex(box.security.findData("ssl"))
    box.user.setText("tamduong")
    box.sender.setText("ldld.tamduong@ldld-laichau.vn")
    box.password.setText("mat-khau-thu-rat-bi-mat")
    box.save()
    saved = ctx.read(mail_settings)
    assert (saved.host, saved.port, saved.security, saved.sender) == ("smtp.ldld-laichau.vn", 465, "ssl",
                                                                       "ldld.tamduong@ldld-laichau.vn")
    assert list(memory_keyring.values()) == ["mat-khau-thu-rat-bi-mat"] and box.password.text() == ""
    dump = "\n".join(db_snapshot(ctx.url))
    assert "mat-khau-thu-rat-bi-mat" not in dump


def test_a_wrong_sender_address_is_explained(qtbot, ctx, memory_keyring, messages):
    box = MailSettingsBox(ctx)
    qtbot.addWidget(box)
    box.host.setText("smtp.example.vn")
    box.sender.setText("khong dung")
    box.save()
    assert any("không đúng dạng thư điện tử" in text for _kind, text in messages)
    assert ctx.read(mail_settings).host is None


def test_empty_settings_are_not_saved_and_what_is_missing_is_named(qtbot, ctx, memory_keyring, messages):
    box = MailSettingsBox(ctx)
    qtbot.addWidget(box)
    box.load()
    box.save()
    assert messages[-1][0] == "warning"
    assert "máy chủ SMTP" in messages[-1][1] and "địa chỉ gửi" in messages[-1][1]
    assert not any("Đã lưu" in text for _kind, text in messages)
    box.host.setText("smtp.example.vn")
    box.save()
    assert "địa chỉ gửi" in messages[-1][1] and "máy chủ SMTP" not in messages[-1][1]
    assert ctx.read(mail_settings).host is None
