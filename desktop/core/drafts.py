"""Report drafts (bản thảo báo cáo): what a report is about and the texts the
clerk writes in it, kept in the database until the report is issued, and
with the issued report afterwards. One open draft per directive and
requirement (the requirement None: every requirement due)."""

from __future__ import annotations

from datetime import date
from typing import Mapping

from sqlmodel import Session, select

from db.models import Directive, OutgoingDocument, ReportDraft, Requirement, utcnow
from desktop.core.errors import UserError


def open_draft(session: Session, directive_id: int, requirement_id: int | None) -> ReportDraft | None:
    """The draft not yet issued for the directive and requirement, if any."""
    stmt = select(ReportDraft).where(ReportDraft.directive_id == directive_id, ReportDraft.document_id.is_(None))
    stmt = stmt.where(ReportDraft.requirement_id.is_(None) if requirement_id is None
                      else ReportDraft.requirement_id == requirement_id)
    return session.exec(stmt.order_by(ReportDraft.id.desc())).first()


def _check(session: Session, directive_id: int, requirement_id: int | None) -> None:
    if session.get(Directive, directive_id) is None:
        raise UserError("Không tìm thấy văn bản đã chọn.")
    if requirement_id is not None:
        r = session.get(Requirement, requirement_id)
        if r is None or r.directive_id != directive_id:
            raise UserError(f"Yêu cầu số {requirement_id} không thuộc văn bản đã chọn.")


def save_draft(session: Session, directive_id: int, requirement_id: int | None, *,
               sections: Mapping[str, str], period: int | None = None, as_of: date | None = None,
               issued_on: date | None = None, recipients: list[str] | None = None) -> ReportDraft:
    """Write the open draft (made if there is none): ``sections`` replaces
    the texts it held; the choices are kept as given."""
    _check(session, directive_id, requirement_id)
    draft = open_draft(session, directive_id, requirement_id)
    if draft is None:
        draft = ReportDraft(directive_id=directive_id, requirement_id=requirement_id)
        session.add(draft)
    draft.sections = dict(sections)
    draft.period, draft.as_of, draft.issued_on = period, as_of, issued_on
    draft.recipients = list(recipients) if recipients else None
    draft.updated_by = session.info.get("actor")
    draft.updated_at = utcnow()
    session.flush()
    return draft


def discard_draft(session: Session, directive_id: int, requirement_id: int | None) -> bool:
    """Drop the open draft (the next one starts from the figures again);
    False when there was none."""
    draft = open_draft(session, directive_id, requirement_id)
    if draft is None:
        return False
    session.delete(draft)
    session.flush()
    return True


def file_draft(session: Session, document: OutgoingDocument, sections: Mapping[str, str], *,
               recipients: list[str] | None = None) -> ReportDraft:
    """Tie the open draft of the report just issued as ``document`` to it,
    with the texts the report was issued with; a report made without a
    draft gets one, so every report keeps its text."""
    draft = open_draft(session, document.directive_id, document.requirement_id)
    if draft is None:
        draft = ReportDraft(directive_id=document.directive_id, requirement_id=document.requirement_id)
        session.add(draft)
    draft.sections = dict(sections)
    draft.period, draft.as_of, draft.issued_on = document.period, document.as_of, document.issued_on
    draft.recipients = list(recipients) if recipients else draft.recipients
    draft.document_id = document.id
    draft.updated_by = session.info.get("actor")
    draft.updated_at = utcnow()
    session.flush()
    return draft


def issued_sections(session: Session, document_id: int) -> dict[str, str] | None:
    """The texts report ``document_id`` was issued with; None for a report
    issued before drafts were kept."""
    draft = session.exec(select(ReportDraft).where(ReportDraft.document_id == document_id)).first()
    return dict(draft.sections) if draft is not None else None
