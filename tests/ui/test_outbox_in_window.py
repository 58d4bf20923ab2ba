"""The outbox in the Trao đổi screen: a message that failed is sent again
from the window, through the same operation as ``theodoi mail retry``."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.session import unit_of_work
from desktop.core.outbox import mark_failed
from desktop.operations import mail


def test_a_failed_message_is_queued_again_from_the_window(qtbot, ctx, tmp_path):
    from desktop.ui.screens.exchange import ExchangeScreen

    package = tmp_path / "goi-bao-cao.zip"
    package.write_bytes(b"PK")
    queued = ctx.run(mail.queue, package, to=["tinh@example.vn"], subject="Báo cáo số 01/BC-LĐLĐ")
    with unit_of_work(ctx.engine) as s:
        mark_failed(s, queued.id, "Máy chủ từ chối mật khẩu")
    screen = ExchangeScreen(ctx)
    qtbot.addWidget(screen)
    screen.refresh()
    assert screen.outbox.rowCount() == 1 and "lỗi" in screen.outbox.item(0, 1).text()
    assert not screen.retry_button.isEnabled()
    screen.outbox.selectRow(0)
    assert screen.retry_button.isEnabled()
    screen.retry_mail()
    (message,) = ctx.run(mail.outbox)
    assert message.state == "queued"
    assert screen.outbox.item(0, 0).data(Qt.UserRole) == (message.id, "queued")


def test_mail_settings_missing_the_server_are_refused_by_the_operation(ctx):
    import pytest

    from desktop.core.errors import UserError

    with pytest.raises(UserError, match="máy chủ SMTP"):
        ctx.run(mail.settings, sender="ldld@example.vn", require_complete=True)
    assert ctx.run(mail.current_settings).sender is None
