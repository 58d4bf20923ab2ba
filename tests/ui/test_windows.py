"""The real windows driven as a clerk would: first start, units, import
with column mapping, recording a submission, the dashboard numbers moving."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard

from db.session import unit_of_work
from desktop.core.demo import build_demo
from desktop.core.office import get_office
from desktop.core.status import Status
from desktop.core.units import list_units
from tests.conftest import TODAY, write_xlsx


@pytest.fixture
def demo(ctx):
    with unit_of_work(ctx.engine, actor="demo") as s:
        build_demo(s, today=TODAY)
    return ctx


@pytest.fixture
def window(qtbot, demo):
    from desktop.ui.mainwindow import MainWindow

    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.show()
    return w


def test_first_start_sets_up_the_office(qtbot, ctx):
    from desktop.ui.dialogs.first_start import FirstStartWizard

    wizard = FirstStartWizard(ctx.engine.url and __import__("pathlib").Path("/tmp/x.sqlite3"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # welcome: "my own office" is the default
    wizard.name.setText("Liên đoàn Lao động phường Tân Phong")
    wizard.place.setText("Lai Châu")
    wizard.symbol.setText("LĐLĐ")
    assert wizard.button(QWizard.NextButton).isEnabled()
    wizard.next()
    wizard.signer_name.setText("Nguyễn Thị Lan")
    wizard.next()
    assert wizard.currentId() == wizard.data_id
    wizard.apply(ctx)
    office = ctx.read(get_office)
    assert office.name == "Liên đoàn Lao động phường Tân Phong"
    assert (office.place, office.symbol, office.signer_name, office.signing_authority) == (
        "Lai Châu", "LĐLĐ", "Nguyễn Thị Lan", "TM. BAN THƯỜNG VỤ"
    )


def test_the_office_name_is_required_before_going_on(qtbot, ctx):
    from desktop.ui.dialogs.first_start import FirstStartWizard
    from pathlib import Path

    wizard = FirstStartWizard(Path("/tmp/x.sqlite3"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert not wizard.button(QWizard.NextButton).isEnabled()


def test_first_start_can_open_the_demo_office(qtbot, ctx):
    from desktop.ui.dialogs.first_start import FirstStartWizard
    from pathlib import Path

    wizard = FirstStartWizard(Path("/tmp/x.sqlite3"))
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.demo.setChecked(True)
    assert wizard.nextId() == -1  # the demo needs no more questions
    wizard.apply(ctx)
    assert ctx.read(get_office).name == "Liên đoàn Lao động huyện Tam Đường"


def test_every_screen_opens_on_the_demo_data(window, qtbot):
    for i in range(len(window.screens)):
        window.nav.setCurrentRow(i)
        qtbot.wait(1)
        assert window.stack.currentWidget() is window.screens[i]
    assert window.dashboard.model.rowCount() == 3
    assert window.units.proxy.rowCount() == 19  # one unit merged away in 2022
    assert window.directives.model.rowCount() == 2


def test_unit_search_ignores_diacritics_as_you_type(window, qtbot):
    window.go(window.units)
    qtbot.keyClicks(window.units.search, "truong tieu hoc")
    names = [window.units.proxy.index(r, 1).data() for r in range(window.units.proxy.rowCount())]
    assert names == ["Công đoàn cơ sở Trường Tiểu học Bình Lư"]
    window.units.state.setCurrentIndex(window.units.state.findData("all"))
    assert window.units.proxy.rowCount() == 2  # with the school merged in 2022


# The demo's current units in Vietnamese order, written out by hand (not
# computed with the sort key under test): "Công" before "Cơ" (o ô ơ),
# "Chi" before both, "Trung" before "Trường" (u ư), "THPT" before "Tiểu".
DEMO_UNITS_IN_ORDER = [
    "Công đoàn cơ sở " + rest for rest in (
        "Bưu điện huyện Tam Đường",
        "Chi nhánh Điện lực Tam Đường",
        "Chi nhánh Ngân hàng Nông nghiệp Tam Đường",
        "Công ty Cổ phần Chè Tam Đường",
        "Công ty Cổ phần Xây dựng Đức Thắng",
        "Công ty TNHH Thủy điện Nậm Tăng",
        "Cơ quan Huyện ủy Tam Đường",
        "Cơ quan UBND huyện Tam Đường",
        "Hợp tác xã Nông nghiệp Sơn Bình",
        "Phòng Giáo dục và Đào tạo",
        "Thị trấn Tam Đường",
        "Trung tâm Y tế huyện Tam Đường",
        "Trường Mầm non Sơn Bình",
        "Trường PTDTBT THCS Bản Bo",
        "Trường THPT Tam Đường",
        "Trường Tiểu học Bình Lư",
        "Xã Bản Giang",
        "Xã Hồ Thầu",
    )
] + ["Nghiệp đoàn Vận tải Tam Đường"]


def test_units_are_sorted_in_vietnamese_order(window):
    window.go(window.units)
    names = [window.units.proxy.index(r, 1).data() for r in range(window.units.proxy.rowCount())]
    assert names == DEMO_UNITS_IN_ORDER


def test_adding_a_unit_with_a_form(window, qtbot, messages):
    from desktop.ui.dialogs.unit_edit import UnitDialog

    window.go(window.units)
    dialog = UnitDialog(window.ctx, None, window.units)
    qtbot.addWidget(dialog)
    dialog.accept()  # no name yet: refused, the dialog stays
    assert messages and "Tên đơn vị" in messages[-1][1]
    assert dialog.result() == 0
    dialog.name.setText("Công đoàn cơ sở Trường Mầm non Hoa Ban")
    dialog.code.setText("TD30")
    dialog.members.setValue(18)
    dialog.female.setValue(30)
    dialog.accept()  # more women than members: refused
    assert "nữ" in messages[-1][1]
    dialog.female.setValue(17)
    dialog.accept()
    assert dialog.result() == 1
    assert window.units.proxy.rowCount() == 20


def test_retiring_a_unit_hides_it_from_the_active_list(window, qtbot):
    from desktop.ui.dialogs.retire_unit import RetireDialog

    window.go(window.units)
    window.units.table.selectRow(0)
    unit = window.units.selected_unit()
    dialog = RetireDialog(window.ctx, unit, window.units)
    qtbot.addWidget(dialog)
    dialog.on.setDate(QDate(2025, 7, 1))
    dialog.accept()
    assert dialog.result() == 1
    assert unit.name not in [u.name for u in window.ctx.read(lambda s: list_units(s, as_of=date(2025, 7, 2)))]


def test_merging_with_carry_over_is_a_choice_offered_only_when_merging(window, qtbot):
    from db.models import Organization
    from desktop.ui.dialogs.retire_unit import RetireDialog

    window.go(window.units)
    window.units.table.selectRow(0)
    unit = window.units.selected_unit()
    dialog = RetireDialog(window.ctx, unit, window.units)
    qtbot.addWidget(dialog)
    assert not dialog.carry.isEnabled()
    dialog.into.setCurrentIndex(1)
    assert dialog.carry.isEnabled() and not dialog.carry.isChecked()
    dialog.carry.setChecked(True)
    dialog.on.setDate(QDate(2025, 7, 1))
    dialog.accept()
    assert dialog.result() == 1
    stored = window.ctx.read(lambda s: s.get(Organization, unit.id))
    assert stored.carry_over and stored.merged_into_id == dialog.into.currentData()


def test_import_with_a_column_mapped_by_hand(qtbot, ctx, tmp_path):
    from desktop.ui.dialogs.import_units import ImportUnitsDialog

    book = write_xlsx(tmp_path / "ds.xlsx", [
        ["DANH SÁCH CÔNG ĐOÀN CƠ SỞ TRỰC THUỘC"],
        ["TT", "Tên CĐCS trực thuộc", "Số đoàn viên"],
        [1, "Công đoàn Trường Tiểu học Kim Đồng", 25],
        [2, "Công đoàn Công ty May Hồng Hà", "1.204"],
    ])
    dialog = ImportUnitsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load(book)
    assert "cột tên đơn vị" in dialog.summary.toPlainText()
    assert not dialog.import_button.isEnabled()
    # the clerk tells which column holds the names
    combo = dialog.mapping_combo("Tên CĐCS trực thuộc")
    assert combo is not None
    destroyed_in_signal = []
    combo.destroyed.connect(lambda: destroyed_in_signal.append(True))
    combo.setCurrentIndex(combo.findData("name"))
    # The preview reloads after the combo's own signal has returned: a
    # widget deleted inside its own signal is a use-after-free.
    assert destroyed_in_signal == []
    qtbot.waitUntil(dialog.import_button.isEnabled)
    assert dialog.preview.rowCount() == 2
    assert "thêm mới 2" in dialog.summary.toPlainText()
    assert ctx.read(lambda s: list_units(s)) == []  # the preview wrote nothing
    dialog.import_button.click()
    names = {u.name: u.members for u in ctx.read(lambda s: list_units(s))}
    assert names == {"Công đoàn Trường Tiểu học Kim Đồng": 25, "Công đoàn Công ty May Hồng Hà": 1204}


def test_recording_a_submission_moves_the_dashboard_and_undo_takes_it_back(window, qtbot):
    from desktop.ui.dialogs.submission import SubmissionDialog

    window.go(window.dashboard)
    first = window.dashboard.model.rows[0]
    missing_before = first.counts.missing
    assert missing_before > 0
    window.dashboard.table.selectRow(0)
    window.dashboard.missing_button.click()  # one click to the missing units
    tracking = window.tracking
    assert window.stack.currentWidget() is tracking
    assert tracking.only_missing.isChecked() and tracking.proxy.rowCount() == missing_before
    shown = tracking.model.rows[tracking.proxy.mapToSource(tracking.proxy.index(0, 0)).row()]
    period_status = next(p for p in tracking.model.periods if p.period.number == first.period)
    row = shown
    assert row.cells[first.period].status is Status.MISSING
    dialog = SubmissionDialog(window.ctx, row.unit, period_status.requirement, period_status.period, None, tracking)
    qtbot.addWidget(dialog)
    dialog.doc_number.setText("07/KH-CĐCS")
    dialog.accept()
    assert dialog.result() == 1
    tracking._pushed(dialog.recorded)
    window.go(window.dashboard)
    assert window.dashboard.model.rows[0].counts.missing == missing_before - 1
    tracking.undo_last()
    window.dashboard.refresh()
    assert window.dashboard.model.rows[0].counts.missing == missing_before


def test_a_bad_indicator_value_is_explained_and_nothing_is_saved(window, qtbot, messages):
    from desktop.ui.dialogs.submission import SubmissionDialog

    tracking = window.tracking
    window.go(tracking)
    index = tracking.requirement.findText("314/KH-LĐLĐ", Qt.MatchStartsWith)
    tracking.requirement.setCurrentIndex(index)
    row = next(r for r in tracking.model.rows if any(c.status is Status.MISSING for c in r.cells.values()))
    ps = tracking.model.periods[0]
    dialog = SubmissionDialog(window.ctx, row.unit, ps.requirement, ps.period, None, tracking)
    qtbot.addWidget(dialog)
    dialog.values["sessions"].setText("hai buổi")
    dialog.accept()
    assert dialog.result() == 0
    assert "không phải là số" in messages[-1][1]
    tracking.reload_grid()
    assert next(r for r in tracking.model.rows if r.unit.id == row.unit.id).cells[1].status is Status.MISSING


def test_the_window_remembers_its_screen(qtbot, demo):
    from desktop.ui.mainwindow import MainWindow

    w = MainWindow(demo)
    qtbot.addWidget(w)
    w.go(w.tracking)
    w.close()
    again = MainWindow(demo)
    qtbot.addWidget(again)
    assert again.stack.currentWidget() is again.tracking


def test_settings_save_the_office_identity(window, messages):
    window.go(window.settings)
    window.settings.fields["signer_name"].setText("Trần Văn Bình")
    window.settings.save_office()
    assert window.ctx.read(get_office).signer_name == "Trần Văn Bình"
    assert messages[-1][0] == "information"
