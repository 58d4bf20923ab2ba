"""Who is on time, late or missing: statuses are derived from dates, never
typed, and every statistic is for one requirement period as of one date.

Counting rules, per requirement period due on ``due`` and seen on ``as_of``:
- applicable units are the member units active on ``due`` that match the
  requirement's filter (kinds, sectors);
- a submission received on or before ``as_of`` makes the unit on time
  (received on or before ``due``) or late;
- otherwise an exemption makes it exempt (listed apart, neither missing nor
  late);
- otherwise it is missing when ``due`` has passed or is today, pending when
  ``due`` is still ahead.
So ``on_time + late + exempt + missing + pending == applicable``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from db.models import Directive, Exemption, Organization, Requirement, Submission
from desktop.core.directives import list_directives, requirements_of
from desktop.core.periods import Period, get_period, next_period, periods_through
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


def applies_to(requirement: Requirement, unit: Organization, due: date) -> bool:
    if not is_active(unit, due):
        return False
    if requirement.applies_kinds and unit.kind not in requirement.applies_kinds:
        return False
    if requirement.applies_sectors:
        wanted = {fold(s) for s in requirement.applies_sectors}
        if fold(unit.sector) not in wanted:
            return False
    return True


def derive_status(
    due: date, as_of: date, submission: Submission | None, exemption: Exemption | None, applicable: bool
) -> Status:
    if not applicable:
        return Status.NOT_APPLICABLE
    if submission is not None and submission.received_on <= as_of:
        return Status.ON_TIME if submission.received_on <= due else Status.LATE
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
    """A requirement's submissions and exemptions, loaded once for all its
    periods."""

    def __init__(self, session: Session, requirement: Requirement):
        self.submissions = {
            (s.organization_id, s.period): s
            for s in session.exec(select(Submission).where(Submission.requirement_id == requirement.id))
        }
        self.exemptions: dict[tuple[int, int | None], Exemption] = {
            (e.organization_id, e.period): e
            for e in session.exec(select(Exemption).where(Exemption.requirement_id == requirement.id))
        }

    def exemption(self, unit_id: int, period: int) -> Exemption | None:
        return self.exemptions.get((unit_id, period)) or self.exemptions.get((unit_id, None))


def _period_status(requirement, period, as_of, units, data) -> PeriodStatus:
    result = PeriodStatus(requirement, period, as_of)
    for unit in units:
        applicable = applies_to(requirement, unit, period.due)
        submission = data.submissions.get((unit.id, period.number))
        exemption = data.exemption(unit.id, period.number)
        status = derive_status(period.due, as_of, submission, exemption, applicable)
        if status is not Status.NOT_APPLICABLE:
            result.units.append(UnitStatus(unit, status, submission, exemption))
    return result


def period_status(session: Session, requirement: Requirement, period_number: int, as_of: date) -> PeriodStatus:
    """Statuses of every applicable unit for one period of ``requirement``,
    units in Vietnamese order."""
    period = get_period(requirement, period_number)
    return _period_status(requirement, period, as_of, member_units(session), _RequirementData(session, requirement))


def requirement_statuses(
    session: Session, requirement: Requirement, as_of: date, *, upcoming: bool = False, units=None
) -> list[PeriodStatus]:
    """One statistic per period due on or before ``as_of``; with
    ``upcoming``, the next period after it too."""
    units = member_units(session) if units is None else units
    data = _RequirementData(session, requirement)
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
