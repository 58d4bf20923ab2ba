"""Roll-up by key through any number of levels: a member office's report
lists its own units (each with its sector, or with its own breakdown by
sector when it is an office too); the office above adds them up by
indicator key and by sector, and its report carries both on upward."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlmodel import Session, select

from db.models import Organization, ReceivedPackage

NO_SECTOR = "Chưa rõ khu vực"


def _add(into: dict[str, dict[str, float]], sector: str, values: dict) -> None:
    bucket = into.setdefault(sector or NO_SECTOR, {})
    for key, value in (values or {}).items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            bucket[key] = bucket.get(key, 0) + value


def breakdown(units: list[dict] | None) -> dict[str, dict[str, float]]:
    """Totals by sector, then by indicator key, of a package's unit rows."""
    out: dict[str, dict[str, float]] = {}
    for row in units or []:
        if row.get("sectors"):
            for sector, values in row["sectors"].items():
                _add(out, sector, values)
        else:
            _add(out, row.get("sector"), row.get("values"))
    return out


def current_package(session: Session, unit_id: int, requirement_id: int, period: int) -> ReceivedPackage | None:
    """The package that counts for a member office's answer: the newest,
    unless it was returned for correction."""
    p = session.exec(select(ReceivedPackage).where(
        ReceivedPackage.organization_id == unit_id, ReceivedPackage.requirement_id == requirement_id,
        ReceivedPackage.period == period, ReceivedPackage.superseded_by_id.is_(None))).first()
    return None if p is None or p.review == "returned" else p


@dataclass
class SectionRollup:
    by_unit: dict[int, dict[str, dict[str, float]]] = field(default_factory=dict)  # member office id -> its breakdown
    by_sector: dict[str, dict[str, float]] = field(default_factory=dict)


def section_rollup(session: Session, section) -> SectionRollup:
    """``section``: a ``desktop.core.reports.RequirementFacts``. Each row's
    figures go under its sector; a member office that reported by package
    brings its own breakdown instead."""
    out = SectionRollup()
    requirement, period = section.requirement, section.period.number
    for row in section.rows:
        package = current_package(session, row.unit.id, requirement.id, period) if row.values else None
        split = breakdown(package.units) if package is not None and package.units else {}
        if split:
            out.by_unit[row.unit.id] = split
            for sector, values in split.items():
                _add(out.by_sector, sector, values)
        elif row.values:
            _add(out.by_sector, row.unit.sector, row.values)
    return out


@dataclass
class MemberUnitRow:
    name: str
    code: str | None
    sector: str | None
    status: str
    received_on: str | None
    values: dict


def units_from_package(session: Session, unit: Organization, requirement_id: int, period: int) -> list[MemberUnitRow]:
    """A member office's own units as its newest package listed them (the
    drill-down of the tracking grid); [] when none came."""
    p = session.exec(select(ReceivedPackage).where(
        ReceivedPackage.organization_id == unit.id, ReceivedPackage.requirement_id == requirement_id,
        ReceivedPackage.period == period, ReceivedPackage.superseded_by_id.is_(None))).first()
    if p is None:
        return []
    return [MemberUnitRow(r.get("name", ""), r.get("code"), r.get("sector"), r.get("status", ""), r.get("received_on"),
                          r.get("values") or {}) for r in p.units or []]


def indicator_labels(session: Session, requirement_id: int) -> dict[str, str]:
    """Indicator key -> its label (with its unit of measure), as the office names them."""
    from db.models import Requirement

    r = session.get(Requirement, requirement_id)
    return {i["key"]: (f"{i['label']} ({i['unit']})" if i.get("unit") else i["label"]) for i in (r.indicators or [])} \
        if r is not None else {}
