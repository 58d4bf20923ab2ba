"""What a report or an urging letter says, as plain facts taken from the
statistics; the wording and the layout live in desktop.io.documents."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from sqlmodel import select

from db.models import Directive, OrgKind, Organization, ReceivedPackage, Requirement
from desktop.core.dates import format_date
from desktop.core.directives import requirements_of
from desktop.core.errors import UserError
from desktop.core.office import OfficeInfo, get_office
from desktop.core.periods import Period, get_period, periods_through
from desktop.core.status import Counts, PeriodStatus, Status, period_status

KIND_TITLES = {
    "NQ": "Nghị quyết", "CTR": "Chương trình", "KH": "Kế hoạch", "TB": "Thông báo", "CV": "Công văn",
    "HD": "Hướng dẫn", "QĐ": "Quyết định", "QD": "Quyết định", "BC": "Báo cáo", "CT": "Chỉ thị", "KL": "Kết luận",
}


def directive_reference(d: Directive) -> str:
    """"Kế hoạch số 314/KH-LĐLĐ ngày 16/02/2022 của Liên đoàn Lao động tỉnh
    Lai Châu", as documents cite one another."""
    kind = KIND_TITLES.get((d.kind or "").upper(), "Văn bản")
    out = f"{kind} số {d.number}"
    if d.issued_on:
        out += f" ngày {format_date(d.issued_on)}"
    if d.issuer:
        out += f" của {d.issuer}"
    return out


@dataclass
class AppendixRow:
    unit: Organization
    status: Status
    received_on: date | None
    doc_number: str | None
    doc_date: date | None
    values: dict[str, int | float]
    note: str | None


@dataclass
class MemberOfficeRow:
    """A member office's answer: its state as this office counts it
    (``row.status``, from the received date) and, from the package it
    sent, how many of its own units reported out of how many owed."""

    row: AppendixRow
    units_done: int | None  # None: no package (not sent, or returned)
    units_due: int | None


@dataclass
class RequirementFacts:
    requirement: Requirement
    period: Period
    recurring: bool
    counts: Counts
    by_sector: dict[str, Counts]
    indicators: list[tuple[str, str, int | float]]  # key, label, total
    rows: list[AppendixRow]
    # The units that are offices reporting by package, in the rows' order;
    # empty for an office whose units are all grassroots units.
    members: list[MemberOfficeRow] = field(default_factory=list)

    def names(self, status: Status) -> list[str]:
        return [r.unit.name for r in self.rows if r.status is status]

    @property
    def exempt(self) -> list[tuple[str, str]]:
        return [(r.unit.name, r.note or "") for r in self.rows if r.status is Status.EXEMPT]


@dataclass
class ReportFacts:
    office: OfficeInfo
    directive: Directive
    as_of: date
    sections: list[RequirementFacts] = field(default_factory=list)


_DONE = {Status.ON_TIME.value, Status.LATE.value}
_NOT_OWED = {Status.EXEMPT.value, Status.NOT_APPLICABLE.value}


def _members(session: Session, ps: PeriodStatus, rows: list[AppendixRow]) -> list[MemberOfficeRow]:
    """The rows of member offices, as the dashboard tells them
    (desktop.core.levels): units that are offices or have ever sent a
    package; each with its own units' count from the package that counts
    for this period. Two queries a section: a province's report of 5,000
    units stays fast."""
    senders = set(session.exec(select(ReceivedPackage.organization_id).distinct()))
    if not senders and not any(r.unit.kind == OrgKind.UPPER for r in rows):
        return []
    packages = {p.organization_id: p for p in session.exec(select(ReceivedPackage).where(
        ReceivedPackage.requirement_id == ps.requirement.id, ReceivedPackage.period == ps.period.number,
        ReceivedPackage.superseded_by_id.is_(None)))}
    out = []
    for r in rows:
        if r.status is Status.NOT_APPLICABLE or (r.unit.kind != OrgKind.UPPER and r.unit.id not in senders):
            continue
        p = packages.get(r.unit.id)
        if p is None or p.review == "returned" or p.units is None:
            out.append(MemberOfficeRow(r, None, None))
            continue
        due = [u for u in p.units if u.get("status") not in _NOT_OWED]
        out.append(MemberOfficeRow(r, sum(1 for u in due if u.get("status") in _DONE), len(due)))
    return out


def _facts(ps: PeriodStatus, session: Session | None = None) -> RequirementFacts:
    r = ps.requirement
    totals = ps.indicator_totals()
    rows = []
    for u in ps.units:
        s = u.submission if u.status in (Status.ON_TIME, Status.LATE) else None
        rows.append(AppendixRow(
            unit=u.unit, status=u.status,
            received_on=s.received_on if s else None,
            doc_number=s.doc_number if s else None,
            doc_date=s.doc_date if s else None,
            values=dict(s.indicator_values or {}) if s else {},
            note=u.exemption.reason if u.status is Status.EXEMPT and u.exemption else (s.note if s else None),
        ))
    return RequirementFacts(
        requirement=r, period=ps.period, recurring=ps.recurring, counts=ps.counts, by_sector=ps.by_sector(),
        indicators=[(i["key"], i["label"], totals.get(i["key"], 0)) for i in r.indicators or []], rows=rows,
        members=_members(session, ps, rows) if session is not None else [],
    )


def _office(session: Session) -> OfficeInfo:
    office = get_office(session)
    if office is None:
        raise UserError("Chưa khai báo văn phòng: hãy khai báo tên văn phòng, địa danh và người ký trước khi làm văn bản.")
    return office


def report_facts(
    session: Session,
    directive: Directive,
    as_of: date,
    *,
    requirement: Requirement | None = None,
    period: int | None = None,
) -> ReportFacts:
    """The facts of a report on ``directive``: one requirement and period, or
    every requirement at its latest period due by ``as_of``."""
    if directive is None:
        raise UserError("Không tìm thấy văn bản đã chọn.")
    office = _office(session)
    if requirement is not None and requirement.directive_id != directive.id:
        raise UserError(f"Yêu cầu số {requirement.id} không thuộc văn bản {directive.number}.")
    requirements = [requirement] if requirement is not None else requirements_of(session, directive)
    if not requirements:
        raise UserError(f"Văn bản {directive.number} chưa có yêu cầu nào; hãy thêm yêu cầu trước khi làm báo cáo.")
    facts = ReportFacts(office, directive, as_of)
    for r in requirements:
        if period is not None:
            number = get_period(r, period).number
        else:
            due = periods_through(r, as_of)
            if not due and requirement is None:
                continue
            number = due[-1].number if due else 1
        facts.sections.append(_facts(period_status(session, r, number, as_of), session))
    if not facts.sections:
        raise UserError(f"Tính đến ngày {as_of:%d/%m/%Y}, văn bản {directive.number} chưa có yêu cầu nào đến hạn.")
    return facts


@dataclass
class UrgeFacts:
    office: OfficeInfo
    directive: Directive
    requirement: RequirementFacts
    as_of: date
    new_due: date
    units: list[Organization]  # those still owing, in Vietnamese order


def check_dates(as_of: date, issued_on: date) -> None:
    """A document cannot count what happens after the day it is signed."""
    if as_of > issued_on:
        raise UserError(
            f"Ngày ban hành ({issued_on:%d/%m/%Y}) ở trước ngày tính số liệu ({as_of:%d/%m/%Y}). "
            "Hãy chọn ngày tính số liệu không sau ngày ban hành."
        )


def urge_facts(session: Session, requirement: Requirement, as_of: date, *, period: int | None = None,
               new_due: date | None = None, issued_on: date | None = None, grace_days: int = 7) -> UrgeFacts:
    """Who still owes ``requirement`` for a period as of a date, and by when
    they are now asked to send it (``new_due``, default a week after the
    letter's date ``issued_on``)."""
    from datetime import timedelta

    office = _office(session)
    directive = session.get(Directive, requirement.directive_id)
    if period is None:
        due = periods_through(requirement, as_of)
        if not due:
            raise UserError(f"Yêu cầu số {requirement.id} chưa đến hạn (tính đến ngày {as_of:%d/%m/%Y}); chưa cần đôn đốc.")
        period = due[-1].number
    facts = _facts(period_status(session, requirement, period, as_of))
    owing = [r.unit for r in facts.rows if r.status is Status.MISSING]
    if not owing:
        raise UserError(
            f"Tất cả đơn vị đã nộp hoặc được miễn yêu cầu số {requirement.id} ({facts.period.label(facts.recurring)}); "
            "không cần công văn đôn đốc."
        )
    issued_on = issued_on or as_of
    check_dates(as_of, issued_on)
    new_due = new_due or issued_on + timedelta(days=grace_days)
    if new_due <= issued_on:
        raise UserError(
            f"Hạn mới ({new_due:%d/%m/%Y}) phải sau ngày ban hành công văn ({issued_on:%d/%m/%Y})."
        )
    return UrgeFacts(office, directive, facts, as_of, new_due, owing)
