"""Reading the audit log: what happened to one record, in order."""

from __future__ import annotations

from sqlmodel import Session, select

from db.models import AuditLog


def history_of(session: Session, entity: str, entity_id: int | str) -> list[AuditLog]:
    stmt = (
        select(AuditLog)
        .where(AuditLog.entity == entity, AuditLog.entity_id == str(entity_id))
        .order_by(AuditLog.id)
    )
    return list(session.exec(stmt))


def audit_entries(session: Session, *, entity: str | None = None, entity_id: str | None = None,
                  limit: int | None = None) -> list[AuditLog]:
    """The audit log, oldest first (the last ``limit`` entries when given)."""
    stmt = select(AuditLog)
    if entity:
        stmt = stmt.where(AuditLog.entity == entity)
    if entity_id:
        stmt = stmt.where(AuditLog.entity_id == str(entity_id))
    if limit:
        rows = list(session.exec(stmt.order_by(AuditLog.id.desc()).limit(limit)))
        return rows[::-1]
    return list(session.exec(stmt.order_by(AuditLog.id)))
