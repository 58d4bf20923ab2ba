"""What an office sees of the levels around it: the requirements the office
above assigned (with its own deadline beside the office above's), and,
for an upper office, each member office's state per requirement it
assigned down (not sent, waiting for review, accepted, returned)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from db.models import AssignmentPackage, Directive, OrgKind, ReceivedPackage, Requirement
from desktop.core import clock
from desktop.core.periods import get_period, periods_through
from desktop.core.units import member_units


@dataclass
class AssignedRequirement:
    id: int
    directive: str
    assigned_by: str
    title: str
    upper_due: date | None
    own_due: date
    every_months: int | None
    indicators: list[str]


def assigned_requirements(session: Session) -> list[AssignedRequirement]:
    """Requirements that came from the office above, newest directive first."""
    rows = session.exec(select(Requirement, Directive).join(Directive, Directive.id == Requirement.directive_id)
                        .where(Directive.assigned_by.is_not(None)).order_by(Directive.id.desc(), Requirement.id))
    return [AssignedRequirement(r.id, d.number, d.assigned_by, r.title, r.upper_due, r.first_due, r.every_months,
                                [f"{i['label']} ({i['unit']})" if i.get("unit") else i["label"]
                                 for i in r.indicators or []]) for r, d in rows]


@dataclass
class MemberState:
    office: str
    office_id: int
    requirement: str
    requirement_id: int
    period: int
    due: date
    state: str  # not_sent | waiting | accepted | returned
    received_on: date | None
    report_number: str | None
    package_id: int | None


def member_office_states(session: Session, as_of: date | None = None) -> list[MemberState]:
    """Per requirement this office assigned down (at its latest period due
    by ``as_of``, else its first), each member office's state; member
    offices are the units that are offices themselves or have sent a
    package."""
    as_of = as_of or clock.today()
    issued = set(session.exec(select(AssignmentPackage.directive_id).where(AssignmentPackage.direction == "out")))
    if not issued:
        return []
    senders = set(session.exec(select(ReceivedPackage.organization_id)))
    offices = [u for u in member_units(session) if u.active_to is None and (u.kind == OrgKind.UPPER or u.id in senders)]
    if not offices:
        offices = [u for u in member_units(session) if u.active_to is None]
    out = []
    requirements = session.exec(select(Requirement).where(Requirement.directive_id.in_(issued)).order_by(Requirement.id))
    for r in requirements:
        due = periods_through(r, as_of)
        period = due[-1] if due else get_period(r, 1)
        for o in offices:
            p = session.exec(select(ReceivedPackage).where(
                ReceivedPackage.organization_id == o.id, ReceivedPackage.requirement_id == r.id,
                ReceivedPackage.period == period.number, ReceivedPackage.superseded_by_id.is_(None))).first()
            out.append(MemberState(o.name, o.id, r.title, r.id, period.number, period.due,
                                   "not_sent" if p is None else (p.review or "accepted"),
                                   p.received_on if p else None, p.report_number if p else None, p.id if p else None))
    return out
