"""Importing a tracking sheet from the window: a preview first, unmatched
names named with suggestions, then all or nothing."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from db.models import Submission
from db.session import unit_of_work
from desktop.core.directives import add_directive, add_requirement, parse_indicator
from desktop.core.units import UnitRow, import_units
from desktop.ui.dialogs.import_tracking import ImportTrackingDialog
from tests.conftest import write_xlsx


def _office(engine) -> int:
    with unit_of_work(engine) as s:
        import_units(s, [UnitRow(i, {"name": n}) for i, n in enumerate(
            ["Công đoàn Trường Tiểu học Hồ Thầu", "Công đoàn Xã Bình Lư", "Công đoàn Trạm Y tế Sơn Bình"], 2)])
        d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
        return add_requirement(s, d, title="Báo cáo kết quả", due=date(2022, 3, 31),
                               indicators=[parse_indicator("sessions:Số buổi")]).id


def _sheet(tmp_path, third: str):
    return write_xlsx(tmp_path / "theo-doi.xlsx", [
        ["BẢNG THEO DÕI"],
        ["STT", "Đơn vị", "Ngày nhận", "Số buổi"],
        [1, "CĐ Trường Tiểu học Hồ Thầu", "25/03/2022", 2],
        [2, "Công đoàn xã Bình Lư", "02/04/2022", 1],
        [3, third, None, None],
        [4, "Công đoàn Trạm Y tế Sơn Bìn", "30/03/2022", 3],
    ])


def _submissions(engine):
    with unit_of_work(engine) as s:
        return list(s.exec(select(Submission)))


def test_an_unmatched_name_blocks_the_import_until_the_clerk_chooses_to_skip_it(qtbot, ctx, engine, tmp_path):
    rid = _office(engine)
    dialog = ImportTrackingDialog(ctx, rid, today=date(2022, 4, 30))
    qtbot.addWidget(dialog)
    dialog.load(_sheet(tmp_path, "Công đoàn Công ty Chè"))
    text = dialog.summary.toPlainText()
    # "CĐ Trường …" is the unit "Công đoàn Trường …"; row 5 has not sent anything.
    assert text.startswith("Nếu nhập: ghi mới 2, cập nhật 0, không đổi 0, bỏ qua 1 dòng, không khớp 1 dòng.")
    assert "Dòng 6: không tìm thấy đơn vị “Công đoàn Trạm Y tế Sơn Bìn” — có phải: Công đoàn Trạm Y tế Sơn Bình;" in text
    assert not dialog.import_button.isEnabled() and _submissions(engine) == []

    dialog.skip_unmatched.setChecked(True)
    assert dialog.import_button.isEnabled()
    dialog.run_import()
    assert dialog.summary.toPlainText().startswith("Đã nhập: ghi mới 2")
    assert sorted(s.indicator_values["sessions"] for s in _submissions(engine)) == [1, 2]
    assert not dialog.import_button.isEnabled()


def test_a_sheet_that_is_not_a_tracking_sheet_is_explained(qtbot, ctx, engine, tmp_path, messages):
    rid = _office(engine)
    dialog = ImportTrackingDialog(ctx, rid, today=date(2022, 4, 30))
    qtbot.addWidget(dialog)
    dialog.load(write_xlsx(tmp_path / "khac.xlsx", [["Họ tên", "Tuổi"], ["An", 3]]))
    assert "khac.xlsx" in dialog.summary.toPlainText() and messages
    assert not dialog.import_button.isEnabled() and _submissions(engine) == []
