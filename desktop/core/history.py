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
