"""The smaller things a clerk meets in the window: buttons without a
selection, the exemption dialog, the units still owing a period, the grid's
opening period, the preview's zoom, whole column titles, and a folder that
no program can open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QTableView

from db.session import unit_of_work
from desktop.core.demo import build_demo
from desktop.core.status import Status
from tests.conftest import TODAY


@pytest.fixture
def window(qtbot, ctx):
    from desktop.ui.mainwindow import MainWindow

    with unit_of_work(ctx.engine, actor="demo") as s:
        build_demo(s, today=TODAY)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1200, 720)
    w.show()
    return w


def _choose_requirement(tracking, recurring: bool):
    for i in range(tracking.requirement.count()):
        tracking.requirement.setCurrentIndex(i)
        if bool(tracking.model.periods and tracking.model.periods[0].recurring) == recurring and len(tracking.model.periods) > 1:
            return
    pytest.fail("the demo has no such requirement")


def test_unit_buttons_without_a_selection_say_what_to_pick(window, messages):
    window.go(window.units)
    window.units.table.clearSelection()
    window.units.table.setCurrentIndex(window.units.proxy.index(-1, -1))
    for button in (window.units.edit_button, window.units.retire_button, window.units.history_button):
        before = len(messages)
        button.click()
        assert len(messages) == before + 1
        assert messages[-1][0] == "information" and "Hãy chọn một đơn vị" in messages[-1][1]


def test_exempting_names_the_units_and_stays_open_until_a_reason_is_given(window, qtbot, messages):
    from desktop.ui.dialogs.exempt import ExemptDialog

    tracking = window.tracking
    window.go(tracking)
    _choose_requirement(tracking, recurring=True)
    row = next(r for r in tracking.model.rows if r.cells.get(1) and r.cells[1].status is Status.MISSING)
    ps = tracking.model.periods[0]
    dialog = ExemptDialog(window.ctx, [(row, ps)], tracking)
    qtbot.addWidget(dialog)
    assert row.unit.name in dialog.note.text() and "kỳ 1" in dialog.note.text()
    dialog.accept()
    assert dialog.result() == 0 and "lý do miễn" in messages[-1][1]
    dialog.reason.setText("không phát sinh")
    dialog.accept()
    assert dialog.result() == 1
    tracking.reload_grid()
    again = next(r for r in tracking.model.rows if r.unit.id == row.unit.id)
    assert again.cells[1].status is Status.EXEMPT


def test_exempt_and_record_without_a_cell_say_what_to_pick(window, messages):
    tracking = window.tracking
    window.go(tracking)
    tracking.table.clearSelection()
    tracking.exempt_button.click()
    assert messages[-1][0] == "information" and "Hãy chọn" in messages[-1][1]


def test_the_missing_units_of_a_period_are_exactly_those_with_nothing_sent(window):
    dashboard = window.dashboard
    window.go(dashboard)
    rows = dashboard.model.rows
    index = next((i for i, r in enumerate(rows) if r.counts.missing and r.counts.late), None)
    assert index is not None, "the demo should have a period with both late and missing units"
    dashboard.table.selectRow(index)
    chosen = rows[index]
    assert dashboard.missing_button.text() == f"Xem {chosen.counts.missing} đơn vị chưa nộp"
    dashboard.missing_button.click()
    tracking = window.tracking
    shown = [tracking.model.rows[tracking.proxy.mapToSource(tracking.proxy.index(i, 0)).row()]
             for i in range(tracking.proxy.rowCount())]
    assert len(shown) == chosen.counts.missing
    assert all(r.cells[chosen.period].status is Status.MISSING for r in shown)
    tracking.only_missing.setChecked(False)  # back to every unit
    assert tracking.proxy.rowCount() > chosen.counts.missing and not tracking.only_missing.isVisible()


def test_the_six_monthly_grid_opens_at_the_period_under_way(window):
    tracking = window.tracking
    window.go(tracking)
    _choose_requirement(tracking, recurring=True)
    periods = tracking.model.periods
    expected = next((i for i, p in enumerate(periods, 1) if p.period.due >= TODAY), len(periods))
    assert expected > 1
    assert tracking.table.currentIndex().column() == expected


def test_the_report_preview_zooms(qtbot, ctx):
    from PySide6.QtPdf import QPdfDocument

    from desktop.ui.widgets.pdf_preview import PdfPreview

    preview = PdfPreview(QPdfDocument())
    qtbot.addWidget(preview)
    preview.resize(600, 800)
    preview.show()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    preview.view.setZoomMode(QPdfView.ZoomMode.Custom)
    preview.view.setZoomFactor(1.0)
    preview.zoom_in_button.click()
    assert preview.view.zoomFactor() == pytest.approx(1.25) and preview.zoom_label.text() == "125%"
    preview.zoom_out_button.click()
    preview.zoom_out_button.click()
    assert preview.view.zoomFactor() == pytest.approx(0.8)
    preview.fit_page_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView and preview.zoom_label.text() == "cả trang"
    preview.fit_width_button.click()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth


def test_no_column_title_is_clipped(window, qtbot):
    clipped = []
    for i, screen in enumerate(window.screens):
        window.nav.setCurrentRow(i)
        qtbot.wait(1)
        for table in screen.findChildren(QTableView):
            header, model = table.horizontalHeader(), table.model()
            for col in range(model.columnCount() if model else 0):
                if header.isSectionHidden(col):
                    continue
                title = model.headerData(col, Qt.Horizontal)
                if header.sectionSize(col) < header.sectionSizeFromContents(col).width():
                    clipped.append(f"{type(screen).__name__}: {title!r}")
    assert clipped == []


def test_open_folder_without_a_file_manager_says_so(window, monkeypatch, messages, tmp_path):
    from PySide6.QtWidgets import QApplication

    reports = window.reports
    reports.issued = {"pdf": tmp_path / "bao-cao.pdf"}
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    reports.open_folder()
    kind, text = messages[-1]
    assert kind == "warning" and "chưa có chương trình nào để mở thư mục" in text and str(tmp_path) in text
    assert QApplication.clipboard().text() == str(tmp_path)


def test_bulk_recording_takes_its_date_from_the_date_field(window, qtbot, messages):
    from desktop.ui.dialogs.bulk_record import BulkRecordDialog

    tracking = window.tracking
    window.go(tracking)
    _choose_requirement(tracking, recurring=True)
    number = tracking.current_period() - 1  # a period already due
    owing = [r for r in tracking.model.rows if r.cells.get(number) and r.cells[number].status is Status.MISSING][:2]
    assert len(owing) == 2
    ps = next(p for p in tracking.model.periods if p.period.number == number)
    dialog = BulkRecordDialog(window.ctx, [(r, ps) for r in owing], tracking)
    qtbot.addWidget(dialog)
    dialog.received.edit.setText("31/02/2026")
    dialog.accept()
    assert dialog.result() == 0 and dialog.recorded == []
    assert messages[-1][1].startswith("Ngày nhận: “31/02/2026” không phải là ngày có thật")
    dialog.received.edit.setText("20/11/26")
    dialog.accept()
    assert dialog.result() == 1 and len(dialog.recorded) == 2
    tracking.reload_grid()
    received = {r.unit.id: r.cells[number].submission.received_on for r in tracking.model.rows if r.unit.id in {o.unit.id for o in owing}}
    assert set(received.values()) == {TODAY.replace(day=20)}
