"""The status rules against a small model written here, independently of
desktop.core.status: random unit histories (founded, retired, merged with
or without carry-over), submissions, exemptions, one-off and recurring
requirements, random "as of" dates. Every count, every unit's status and
the indicator totals must agree, on every back end.

The model restates docs/counting-rules.md in its own words and computes
periods itself (due days are kept below 28 so that plain month arithmetic
is exact)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from db.models import Directive, Exemption, Organization, Requirement, Submission
from db.session import unit_of_work
from desktop.core.status import requirement_statuses

BASE = date(2022, 1, 1)
STATUS_WORDS = ("on_time", "late", "missing", "exempt", "pending")


@dataclass
class Unit:
    code: str
    sector: str
    founded: date | None
    closed: date | None = None
    merged_into: int | None = None  # index into the units
    carry: bool = False


@dataclass
class World:
    units: list[Unit]
    issued: date | None
    due: date  # one-off due date, or the first due date
    every: int | None  # months, for a recurring requirement
    sectors: list[str] | None
    submissions: dict[tuple[int, int], tuple[date, int]] = field(default_factory=dict)  # (unit, period) -> (received, value)
    exemptions: set[tuple[int, int | None]] = field(default_factory=set)
    as_of: date = BASE


# --- the model ------------------------------------------------------------------


def _months_later(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    return date(d.year + y, m + 1, d.day)


def model_periods(w: World) -> list[tuple[int, date, date]]:
    """(number, first day, due date) of every period due by ``as_of`` and
    the next one."""
    def due(n):
        return w.due if w.every is None else _months_later(w.due, w.every * (n - 1))

    def start(n):
        if n > 1:
            begun = due(n - 1) + timedelta(days=1)
        elif w.issued is not None:
            begun = w.issued
        elif w.every is None:
            begun = w.due
        else:
            begun = _months_later(w.due, -w.every) + timedelta(days=1)
        return min(begun, due(n))

    if w.every is None:
        return [(1, start(1), due(1))]
    out, n = [], 1
    while True:
        out.append((n, start(n), due(n)))
        if due(n) > w.as_of:
            return out
        n += 1


def model_statuses(w: World, number: int, begun: date, due: date) -> dict[str, str]:
    def in_filter(i):
        return w.sectors is None or w.units[i].sector in w.sectors

    def there_on(i, day):
        u = w.units[i]
        return (u.founded is None or u.founded <= day) and (u.closed is None or u.closed > day)

    def answered(i):
        got = w.submissions.get((i, number))
        return got is not None and got[0] <= w.as_of

    def exempt(i):
        return (i, number) in w.exemptions or (i, None) in w.exemptions

    def bound(i, seen=()):
        if i in seen or not in_filter(i):
            return False
        if there_on(i, begun):
            return True
        return any(
            v.merged_into == i and v.carry and begun < v.closed <= due
            and not answered(j) and not exempt(j) and bound(j, seen + (i,))
            for j, v in enumerate(w.units)
        )

    out = {}
    for i, u in enumerate(w.units):
        got = w.submissions.get((i, number))
        if got is not None and got[0] <= w.as_of:
            out[u.code] = "on_time" if got[0] <= due else "late"
        elif (u.closed is not None and u.closed <= due) or not bound(i):
            continue
        elif exempt(i):
            out[u.code] = "exempt"
        else:
            out[u.code] = "missing" if due <= w.as_of else "pending"
    return out


# --- random worlds ----------------------------------------------------------------

# Few distinct days, so that foundings, closings, due dates and answers
# often fall on the same or neighbouring days, where the rules turn.
days = st.one_of(
    st.sampled_from([0, 59, 60, 61, 120, 180, 181, 240, 300, 365]),
    st.integers(min_value=0, max_value=500),
).map(lambda n: BASE + timedelta(days=n))


@st.composite
def worlds(draw) -> World:
    units: list[Unit] = []
    for i in range(draw(st.integers(min_value=1, max_value=5))):
        founded = draw(st.none() | days)
        units.append(Unit(code=f"U{i}", sector=draw(st.sampled_from(["Khối A", "Khối B"])), founded=founded))
    for i, u in enumerate(units):
        if not draw(st.booleans()):
            continue
        closed = draw(days)
        if u.founded is not None and closed <= u.founded:
            continue
        u.closed = closed
        # As retire_unit demands: the unit merged into is active that day.
        targets = [j for j, v in enumerate(units) if j != i
                   and (v.founded is None or v.founded <= closed) and (v.closed is None or v.closed > closed)]
        if targets and draw(st.booleans()):
            u.merged_into = draw(st.sampled_from(targets))
            u.carry = draw(st.booleans())
    every = draw(st.none() | st.sampled_from([3, 6, 12]))
    due = draw(st.sampled_from([date(2022, 3, 2), date(2022, 6, 30 - 3), date(2022, 7, 1)])
               | st.builds(date, st.just(2022), st.integers(min_value=2, max_value=12), st.integers(min_value=1, max_value=27)))
    w = World(units=units, issued=draw(st.none() | days), due=due, every=every,
              sectors=draw(st.none() | st.just(["Khối A"])), as_of=draw(days))
    last = len(model_periods(World(units, w.issued, due, every, None, as_of=BASE + timedelta(days=500))))
    for i in range(len(units)):
        for n in range(1, last + 1):
            if draw(st.integers(min_value=0, max_value=2)) == 0:
                w.submissions[(i, n)] = (draw(days), draw(st.integers(min_value=0, max_value=100)))
            if draw(st.integers(min_value=0, max_value=2)) == 0:
                w.exemptions.add((i, draw(st.none() | st.just(n))))
    return w


def _store(session, w: World) -> Requirement:
    rows = []
    for u in w.units:
        row = Organization(code=u.code, name=f"Công đoàn {u.code}", name_key=u.code.lower(), sort_key=u.code,
                           sector=u.sector, active_from=u.founded, active_to=u.closed, carry_over=u.carry)
        session.add(row)
        rows.append(row)
    session.flush()
    for u, row in zip(w.units, rows):
        if u.merged_into is not None:
            row.merged_into_id = rows[u.merged_into].id
    directive = Directive(number="1/KH", number_key="1/kh", issued_on=w.issued, year=w.issued.year if w.issued else 0)
    session.add(directive)
    session.flush()
    requirement = Requirement(directive_id=directive.id, title="R", first_due=w.due, every_months=w.every,
                              applies_sectors=w.sectors, indicators=[{"key": "n", "label": "Số"}])
    session.add(requirement)
    session.flush()
    for (i, n), (received, value) in w.submissions.items():
        session.add(Submission(requirement_id=requirement.id, organization_id=rows[i].id, period=n,
                               received_on=received, indicator_values={"n": value}))
    for i, n in w.exemptions:
        session.add(Exemption(requirement_id=requirement.id, organization_id=rows[i].id, period=n, reason="không phát sinh"))
    session.flush()
    return requirement


def _merge_corner(exempt: bool, chain: bool) -> World:
    """Corners random draws seldom reach together: a unit merged with
    carry-over within the period into one founded after it began (exempt,
    or itself merged on with carry-over into a third)."""
    d = lambda m, day: date(2022, m, day)  # noqa: E731
    units = [
        Unit("U0", "Khối A", None, closed=d(3, 1), merged_into=1, carry=True),
        Unit("U1", "Khối A", d(2, 20), closed=d(3, 10) if chain else None, merged_into=2 if chain else None, carry=chain),
        Unit("U2", "Khối A", d(3, 5)),
        Unit("U3", "Khối A", None),
    ]
    return World(units=units, issued=d(2, 1), due=d(3, 27), every=None, sectors=None,
                 submissions={(3, 1): (d(3, 2), 7)}, exemptions={(0, 1)} if exempt else set(), as_of=d(4, 30))


@example(w=_merge_corner(exempt=True, chain=False))
@example(w=_merge_corner(exempt=False, chain=True))
@example(w=_merge_corner(exempt=True, chain=True))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                HealthCheck.too_slow])
@given(w=worlds())
def test_statuses_and_counts_agree_with_an_independent_model(engine, w):
    with unit_of_work(engine, commit=False, writes=True) as session:
        requirement = _store(session, w)
        got = requirement_statuses(session, requirement, w.as_of, upcoming=True)
        want = model_periods(w)
        assert [(ps.period.number, ps.period.due) for ps in got] == [(n, due) for n, _, due in want]
        for ps, (number, begun, due) in zip(got, want):
            expected = model_statuses(w, number, begun, due)
            assert {u.unit.code: u.status.value for u in ps.units} == expected, (number, begun, due)
            c = ps.counts
            words = list(expected.values())
            assert [getattr(c, s) for s in STATUS_WORDS] == [words.count(s) for s in STATUS_WORDS]
            assert c.applicable == len(expected)
            assert c.expected == len(expected) - words.count("exempt")
            total = sum(w.submissions[(int(code[1:]), number)][1] for code, s in expected.items() if s in ("on_time", "late"))
            assert ps.indicator_totals() == {"n": total}
