"""Who is on time, late or missing: statuses are derived from dates, never
typed, and every statistic is for one requirement period as of one date.

Counting rules, per requirement period (begun on ``start``, due on ``due``)
seen on ``as_of`` (the same rules are in docs/counting-rules.md):

1. A submission received on or before ``as_of`` always counts: on time
   (received on or before ``due``) or late. It is never lost, whatever
   happened to the unit afterwards (merged, dissolved, moved to another
   sector): its figures stay in the totals.
2. Otherwise only the units *expected* to answer are counted. A unit is
   expected when it matches the requirement's filter (kinds, sectors) and
   a) it existed on ``start`` (founded on or before it, not yet ceased), or
   b) a unit merged into it *with carry-over* left the period owing (see 4);
   and it has not ceased on or before ``due``. So a unit founded after the
   period began is not expected unless it reports (then rule 1 counts it),
   and a unit closed before the due date without reporting drops out.
3. An expected unit without a submission is exempt when an exemption covers
   the period (listed apart, neither missing nor late), else missing when
   ``due`` has passed or is today, pending when ``due`` is still ahead.
4. Carry-over is never assumed: the user sets it when retiring a unit into
   another (``retire_unit(..., carry_over=True)``). A unit merged into
   another with carry-over on a day within a period (after its start, on
   or before its due date) that was expected for that period, had not
   answered it by ``as_of`` and was not exempt from it, hands the period
   to the unit it merged into: that unit is then expected for it even if
   it was founded after the period began (chains of merges carry along).
   Without carry-over, what the merged unit owed simply drops out.

When a period begins: see ``desktop.core.periods.period_start`` (period 1 on
the directive's date; period n of a recurring requirement the day after
period n-1's due date).

So ``on_time + late + exempt + missing + pending == applicable`` and
``expected == applicable - exempt`` (the units that owe or gave an answer).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from db.models import Directive, Exemption, Organization, Requirement, Submission
from desktop.core.directives import list_directives, requirements_of
from desktop.core.periods import Period, get_period, next_period, period_start, periods_through
from desktop.core.units import is_active, member_units
from desktop.core.vntext import fold

NO_SECTOR = "Chưa phân khối"


class Status(str, enum.Enum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"
    EXEMPT = "exempt"
    NOT_APPLICABLE = "not_applicable"


COUNTED = (Status.ON_TIME, Status.LATE, Status.MISSING, Status.EXEMPT, Status.PENDING)


def matches_filter(requirement: Requirement, unit: Organization) -> bool:
    """Whether the requirement's kinds and sectors include ``unit``."""
    if requirement.applies_kinds and unit.kind not in requirement.applies_kinds:
        return False
    if requirement.applies_sectors:
        wanted = {fold(s) for s in requirement.applies_sectors}
        if fold(unit.sector) not in wanted:
            return False
    return True


def may_answer(requirement: Requirement, unit: Organization, period: Period, received_on: date) -> bool:
    """Whether an answer from ``unit`` for ``period`` received on
    ``received_on`` can be recorded: the unit is within the requirement's
    filter, existed by the due date and had not ceased when it answered.
    (A unit founded after the period began may answer: rule 1 counts it.)"""
    if not matches_filter(requirement, unit):
        return False
    if unit.active_from is not None and unit.active_from > period.due:
        return False
    return is_active(unit, received_on)


def derive_status(
    due: date, as_of: date, submission: Submission | None, exemption: Exemption | None, expected: bool
) -> Status:
    """Rules 1–3 of the module docstring, ``expected`` being rule 2."""
    if submission is not None and submission.received_on <= as_of:
        return Status.ON_TIME if submission.received_on <= due else Status.LATE
    if not expected:
        return Status.NOT_APPLICABLE
    if exemption is not None:
        return Status.EXEMPT
    return Status.MISSING if due <= as_of else Status.PENDING


@dataclass
class UnitStatus:
    unit: Organization
    status: Status
    submission: Submission | None = None
    exemption: Exemption | None = None


@dataclass
class Counts:
    applicable: int = 0
    on_time: int = 0
    late: int = 0
    missing: int = 0
    exempt: int = 0
    pending: int = 0

    def add(self, status: Status) -> None:
        if status is Status.NOT_APPLICABLE:
            return
        self.applicable += 1
        setattr(self, status.value, getattr(self, status.value) + 1)

    @property
    def submitted(self) -> int:
        return self.on_time + self.late

    @property
    def expected(self) -> int:
        """The units that owe an answer or gave one: the denominator of
        "32/83 units have reported" (exempt units are not in it)."""
        return self.applicable - self.exempt

    def as_json(self) -> dict:
        return {**vars(self), "submitted": self.submitted, "expected": self.expected}


@dataclass
class PeriodStatus:
    """The statistic of one requirement period as of one date."""

    requirement: Requirement
    period: Period
    as_of: date
    units: list[UnitStatus] = field(default_factory=list)

    @property
    def recurring(self) -> bool:
        return bool(self.requirement.every_months)

    @property
    def counts(self) -> Counts:
        counts = Counts()
        for u in self.units:
            counts.add(u.status)
        return counts

    def with_status(self, status: Status) -> list[UnitStatus]:
        return [u for u in self.units if u.status is status]

    def names(self, status: Status) -> list[str]:
        """The names of the units with ``status``, in Vietnamese order."""
        return [u.unit.name for u in self.with_status(status)]

    def exempt_reasons(self) -> list[tuple[str, str]]:
        """(unit name, reason) of every exempt unit."""
        return [(u.unit.name, u.exemption.reason) for u in self.with_status(Status.EXEMPT)]

    def by_sector(self) -> dict[str, Counts]:
        """Counts per sector, sectors in the order they first appear among
        the units (which are in Vietnamese order)."""
        out: dict[str, Counts] = {}
        for u in self.units:
            if u.status is not Status.NOT_APPLICABLE:
                out.setdefault(u.unit.sector or NO_SECTOR, Counts()).add(u.status)
        return out

    def indicator_totals(self) -> dict[str, int | float]:
        """Sums of each indicator over the submissions counted."""
        totals: dict[str, int | float] = {i["key"]: 0 for i in self.requirement.indicators or []}
        for u in self.units:
            if u.status in (Status.ON_TIME, Status.LATE) and u.submission.indicator_values:
                for key, value in u.submission.indicator_values.items():
                    if key in totals and isinstance(value, (int, float)):
                        totals[key] += value
        return totals


class _RequirementData:
    """A requirement's submissions, exemptions, directive date and the
    merges that carry over, loaded once for all its periods."""

    def __init__(self, session: Session, requirement: Requirement, units: list[Organization],
                 unit_ids: list[int] | None = None):
        # ``unit_ids``: only these units' answers and exemptions are read
        # (the units rule 4 needs, when the rest is counted elsewhere).
        self.requirement = requirement
        submissions = select(Submission).where(Submission.requirement_id == requirement.id)
        exemptions = select(Exemption).where(Exemption.requirement_id == requirement.id)
        if unit_ids is not None:
            submissions = submissions.where(Submission.organization_id.in_(unit_ids))
            exemptions = exemptions.where(Exemption.organization_id.in_(unit_ids))
        self.submissions = {(s.organization_id, s.period): s for s in session.exec(submissions)}
        self.exemptions: dict[tuple[int, int | None], Exemption] = {
            (e.organization_id, e.period): e for e in session.exec(exemptions)
        }
        directive = session.get(Directive, requirement.directive_id)
        self.issued_on = directive.issued_on if directive is not None else None
        self.carried_from: dict[int, list[Organization]] = {}
        for u in units:
            if u.carry_over and u.merged_into_id is not None and u.active_to is not None:
                self.carried_from.setdefault(u.merged_into_id, []).append(u)

    def exemption(self, unit_id: int, period: int) -> Exemption | None:
        return self.exemptions.get((unit_id, period)) or self.exemptions.get((unit_id, None))

    def answered(self, unit_id: int, period: int, as_of: date) -> bool:
        s = self.submissions.get((unit_id, period))
        return s is not None and s.received_on <= as_of

    def start(self, period: Period) -> date:
        return period_start(self.requirement, period, self.issued_on)

    def expected(self, unit: Organization, period: Period, as_of: date) -> bool:
        """Rule 2 of the module docstring."""
        if unit.active_to is not None and unit.active_to <= period.due:
            return False
        return self._bound(unit, period, self.start(period), as_of, frozenset())

    def _bound(self, unit: Organization, period: Period, start: date, as_of: date, seen: frozenset) -> bool:
        # Bound to answer at some point of the period: there at its start,
        # or handed it by a unit merged in with carry-over (rule 4).
        if unit.id in seen or not matches_filter(self.requirement, unit):
            return False
        if is_active(unit, start):
            return True
        seen = seen | {unit.id}
        return any(
            start < v.active_to <= period.due
            and not self.answered(v.id, period.number, as_of)
            and self.exemption(v.id, period.number) is None
            and self._bound(v, period, start, as_of, seen)
            for v in self.carried_from.get(unit.id, [])
        )


def _period_status(requirement, period, as_of, units, data: _RequirementData) -> PeriodStatus:
    result = PeriodStatus(requirement, period, as_of)
    for unit in units:
        submission = data.submissions.get((unit.id, period.number))
        exemption = data.exemption(unit.id, period.number)
        status = derive_status(period.due, as_of, submission, exemption, data.expected(unit, period, as_of))
        if status is not Status.NOT_APPLICABLE:
            result.units.append(UnitStatus(unit, status, submission, exemption))
    return result


def owed_periods(session: Session, requirement: Requirement, unit: Organization, as_of: date) -> list[Period]:
    """The periods due on or before ``as_of`` that ``unit`` is expected to
    answer (rule 2) and has no answer recorded for, oldest first."""
    # Only merges with carry-over matter to one unit: not every unit is read.
    merged = list(session.exec(select(Organization).where(Organization.carry_over.is_(True))))
    data = _RequirementData(session, requirement, merged)
    return [
        p for p in periods_through(requirement, as_of)
        if (unit.id, p.number) not in data.submissions and data.expected(unit, p, as_of)
    ]


def period_status(session: Session, requirement: Requirement, period_number: int, as_of: date) -> PeriodStatus:
    """Statuses of every applicable unit for one period of ``requirement``,
    units in Vietnamese order."""
    period = get_period(requirement, period_number)
    units = member_units(session)
    return _period_status(requirement, period, as_of, units, _RequirementData(session, requirement, units))


def requirement_statuses(
    session: Session, requirement: Requirement, as_of: date, *, upcoming: bool = False, units=None
) -> list[PeriodStatus]:
    """One statistic per period due on or before ``as_of``; with
    ``upcoming``, the next period after it too."""
    units = member_units(session) if units is None else units
    data = _RequirementData(session, requirement, units)
    periods = periods_through(requirement, as_of)
    if upcoming:
        nxt = next_period(requirement, as_of)
        if nxt is not None:
            periods.append(nxt)
    return [_period_status(requirement, p, as_of, units, data) for p in periods]


@dataclass
class DirectiveStatus:
    directive: Directive
    periods: list[PeriodStatus]


def status_overview(
    session: Session, as_of: date, *, directive: Directive | None = None, upcoming: bool = False
) -> list[DirectiveStatus]:
    """The statistics of every requirement of every directive (or of one)."""
    units = member_units(session)
    directives = [directive] if directive is not None else list_directives(session)
    out = []
    for d in directives:
        periods: list[PeriodStatus] = []
        for requirement in requirements_of(session, d):
            periods.extend(requirement_statuses(session, requirement, as_of, upcoming=upcoming, units=units))
        out.append(DirectiveStatus(d, periods))
    return out
