"""The counting rules: statuses derived from dates, applicability on the due
date, exemptions apart, recurring periods, breakdown by sector."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.core.directives import Indicator, add_directive, add_requirement
from desktop.core.errors import UserError
from desktop.core.periods import get_period, next_period, parse_every, periods_through
from desktop.core.status import Status, period_status, requirement_statuses
from desktop.core.submissions import exempt_unit, record_submission
from desktop.core.units import UnitRow, find_unit, import_units, retire_unit

TODAY = date(2022, 12, 31)


@pytest.fixture
def office(session):
    rows = [
        UnitRow(1, {"code": "A", "name": "Công đoàn Trường Tiểu học An Bình", "sector": "Hành chính sự nghiệp", "members": 20}),
        UnitRow(2, {"code": "B", "name": "Công đoàn Bệnh viện Đa khoa", "sector": "Hành chính sự nghiệp", "members": 100}),
        UnitRow(3, {"code": "C", "name": "Công đoàn Công ty Chè", "sector": "Doanh nghiệp ngoài nhà nước", "members": 50}),
        UnitRow(4, {"code": "D", "name": "Công đoàn Điện lực", "sector": "Doanh nghiệp nhà nước", "members": 30}),
    ]
    import_units(session, rows)
    directive = add_directive(session, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
    return session, directive


def _record(session, code, requirement, received, period=None, **kw):
    return record_submission(session, find_unit(session, code), requirement, received_on=received, period=period, today=TODAY, **kw)


def _statuses(ps):
    return {u.unit.code: u.status for u in ps.units}


def test_received_by_the_due_date_is_on_time_after_it_late_and_nothing_is_missing(office):
    session, d = office
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    _record(session, "A", r, date(2022, 3, 31))
    _record(session, "B", r, date(2022, 4, 1))
    exempt_unit(session, find_unit(session, "C"), r, reason="không phát sinh")
    ps = period_status(session, r, 1, as_of=date(2022, 5, 1))
    assert _statuses(ps) == {"A": Status.ON_TIME, "B": Status.LATE, "C": Status.EXEMPT, "D": Status.MISSING}
    c = ps.counts
    assert (c.applicable, c.on_time, c.late, c.missing, c.exempt) == (4, 1, 1, 1, 1)


def test_a_statistic_as_of_an_earlier_date_ignores_what_arrived_later(office):
    session, d = office
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    _record(session, "A", r, date(2022, 4, 10))
    assert _statuses(period_status(session, r, 1, as_of=date(2022, 4, 5)))["A"] is Status.MISSING
    assert _statuses(period_status(session, r, 1, as_of=date(2022, 4, 10)))["A"] is Status.LATE
    assert _statuses(period_status(session, r, 1, as_of=date(2022, 3, 1)))["B"] is Status.PENDING


def test_only_units_active_on_the_due_date_are_applicable(office):
    session, d = office
    import_units(session, [UnitRow(5, {"code": "E", "name": "Công đoàn Công ty Mới", "active_from": date(2022, 4, 1)})])
    retire_unit(session, find_unit(session, "B"), date(2022, 3, 1))  # dissolved before the due date
    retire_unit(session, find_unit(session, "C"), date(2022, 3, 31))  # ceased on the due date itself
    retire_unit(session, find_unit(session, "D"), date(2022, 4, 15))  # merged away after it
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    ps = period_status(session, r, 1, as_of=date(2022, 6, 1))
    assert set(_statuses(ps)) == {"A", "D"}
    assert ps.counts.applicable == 2


def test_counts_always_add_up_to_the_applicable_units(office):
    session, d = office
    r = add_requirement(session, d, title="Báo cáo", due=date(2022, 3, 31))
    _record(session, "A", r, date(2022, 3, 1))
    exempt_unit(session, find_unit(session, "B"), r, reason="mới thành lập")
    for as_of in (date(2022, 1, 1), date(2022, 3, 31), date(2022, 9, 1)):
        c = period_status(session, r, 1, as_of=as_of).counts
        assert c.on_time + c.late + c.missing + c.exempt + c.pending == c.applicable == 4


def test_a_submission_outweighs_an_exemption(office):
    session, d = office
    r = add_requirement(session, d, title="Báo cáo", due=date(2022, 3, 31))
    exempt_unit(session, find_unit(session, "A"), r, reason="không phát sinh")
    _record(session, "A", r, date(2022, 3, 2))
    assert _statuses(period_status(session, r, 1, as_of=TODAY))["A"] is Status.ON_TIME


def test_a_requirement_can_apply_to_one_sector_only(office):
    session, d = office
    r = add_requirement(session, d, title="Báo cáo", due=date(2022, 3, 31), applies_sectors=["hanh chinh su nghiep"])
    assert set(_statuses(period_status(session, r, 1, as_of=TODAY))) == {"A", "B"}


def test_recurring_requirements_generate_month_end_anchored_periods():
    from db.models import Requirement

    r = Requirement(directive_id=1, title="6 tháng", first_due=date(2022, 6, 30), every_months=6)
    assert [p.due for p in periods_through(r, date(2023, 12, 31))] == [
        date(2022, 6, 30), date(2022, 12, 31), date(2023, 6, 30), date(2023, 12, 31)
    ]
    assert next_period(r, date(2023, 12, 31)).due == date(2024, 6, 30)
    yearly = Requirement(directive_id=1, title="năm", first_due=date(2022, 11, 20), every_months=12, until=date(2024, 1, 1))
    assert [p.number for p in periods_through(yearly, date(2030, 1, 1))] == [1, 2]
    assert next_period(yearly, date(2030, 1, 1)) is None
    with pytest.raises(UserError, match="không có kỳ 3"):
        get_period(yearly, 3)


def test_recurrence_is_read_as_people_write_it():
    assert parse_every("6m") == 6
    assert parse_every("1y") == 12
    assert parse_every("6 tháng") == 6
    assert parse_every("1 năm") == 12
    with pytest.raises(UserError):
        parse_every("hàng quý")


def test_each_period_is_judged_against_its_own_due_date(office):
    session, d = office
    r = add_requirement(session, d, title="Báo cáo 6 tháng", every_months=6, first_due=date(2022, 6, 15))
    _record(session, "A", r, date(2022, 6, 10))  # period 1, on time
    _record(session, "A", r, date(2022, 12, 20))  # goes to period 2, late
    _record(session, "B", r, date(2022, 12, 1))  # B still owes period 1: late for it
    exempt_unit(session, find_unit(session, "C"), r, period=2, reason="không phát sinh")
    p1, p2 = requirement_statuses(session, r, as_of=TODAY)
    assert _statuses(p1) == {"A": Status.ON_TIME, "B": Status.LATE, "C": Status.MISSING, "D": Status.MISSING}
    assert _statuses(p2) == {"A": Status.LATE, "B": Status.MISSING, "C": Status.EXEMPT, "D": Status.MISSING}


def test_statistics_break_down_by_sector_and_sum_indicators(office):
    session, d = office
    r = add_requirement(
        session, d, title="Quán triệt", due=date(2022, 3, 31),
        indicators=[Indicator("sessions", "Số buổi"), Indicator("participants", "Số người")],
    )
    _record(session, "A", r, date(2022, 3, 1), values={"sessions": 2, "participants": 18})
    _record(session, "C", r, date(2022, 4, 2), values={"sessions": 1, "participants": 45})
    ps = period_status(session, r, 1, as_of=TODAY)
    sectors = {name: (c.applicable, c.on_time, c.late, c.missing) for name, c in ps.by_sector().items()}
    assert sectors == {
        "Hành chính sự nghiệp": (2, 1, 0, 1),
        "Doanh nghiệp ngoài nhà nước": (1, 0, 1, 0),
        "Doanh nghiệp nhà nước": (1, 0, 0, 1),
    }
    assert ps.indicator_totals() == {"sessions": 3, "participants": 63}


def test_a_unit_that_is_not_applicable_cannot_submit(office):
    session, d = office
    retire_unit(session, find_unit(session, "D"), date(2022, 1, 1))
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    with pytest.raises(UserError, match="không thuộc diện"):
        _record(session, "D", r, date(2022, 3, 1))


def test_a_received_date_in_the_future_is_refused(office):
    session, d = office
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    with pytest.raises(UserError, match="sau hôm nay"):
        _record(session, "A", r, date(2023, 1, 1))


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from([1, 3, 6, 12, 24]),
    st.integers(min_value=0, max_value=3000),
)
def test_periods_are_consecutive_strictly_later_and_split_exactly_at_the_as_of_date(first_due, every, days):
    from db.models import Requirement

    r = Requirement(directive_id=1, title="định kỳ", first_due=first_due, every_months=every)
    as_of = first_due + timedelta(days=days)
    due = periods_through(r, as_of)
    assert [p.number for p in due] == list(range(1, len(due) + 1))
    assert all(a.due < b.due for a, b in zip(due, due[1:]))
    assert all(p.due <= as_of for p in due)
    nxt = next_period(r, as_of)
    assert nxt.number == len(due) + 1 and nxt.due > as_of
    assert get_period(r, nxt.number) == nxt
