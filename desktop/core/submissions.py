"""Recording what member units send in, and excusing units from a
requirement."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session, select

from db.models import Attachment, Exemption, Organization, Requirement, Submission, utcnow
from desktop.core.errors import UserError
from desktop.core.numbers import parse_number
from desktop.core.periods import Period, get_period, next_period, periods_through
from desktop.core.status import applies_to
from desktop.core.vntext import clean


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
    done = {
        s.period
        for s in session.exec(
            select(Submission).where(Submission.requirement_id == requirement.id, Submission.organization_id == unit.id)
        )
    }
    for period in periods_through(requirement, received_on):
        if period.number not in done and applies_to(requirement, unit, period.due):
            return period
    upcoming = next_period(requirement, received_on)
    if upcoming is None:
        raise UserError(f"Yêu cầu số {requirement.id} không còn kỳ nào để ghi nhận; hãy chỉ rõ kỳ (--period).")
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
    today = today or date.today()
    if received_on > today:
        raise UserError(
            f"Ngày nhận {received_on:%d/%m/%Y} ở sau hôm nay ({today:%d/%m/%Y}). Hãy kiểm tra lại ngày nhận."
        )
    p = get_period(requirement, period) if period is not None else _default_period(session, requirement, unit, received_on)
    if not applies_to(requirement, unit, p.due):
        raise UserError(
            f"Đơn vị “{unit.name}” không thuộc diện phải thực hiện yêu cầu số {requirement.id} "
            f"(kỳ hạn {p.due:%d/%m/%Y}): đơn vị chưa thành lập, đã thôi hoạt động hoặc không thuộc khối áp dụng."
        )
    warnings = []
    if doc_date is not None and doc_date > received_on:
        warnings.append(f"Ngày văn bản {doc_date:%d/%m/%Y} ở sau ngày nhận {received_on:%d/%m/%Y}.")

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
        raise UserError("Hãy ghi lý do miễn (--reason), ví dụ “không phát sinh” hoặc “mới thành lập”.")
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
