"""Backups of the SQLite file with SQLite's online backup API: taken at the
first start of each day, before every migration and every restore, or on
demand; kept by rotation (7 daily, 4 weekly, 12 monthly); restored only
after the file has been checked, with the current database kept aside."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from db.engine import data_dir
from db.errors import StoreError
from db.files import StagedFile

PREFIX = "theodoi"
AUTOMATIC = ("hang-ngay", "truoc-nang-cap", "truoc-khoi-phuc")  # daily, before upgrade, before restore
_NAME = re.compile(rf"^{PREFIX}-(\d{{8}}-\d{{6}})-([a-z0-9-]+)\.sqlite3$")
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class BackupError(StoreError):
    """A backup could not be made or used."""


def backups_dir() -> Path:
    return data_dir() / "backups"


def private(path: Path, mode: int = 0o600) -> None:
    """Readable by the user only (where the file system has modes)."""
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def copy_database(source: Path, target: Path) -> Path:
    """A consistent copy of ``source`` at ``target`` (temporary file, then
    rename), checked with integrity_check before it is put in place."""
    staged = StagedFile(target, overwrite=False)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(staged.path)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a self-contained file, no -wal beside it
            if dst.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError(f"Bản sao của “{source}” không toàn vẹn; cơ sở dữ liệu gốc có thể đã hỏng.")
        finally:
            dst.close()
            src.close()
        private(staged.path)
        return staged.publish()
    except sqlite3.Error as exc:
        staged.discard()
        raise BackupError(f"Không sao lưu được “{source}”: {exc}.") from exc
    except BaseException:
        staged.discard()
        raise


def create_backup(db_path: Path, folder: Path | None = None, *, reason: str = "thu-cong", now: datetime | None = None) -> Path:
    """Back up the database file into ``folder`` (default: the backups folder
    of the user data directory); returns the new file."""
    folder = folder or backups_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu “{folder}” ({exc.strerror}).") from exc
    private(folder, 0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}-{stamp}-{reason}.sqlite3"
    n = 2
    while target.exists():
        target = folder / f"{PREFIX}-{stamp}-{reason}-{n}.sqlite3"
        n += 1
    try:
        return copy_database(db_path, target)
    except OSError as exc:
        raise BackupError(
            f"Không ghi được bản sao lưu vào “{folder}” ({exc.strerror}). Ổ đĩa có thể đã đầy hoặc đã rút ra; "
            "dữ liệu hiện tại không bị ảnh hưởng."
        ) from exc


@dataclass
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int
    ok: bool
    schema: str | None = None
    units: int | None = None
    submissions: int | None = None
    problem: str | None = None


def inspect_backup(path: Path) -> BackupInfo:
    """What a backup holds, and whether it is a sound Theo dõi database."""
    m = _NAME.match(path.name)
    created = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S") if m else datetime.fromtimestamp(path.stat().st_mtime)
    info = BackupInfo(path, created, m.group(2) if m else "", path.stat().st_size, ok=False)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                info.problem = "tệp bị hỏng (integrity_check không đạt)"
                return info
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not {"alembic_version", "organization", "submission"} <= tables:
                info.problem = "không phải cơ sở dữ liệu của Theo dõi"
                return info
            info.schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            info.units = conn.execute("SELECT count(*) FROM organization WHERE kind != 'office'").fetchone()[0]
            info.submissions = conn.execute("SELECT count(*) FROM submission").fetchone()[0]
            info.ok = True
        finally:
            conn.close()
    except sqlite3.Error as exc:
        info.problem = f"không đọc được như cơ sở dữ liệu SQLite ({exc})"
    return info


def list_backups(folder: Path | None = None) -> list[BackupInfo]:
    """Backups in ``folder``, newest first."""
    folder = folder or backups_dir()
    if not folder.is_dir():
        return []
    found = [inspect_backup(p) for p in folder.glob(f"{PREFIX}-*.sqlite3") if p.is_file()]
    return sorted(found, key=lambda b: b.created, reverse=True)


def newest_good_backup(folder: Path | None = None) -> BackupInfo | None:
    return next((b for b in list_backups(folder) if b.ok), None)


def rotate(folder: Path | None = None, *, today: date | None = None) -> list[Path]:
    """Delete automatic backups beyond the newest of each of the last 7
    days, 4 weeks and 12 months (manual backups are kept). Returns the
    deleted files."""
    folder = folder or backups_dir()
    automatic = []
    for p in folder.glob(f"{PREFIX}-*.sqlite3"):
        m = _NAME.match(p.name)
        if m and m.group(2).startswith(AUTOMATIC):
            automatic.append((datetime.strptime(m.group(1), "%Y%m%d-%H%M%S"), p))
    automatic.sort(reverse=True)
    keep: set[Path] = set()
    for key, limit in ((lambda d: d.date(), KEEP_DAILY), (lambda d: d.isocalendar()[:2], KEEP_WEEKLY),
                       (lambda d: (d.year, d.month), KEEP_MONTHLY)):
        seen = []
        for created, p in automatic:
            k = key(created)
            if k not in seen:
                seen.append(k)
                if len(seen) > limit:
                    break
                keep.add(p)
    deleted = []
    for _created, p in automatic:
        if p not in keep:
            try:
                p.unlink()
                deleted.append(p)
            except OSError:
                pass
    return deleted


def daily_backup(db_path: Path, folder: Path | None = None, *, now: datetime | None = None) -> Path | None:
    """The first start of a day backs the database up and rotates; later
    starts that day do nothing. Returns the new backup, if any."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = folder or backups_dir()
    now = now or datetime.now()
    if folder.is_dir() and any(folder.glob(f"{PREFIX}-{now:%Y%m%d}-*-hang-ngay*.sqlite3")):
        return None
    made = create_backup(db_path, folder, reason="hang-ngay", now=now)
    rotate(folder, today=now.date())
    return made


def restore_backup(backup: Path, db_path: Path, folder: Path | None = None, *, known: set[str] | None = None,
                   keep_damaged: bool = False) -> Path | None:
    """Replace the database with ``backup`` after checking it; the current
    database is backed up first (or, when it is damaged and cannot be read,
    renamed to ``<name>.hong`` with ``keep_damaged``). No connection to ``db_path``
    may be open. Returns where the replaced database was kept."""
    info = inspect_backup(backup) if backup.is_file() else None
    if info is None:
        raise BackupError(f"Không tìm thấy tệp sao lưu “{backup}”.")
    if not info.ok:
        raise BackupError(f"Không khôi phục từ “{backup.name}”: {info.problem}. Hãy chọn bản sao lưu khác.")
    if known is not None and info.schema not in known:
        raise BackupError(
            f"Bản sao lưu “{backup.name}” do một phiên bản Theo dõi mới hơn tạo ra (lược đồ {info.schema}); "
            "hãy cài phiên bản mới nhất rồi khôi phục."
        )
    kept = None
    if db_path.exists() and keep_damaged:
        kept = db_path.with_name(db_path.name + ".hong")
        for suffix in ("", "-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.replace(kept.with_name(kept.name + suffix))
    elif db_path.exists():
        conn = sqlite3.connect(db_path)
        try:
            # Everything of the old database goes into its file, so no stale
            # -wal is left to be replayed onto the restored one.
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass
        finally:
            conn.close()
        kept = create_backup(db_path, folder, reason="truoc-khoi-phuc")
    staged = StagedFile(db_path)
    try:
        src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        dst = sqlite3.connect(staged.path)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        private(staged.path)
        for suffix in ("-wal", "-shm"):
            side = db_path.with_name(db_path.name + suffix)
            if side.exists():
                side.unlink()
        staged.publish()
    except BaseException:
        staged.discard()
        raise
    return kept
