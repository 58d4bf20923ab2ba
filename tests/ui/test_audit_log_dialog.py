"""Trợ giúp → Nhật ký thay đổi: who changed what, newest first, narrowed
to one kind of record, read through the same operation as the command
line's ``audit list``."""

from __future__ import annotations

from desktop.operations import units


def test_the_audit_log_lists_the_changes_newest_first_and_filters_by_kind(qtbot, ctx):
    from desktop.ui.dialogs.audit_log import AuditLogDialog

    ctx.run(units.save, {"name": "Công đoàn Trường Tiểu học Bình Lư", "code": "TD01"})
    ctx.run(units.save, {"name": "Công đoàn Trường Mầm non Bình Lư", "code": "TD02"})
    dialog = AuditLogDialog(ctx)
    qtbot.addWidget(dialog)
    rows = [[dialog.table.item(r, c).text() for c in range(5)] for r in range(dialog.table.rowCount())]
    assert rows and all(r[2] == "thêm" for r in rows[:2])
    assert rows[0][3].startswith("Đơn vị #") and "name" in rows[0][4] and "sort_key" not in rows[0][4]
    assert [r[3] for r in rows[:2]] == ["Đơn vị #2", "Đơn vị #1"]  # newest first
    dialog.entity.setCurrentIndex(dialog.entity.findData("directive"))
    assert dialog.table.rowCount() == 0
