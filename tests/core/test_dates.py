"""One date parser and the official date formats."""

from __future__ import annotations

import calendar
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.dates import DateError, add_months, format_date, official_date, parse_date, parse_optional_date, place_date_line
from desktop.core.numbers import parse_count, parse_number
from desktop.core.errors import UserError


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-03-05", date(2022, 3, 5)),
        ("05/03/2022", date(2022, 3, 5)),
        ("5/3/2022", date(2022, 3, 5)),
        (" 05-03-2022 ", date(2022, 3, 5)),
        ("5.3.2022", date(2022, 3, 5)),
        (datetime(2022, 3, 5, 14, 30), date(2022, 3, 5)),
        (date(2022, 3, 5), date(2022, 3, 5)),
    ],
)
def test_dates_are_read_in_the_forms_people_write(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2022", "", None, "hôm qua", "05/03/22", "2022/03/05", "13/13/2022", "5/3-2022"])
def test_what_is_not_a_date_is_refused_in_vietnamese(text):
    with pytest.raises(DateError, match="không phải là ngày hợp lệ") as err:
        parse_date(text)
    assert isinstance(err.value, UserError)
    assert "dd/mm/yyyy" in err.value.message


def test_blank_optional_dates_are_none():
    assert parse_optional_date("  ") is None
    assert parse_optional_date(None) is None
    assert parse_optional_date("01/01/2022") == date(2022, 1, 1)


def test_the_official_date_has_a_leading_zero_for_small_days_and_for_january_and_february_only():
    assert official_date(date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert official_date(date(2022, 2, 16)) == "ngày 16 tháng 02 năm 2022"
    assert official_date(date(2021, 1, 9)) == "ngày 09 tháng 01 năm 2021"
    assert official_date(date(2021, 11, 20)) == "ngày 20 tháng 11 năm 2021"
    assert place_date_line("Tam Đường", date(2022, 3, 5)) == "Tam Đường, ngày 05 tháng 3 năm 2022"
    assert format_date(date(2022, 3, 5)) == "05/03/2022"


def test_months_are_added_with_the_month_end_kept():
    assert add_months(date(2022, 6, 30), 6) == date(2022, 12, 31)
    assert add_months(date(2022, 6, 30), 12) == date(2023, 6, 30)
    assert add_months(date(2022, 1, 31), 1) == date(2022, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2022, 6, 15), 6) == date(2022, 12, 15)
    assert add_months(date(2022, 3, 15), -3) == date(2021, 12, 15)


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_formatted_and_iso_dates_read_back_the_same(d):
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)), st.integers(min_value=-120, max_value=120))
def test_adding_months_lands_in_the_right_month_never_later_in_it(d, n):
    moved = add_months(d, n)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == n
    last = calendar.monthrange(moved.year, moved.month)[1]
    month_end = d.day == calendar.monthrange(d.year, d.month)[1]
    assert moved.day == (last if month_end else min(d.day, last))


@pytest.mark.parametrize("text, expected", [("85", 85), ("1.234", 1234), ("1 204", 1204), ("2,5", 2.5), (" 238 ", 238), (12.0, 12), ("12.5", 12.5)])
def test_numbers_are_read_as_people_type_them(text, expected):
    assert parse_number(text) == expected


def test_counts_must_be_whole_and_not_negative():
    assert parse_count("1.234") == 1234
    for bad in ("-1", "2,5", "hai", "nan"):
        with pytest.raises(UserError):
            parse_count(bad)
