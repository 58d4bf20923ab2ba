"""The unit-list dialog: the preview marks the rows the import would
refuse, with the core's own reason, before "Nhập"; "Hủy" stops a preview;
choosing a column never deletes the combo box inside its own signal."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.core.units import list_units
from desktop.ui.dialogs.import_units import REFUSED_BACKGROUND, ImportUnitsDialog
from tests.conftest import write_xlsx


def _book(tmp_path):
    return write_xlsx(tmp_path / "ds.xlsx", [
        ["DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC"],
        ["TT", "Mã", "Tên đơn vị", "Số đoàn viên"],
        [1, "TD01", "Công đoàn Trường Tiểu học Kim Đồng", 25],
        [2, "TD01", "Công đoàn Công ty May Hồng Hà", 120],
        [3, "TD03", "", 40],
        [4, "TD04", "Công đoàn " + "Trường Trung học cơ sở " * 30, 12],
        [5, "TD05", "Công đoàn Bệnh viện Đa khoa huyện", 80],
    ])


def test_the_preview_marks_refused_rows_with_the_reason_before_import(qtbot, ctx, tmp_path):
    dialog = ImportUnitsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load(_book(tmp_path))
    assert dialog.row_verdict(3) == "Nhập"
    assert dialog.row_verdict(4) == "Bỏ qua: trùng với dòng 3"
    long_row = dialog.row_verdict(6)
    assert long_row is not None and long_row.startswith("Bỏ qua:") and "dài" in long_row
    assert dialog.row_verdict(7) == "Nhập"
    refused_row = next(i for i in range(dialog.preview.rowCount()) if dialog.preview.item(i, 0).text() == "4")
    assert dialog.preview.item(refused_row, 2).background().color() == QColor(REFUSED_BACKGROUND)
    summary = dialog.summary.toPlainText()
    assert "Dòng 4: trùng với dòng 3" in summary and "Dòng 5" in summary  # the row without a name
    assert ctx.read(lambda s: list_units(s)) == []  # the preview wrote nothing
    dialog.import_button.click()
    codes = sorted(u.code for u in ctx.read(lambda s: list_units(s)))
    assert codes == ["TD01", "TD05"]


def test_cancel_stops_the_preview_and_nothing_is_written(qtbot, ctx, tmp_path, monkeypatch, messages):
    from desktop.ui.dialogs import import_units

    original, given = import_units.import_file, []

    def stopped_at_once(ctx, path, columns, *, dry_run, progress=None, cancelled=None):
        # The preview must hand the task's "Hủy" flag to the import; here
        # the clerk has pressed it before the first row.
        given.append(cancelled)
        return original(ctx, path, columns, dry_run=dry_run, progress=progress, cancelled=lambda: True)

    monkeypatch.setattr(import_units, "import_file", stopped_at_once)
    dialog = ImportUnitsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load(_book(tmp_path))
    assert given and callable(given[0]) and given[0]() is False  # the task's own flag, not yet set
    assert "Đã hủy" in dialog.summary.toPlainText()
    assert messages == []  # asked for, so no message box
    assert not dialog.import_button.isEnabled()
    assert ctx.read(lambda s: list_units(s)) == []
