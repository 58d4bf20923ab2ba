"""The database itself: moving an office's data between a SQLite file and
a PostgreSQL server, and checking this PC."""

from __future__ import annotations

from dataclasses import dataclass

from db.copy import copy_office_data
from db.engine import resolve_url
from desktop.operations.registry import Progress, Store, no_progress, operation


@dataclass
class Copied:
    source: str
    target: str
    tables: list  # db.copy's per-table counts and hashes
    attachment_files: int

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


@operation("db.copy", "Chép dữ liệu sang cơ sở dữ liệu khác")
def copy(store: Store, target: str, *, progress: Progress = no_progress) -> Copied:
    """Copy every table of this database into ``target`` (a new SQLite file
    or an empty PostgreSQL database), counted and hashed on both sides
    before the target commits; the attachment files go along."""
    target = resolve_url(target)
    tables = copy_office_data(store.url, target, progress=progress)
    return Copied(store.url, target, tables, _copy_attachments(store.url, target))


def _copy_attachments(source: str, target: str) -> int:
    """The attachment files go with the rows that name them (the store is
    content-addressed: a file already there is the same file)."""
    from desktop.io.attachments import store_dir_for, store_file

    src, dst = store_dir_for(source), store_dir_for(target)
    if src == dst or not src.is_dir():
        return 0
    missing = [p for p in src.glob("*/*") if p.is_file() and not (dst / p.relative_to(src)).exists()]
    for path in missing:
        store_file(path, dst)
    return len(missing)


@operation("doctor", "Kiểm tra máy")
def doctor(store: Store, *, printers=None) -> list:
    """Each check of this PC (data folder, database, backups, fonts,
    printers, token modules, a test signature), OK or with what to do."""
    from desktop.io.doctor import run_checks

    return run_checks(store.url, printers=printers or (lambda: []))
