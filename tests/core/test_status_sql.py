"""The status computed by the database (desktop.core.status_sql) against
the Python rules (desktop.core.status), which stay the reference: on a
generated province (a few hundred units with histories, merges with and
without carry-over, filters by kind and by sector written differently from
the units', one-off and recurring requirements, exemptions of one period
and of all, answers late, early and after the day) for several as-of dates,
and on the random worlds of the model test. Every count, every sector in
its order, every indicator sum and every list of names must agree, on
every back end."""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from sqlmodel import select

from db.models import Directive, Exemption, Organization, OrgKind, Requirement, Submission
from db.session import unit_of_work
from desktop.core.status import Status, requirement_statuses, status_overview
from desktop.core.status_sql import figures_overview, grid_statuses
from desktop.core.vntext import fold, sort_key
from tests.core.test_status_model import _store, worlds

UNITS = 300
SECTORS = ["Hành chính sự nghiệp", "Doanh nghiệp nhà nước", "Doanh nghiệp ngoài nhà nước", "Doanh nghiệp FDI",
           "doanh nghiep FDI", None]


def _province(session, seed: int = 17) -> None:
    rng = random.Random(seed)
    office = Organization(name="Liên đoàn Lao động tỉnh", name_key="x", sort_key="x", kind=OrgKind.OFFICE)
    session.add(office)
    units = []
    for i in range(UNITS):
        name = f"Công đoàn cơ sở {rng.choice(['Trường', 'Công ty', 'Bệnh viện', 'Xã'])} số {i}"
        founded = rng.choice([None, None, date(2021, 6, 1), date(2022, 2, 20), date(2022, 5, 1), date(2023, 1, 9)])
        u = Organization(name=name, name_key=fold(name), sort_key=sort_key(name), code=f"U{i:04d}",
                         kind=OrgKind.UPPER if i % 17 == 0 else OrgKind.GRASSROOTS, sector=rng.choice(SECTORS),
                         active_from=founded)
        session.add(u)
        units.append(u)
    session.flush()
    # Retired, merged away with and without carry-over, a chain of two.
    for i in rng.sample(range(UNITS), 40):
        u = units[i]
        start = u.active_from or date(2021, 1, 1)
        u.active_to = start + timedelta(days=rng.randint(30, 700))
        if rng.random() < 0.7:
            target = units[rng.randrange(UNITS)]
            if target.id != u.id:
                u.merged_into_id = target.id
                u.carry_over = rng.random() < 0.6
    session.flush()
    directives = []
    for k, issued in enumerate([date(2022, 2, 16), None, date(2022, 1, 5)]):
        d = Directive(number=f"{k}/KH", number_key=f"{k}/kh", issued_on=issued, year=issued.year if issued else 0)
        session.add(d)
        directives.append(d)
    session.flush()
    plans = [
        dict(first_due=date(2022, 3, 31)),
        dict(first_due=date(2022, 4, 15), applies_kinds=[OrgKind.GRASSROOTS]),
        dict(first_due=date(2022, 6, 30), every_months=6),
        dict(first_due=date(2022, 3, 31), every_months=3, until=date(2023, 6, 30),
             applies_sectors=["DOANH NGHIỆP FDI", "Hành chính sự nghiệp"]),
        dict(first_due=date(2022, 5, 20), applies_sectors=["Không có khối này"]),
        dict(first_due=date(2022, 12, 1), applies_kinds=[OrgKind.UPPER], applies_sectors=["doanh nghiep nha nuoc"]),
    ]
    requirements = []
    for j, plan in enumerate(plans):
        r = Requirement(directive_id=directives[j % 3].id, title=f"Yêu cầu {j}",
                        indicators=[{"key": "sessions", "label": "Số buổi"}, {"key": "people", "label": "Số người"}],
                        **plan)
        session.add(r)
        requirements.append(r)
    session.flush()
    excused = set()
    for r in requirements:
        for n in range(1, 6 if r.every_months else 2):
            due = r.first_due if not r.every_months else r.first_due + timedelta(days=30 * r.every_months * (n - 1))
            for u in units:
                roll = rng.random()
                if roll < 0.55:
                    values = {"sessions": rng.randint(0, 4), "people": rng.choice([10, 25, 2.5])}
                    if rng.random() < 0.05:
                        values["sessions"] = "hai"  # text is never summed
                    session.add(Submission(requirement_id=r.id, organization_id=u.id, period=n,
                                           received_on=due + timedelta(days=rng.randint(-20, 40)),
                                           indicator_values=None if u.id % 13 == 0 else values,
                                           doc_number=f"{u.id}/BC" if u.id % 3 else None,
                                           doc_date=due if u.id % 2 else None, note="gửi qua Zalo" if u.id % 5 == 0 else None))
                elif roll < 0.62 and (r.id, u.id) not in excused:
                    excused.add((r.id, u.id))  # one exemption at most, as exempt_unit keeps it
                    session.add(Exemption(requirement_id=r.id, organization_id=u.id, reason=f"lý do {u.code}",
                                          period=rng.choice([None, n])))
    session.flush()


def _same(python, sql) -> None:
    assert [ds.directive.id for ds in python] == [ds.directive.id for ds in sql]
    for want_ds, got_ds in zip(python, sql):
        assert [(p.requirement.id, p.period) for p in want_ds.periods] == [(p.requirement.id, p.period) for p in got_ds.periods]
        for want, got in zip(want_ds.periods, got_ds.periods):
            where = (want.requirement.title, want.period.number)
            assert vars(got.counts) == vars(want.counts), where
            assert [(s, vars(c)) for s, c in got.by_sector().items()] == \
                [(s, vars(c)) for s, c in want.by_sector().items()], where
            assert got.indicator_totals() == want.indicator_totals(), where
            for status in (Status.MISSING, Status.LATE, Status.PENDING, Status.EXEMPT):
                assert got.names(status) == want.names(status), (where, status)
            assert got.exempt_reasons() == want.exempt_reasons(), where


def test_the_database_counts_a_province_as_the_python_rules_do_on_every_day(engine):
    with unit_of_work(engine, actor="tester@pc") as session:
        _province(session)
    days = [date(2022, 2, 1), date(2022, 3, 31), date(2022, 4, 1), date(2022, 7, 15), date(2022, 12, 31),
            date(2023, 6, 30), date(2026, 11, 24)]
    with unit_of_work(engine, commit=False) as session:
        for day in days:
            for upcoming in (False, True):
                _same(status_overview(session, day, upcoming=upcoming),
                      figures_overview(session, day, upcoming=upcoming))
        carried = len(list(session.exec(select(Organization.id).where(Organization.carry_over.is_(True)))))
        assert carried > 5  # the data set does exercise rule 4


def test_one_directive_and_counts_without_names(engine):
    with unit_of_work(engine, actor="tester@pc") as session:
        _province(session, seed=3)
    with unit_of_work(engine, commit=False) as session:
        directive = session.get(Directive, 2)
        want = status_overview(session, date(2022, 12, 31), directive=directive)
        got = figures_overview(session, date(2022, 12, 31), directive=directive, names=False)
        assert [vars(p.counts) for p in got[0].periods] == [vars(p.counts) for p in want[0].periods]
        assert all(p.names(Status.MISSING) == [] for p in got[0].periods)
        assert sum(p.counts.missing for p in got[0].periods) > 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                               HealthCheck.too_slow])
@given(w=worlds())
def test_the_database_agrees_with_the_python_rules_on_random_worlds(engine, w):
    with unit_of_work(engine, commit=False, writes=True) as session:
        requirement = _store(session, w)
        directive = session.get(Directive, requirement.directive_id)
        want = requirement_statuses(session, requirement, w.as_of, upcoming=True)
        got = figures_overview(session, w.as_of, directive=directive, upcoming=True)[0].periods
        assert len(got) == len(want)
        for g, p in zip(got, want):
            assert vars(g.counts) == vars(p.counts)
            assert g.indicator_totals() == p.indicator_totals()
            assert g.names(Status.MISSING) == p.names(Status.MISSING)
            assert g.names(Status.LATE) == p.names(Status.LATE)


def test_the_tracking_grid_from_the_database_shows_every_unit_as_the_python_rules_do(engine):
    with unit_of_work(engine, actor="tester@pc") as session:
        _province(session, seed=5)
    with unit_of_work(engine, commit=False) as session:
        requirements = list(session.exec(select(Requirement)))
        for day in (date(2022, 3, 31), date(2022, 9, 1), date(2023, 6, 30)):
            for r in requirements:
                want = requirement_statuses(session, r, day, upcoming=True)
                got = grid_statuses(session, r, day, upcoming=True)
                assert [p.period for p in got] == [p.period for p in want]
                for g, w in zip(got, want):
                    assert [(u.unit.id, u.unit.name, u.status) for u in g.units] == \
                        [(u.unit.id, u.unit.name, u.status) for u in w.units], (r.title, day, g.period)
                    assert [u.submission.id if u.submission else None for u in g.units] == \
                        [u.submission.id if u.submission else None for u in w.units]
                    assert [u.exemption.reason if u.exemption else None for u in g.units] == \
                        [u.exemption.reason if u.exemption else None for u in w.units]
                    # The columns the grid and its dialogs read, typed as the ORM gives them.
                    answer = lambda s: s and (s.received_on, s.doc_number, s.doc_date, s.note,  # noqa: E731
                                              s.indicator_values)
                    assert [answer(u.submission) for u in g.units] == [answer(u.submission) for u in w.units]
                    assert [(u.unit.code, u.unit.sector, u.unit.active_from, u.unit.active_to) for u in g.units] == \
                        [(u.unit.code, u.unit.sector, u.unit.active_from, u.unit.active_to) for u in w.units]
                    assert vars(g.counts) == vars(w.counts)
                    assert g.indicator_totals() == w.indicator_totals()
