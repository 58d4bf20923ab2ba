"""Trợ giúp: the self-check, the guide and the licences."""

from __future__ import annotations

from desktop.ui.dialogs.help import AboutDialog, DoctorDialog, guide_path, licences_text


def test_the_self_check_shows_every_line(qtbot, ctx):
    dialog = DoctorDialog(ctx)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())]
    assert "Ký số thử" in names and "Máy in" in names
    (row,) = [i for i, n in enumerate(names) if n == "Ký số thử"]
    assert dialog.table.item(row, 1).text() == "OK"


def test_about_lists_the_bundled_components_and_their_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.licences.toPlainText()
    assert "PySide6" in text and "reportlab" in text.lower() and "pyHanko" in text
    assert licences_text().count("\n") > 20


def test_the_guide_is_found(qtbot):
    path = guide_path()
    assert path is not None and path.stem == "huong-dan-su-dung"
