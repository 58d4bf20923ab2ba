"""The counting rules of ``desktop.core.status`` computed by the database:
one statement per group of requirements with the same filter returns each
period's counts by sector and status with the indicator sums, and (when
asked) the units to name, instead of a Python object for every unit and
period. The Python rules stay the reference; a test holds the two equal.

How the rules become SQL (docs/counting-rules.md):

- rule 1: a submission received on or before ``as_of`` counts, on time or
  late, whatever the unit became since;
- rule 2: otherwise a unit is expected when it matches the filter (its kind
  among the kinds, its sector among the stored sector values that fold to
  one of the requirement's: folding is done once per distinct value), was
  active on the period's start (``active_from <= start < active_to``) and
  had not ceased on or before the due date: date ranges on indexed columns;
- rule 3: exempt (an exemption of that period or of every period), missing
  when due on or before ``as_of``, pending otherwise;
- rule 4 (carry-over through merges) depends on other units' answers: the
  few units a unit was merged into with carry-over are left out of the
  statement and go through the Python rules, on the data of those units
  only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Integer, bindparam, func, text
from sqlmodel import Session, select

from db.models import Directive, Organization, OrgKind, Requirement
from desktop.core.directives import list_directives, requirements_of
from desktop.core.periods import Period, next_period, period_start, periods_through
from desktop.core.status import NO_SECTOR, Counts, DirectiveStatus, Status, _RequirementData, derive_status
from desktop.core.vntext import fold

_NAMED = (Status.MISSING, Status.LATE, Status.PENDING, Status.EXEMPT)


@dataclass
class PeriodFigures:
    """The statistic of one requirement period as of one date, as
    ``status.PeriodStatus`` gives it, without an object per unit: counts,
    counts by sector, indicator sums, and the names of the units missing,
    late, pending or exempt (in Vietnamese order) when they were asked for."""

    requirement: Requirement
    period: Period
    as_of: date
    counts: Counts = field(default_factory=Counts)
    sectors: dict[str, Counts] = field(default_factory=dict)
    totals: dict[str, int | float] = field(default_factory=dict)
    named: dict[Status, list[str]] = field(default_factory=dict)
    reasons: list[tuple[str, str]] = field(default_factory=list)  # (unit name, reason) of the exempt

    @property
    def recurring(self) -> bool:
        return bool(self.requirement.every_months)

    def by_sector(self) -> dict[str, Counts]:
        return self.sectors

    def indicator_totals(self) -> dict[str, int | float]:
        return self.totals

    def names(self, status: Status) -> list[str]:
        return self.named.get(status, [])

    def exempt_reasons(self) -> list[tuple[str, str]]:
        return self.reasons


def figures_overview(session: Session, as_of: date, *, directive: Directive | None = None, upcoming: bool = False,
                     names: bool = True) -> list[DirectiveStatus]:
    """``status.status_overview`` by the database: every period due by
    ``as_of`` (and with ``upcoming`` the next one) of every requirement of
    every directive (or of one), as ``PeriodFigures``; ``names`` False
    leaves out the lists of units and the indicator sums (the dashboard
    shows counts only, and the sums would read every answer's row instead
    of the index)."""
    directives = [directive] if directive is not None else list_directives(session)
    plan: list[tuple[Directive, list[tuple[Requirement, list[Period]]]]] = []
    for d in directives:
        items = []
        for r in requirements_of(session, d):
            periods = periods_through(r, as_of)
            if upcoming:
                nxt = next_period(r, as_of)
                if nxt is not None:
                    periods.append(nxt)
            items.append((r, periods))
        plan.append((d, items))
    figures: dict[tuple[int, int], PeriodFigures] = {}
    issued = {d.id: d.issued_on for d in directives}
    groups: dict[tuple, list[tuple[Requirement, Period, date]]] = {}
    sectors_in_use = _sectors_in_use(session)
    for d, items in plan:
        for r, periods in items:
            key = _filter_key(r, sectors_in_use)
            for p in periods:
                figures[r.id, p.number] = PeriodFigures(r, p, as_of, totals={i["key"]: 0 for i in r.indicators or []})
                groups.setdefault(key, []).append((r, p, period_start(r, p, issued[d.id])))
    receivers = _carry_over_receivers(session)
    sort_keys: dict[tuple[int, int], dict[str, str]] = {}  # (rid, pn) -> sector -> first sort key
    listed: dict[tuple[int, int], list[tuple[str, Status, str, str | None]]] = {}
    for (kinds, sectors), rows in groups.items():
        _run_group(session, as_of, kinds, sectors, rows, receivers, figures, sort_keys, listed, names)
    session.info.pop("_unit_groups", None)
    if receivers:
        _add_receivers(session, as_of, plan, receivers, figures, sort_keys, listed, issued)
    for key, fig in figures.items():
        order = sort_keys.get(key, {})
        fig.sectors = {s: fig.sectors[s] for s in sorted(fig.sectors, key=lambda s: order.get(s, ""))}
        if names:
            entries = sorted(listed.get(key, []), key=lambda e: e[0])
            for status in _NAMED:
                fig.named[status] = [e[2] for e in entries if e[1] is status]
            fig.reasons = [(e[2], e[3]) for e in entries if e[1] is Status.EXEMPT]
    return [DirectiveStatus(d, [figures[r.id, p.number] for r, periods in items for p in periods]) for d, items in plan]


def _sectors_in_use(session: Session) -> list[str | None]:
    return list(session.exec(select(Organization.sector).distinct()))


def _filter_key(r: Requirement, sectors_in_use: list[str | None]) -> tuple:
    kinds = tuple(sorted(set(r.applies_kinds))) if r.applies_kinds else None
    if not r.applies_sectors:
        return kinds, None
    wanted = {fold(s) for s in r.applies_sectors}
    # Each stored sector value folded once, not each unit's.
    return kinds, tuple(sorted((s for s in sectors_in_use if fold(s) in wanted), key=lambda s: (s is None, s or "")))


def _carry_over_receivers(session: Session) -> set[int]:
    stmt = select(Organization.merged_into_id).where(
        Organization.carry_over.is_(True), Organization.merged_into_id.is_not(None), Organization.active_to.is_not(None))
    return {i for i in session.exec(stmt)}


_STATUS_SQL = """
WITH p(rid, pn, pstart, pdue) AS (VALUES {values}),
-- One reason per unit and period: the period's own exemption, else the
-- one for every period (the newest, should there be two).
exempted AS (
  SELECT p.rid AS rid, e.organization_id AS oid, p.pn AS pn,
    COALESCE(MAX(CASE WHEN e.period = p.pn THEN e.id END), MAX(CASE WHEN e.period IS NULL THEN e.id END)) AS eid
  FROM p JOIN exemption e ON e.requirement_id = p.rid AND (e.period = p.pn OR e.period IS NULL)
  GROUP BY p.rid, e.organization_id, p.pn
),
exempted_reason AS (SELECT x.rid, x.oid, x.pn, e.reason FROM exempted x JOIN exemption e ON e.id = x.eid),
st AS (
  SELECT p.rid AS rid, p.pn AS pn, o.sector AS sector, o.sort_key AS sk, o.name AS name,
    o.id AS oid, o.code AS code, o.name_key AS name_key, o.kind AS kind, o.active_from AS active_from,
    o.active_to AS active_to, s.id AS sid, s.received_on AS received_on, s.doc_number AS doc_number,
    s.doc_date AS doc_date, s.note AS note, s.indicator_values AS iv,
    CASE
      WHEN s.id IS NOT NULL AND s.received_on <= :as_of THEN
        CASE WHEN s.received_on <= p.pdue THEN 'on_time' ELSE 'late' END
      WHEN NOT COALESCE(({expected}), FALSE) THEN NULL  -- a NULL sector is outside a filter, not unknown
      WHEN x.reason IS NOT NULL THEN 'exempt'
      WHEN p.pdue <= :as_of THEN 'missing'
      ELSE 'pending'
    END AS status,
    x.reason AS reason
  FROM p CROSS JOIN organization o
  LEFT JOIN submission s ON s.requirement_id = p.rid AND s.organization_id = o.id AND s.period = p.pn
    AND s.requirement_id IN ({rids})  -- lets PostgreSQL read these answers by index, not all
  LEFT JOIN exempted_reason x ON x.rid = p.rid AND x.oid = o.id AND x.pn = p.pn
  WHERE o.kind <> :office {skip}
)
"""
_EXPECTED = ("NOT (o.active_to IS NOT NULL AND o.active_to <= p.pdue)"
             " AND (o.active_from IS NULL OR o.active_from <= p.pstart)"
             " AND (o.active_to IS NULL OR o.active_to > p.pstart)")


def _statement_parts(session, as_of, kinds, sectors, rows, receivers):
    """(binds, params, VALUES rows, the filter of rule 2, the receivers
    left out, the requirement ids as SQL) of a group of requirement
    periods."""
    pg = session.get_bind().dialect.name == "postgresql"
    params: dict[str, Any] = {"as_of": as_of, "office": OrgKind.OFFICE}
    binds = [bindparam("as_of", type_=Date)]
    values = []
    for i, (r, p, start) in enumerate(rows):
        params.update({f"r{i}": r.id, f"n{i}": p.number, f"s{i}": start, f"d{i}": p.due})
        binds += [bindparam(f"r{i}", type_=Integer), bindparam(f"n{i}", type_=Integer),
                  bindparam(f"s{i}", type_=Date), bindparam(f"d{i}", type_=Date)]
        values.append(f"(CAST(:r{i} AS INTEGER), CAST(:n{i} AS INTEGER), CAST(:s{i} AS DATE), CAST(:d{i} AS DATE))"
                      if pg else f"(:r{i}, :n{i}, :s{i}, :d{i})")
    expected = [_EXPECTED]
    if kinds is not None:
        expected.append("o.kind IN (" + ", ".join(f":k{i}" for i in range(len(kinds))) + ")")
        params.update({f"k{i}": k for i, k in enumerate(kinds)})
    if sectors is not None:
        named = [s for s in sectors if s is not None]
        parts = []
        if named:
            parts.append("o.sector IN (" + ", ".join(f":c{i}" for i in range(len(named))) + ")")
            params.update({f"c{i}": s for i, s in enumerate(named)})
        if None in sectors:
            parts.append("o.sector IS NULL")
        expected.append("(" + (" OR ".join(parts) or "1 = 0") + ")")
    skip = ""
    if receivers:
        skip = "AND o.id NOT IN (" + ", ".join(str(int(i)) for i in sorted(receivers)) + ")"
    rids = ", ".join(str(int(i)) for i in sorted({r.id for r, _p, _s in rows}))
    return binds, params, values, " AND ".join(expected), skip, rids


def _run_group(session, as_of, kinds, sectors, rows, receivers, figures, sort_keys, listed, names) -> None:
    pg = session.get_bind().dialect.name == "postgresql"
    binds, params, values, filter_sql, skip, rids = _statement_parts(session, as_of, kinds, sectors, rows, receivers)
    keys = sorted({i["key"] for r, _p, _s in rows for i in r.indicators or []}) if names else []
    sums = "".join(f", SUM({_number(pg, f'iv{j}')})" for j in range(len(keys)))
    for j, k in enumerate(keys):
        params[f"iv{j}"] = k
    head = _PERIODS.format(values=", ".join(values))
    statement = lambda sql, **more: text(head + sql.format(expected=filter_sql, skip=skip, **more)).bindparams(*binds)  # noqa: E731
    # Counts without a row per unit and period (see the module docstring):
    # answers counted where they are, the units expected counted per group
    # of units alike, and the exempt among those without an answer.
    answered: dict[tuple[int, int, str | None], int] = {}  # expected units with an answer
    for row in session.execute(statement(_ANSWERS_SQL, sums=sums), params):
        rid, pn, sector, late, is_expected, n, first = row[:7]
        fig = figures[rid, pn]
        status = Status.LATE if late else Status.ON_TIME
        _count(fig, sort_keys, rid, pn, sector, status, n, first)
        if is_expected:
            answered[rid, pn, sector] = answered.get((rid, pn, sector), 0) + n
        for k, total in zip(keys, row[7:]):
            if k in fig.totals and total is not None:
                fig.totals[k] += _plain_number(total)
    excused: dict[tuple[int, int, str | None], int] = {}
    for rid, pn, sector, n, first in session.execute(statement(_EXEMPT_SQL), params):
        _count(figures[rid, pn], sort_keys, rid, pn, sector, Status.EXEMPT, n, first)
        excused[rid, pn, sector] = n
    groups = session.info.get("_unit_groups")
    if groups is None:  # the same for every group of requirements
        groups = session.info["_unit_groups"] = _unit_groups(session, receivers)
    wanted_kinds = set(kinds) if kinds is not None else None
    wanted_sectors = set(sectors) if sectors is not None else None
    for r, p, start in rows:
        owing: dict[str | None, list] = {}
        for kind, sector, active_from, active_to, n, first in groups:
            if wanted_kinds is not None and kind not in wanted_kinds:
                continue
            if wanted_sectors is not None and sector not in wanted_sectors:
                continue
            if (active_to is not None and active_to <= p.due) or (active_from is not None and active_from > start):
                continue
            entry = owing.setdefault(sector, [0, first])
            entry[0] += n
            entry[1] = min(entry[1], first)
        status = Status.MISSING if p.due <= as_of else Status.PENDING
        for sector, (n, first) in owing.items():
            rest = n - answered.get((r.id, p.number, sector), 0) - excused.get((r.id, p.number, sector), 0)
            _count(figures[r.id, p.number], sort_keys, r.id, p.number, sector, status, rest, first)
    if names:
        cte = _STATUS_SQL.format(values=", ".join(values), expected=filter_sql, skip=skip, rids=rids)
        names_sql = cte + "SELECT rid, pn, sk, status, name, reason FROM st WHERE status IN ('missing', 'late', 'pending', 'exempt')"
        for rid, pn, sk, status, name, reason in session.execute(text(names_sql).bindparams(*binds), params):
            listed.setdefault((rid, pn), []).append((sk, Status(status), name, reason))


def _count(fig: PeriodFigures, sort_keys, rid: int, pn: int, sector: str | None, status: Status, n: int,
           first: str) -> None:
    if n <= 0:
        return
    shown = sector or NO_SECTOR
    _add(fig.counts, status, n)
    _add(fig.sectors.setdefault(shown, Counts()), status, n)
    order = sort_keys.setdefault((rid, pn), {})
    if shown not in order or first < order[shown]:
        order[shown] = first


_PERIODS = "WITH p(rid, pn, pstart, pdue) AS (VALUES {values})\n"
# Rule 1: every answer received by the day, on time or late; whether its
# unit was expected (rule 2) too, for the units still owing.
_ANSWERS_SQL = """
SELECT p.rid, p.pn, o.sector, CASE WHEN s.received_on > p.pdue THEN 1 ELSE 0 END AS late,
  CASE WHEN COALESCE(({expected}), FALSE) THEN 1 ELSE 0 END AS expected, COUNT(*), MIN(o.sort_key){sums}
FROM p JOIN submission s ON s.requirement_id = p.rid AND s.period = p.pn AND s.received_on <= :as_of
JOIN organization o ON o.id = s.organization_id
WHERE o.kind <> :office {skip}
GROUP BY p.rid, p.pn, o.sector, CASE WHEN s.received_on > p.pdue THEN 1 ELSE 0 END,
  CASE WHEN COALESCE(({expected}), FALSE) THEN 1 ELSE 0 END
"""
# Rule 3's exempt: expected, no answer by the day, an exemption of the
# period or of every period.
_EXEMPT_SQL = """
SELECT p.rid, p.pn, o.sector, COUNT(*), MIN(o.sort_key)
FROM p JOIN (SELECT DISTINCT e.requirement_id, e.organization_id, e.period FROM exemption e) e
  ON e.requirement_id = p.rid AND (e.period = p.pn OR e.period IS NULL)
JOIN organization o ON o.id = e.organization_id
WHERE o.kind <> :office {skip} AND COALESCE(({expected}), FALSE)
  AND NOT EXISTS (SELECT 1 FROM submission s WHERE s.requirement_id = p.rid AND s.organization_id = o.id
                  AND s.period = p.pn AND s.received_on <= :as_of)
  AND NOT (e.period IS NULL AND EXISTS (SELECT 1 FROM exemption e2 WHERE e2.requirement_id = p.rid
           AND e2.organization_id = o.id AND e2.period = p.pn))
GROUP BY p.rid, p.pn, o.sector
"""
def _unit_groups(session: Session, receivers: set[int]) -> list[tuple]:
    """Units alike for rule 2, (kind, sector, active_from, active_to,
    how many, first sort key): a province's thousands of units fall in a
    few groups."""
    o = Organization
    columns = (o.kind, o.sector, o.active_from, o.active_to)
    stmt = select(*columns, func.count(), func.min(o.sort_key)).where(o.kind != OrgKind.OFFICE).group_by(*columns)
    if receivers:
        stmt = stmt.where(o.id.not_in(sorted(receivers)))
    return list(session.execute(stmt))


def _number(pg: bool, key_param: str) -> str:
    """The indicator's value of an answer when it is a number (a JSON true
    or false counts 1 or 0, as Python's sum does; text counts nothing)."""
    iv = "s.indicator_values"
    if pg:
        key = f"CAST(:{key_param} AS TEXT)"
        return (f"CASE json_typeof({iv} -> {key}) WHEN 'number' THEN CAST({iv} ->> {key} AS NUMERIC) "
                f"WHEN 'boolean' THEN CASE WHEN {iv} ->> {key} = 'true' THEN 1 ELSE 0 END END")
    path = f"'$.\"' || :{key_param} || '\"'"
    return (f"CASE json_type({iv}, {path}) WHEN 'integer' THEN json_extract({iv}, {path}) "
            f"WHEN 'real' THEN json_extract({iv}, {path}) WHEN 'true' THEN 1 WHEN 'false' THEN 0 END")


def _plain_number(value: Any) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _add(counts: Counts, status: Status, n: int) -> None:
    counts.applicable += n
    setattr(counts, status.value, getattr(counts, status.value) + n)


def _add_receivers(session, as_of, plan, receivers, figures, sort_keys, listed, issued) -> None:
    """Rule 4's units through the Python rules, on the data of the units
    merged into them and of their own only."""
    units = list(session.exec(select(Organization).where(Organization.kind != OrgKind.OFFICE,
                                                          Organization.carry_over.is_(True))))
    mine = list(session.exec(select(Organization).where(Organization.id.in_(sorted(receivers)),
                                                         Organization.kind != OrgKind.OFFICE)))
    involved = {u.id: u for u in units + mine}
    for _d, items in plan:
        for r, periods in items:
            data = _RequirementData(session, r, list(involved.values()), unit_ids=sorted(involved))
            for p in periods:
                fig = figures[r.id, p.number]
                for unit in mine:
                    submission = data.submissions.get((unit.id, p.number))
                    exemption = data.exemption(unit.id, p.number)
                    status = derive_status(p.due, as_of, submission, exemption, data.expected(unit, p, as_of))
                    if status is Status.NOT_APPLICABLE:
                        continue
                    sector = unit.sector or NO_SECTOR
                    _add(fig.counts, status, 1)
                    _add(fig.sectors.setdefault(sector, Counts()), status, 1)
                    order = sort_keys.setdefault((r.id, p.number), {})
                    if sector not in order or unit.sort_key < order[sector]:
                        order[sector] = unit.sort_key
                    if status in (Status.ON_TIME, Status.LATE) and submission.indicator_values:
                        for key, value in submission.indicator_values.items():
                            if key in fig.totals and isinstance(value, (int, float)):
                                fig.totals[key] += value
                    if status in _NAMED:
                        listed.setdefault((r.id, p.number), []).append(
                            (unit.sort_key, status, unit.name, exemption.reason if exemption else None))


# --- the tracking grid: every unit's status for one requirement ----------------
@dataclass(slots=True)
class UnitView:
    """What the grid shows and its dialogs read of a unit."""

    id: int
    code: str | None
    name: str
    name_key: str
    sort_key: str
    kind: str
    sector: str | None
    active_from: date | None
    active_to: date | None


class SubmissionView:
    """An answer as the grid reads it; its indicator values stay JSON text
    until something asks for them (the grid shows none of them; the dialog
    that edits one answer does)."""

    __slots__ = ("id", "received_on", "doc_number", "doc_date", "note", "_values", "_decoded")

    def __init__(self, id: int, received_on: date, doc_number: str | None, doc_date: date | None,
                 indicator_values: dict | str | None, note: str | None) -> None:
        self.id, self.received_on, self.doc_number, self.doc_date, self.note = (
            id, received_on, doc_number, doc_date, note)
        self._values = indicator_values
        self._decoded = not isinstance(indicator_values, str)

    @property
    def indicator_values(self) -> dict | None:
        if not self._decoded:
            self._values = json.loads(self._values)
            self._decoded = True
        return self._values

    def __repr__(self) -> str:
        return f"SubmissionView(id={self.id}, received_on={self.received_on})"


@dataclass(slots=True)
class ExemptionView:
    reason: str


def grid_statuses(session: Session, requirement: Requirement, as_of: date, *, upcoming: bool = False) -> list:
    """``status.requirement_statuses`` by the database, for the tracking
    grid: one ``PeriodStatus`` per period due by ``as_of`` (with
    ``upcoming`` the next one too) whose units, answers and exemptions are
    plain views of the columns shown, not ORM objects (5,000 units × a
    period is one statement and no object per row from the ORM)."""
    from desktop.core.status import PeriodStatus, UnitStatus

    periods = periods_through(requirement, as_of)
    if upcoming:
        nxt = next_period(requirement, as_of)
        if nxt is not None:
            periods.append(nxt)
    if not periods:
        return []
    directive = session.get(Directive, requirement.directive_id)
    issued = directive.issued_on if directive is not None else None
    rows = [(requirement, p, period_start(requirement, p, issued)) for p in periods]
    out = {p.number: PeriodStatus(requirement, p, as_of) for p in periods}
    receivers = _carry_over_receivers(session)
    kinds, sectors = _filter_key(requirement, _sectors_in_use(session))
    binds, params, values, filter_sql, skip, rids = _statement_parts(session, as_of, kinds, sectors, rows, receivers)
    # The columns come back as the driver gives them (PostgreSQL: dates;
    # SQLite: ISO text, read by date.fromisoformat), the answers' values as
    # JSON text: no type processing per row and cell.
    # Sorted here, not by the statement: sort keys compare by code point
    # in both (binary, COLLATE "C"), and PostgreSQL sorting rows this wide
    # took a quarter of the time.
    sql = _STATUS_SQL.format(values=", ".join(values), expected=filter_sql, skip=skip, rids=rids) + (
        "SELECT pn, oid, code, name, name_key, sk, kind, sector, active_from, active_to, status, sid, received_on, "
        "doc_number, doc_date, CAST(iv AS TEXT), note, reason FROM st WHERE status IS NOT NULL")
    statuses = {s.value: s for s in Status}
    day = _day_reader(session)
    units: dict[int, UnitView] = {}
    for (pn, oid, code, name, name_key, sk, kind, sector, active_from, active_to, status, sid, received_on,
         doc_number, doc_date, iv, note, reason) in session.execute(text(sql).bindparams(*binds), params).all():
        unit = units.get(oid)
        if unit is None:
            unit = units[oid] = UnitView(oid, code, name, name_key, sk, kind, sector, day(active_from), day(active_to))
        submission = (SubmissionView(sid, day(received_on), doc_number, day(doc_date), iv, note)
                      if sid is not None else None)
        exemption = ExemptionView(reason) if reason is not None else None
        out[pn].units.append(UnitStatus(unit, statuses[status], submission, exemption))
    if receivers:
        involved = list(session.exec(select(Organization).where(
            Organization.kind != OrgKind.OFFICE,
            (Organization.carry_over.is_(True)) | (Organization.id.in_(sorted(receivers))))))
        data = _RequirementData(session, requirement, involved, unit_ids=[u.id for u in involved])
        for unit in involved:
            if unit.id not in receivers:
                continue
            for p in periods:
                submission = data.submissions.get((unit.id, p.number))
                exemption = data.exemption(unit.id, p.number)
                status = derive_status(p.due, as_of, submission, exemption, data.expected(unit, p, as_of))
                if status is not Status.NOT_APPLICABLE:
                    out[p.number].units.append(UnitStatus(unit, status, submission, exemption))
    for ps in out.values():
        ps.units.sort(key=lambda u: u.unit.sort_key)
    return list(out.values())


def _day_reader(session: Session):
    """A function from a date column's raw value to a ``date`` (None stays
    None): SQLite gives ISO text, PostgreSQL dates."""
    if session.get_bind().dialect.name != "sqlite":
        return lambda v: v

    def day(v):
        return None if v is None else (date.fromisoformat(v[:10]) if isinstance(v, str) else v)

    return day
