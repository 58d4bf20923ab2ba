"""Opening an office's database for work: upgraded if needed, documents a
crash interrupted settled, backed up at the first use of the day."""

from __future__ import annotations

from sqlalchemy.engine import Engine

from db.backup import BackupError, daily_backup_of
from db.migrate import open_database


def open_office(url: str) -> tuple[Engine, list[str]]:
    """The engine on ``url`` and what the user should be told (documents
    finished after an interruption, a backup that could not be made)."""
    from desktop.io.pending import settle_pending

    engine = open_database(url)
    notes = [f"đã hoàn tất văn bản số {number} bị gián đoạn lần trước." for number in settle_pending(engine)]
    try:
        daily_backup_of(url)
    except BackupError as exc:
        notes.append(exc.message)
    return engine, notes
