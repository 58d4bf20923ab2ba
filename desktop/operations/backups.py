"""Copies of the records: back up now, list the copies, restore one; and
the audit log of who changed what."""

from __future__ import annotations

from pathlib import Path

from db.backup import BackupError, BackupInfo, backup_database, backup_kind, backups_dir_for, list_backups, restore_database
from db.engine import display_url, sqlite_path
from db.migrate import known_revisions
from desktop.core.errors import UserError
from desktop.core.history import audit_entries
from desktop.operations.registry import Changes, Store, operation


def _existing(store: Store) -> str:
    path = sqlite_path(store.url)
    if path is not None and not path.exists():
        raise UserError(f"Chưa có cơ sở dữ liệu “{path}” để sao lưu.")
    return store.url


@operation("backup.create", "Sao lưu ngay")
def create(store: Store, to: str | Path | None = None) -> Path:
    """Back the data up now, into the backups folder or into ``to`` (a USB
    stick). Returns the copy made."""
    try:
        return backup_database(_existing(store), Path(to) if to else None)
    except BackupError as exc:
        raise UserError(exc.message) from exc


@operation("backup.list", "Các bản sao lưu")
def listing(store: Store, folder: str | Path | None = None) -> list[BackupInfo]:
    """The copies in ``folder`` (default: this database's backups folder),
    each checked, newest first."""
    if folder:
        return list_backups(Path(folder))
    return list_backups(backups_dir_for(store.url), kind=backup_kind(store.url))


@operation("backup.restore", "Khôi phục từ bản sao lưu", changes=Changes.ALL)
def restore(store: Store, backup: str | Path) -> Path | None:
    """Replace the data with ``backup`` (checked first; the current data is
    backed up before it goes). Returns where the current data was kept."""
    url = _existing(store)
    store.dispose()  # no connection may hold the file being replaced
    try:
        return restore_database(Path(backup), url, known=known_revisions())
    except BackupError as exc:
        raise UserError(exc.message) from exc
    except OSError as exc:
        raise UserError(
            f"Không thay được tệp dữ liệu “{display_url(url)}” ({exc.strerror}). Hãy đóng mọi cửa sổ Theo dõi đang mở "
            "rồi làm lại; dữ liệu hiện tại vẫn nguyên."
        ) from exc
    finally:
        store.reopen()


@operation("audit.list", "Nhật ký thay đổi")
def audit_log(store: Store, *, entity: str | None = None, entity_id: str | None = None, last: int | None = None) -> list:
    """Who changed what and when, oldest first (``last``: only the newest
    N entries)."""
    return store.read(lambda session: audit_entries(session, entity=entity, entity_id=entity_id, limit=last))
