"""Sessions: one unit of work, committed whole or not at all."""

from __future__ import annotations

import contextlib
from typing import Iterator

from sqlalchemy.engine import Engine
from sqlmodel import Session

import db.audit  # noqa: F401  (installs the audit-log hooks on every session)
from db.audit import default_actor


@contextlib.contextmanager
def unit_of_work(engine: Engine, actor: str | None = None, *, commit: bool = True) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back
    everything, audit rows included, when it raises. ``commit=False`` rolls
    back in any case (a dry run)."""
    session = Session(engine, expire_on_commit=False)
    session.info["actor"] = actor or default_actor()
    try:
        yield session
        if commit:
            session.commit()
        else:
            # Detached first, so what was read stays readable after the
            # rollback instead of being expired.
            session.expunge_all()
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
