"""The audit log writes itself: every insert, update and delete flushed
through a Theo dõi session adds an ``audit_log`` row in the same transaction,
so a change and its record commit or vanish together."""

from __future__ import annotations

import enum
import hashlib
import getpass
import socket
from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

from sqlalchemy import event, inspect as sa_inspect, insert
from sqlalchemy.orm import Session, attributes

from db.models import AuditLog

# Tables whose changes are not worth a line of their own.
_NOT_AUDITED = {AuditLog.__tablename__}


def default_actor() -> str:
    """``user@host``: who did it and from which PC."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in some service contexts
        user = "?"
    return f"{user}@{socket.gethostname()}"


def _plain(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (bytes, bytearray)):
        # A certificate or other blob: its digest tells what it was.
        return f"{len(value)} byte, sha256 {hashlib.sha256(value).hexdigest()}"
    return value


def _columns(obj: Any) -> dict[str, Any]:
    mapper = sa_inspect(obj).mapper
    return {attr.key: _plain(getattr(obj, attr.key)) for attr in mapper.column_attrs}


def _changes(obj: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for attr in sa_inspect(obj).mapper.column_attrs:
        hist = attributes.get_history(obj, attr.key)
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        before[attr.key] = _plain(old)
        after[attr.key] = _plain(new)
    return before, after


def _entity_id(obj: Any) -> str | None:
    # Read from the attributes: in after_flush a new row has its key but
    # not yet its identity.
    key = sa_inspect(obj).mapper.primary_key_from_instance(obj)
    if not key or any(part is None for part in key):
        return None
    return "/".join(str(part) for part in key)


@event.listens_for(Session, "before_flush")
def _collect(session: Session, _ctx, _instances) -> None:
    # Updates must be read before the flush clears their history; inserts get
    # their ids only after it.
    pending = session.info.setdefault("_audit_pending", [])
    for obj in session.dirty:
        if obj.__tablename__ in _NOT_AUDITED or not session.is_modified(obj, include_collections=False):
            continue
        before, after = _changes(obj)
        if after:
            pending.append(("update", obj, before, after))
    for obj in session.deleted:
        if obj.__tablename__ not in _NOT_AUDITED:
            pending.append(("delete", obj, _columns(obj), None))
    for obj in session.new:
        if obj.__tablename__ not in _NOT_AUDITED:
            pending.append(("create", obj, None, None))


@event.listens_for(Session, "after_flush")
def _write(session: Session, _ctx) -> None:
    pending = session.info.pop("_audit_pending", [])
    if not pending:
        return
    stamp = _stamp(session)
    rows = []
    for action, obj, before, after in pending:
        if action == "create":
            after = _columns(obj)
        rows.append({**stamp, "action": action, "entity": obj.__tablename__, "entity_id": _entity_id(obj),
                     "before": before, "after": after})
    session.connection().execute(insert(AuditLog), rows)
    _note(session, rows)


def _note(session: Session, rows: list[dict[str, Any]]) -> None:
    # What this unit of work changed, for db.session to report once it is
    # committed (a command whose printing fails after the commit must say
    # what was saved, not that nothing was).
    session.info.setdefault("_changed", []).extend((r["action"], r["entity"], r["entity_id"]) for r in rows)


def _stamp(session: Session) -> dict[str, Any]:
    return {"at": datetime.now(timezone.utc), "actor": session.info.get("actor") or default_actor()}

