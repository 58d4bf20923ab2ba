"""Adding a requirement in the window: indicators are a table of names, the
keys derived and shown, never typed; the requirement is saved through the
same operation as the command line's."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from db.session import unit_of_work
from desktop.core.directives import add_directive, requirements_of
from desktop.operations.registry import all_operations


def test_indicators_are_named_in_a_table_and_their_keys_derived(qtbot, ctx):
    from desktop.ui.dialogs.requirement_edit import RequirementDialog

    with unit_of_work(ctx.engine) as s:
        d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
    dialog = RequirementDialog(ctx, d)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Báo cáo kết quả quán triệt")
    dialog.due.setDate(QDate(2022, 3, 31))
    table = dialog.indicators.table
    table.item(0, 0).setText("Số buổi")
    table.item(1, 0).setText("Số người tham dự")
    assert table.item(0, 1).text() == "so_buoi" and table.item(1, 1).text() == "so_nguoi_tham_du"
    dialog.accept()
    with unit_of_work(ctx.engine, commit=False) as s:
        (r,) = requirements_of(s, d)
    assert r.indicators == [{"key": "so_buoi", "label": "Số buổi"}, {"key": "so_nguoi_tham_du", "label": "Số người tham dự"}]
    assert "requirements.add" in all_operations()
