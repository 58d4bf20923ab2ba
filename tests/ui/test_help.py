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


def test_no_printer_is_a_note_in_the_self_check(qtbot, ctx, monkeypatch):
    from desktop.ui.dialogs import help as help_module

    monkeypatch.setattr(help_module, "system_printers", lambda: [])
    dialog = DoctorDialog(ctx)
    qtbot.addWidget(dialog)
    names = [dialog.table.item(i, 0).text() for i in range(dialog.table.rowCount())]
    row = names.index("Máy in")
    assert dialog.table.item(row, 1).text() == "Lưu ý"
    assert "PDF" in dialog.table.item(row, 2).text()


def test_the_guide_without_a_viewer_says_so(qtbot, monkeypatch, messages):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QApplication

    from desktop.ui.dialogs.help import open_guide

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    assert open_guide(None) is False
    kind, text = messages[-1]
    assert kind == "warning" and "chưa có chương trình nào để mở tệp" in text
    assert QApplication.clipboard().text() == str(guide_path())
