"""Settling documents a crash left half-made (see desktop.io.reporting):
run at every start, cheap when there is nothing to do."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy.engine import Engine

from db.audit import default_actor
from db.session import run_transaction, unit_of_work
from desktop.core.register import ISSUED, VOID, pending_documents

# Longer than any export takes on a slow PC.
MIN_AGE = timedelta(minutes=15)


def settle_pending(engine: Engine, *, min_age: timedelta = MIN_AGE) -> list[str]:
    """Finish what a crash interrupted: a pending document whose files are
    all in place is issued; otherwise its files go and the row stays as
    void, so its number is never handed out again.
    Rows younger than ``min_age`` are left alone: another window may be
    writing them right now; so are rows another PC made (on a shared
    database its files are on that PC's disk, and that PC settles them).
    Returns the numbers settled; commits only when there was one."""
    cutoff = datetime.now(timezone.utc) - min_age
    here = "@" + default_actor().rpartition("@")[2]
    with unit_of_work(engine, commit=False) as session:
        if not any(d.created_at <= cutoff and _made_here(d, here) for d in pending_documents(session)):
            return []
    return run_transaction(engine, lambda session: _settle(session, cutoff, here))


def _made_here(doc, here: str) -> bool:
    # Actors are "user@host"; one without a host is taken as this PC's.
    return "@" not in (doc.created_by or "") or doc.created_by.endswith(here)


def _settle(session, cutoff: datetime, here: str) -> list[str]:
    settled = []
    for doc in pending_documents(session):
        if doc.created_at > cutoff or not _made_here(doc, here):
            continue
        folder = Path(doc.folder or ".")
        paths = [folder / name for name in doc.files or []]
        for name in doc.files or []:
            for litter in folder.glob(f".{name}.*.part"):  # temporary files the crash left
                litter.unlink(missing_ok=True)
        if paths and all(p.is_file() and p.stat().st_size > 0 for p in paths):
            doc.state = ISSUED
        else:
            for p in paths:
                p.unlink(missing_ok=True)
            # Someone may have seen the number (on screen, on a printed
            # draft): it is kept, as void, rather than given to the next one.
            doc.state = VOID
            doc.files = None
        settled.append(doc.number)
    return settled
