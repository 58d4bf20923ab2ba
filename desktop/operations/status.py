"""Who is on time, late or missing: the status of every requirement, and
the dashboard's choice of what to show (each requirement's latest period
due, and the periods coming up)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.models import Directive
from desktop.core.office import get_office
from desktop.core.status import DirectiveStatus
from desktop.core.status_sql import PeriodFigures, figures_overview
from desktop.operations.refs import directive_ref
from desktop.operations.registry import Store, operation


@operation("status", "Tình hình thực hiện")
def overview(store: Store, *, as_of: date, directive: int | str | None = None, year: int | None = None,
             issuer: str | None = None, upcoming: bool = False) -> list[DirectiveStatus]:
    """The statistic of every period due by ``as_of`` of every requirement
    (of one directive when named); with ``upcoming``, the next period too.
    Counted by the database (``desktop.core.status_sql``), to the rules of
    ``desktop.core.status``."""

    def work(session):
        chosen = directive_ref(session, directive, year=year, issuer=issuer) if directive is not None else None
        return figures_overview(session, as_of, directive=chosen, upcoming=upcoming)

    return store.read(work)


@dataclass
class DirectiveSummary:
    directive: Directive
    latest: list[PeriodFigures]  # each requirement's latest period due by the day


@dataclass
class Dashboard:
    office: str | None
    as_of: date
    directives: list[DirectiveSummary] = field(default_factory=list)
    upcoming: list[PeriodFigures] = field(default_factory=list)  # soonest first
    overview: list[DirectiveStatus] = field(default_factory=list)

    @property
    def latest(self) -> list[PeriodFigures]:
        return [ps for d in self.directives for ps in d.latest]


@operation("dashboard", "Tổng quan")
def dashboard(store: Store, *, as_of: date, names: bool = True) -> Dashboard:
    """What the dashboard shows on ``as_of``; ``names`` False leaves out the
    lists of units (the window shows counts only)."""

    def work(session):
        office = get_office(session)
        out = Dashboard(office.name if office else None, as_of)
        out.overview = figures_overview(session, as_of, upcoming=True, names=names)
        for ds in out.overview:
            last: dict[int, PeriodFigures] = {}
            for ps in ds.periods:
                if ps.period.due > as_of:
                    out.upcoming.append(ps)
                else:
                    last[ps.requirement.id] = ps
            out.directives.append(DirectiveSummary(ds.directive, list(last.values())))
        out.upcoming.sort(key=lambda ps: ps.period.due)
        return out

    return store.read(work)
