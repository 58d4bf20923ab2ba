"""Worker processes for the shared-use tests: each is a separate Python
process on the same database, as a second clerk's PC is."""

from __future__ import annotations

import random
from datetime import date


def record_every_unit(url: str, requirement_id: int, worker: int, start, results) -> None:
    """Record every member unit's answer to the requirement, setting this
    worker's own indicator, in a random order, each in a unit of work of
    its own retried on conflicts; put the worker's number on ``results``."""
    from db.engine import make_engine
    from db.models import Requirement
    from db.session import run_transaction
    from desktop.core.submissions import record_submission
    from desktop.core.units import member_units

    engine = make_engine(url)
    ids = run_transaction(engine, lambda s: [u.id for u in member_units(s)])
    random.Random(worker).shuffle(ids)
    start.wait(60)
    for unit_id in ids:
        def work(session, unit_id=unit_id):
            from db.models import Organization

            unit, req = session.get(Organization, unit_id), session.get(Requirement, requirement_id)
            record_submission(session, unit, req, received_on=date(2022, 3, 20), values={f"k{worker}": worker + 1},
                              today=date(2022, 4, 1))

        run_transaction(engine, work, actor=f"thu-ky-{worker}@may-{worker}")
    engine.dispose()
    results.put(worker)
