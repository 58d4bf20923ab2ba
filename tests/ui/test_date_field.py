"""The one date field: every accepted form typed as a clerk types it, each
impossible date refused in words at once and on save, nothing changed or
dropped silently, the calendar at today, optional dates left empty."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlmodel import select

from db.models import Organization
from desktop.core.dates import DateError, parse_date, parse_typed_date
from desktop.ui.widgets.date_field import DateField
from tests.conftest import TODAY

ACCEPTED = [
    ("15/03/2010", date(2010, 3, 15)),
    ("5/3/2010", date(2010, 3, 5)),
    ("05/03/22", date(2022, 3, 5)),
    ("5/3/22", date(2022, 3, 5)),
    ("29/2/24", date(2024, 2, 29)),
    ("2010-03-15", date(2010, 3, 15)),
    ("15.03.2010", date(2010, 3, 15)),
    ("15-03-2010", date(2010, 3, 15)),
    (" 15/03/2010 ", date(2010, 3, 15)),
]
IMPOSSIBLE = [
    ("31/02/2022", "tháng 2/2022 chỉ có 28 ngày"),
    ("29/02/2023", "tháng 2/2023 chỉ có 28 ngày"),
    ("31/4/26", "tháng 4/2026 chỉ có 30 ngày"),
    ("2022-02-30", "tháng 2/2022 chỉ có 28 ngày"),
    ("15/13/2022", "không có tháng 13"),
    ("00/01/2022", "không phải là ngày hợp lệ"),
]


def _field(qtbot, **kwargs) -> DateField:
    field = DateField(**kwargs)
    qtbot.addWidget(field)
    field.show()
    return field


def _type(qtbot, field: DateField, text: str, *, finish: bool = True) -> None:
    field.edit.clear()
    field.edit.setFocus()
    qtbot.keyClicks(field.edit, text)
    if finish:
        qtbot.keyClick(field.edit, Qt.Key_Return)


@pytest.mark.parametrize("text, expected", ACCEPTED)
def test_every_accepted_form_typed_gives_its_date(qtbot, text, expected):
    field = _field(qtbot, optional=True, name="Ngày thành lập")
    changes = []
    field.dateChanged.connect(changes.append)
    _type(qtbot, field, text)
    assert field.date() == expected
    assert changes[-1] == expected
    assert not field.problem.isVisible()
    assert field.text() == expected.strftime("%d/%m/%Y")


@pytest.mark.parametrize("text, reason", IMPOSSIBLE)
def test_an_impossible_date_is_refused_in_words_and_kept_as_typed(qtbot, text, reason):
    field = _field(qtbot, optional=True, name="Ngày thành lập")
    _type(qtbot, field, text)
    assert field.text() == text  # never changed into another day
    assert field.problem.isVisible() and reason in field.problem.text()
    with pytest.raises(DateError) as refused:
        field.date()
    assert refused.value.message.startswith("Ngày thành lập: ") and reason in refused.value.message


def test_an_impossible_date_is_refused_while_typing_but_a_half_typed_one_is_not(qtbot):
    field = _field(qtbot, optional=True)
    _type(qtbot, field, "31/02", finish=False)
    assert not field.problem.isVisible()
    qtbot.keyClicks(field.edit, "/2022")
    assert field.problem.isVisible() and "28 ngày" in field.problem.text()


def test_typing_works_wherever_the_cursor_is(qtbot):
    field = _field(qtbot)  # required: starts at today
    assert field.date() == TODAY
    field.edit.setFocus()
    field.edit.setCursorPosition(3)  # inside the month, nothing selected
    qtbot.keyClick(field.edit, Qt.Key_Delete)
    qtbot.keyClicks(field.edit, "0")  # 24/11 -> 24/01
    qtbot.keyClick(field.edit, Qt.Key_Return)
    assert field.date() == date(2026, 1, 24)


def test_a_required_field_left_blank_is_refused_naming_it(qtbot):
    field = _field(qtbot, name="Ngày nhận")
    _type(qtbot, field, "")
    with pytest.raises(DateError, match="Ngày nhận: hãy nhập ngày"):
        field.date()


def test_an_optional_field_can_be_emptied(qtbot):
    field = _field(qtbot, value=date(2010, 3, 15), optional=True)
    changes = []
    field.dateChanged.connect(changes.append)
    _type(qtbot, field, "")
    assert field.date() is None and changes == [None]


def test_the_calendar_opens_at_today_and_a_picked_day_fills_the_field(qtbot):
    field = _field(qtbot, optional=True)
    field._open_calendar()
    shown = field.calendar.selectedDate()
    assert (shown.year(), shown.month(), shown.day()) == (TODAY.year, TODAY.month, TODAY.day)
    field.calendar.clicked.emit(shown.addDays(-3))
    assert field.date() == date(2026, 11, 21)


def test_the_short_year_is_for_the_window_only():
    assert parse_typed_date("5/3/22") == date(2022, 3, 5)
    with pytest.raises(DateError):
        parse_date("5/3/22")  # the command line and files keep four-digit years


def test_the_field_is_named_by_its_form_label_in_messages(qtbot, ctx, messages):
    from desktop.ui.dialogs.unit_edit import UnitDialog

    dialog = UnitDialog(ctx, None)
    qtbot.addWidget(dialog)
    dialog.name.setText("Công đoàn cơ sở Trường Mầm non Hoa Ban")
    _type(qtbot, dialog.founded, "31/02/2022")
    dialog.accept()
    assert dialog.result() == 0  # stays open with what was typed
    assert messages[-1][1].startswith("Ngày thành lập: “31/02/2022” không phải là ngày có thật")
    assert dialog.founded.text() == "31/02/2022"


def test_editing_a_unit_stores_the_founding_date_typed(qtbot, ctx):
    from desktop.ui.dialogs.unit_edit import UnitDialog

    add = UnitDialog(ctx, None)
    qtbot.addWidget(add)
    add.name.setText("Công đoàn cơ sở Trường Mầm non Hoa Ban")
    add.accept()
    assert add.result() == 1
    unit = ctx.read(lambda s: s.exec(select(Organization).where(Organization.name.like("%Hoa Ban"))).one())
    edit = UnitDialog(ctx, unit)
    qtbot.addWidget(edit)
    assert edit.founded.text() == ""  # no date yet, and none invented
    _type(qtbot, edit.founded, "15/03/2010")
    edit.accept()
    assert edit.result() == 1
    again = ctx.read(lambda s: s.get(Organization, unit.id))
    assert again.active_from == date(2010, 3, 15)


def test_the_issue_date_of_a_directive_is_never_turned_into_another_day(qtbot, ctx, messages):
    from desktop.ui.dialogs.directive_edit import DirectiveDialog

    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.number.setText("314/KH-LĐLĐ")
    _type(qtbot, dialog.issued, "31/02/2022")
    dialog.accept()
    assert dialog.result() == 0
    assert messages[-1][1].startswith("Ngày ban hành: “31/02/2022”")
    _type(qtbot, dialog.issued, "16/2/22")
    dialog.accept()
    assert dialog.result() == 1
    from db.models import Directive

    stored = ctx.read(lambda s: s.exec(select(Directive)).one())
    assert stored.issued_on == date(2022, 2, 16)


def test_the_new_date_is_announced_once_typing_ends(qtbot):
    field = _field(qtbot, optional=True)
    changes = []
    field.dateChanged.connect(changes.append)
    _type(qtbot, field, "24/11/2026", finish=False)  # passes through "24/11/20", a date in 2020
    assert changes == []
    qtbot.keyClick(field.edit, Qt.Key_Return)
    assert changes == [date(2026, 11, 24)]
