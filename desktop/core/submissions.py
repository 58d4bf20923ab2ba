"""Recording what member units send in, and excusing units from a
requirement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from db.bulk import insert_rows, without_gc
from db.limits import too_long
from db.models import Attachment, Exemption, Organization, OrgKind, Requirement, Submission, utcnow
from desktop.core.errors import UserError
from desktop.core.numbers import parse_number
from desktop.core.periods import Period, get_period, next_period
from desktop.core.status import may_answer, owed_periods
from desktop.core.units import Skipped, name_stem, suggestions
from desktop.core.vntext import clean, fold
from desktop.core import clock


class PeriodNeeded(UserError):
    """The period could not be chosen for the user; each front end says how
    to name it."""


@dataclass
class StoredFile:
    """A file already copied into the attachment store (see ``desktop.io``)."""

    sha256: str
    file_name: str
    size: int


@dataclass
class Recorded:
    submission: Submission
    period: Period
    created: bool
    warnings: list[str] = field(default_factory=list)
    # The fields as they were before a correction (None when created), so
    # the entry can be undone.
    previous: dict | None = None


def parse_indicator_values(requirement: Requirement, pairs: dict[str, str]) -> dict[str, int | float]:
    """Typed indicator values; keys must be indicators of the requirement."""
    known = {i["key"]: i["label"] for i in requirement.indicators or []}
    values: dict[str, int | float] = {}
    for key, raw in pairs.items():
        if key not in known:
            listed = ", ".join(f"{k} ({v})" for k, v in known.items()) or "yêu cầu này không có chỉ tiêu nào"
            raise UserError(f"Chỉ tiêu “{key}” không có trong yêu cầu số {requirement.id}. Các chỉ tiêu: {listed}.")
        values[key] = parse_number(raw, what=f"Chỉ tiêu “{known[key]}”")
    return values


def _default_period(session: Session, requirement: Requirement, unit: Organization, received_on: date) -> Period:
    # The clerk means the oldest period the unit still owes; failing that,
    # the one coming up.
    if not requirement.every_months:
        return get_period(requirement, 1)
    owed = owed_periods(session, requirement, unit, received_on)
    if owed:
        return owed[0]
    upcoming = next_period(requirement, received_on)
    if upcoming is None:
        raise PeriodNeeded(f"Yêu cầu số {requirement.id} không còn kỳ nào để ghi nhận; hãy chỉ rõ kỳ cần ghi nhận.")
    return upcoming


def record_submission(
    session: Session,
    unit: Organization,
    requirement: Requirement,
    *,
    received_on: date,
    period: int | None = None,
    doc_number: str | None = None,
    doc_date: date | None = None,
    values: dict[str, int | float] | None = None,
    note: str | None = None,
    today: date | None = None,
) -> Recorded:
    """Record (or correct) ``unit``'s answer to ``requirement`` for a period
    (default: the oldest period it still owes)."""
    today = today or clock.today()
    if received_on > today:  # before the period is looked for: a future date finds none
        raise UserError(_after_today(received_on, today))
    p = get_period(requirement, period) if period is not None else _default_period(session, requirement, unit, received_on)
    warnings = _checked(unit, requirement, p, received_on, doc_date, today)

    submission = session.exec(
        select(Submission).where(
            Submission.requirement_id == requirement.id,
            Submission.organization_id == unit.id,
            Submission.period == p.number,
        )
    ).first()
    created = submission is None
    previous = None if created else {k: getattr(submission, k) for k in _UNDOABLE}
    if created:
        submission = Submission(requirement_id=requirement.id, organization_id=unit.id, period=p.number, received_on=received_on)
        session.add(submission)
    submission.received_on = received_on
    if doc_number is not None:
        submission.doc_number = clean(doc_number) or None
    if doc_date is not None:
        submission.doc_date = doc_date
    if values:
        submission.indicator_values = {**(submission.indicator_values or {}), **values}
    if note is not None:
        submission.note = clean(note) or None
    submission.recorded_by = session.info.get("actor")
    submission.recorded_at = utcnow()
    session.flush()
    return Recorded(submission, p, created, warnings, previous)


def _after_today(received_on: date, today: date) -> str:
    return f"Ngày nhận {received_on:%d/%m/%Y} ở sau hôm nay ({today:%d/%m/%Y}). Hãy kiểm tra lại ngày nhận."


def _checked(unit: Organization, requirement: Requirement, p: Period, received_on: date, doc_date: date | None,
             today: date) -> list[str]:
    """Refuse an answer the unit does not owe or that is dated in the
    future (``UserError``); the warnings worth telling the clerk."""
    if received_on > today:
        raise UserError(_after_today(received_on, today))
    if not may_answer(requirement, unit, p, received_on):
        raise UserError(
            f"Đơn vị “{unit.name}” không thuộc diện thực hiện yêu cầu số {requirement.id} "
            f"(kỳ hạn {p.due:%d/%m/%Y}) vào ngày nhận {received_on:%d/%m/%Y}: đơn vị chưa thành lập trước hạn, "
            "đã thôi hoạt động trước ngày nhận hoặc không thuộc khối áp dụng."
        )
    if doc_date is not None and doc_date > received_on:
        return [f"Ngày văn bản {doc_date:%d/%m/%Y} ở sau ngày nhận {received_on:%d/%m/%Y}."]
    return []


_UNDOABLE = ("received_on", "doc_number", "doc_date", "indicator_values", "note", "recorded_by", "recorded_at")


def undo_record(session: Session, recorded: Recorded) -> None:
    """Take back an entry: delete a new submission, or put a corrected one
    back as it was."""
    submission = session.get(Submission, recorded.submission.id)
    if submission is None:
        return
    if recorded.previous is None:
        for attachment in attachments_of(session, submission):
            session.delete(attachment)
        session.flush()
        session.delete(submission)
    else:
        for key, value in recorded.previous.items():
            setattr(submission, key, value)
    session.flush()


def add_attachments(session: Session, submission: Submission, files: list[StoredFile]) -> None:
    for f in files:
        session.add(Attachment(submission_id=submission.id, sha256=f.sha256, file_name=f.file_name, size=f.size))
    session.flush()


def exempt_unit(
    session: Session, unit: Organization, requirement: Requirement, *, reason: str, period: int | None = None
) -> Exemption:
    """Excuse ``unit`` from ``requirement`` (one period, or all when
    ``period`` is None), with the reason ("không phát sinh", newly founded,
    in dissolution)."""
    reason = clean(reason) or ""
    if not reason:
        raise UserError("Hãy ghi lý do miễn, ví dụ “không phát sinh” hoặc “mới thành lập”.")
    if period is not None:
        get_period(requirement, period)
    exemption = session.exec(
        select(Exemption).where(
            Exemption.requirement_id == requirement.id,
            Exemption.organization_id == unit.id,
            Exemption.period == period if period is not None else Exemption.period.is_(None),
        )
    ).first()
    if exemption is None:
        exemption = Exemption(requirement_id=requirement.id, organization_id=unit.id, period=period, reason=reason)
        session.add(exemption)
    else:
        exemption.reason = reason
    exemption.created_by = session.info.get("actor")
    session.flush()
    return exemption


def attachments_of(session: Session, submission: Submission) -> list[Attachment]:
    return list(session.exec(select(Attachment).where(Attachment.submission_id == submission.id)))


# --- a tracking sheet taken in at once -----------------------------------
@dataclass
class TrackingRow:
    """One row of a clerk's tracking sheet, typed by the reader; ``row`` is
    the row number in the file."""

    row: int
    unit_name: str | None = None
    unit_code: str | None = None
    received_on: date | None = None
    doc_number: str | None = None
    doc_date: date | None = None
    values: dict[str, int | float] = field(default_factory=dict)
    note: str | None = None


@dataclass
class Unmatched:
    row: int
    name: str
    suggestions: list[str]


@dataclass
class SubmissionImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    unmatched: list[Unmatched] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_submissions(
    session: Session,
    requirement: Requirement,
    rows: list[TrackingRow],
    *,
    period: int | None = None,
    today: date | None = None,
) -> SubmissionImport:
    """Record every row as the unit's submission for one period (period 1
    of a one-off requirement; a recurring one needs ``period``). Units are
    matched by code, else by name without diacritics; names that match no
    unit are listed in ``unmatched`` with the closest names, rows that
    cannot be recorded in ``skipped`` with the reason. The caller's
    transaction makes it all or nothing."""
    with without_gc():
        return _import_submissions(session, requirement, rows, period, today)


def _import_submissions(session: Session, requirement: Requirement, rows: list[TrackingRow], period: int | None,
                        today: date | None) -> SubmissionImport:
    if requirement.every_months and period is None:
        raise PeriodNeeded(
            f"Yêu cầu số {requirement.id} là yêu cầu định kỳ ({requirement.every_months} tháng/lần); "
            "hãy chỉ rõ bảng theo dõi này là của kỳ nào."
        )
    p = get_period(requirement, period or 1)
    result = SubmissionImport()
    # The units as plain rows of the columns matching and the rules read:
    # a province's 5,000 ORM objects for every sheet cost more than the
    # sheet's insert.
    units = _unit_refs(session)
    by_code = {u.code: u for u in units if u.code}
    by_code_key = {fold(u.code): u for u in units if u.code}
    by_name: dict[str, list[_UnitRef]] = {}
    for u in units:
        by_name.setdefault(u.name_key, []).append(u)
    by_stem: dict[str, list[_UnitRef]] = {}  # made when a name first needs it
    held = {
        sub.organization_id: sub
        for sub in session.exec(
            select(Submission).where(Submission.requirement_id == requirement.id, Submission.period == p.number)
        )
    }
    fresh: list[dict] = []
    today = today or clock.today()
    seen: dict[int, int] = {}
    for row in rows:
        if row.received_on is None and not (row.doc_number or row.doc_date or row.values):
            result.skipped.append(Skipped(row.row, "đơn vị chưa nộp (không có ngày nhận)"))
            continue
        unit = None
        if row.unit_code:
            unit = by_code.get(row.unit_code) or by_code_key.get(fold(row.unit_code))
        if unit is None and row.unit_name:
            found = by_name.get(fold(row.unit_name), [])
            if len(found) > 1:
                result.skipped.append(Skipped(row.row, f"có nhiều đơn vị cùng tên “{row.unit_name}”; hãy thêm cột mã đơn vị"))
                continue
            unit = found[0] if found else by_code_key.get(fold(row.unit_name))
            if unit is None:
                # "CĐ Trường …" for "Công đoàn Trường …", when only one unit fits.
                if not by_stem:
                    for u in units:
                        by_stem.setdefault(name_stem(u.name), []).append(u)
                stems = by_stem.get(name_stem(row.unit_name), [])
                unit = stems[0] if len(stems) == 1 else None
        if unit is None:
            name = row.unit_name or row.unit_code or ""
            result.unmatched.append(Unmatched(row.row, name, suggestions(session, name)))
            continue
        if unit.id in seen:
            result.skipped.append(Skipped(row.row, f"“{unit.name}” trùng với dòng {seen[unit.id]}"))
            continue
        seen[unit.id] = row.row
        if row.received_on is None:
            result.skipped.append(Skipped(row.row, f"“{unit.name}”: thiếu ngày nhận"))
            continue
        existing = held.get(unit.id)
        if existing is not None and _same(existing, row):
            result.unchanged += 1
            continue
        try:
            if existing is None:
                # New answers, nearly every row of a sheet, go in at once below.
                warnings = _checked(unit, requirement, p, row.received_on, row.doc_date, today)
                new = _new_row(session, requirement, unit, p, row)
                problem = too_long(Submission.__table__, new)
                if problem:
                    raise UserError(f"“{unit.name}”: {problem}")
                fresh.append(new)
            else:
                warnings = record_submission(
                    session, session.get(Organization, unit.id), requirement, received_on=row.received_on, period=p.number,
                    doc_number=row.doc_number, doc_date=row.doc_date, values=row.values or None, note=row.note,
                    today=today,
                ).warnings
        except UserError as exc:
            result.skipped.append(Skipped(row.row, exc.message))
            continue
        if existing is None:
            result.created += 1
        else:
            result.updated += 1
        result.warnings.extend(f"dòng {row.row}: {w}" for w in warnings)
    _insert_submissions(session, fresh)
    return result


@dataclass(slots=True)
class _UnitRef:
    """What a sheet's import reads of a unit (``may_answer`` takes it as it
    takes the unit)."""

    id: int
    code: str | None
    name: str
    name_key: str
    kind: str
    sector: str | None
    active_from: date | None
    active_to: date | None


def _unit_refs(session: Session) -> list[_UnitRef]:
    columns = [getattr(Organization, f) for f in _UnitRef.__slots__]
    stmt = select(*columns).where(Organization.kind != OrgKind.OFFICE).order_by(Organization.sort_key)
    return [_UnitRef(*r) for r in session.execute(stmt)]


def _new_row(session: Session, requirement: Requirement, unit: Organization, p: Period, row: TrackingRow) -> dict:
    return {
        "requirement_id": requirement.id, "organization_id": unit.id, "period": p.number,
        "received_on": row.received_on, "doc_number": clean(row.doc_number) or None if row.doc_number is not None else None,
        "doc_date": row.doc_date, "indicator_values": dict(row.values) or None,
        "note": clean(row.note) or None if row.note is not None else None,
        "recorded_by": session.info.get("actor"), "recorded_at": utcnow(),
    }


def _insert_submissions(session: Session, fresh: list[dict]) -> None:
    """One executemany for the new submissions of a sheet, with their audit
    rows; the ORM's row-by-row flush took most of an import's time."""
    if not fresh:
        return
    insert_rows(session, Submission.__table__, fresh)


def _same(submission: Submission, row: TrackingRow) -> bool:
    stored = submission.indicator_values or {}
    return (
        submission.received_on == row.received_on
        and (row.doc_number is None or submission.doc_number == clean(row.doc_number))
        and (row.doc_date is None or submission.doc_date == row.doc_date)
        and all(stored.get(k) == v for k, v in row.values.items())
        and (row.note is None or submission.note == clean(row.note))
    )
