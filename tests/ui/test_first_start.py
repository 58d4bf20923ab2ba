"""The first start as a new user meets it: the demo office from the
wizard's first page, nothing in front of the wizard, and a signer that must
be named."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWizard

from desktop.core.office import get_office
from desktop.core.units import member_units


def _wizard(qtbot, path=Path("/tmp/x.sqlite3")):
    from desktop.ui.dialogs.first_start import FirstStartWizard

    wizard = FirstStartWizard(path)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def test_choosing_the_demo_and_pressing_next_closes_the_wizard_accepted(qtbot):
    wizard = _wizard(qtbot)
    wizard.demo.setChecked(True)
    wizard.button(QWizard.NextButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert wizard.result() == QWizard.Accepted
    assert wizard.use_demo


def test_an_empty_signer_is_refused_in_words(qtbot, messages):
    wizard = _wizard(qtbot)
    wizard.next()
    wizard.name.setText("Liên đoàn Lao động huyện Tam Đường")
    wizard.next()
    assert wizard.currentId() == wizard.signer_id
    wizard.signer_title.clear()
    wizard.next()
    assert wizard.currentId() == wizard.signer_id
    assert "“Chức vụ” và “Họ và tên”" in messages[-1][1]
    wizard.signer_title.setText("CHỦ TỊCH")
    wizard.next()
    assert wizard.currentId() == wizard.signer_id
    assert "“Họ và tên”" in messages[-1][1] and "Chức vụ" not in messages[-1][1]
    wizard.signer_name.setText("Nguyễn Thị Lan")
    wizard.next()
    assert wizard.currentId() == wizard.data_id


def test_an_empty_database_opens_on_the_wizard_then_the_demo_window(qtbot, tmp_path, monkeypatch, messages):
    from desktop.ui import app as app_module
    from desktop.ui.dialogs.first_start import FirstStartWizard
    from desktop.ui.mainwindow import MainWindow

    seen: list[str] = []

    def choose_demo(wizard):
        seen.append(f"wizard after {len(messages)} messages")
        wizard.show()
        wizard.demo.setChecked(True)
        wizard.button(QWizard.NextButton).click()
        qtbot.waitUntil(lambda: not wizard.isVisible())
        return wizard.result()

    shown: list[MainWindow] = []
    monkeypatch.setattr(FirstStartWizard, "exec", choose_demo)
    monkeypatch.setattr(MainWindow, "show", lambda w: shown.append(w))
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    db = tmp_path / "new.sqlite3"
    assert app_module.run(str(db), argv=[]) == 0
    assert seen == ["wizard after 0 messages"] and messages == []
    ctx = shown[0].ctx
    assert ctx.read(get_office).name == "Liên đoàn Lao động huyện Tam Đường"
    assert len(ctx.read(member_units)) > 0
    for w in shown:
        w.ctx.close()
        w.deleteLater()
