"""One date parser and the official date formats."""

from __future__ import annotations

import calendar
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.dates import (
    DateError,
    add_months,
    format_date,
    official_date,
    parse_date,
    parse_optional_date,
    place_date_line,
)
from desktop.core.errors import UserError
from desktop.core.numbers import parse_count, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("2022-03-05", date(2022, 3, 5)),
        ("05/03/2022", date(2022, 3, 5)),
        ("5/3/2022", date(2022, 3, 5)),
        (" 05-03-2022 ", date(2022, 3, 5)),
        ("5.3.2022", date(2022, 3, 5)),
        ("\t29/02/2024\n", date(2024, 2, 29)),
    ],
)
def test_dates_are_read_in_the_forms_people_write(text, expected):
    assert parse_date(text) == expected


def test_a_date_is_returned_as_is_and_a_datetime_gives_its_date():
    d = date(2022, 3, 5)
    assert parse_date(d) is d
    moment = parse_date(datetime(2022, 3, 5, 14, 30))
    assert type(moment) is date and moment == d


@pytest.mark.parametrize(
    "text",
    ["31/02/2022", "29/02/2023", "", "   ", None, "hôm qua", "05/03/22", "22-03-05", "2022/03/05", "13/13/2022",
     "0000-01-01", "5/3-2022", "05/03/2022 10:00", "٠٥/٠٣/٢٠٢٢", 20220305],
)
def test_what_is_not_a_date_is_refused_in_vietnamese_with_the_expected_form(text):
    with pytest.raises(DateError) as err:
        parse_date(text)
    assert isinstance(err.value, UserError)
    message = err.value.message
    assert "không phải là ngày hợp lệ" in message
    assert "dd/mm/yyyy" in message and "yyyy-mm-dd" in message


def test_the_refusal_quotes_the_text_as_given_without_surrounding_spaces():
    with pytest.raises(DateError) as err:
        parse_date(" 31/02/2022 ")
    assert err.value.message == (
        "“31/02/2022” không phải là ngày hợp lệ. Hãy nhập ngày theo dạng dd/mm/yyyy (ví dụ 05/03/2022) hoặc yyyy-mm-dd."
    )


def test_blank_optional_dates_are_none():
    assert parse_optional_date("  ") is None
    assert parse_optional_date("") is None
    assert parse_optional_date(None) is None


def test_filled_optional_dates_are_parsed_or_refused():
    assert parse_optional_date("01/01/2022") == date(2022, 1, 1)
    with pytest.raises(DateError):
        parse_optional_date("31/02/2022")


def test_dates_are_shown_as_dd_mm_yyyy_with_leading_zeros():
    assert format_date(date(2022, 3, 5)) == "05/03/2022"
    assert format_date(date(2021, 11, 20)) == "20/11/2021"


def test_the_official_date_has_a_leading_zero_for_small_days_and_for_january_and_february_only():
    assert official_date(date(2026, 3, 5)) == "ngày 05 tháng 3 năm 2026"
    assert official_date(date(2022, 2, 16)) == "ngày 16 tháng 02 năm 2022"
    assert official_date(date(2021, 1, 9)) == "ngày 09 tháng 01 năm 2021"
    assert official_date(date(2021, 9, 10)) == "ngày 10 tháng 9 năm 2021"
    assert official_date(date(2021, 11, 20)) == "ngày 20 tháng 11 năm 2021"


def test_the_place_and_date_line_puts_the_place_before_the_official_date():
    assert place_date_line("Tam Đường", date(2022, 3, 5)) == "Tam Đường, ngày 05 tháng 3 năm 2022"


def test_adding_months_keeps_the_day_when_the_target_month_has_it():
    assert add_months(date(2022, 6, 15), 6) == date(2022, 12, 15)
    assert add_months(date(2022, 1, 30), 2) == date(2022, 3, 30)
    assert add_months(date(2022, 5, 5), 0) == date(2022, 5, 5)


def test_adding_months_clamps_a_missing_day_to_the_end_of_the_month():
    assert add_months(date(2022, 1, 31), 1) == date(2022, 2, 28)
    assert add_months(date(2024, 1, 30), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)


def test_adding_months_to_a_month_end_gives_a_month_end():
    assert add_months(date(2022, 6, 30), 6) == date(2022, 12, 31)
    assert add_months(date(2022, 12, 31), 6) == date(2023, 6, 30)
    assert add_months(date(2022, 6, 30), 12) == date(2023, 6, 30)
    assert add_months(date(2023, 2, 28), 1) == date(2023, 3, 31)


def test_adding_negative_months_goes_back_across_years():
    assert add_months(date(2022, 3, 15), -3) == date(2021, 12, 15)
    assert add_months(date(2022, 3, 31), -1) == date(2022, 2, 28)
    assert add_months(date(2022, 2, 28), -12) == date(2021, 2, 28)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_formatted_and_iso_dates_read_back_the_same(d):
    assert parse_date(format_date(d)) == d
    assert parse_date(d.isoformat()) == d


dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
month_counts = st.integers(min_value=-120, max_value=120)


def is_month_end(d):
    return d.day == calendar.monthrange(d.year, d.month)[1]


@settings(max_examples=200, deadline=None)
@given(dates, month_counts)
def test_adding_months_lands_in_the_target_month_on_the_same_day_or_its_end(d, n):
    moved = add_months(d, n)
    assert (moved.year * 12 + moved.month) - (d.year * 12 + d.month) == n
    last = calendar.monthrange(moved.year, moved.month)[1]
    assert moved.day == (last if is_month_end(d) else min(d.day, last))


@settings(max_examples=200, deadline=None)
@given(dates, month_counts, month_counts)
def test_adding_months_in_steps_is_adding_them_at_once_for_early_days_and_month_ends(d, m, n):
    if d.day < 28 or is_month_end(d):
        assert add_months(add_months(d, m), n) == add_months(d, m + n)


@settings(max_examples=200, deadline=None)
@given(dates, month_counts)
def test_going_forward_and_back_returns_to_an_early_day_or_a_month_end(d, n):
    if d.day < 28 or is_month_end(d):
        assert add_months(add_months(d, n), -n) == d


@pytest.mark.parametrize("text, expected", [("85", 85), ("1.234", 1234), ("1 204", 1204), ("2,5", 2.5), (" 238 ", 238), (12.0, 12), ("12.5", 12.5)])
def test_numbers_are_read_as_people_type_them(text, expected):
    assert parse_number(text) == expected


def test_counts_must_be_whole_and_not_negative():
    assert parse_count("1.234") == 1234
    for bad in ("-1", "2,5", "hai", "nan"):
        with pytest.raises(UserError):
            parse_count(bad)
