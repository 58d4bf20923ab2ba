"""Phiếu báo cáo in the window: forms made for the tracking screen's
requirement, Zalo messages copied, returned forms previewed (an unmatched
one assigned a unit by the clerk) and recorded all at once."""

from __future__ import annotations

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from sqlmodel import select

from db.models import Submission
from db.session import unit_of_work
from desktop.ui.dialogs.forms_import import FormsImportDialog
from desktop.ui.dialogs.forms_make import FormsMakeDialog
from tests.forms.conftest import UNITS, fill, office  # noqa: F401 - the fixture


def test_the_clerk_makes_forms_copies_zalo_messages_and_takes_the_answers_in(qtbot, ctx, office, engine, tmp_path,  # noqa: F811
                                                                             messages):
    _store, rid = office
    dialog = FormsMakeDialog(ctx, rid, None, out_dir=tmp_path / "out")
    qtbot.addWidget(dialog)
    dialog.pdf.setChecked(False)
    dialog.make_forms()
    assert dialog.table.rowCount() == UNITS and dialog.zalo_button.isEnabled()
    dialog.table.selectRow(2)
    dialog.copy_zalo()
    copied = QApplication.clipboard().text()
    assert copied.startswith(f"Kính gửi {dialog.made.files[2].unit}:") and "30/11/2026" in copied

    back = tmp_path / "back"
    back.mkdir()
    for f in dialog.made.files[:5]:
        fill(f.xlsx, [1, 10], out=back / f.xlsx.name)
    stray = openpyxl.Workbook()
    stray.active.append(["STT", "Chỉ tiêu", "Số liệu"])
    stray.active.append([1, "Số buổi học tập", 4])
    stray.save(back / "zalo-photo-copy.xlsx")

    importer = FormsImportDialog(ctx, rid, 1)
    qtbot.addWidget(importer)
    importer.add([back])
    assert importer.table.rowCount() == 6 and importer.summary.text().startswith("Xem trước, chưa ghi gì")
    statuses = [importer.table.item(r, 3).text() for r in range(6)]
    assert statuses.count("ghi mới") == 5 and statuses.count("chưa khớp") == 1
    row = statuses.index("chưa khớp")
    box = importer.table.cellWidget(row, 1)
    assert isinstance(box, QComboBox)
    box.setCurrentIndex(box.findText("CĐ040", Qt.MatchStartsWith))
    assert [importer.table.item(r, 3).text() for r in range(6)].count("ghi mới") == 6
    with unit_of_work(engine) as s:
        assert list(s.exec(select(Submission))) == []
    importer.record()
    assert importer.summary.text().startswith("Đã ghi") and not importer.record_button.isEnabled()
    with unit_of_work(engine) as s:
        assert len(list(s.exec(select(Submission)))) == 6


def test_the_tracking_screen_opens_the_forms_dialog(qtbot, ctx, office, monkeypatch):  # noqa: F811
    from desktop.ui.screens.tracking import TrackingScreen

    opened = []
    monkeypatch.setattr(FormsMakeDialog, "exec", lambda self: opened.append((self.requirement_id, self.period.currentData())))
    screen = TrackingScreen(ctx)
    qtbot.addWidget(screen)
    screen.refresh()
    screen.forms_button.click()
    assert opened == [(office[1], 1)]


def test_forms_dropped_on_the_dialog_are_previewed(qtbot, ctx, office, tmp_path):  # noqa: F811
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    from desktop.operations import forms

    store, rid = office
    made = forms.make(store, requirement=rid, out_dir=tmp_path)
    filled = fill(made.files[0].xlsx, [2, 7], out=tmp_path / "tu-zalo.xlsx")
    importer = FormsImportDialog(ctx, rid, 1)
    qtbot.addWidget(importer)
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(filled))])
    event = QDropEvent(QPointF(10, 10), Qt.CopyAction, data, Qt.LeftButton, Qt.NoModifier)
    importer.dropEvent(event)
    assert importer.table.rowCount() == 1 and importer.table.item(0, 3).text() == "ghi mới"
    assert importer.table.item(0, 1).text() == made.files[0].unit and "Số buổi học tập: 2" in importer.table.item(0, 2).text()
