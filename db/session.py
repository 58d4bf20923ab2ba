"""Sessions: one unit of work, committed whole or not at all; and the retry
of a unit of work that lost a race with another PC."""

from __future__ import annotations

import contextlib
import contextvars
import random
import time
from typing import Callable, Iterator, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

import db.audit  # noqa: F401  (installs the audit-log hooks on every session)
import db.limits  # noqa: F401  (and the column-length check)
from db.audit import default_actor
from db.dialects import is_conflict, writer
from db.errors import StoreError

T = TypeVar("T")
ATTEMPTS = 8
# Commits made in this thread or task so far: ``retrying`` never runs work
# again once part of it has committed.
_commits = contextvars.ContextVar("theodoi_commits", default=0)
# (action, table, id) of every change committed in this thread or task, in
# order: what a front end reports as saved when it fails after a commit.
_saved: contextvars.ContextVar[tuple[tuple[str, str, str | None], ...]] = contextvars.ContextVar(
    "theodoi_saved", default=()
)


def saved_mark() -> int:
    """A mark to pass to ``saved_since``."""
    return len(_saved.get())


def saved_since(mark: int) -> list[tuple[str, str, str | None]]:
    """The rows committed since ``mark`` as (action, table, id), action
    "create", "update" or "delete"; a row created then deleted again (a
    number reserved then released) is left out, one created then changed
    counts as created."""
    net: dict[tuple[str, str | None], str] = {}
    for action, table, row_id in _saved.get()[mark:]:
        key = (table, row_id)
        first = net.get(key)
        if first == "create" and action == "delete":
            del net[key]
        elif first is None or action == "delete":
            net[key] = action
    return [(action, table, row_id) for (table, row_id), action in net.items()]


class ConflictError(StoreError):
    """Another PC changed the same data at the same moment; nothing of this
    unit of work was written, and running it again is the answer."""

    def __init__(self, message: str | None = None):
        super().__init__(message or (
            "Một máy khác đang ghi cùng dữ liệu này vào đúng lúc đó nên lần ghi vừa rồi chưa được lưu "
            "(không có gì bị thay đổi). Hãy thử lại sau ít giây."
        ))


@contextlib.contextmanager
def unit_of_work(engine: Engine, actor: str | None = None, *, commit: bool = True,
                 writes: bool | None = None) -> Iterator[Session]:
    """A session that commits when the block ends normally and rolls back
    everything, audit rows included, when it raises. ``commit=False`` rolls
    back in any case (a read, or a dry run: pass ``writes=True`` when it
    writes all the same, so it waits its turn like a writer). A write that
    lost a race with another connection raises ``ConflictError``."""
    writes = commit if writes is None else writes
    session = Session(writer(engine) if writes else engine, expire_on_commit=False)
    session.info["actor"] = actor or default_actor()
    try:
        yield session
        if commit:
            session.commit()
            _commits.set(_commits.get() + 1)
            _saved.set(_saved.get() + tuple(session.info.pop("_changed", ())))
        else:
            # Detached first, so what was read stays readable after the
            # rollback instead of being expired.
            session.expunge_all()
            session.rollback()
    except DBAPIError as exc:
        session.rollback()
        if is_conflict(exc):
            raise ConflictError() from exc
        raise
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def retrying(work: Callable[[], T], *, attempts: int = ATTEMPTS, on_retry: Callable[[int], None] | None = None) -> T:
    """Run ``work`` and, when it raises ``ConflictError``, again after a
    random pause that doubles each time (so two PCs do not collide twice in
    step; 1.3 to 6.4 s in all over eight attempts), up to ``attempts`` times;
    the last conflict is raised for the user to see. Work that committed a
    unit of work before its conflict is not run again (it may have written
    files or sent mail after that commit): its conflict is raised at once."""
    for attempt in range(1, attempts + 1):
        before = _commits.get()
        try:
            return work()
        except ConflictError:
            if attempt == attempts or _commits.get() != before:
                raise
            if on_retry is not None:
                on_retry(attempt)
            time.sleep(random.uniform(0.005, 0.025) * 2 ** attempt)
    raise AssertionError("unreachable")


def run_transaction(engine: Engine, work: Callable[[Session], T], *, actor: str | None = None,
                    attempts: int = ATTEMPTS) -> T:
    """``work(session)`` in one unit of work, retried on conflicts."""

    def once() -> T:
        with unit_of_work(engine, actor) as session:
            return work(session)

    return retrying(once, attempts=attempts)
