"""The counting rules (desktop.core.status, docs/counting-rules.md):
statuses derived from dates, who is expected over a period's life,
submissions never lost, merges that carry over only when asked, exemptions
apart, recurring periods, breakdown by sector."""

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


def test_units_founded_after_the_period_began_or_closed_before_the_due_date_without_reporting_are_not_expected(office):
    session, d = office
    import_units(session, [UnitRow(5, {"code": "E", "name": "Công đoàn Công ty Mới", "active_from": date(2022, 4, 1)})])
    retire_unit(session, find_unit(session, "B"), date(2022, 3, 1))  # dissolved before the due date
    retire_unit(session, find_unit(session, "C"), date(2022, 3, 31))  # ceased on the due date itself
    retire_unit(session, find_unit(session, "D"), date(2022, 4, 15))  # merged away after it
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    ps = period_status(session, r, 1, as_of=date(2022, 6, 1))
    assert set(_statuses(ps)) == {"A", "D"}
    assert ps.counts.applicable == ps.counts.expected == 2


def test_a_unit_that_reported_then_merged_before_the_due_date_still_counts_with_its_figures(office):
    session, d = office
    r = add_requirement(session, d, title="Quán triệt", due=date(2022, 3, 31), indicators=[Indicator("participants", "Số người")])
    retire_unit(session, find_unit(session, "B"), date(2022, 3, 20), merged_into=find_unit(session, "A"))
    # Its paper, received before the merger, is entered afterwards: accepted.
    _record(session, "B", r, date(2022, 3, 10), values={"participants": 85})
    ps = period_status(session, r, 1, as_of=date(2022, 6, 1))
    assert _statuses(ps)["B"] is Status.ON_TIME
    assert ps.indicator_totals() == {"participants": 85}
    assert (ps.counts.applicable, ps.counts.submitted, ps.counts.expected) == (4, 1, 4)


def test_an_answer_received_after_the_unit_ceased_cannot_be_recorded(office):
    session, d = office
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    retire_unit(session, find_unit(session, "B"), date(2022, 3, 20))
    with pytest.raises(UserError, match="không thuộc diện"):
        _record(session, "B", r, date(2022, 3, 20))


def test_a_unit_founded_on_the_due_date_is_not_missing_unless_it_reports_and_then_it_counts(office):
    session, d = office
    import_units(session, [
        UnitRow(5, {"code": "E", "name": "Công đoàn Công ty Mới", "active_from": date(2022, 3, 31)}),
        UnitRow(6, {"code": "F", "name": "Công đoàn Hợp tác xã", "active_from": date(2022, 3, 1)}),
        UnitRow(7, {"code": "G", "name": "Công đoàn Trường Mầm non", "active_from": date(2022, 2, 16)}),
    ])
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))  # directive of 16/02/2022
    _record(session, "F", r, date(2022, 3, 30))
    statuses = _statuses(period_status(session, r, 1, as_of=date(2022, 3, 31)))
    assert "E" not in statuses  # founded after the period began, has not reported
    assert statuses["F"] is Status.ON_TIME  # founded after it began, reported: counted
    assert statuses["G"] is Status.MISSING  # founded the day the directive was issued: expected


def test_a_merged_unit_hands_what_it_owed_to_its_successor_only_when_told_to(office):
    session, d = office
    import_units(session, [
        UnitRow(5, {"code": "N1", "name": "Công đoàn Trường Liên cấp 1", "active_from": date(2022, 3, 1)}),
        UnitRow(6, {"code": "N2", "name": "Công đoàn Trường Liên cấp 2", "active_from": date(2022, 3, 1)}),
    ])
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    retire_unit(session, find_unit(session, "A"), date(2022, 3, 1), merged_into=find_unit(session, "N1"), carry_over=True)
    retire_unit(session, find_unit(session, "B"), date(2022, 3, 1), merged_into=find_unit(session, "N2"))
    ps = period_status(session, r, 1, as_of=date(2022, 4, 30))
    statuses = _statuses(ps)
    assert statuses["N1"] is Status.MISSING  # owes what A owed
    assert "N2" not in statuses and "A" not in statuses and "B" not in statuses
    assert ps.counts.expected == 3  # C, D, N1


def test_carry_over_needs_a_unit_to_carry_to(office):
    session, _ = office
    with pytest.raises(UserError, match="sáp nhập"):
        retire_unit(session, find_unit(session, "A"), date(2022, 3, 1), carry_over=True)


def test_what_a_merged_unit_had_already_answered_is_not_owed_again_by_its_successor(office):
    session, d = office
    import_units(session, [UnitRow(5, {"code": "N", "name": "Công đoàn Trường Liên cấp", "active_from": date(2022, 3, 1)})])
    r = add_requirement(session, d, title="Kế hoạch", due=date(2022, 3, 31))
    _record(session, "A", r, date(2022, 2, 20))
    retire_unit(session, find_unit(session, "A"), date(2022, 3, 1), merged_into=find_unit(session, "N"), carry_over=True)
    statuses = _statuses(period_status(session, r, 1, as_of=date(2022, 4, 30)))
    assert statuses["A"] is Status.ON_TIME and "N" not in statuses


def test_a_recurring_period_begins_the_day_after_the_previous_due_date(office):
    session, d = office
    import_units(session, [
        UnitRow(5, {"code": "E", "name": "Công đoàn Công ty Mới", "active_from": date(2022, 7, 1)}),
        UnitRow(6, {"code": "F", "name": "Công đoàn Công ty Sau", "active_from": date(2022, 7, 2)}),
    ])
    r = add_requirement(session, d, title="Báo cáo 6 tháng", every_months=6, first_due=date(2022, 6, 30))
    p1, p2, p3 = requirement_statuses(session, r, as_of=date(2023, 6, 30))
    assert "E" not in _statuses(p1) and "F" not in _statuses(p1)
    assert _statuses(p2)["E"] is Status.MISSING  # founded on 01/07, the first day of period 2
    assert "F" not in _statuses(p2)  # founded a day into period 2: owes from period 3
    assert _statuses(p3)["E"] is _statuses(p3)["F"] is Status.MISSING


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


@pytest.mark.parametrize("carry_over, period", [(True, 1), (False, 2)])
def test_an_answer_without_a_period_goes_to_the_oldest_period_the_unit_owes(office, carry_over, period):
    session, d = office
    import_units(session, [UnitRow(5, {"code": "N", "name": "Công đoàn Trường Liên cấp", "active_from": date(2022, 3, 1)})])
    r = add_requirement(session, d, title="Báo cáo 6 tháng", every_months=6, first_due=date(2022, 6, 30))
    retire_unit(session, find_unit(session, "A"), date(2022, 4, 1), merged_into=find_unit(session, "N"), carry_over=carry_over)
    recorded = _record(session, "N", r, date(2022, 12, 20))
    assert recorded.period.number == period
