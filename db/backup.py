"""Backups: of the SQLite file with SQLite's online backup API, of a
PostgreSQL database with pg_dump (``db.pg_backup``). Taken at the first
start of each day, before every migration and every restore, or on demand;
kept by rotation (7 daily, 4 weekly, 12 monthly); restored only after the
copy has been checked, with the current database kept aside.

The ``*_database`` functions take a database URL and pick the way for its
back end; the others work on a SQLite file."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from db import pg_backup
from db.engine import data_dir, sqlite_path
from db.errors import StoreError
from db.files import StagedFile

PREFIX = "theodoi"
AUTOMATIC = ("hang-ngay", "truoc-nang-cap", "truoc-khoi-phuc")  # daily, before upgrade, before restore
_NAME = re.compile(rf"^{PREFIX}-(\d{{8}}-\d{{6}})-([a-z0-9-]+)\.(sqlite3|dump)$")
SUFFIXES = (".sqlite3", pg_backup.SUFFIX)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12


class BackupError(StoreError):
    """A backup could not be made or used."""


def backups_dir() -> Path:
    return data_dir() / "backups"


def backups_dir_for(url: str) -> Path:
    """Where this database's backups go: the backups folder for the SQLite
    file; a folder of its own per server database, so that rotation, the
    once-a-day rule and the restore list never mix two databases."""
    if sqlite_path(url) is not None:
        return backups_dir()
    u = make_url(url)
    tag = re.sub(r"[^a-z0-9]+", "-", f"{u.host or 'localhost'}-{u.port or 5432}-{u.database}".lower()).strip("-")
    return backups_dir() / f"postgresql-{tag}"


def private(path: Path, mode: int = 0o600) -> None:
    """Readable by the user only (where the file system has modes)."""
    try:
        os.chmod(path, mode)
    except OSError:
        pass


def copy_sqlite_file(source: Path, target: Path) -> Path:
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


def _new_backup_path(folder: Path, reason: str, now: datetime | None, suffix: str) -> Path:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Không tạo được thư mục sao lưu “{folder}” ({exc.strerror}).") from exc
    private(folder, 0o700)
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{PREFIX}-{stamp}-{reason}{suffix}"
    n = 2
    while target.exists():
        target = folder / f"{PREFIX}-{stamp}-{reason}-{n}{suffix}"
        n += 1
    return target


def create_backup(db_path: Path, folder: Path | None = None, *, reason: str = "thu-cong", now: datetime | None = None) -> Path:
    """Back up the database file into ``folder`` (default: the backups folder
    of the user data directory); returns the new file."""
    folder = folder or backups_dir()
    target = _new_backup_path(folder, reason, now, ".sqlite3")
    try:
        return copy_sqlite_file(db_path, target)
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
    """What a backup holds, and whether it is a sound Theo dõi database
    (for a PostgreSQL dump: whether pg_restore can read it and it holds
    Theo dõi's tables; the counts are not known without restoring it)."""
    m = _NAME.match(path.name)
    created = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S") if m else datetime.fromtimestamp(path.stat().st_mtime)
    info = BackupInfo(path, created, m.group(2) if m else "", path.stat().st_size, ok=False)
    if path.suffix == pg_backup.SUFFIX:
        return _inspect_dump(info)
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


def _inspect_dump(info: BackupInfo) -> BackupInfo:
    try:
        contents = pg_backup.check(info.path)
    except StoreError as exc:
        info.problem = exc.message
        return info
    info.schema = pg_backup.schema_of(info.path)
    if info.schema is None or not any(" TABLE DATA public organization " in line for line in contents):
        info.problem = "không phải bản sao lưu của Theo dõi"
        return info
    info.ok = True
    return info


def _backup_files(folder: Path, kind: str | None = None) -> list[Path]:
    suffixes = SUFFIXES if kind is None else (kind,)
    return [p for p in folder.glob(f"{PREFIX}-*") if p.suffix in suffixes and p.is_file()]


def list_backups(folder: Path | None = None, *, kind: str | None = None) -> list[BackupInfo]:
    """Backups in ``folder``, newest first; ``kind`` ".sqlite3" or ".dump"
    keeps only those of one back end."""
    folder = folder or backups_dir()
    if not folder.is_dir():
        return []
    found = [inspect_backup(p) for p in _backup_files(folder, kind)]
    return sorted(found, key=lambda b: b.created, reverse=True)


def newest_good_backup(folder: Path | None = None) -> BackupInfo | None:
    return next((b for b in list_backups(folder, kind=".sqlite3") if b.ok), None)


def rotate(folder: Path | None = None, *, today: date | None = None) -> list[Path]:
    """Delete automatic backups beyond the newest of each of the last 7
    days, 4 weeks and 12 months (manual backups are kept). Returns the
    deleted files."""
    folder = folder or backups_dir()
    automatic = []
    for p in _backup_files(folder):
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
    return _once_a_day(folder, now, ".sqlite3", lambda f, at: create_backup(db_path, f, reason="hang-ngay", now=at))


def _once_a_day(folder: Path | None, now: datetime | None, suffix: str, make) -> Path | None:
    folder = folder or backups_dir()
    now = now or datetime.now()
    if folder.is_dir() and any(folder.glob(f"{PREFIX}-{now:%Y%m%d}-*-hang-ngay*{suffix}")):
        return None
    made = make(folder, now)
    rotate(folder, today=now.date())
    return made


def _usable(backup: Path, known: set[str] | None) -> BackupInfo:
    """``backup`` checked before anything is replaced by it; raises
    ``BackupError`` saying why not."""
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
    return info


def restore_backup(backup: Path, db_path: Path, folder: Path | None = None, *, known: set[str] | None = None,
                   keep_damaged: bool = False) -> Path | None:
    """Replace the database with ``backup`` after checking it; the current
    database is backed up first (or, when it is damaged and cannot be read,
    renamed to ``<name>.hong`` with ``keep_damaged``). No connection to ``db_path``
    may be open. Returns where the replaced database was kept."""
    _usable(backup, known)
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


# --- any back end, by URL -------------------------------------------------------


def backup_kind(url: str) -> str:
    """The file suffix of this database's backups."""
    return ".sqlite3" if sqlite_path(url) is not None else pg_backup.SUFFIX


def backup_database(url: str, folder: Path | None = None, *, reason: str = "thu-cong",
                    now: datetime | None = None) -> Path:
    """A backup of the database at ``url`` (a SQLite file, or PostgreSQL
    through pg_dump) in ``folder``; returns the new file. Raises
    ``BackupError`` saying plainly when pg_dump is not on this PC."""
    path = sqlite_path(url)
    if path is not None:
        return create_backup(path, folder, reason=reason, now=now)
    for _ in range(5):  # another window may take the same name in the same second
        target = _new_backup_path(folder or backups_dir_for(url), reason, now, pg_backup.SUFFIX)
        try:
            return pg_backup.dump(url, target)
        except FileExistsError:
            continue
        except StoreError as exc:
            raise BackupError(exc.message) from exc
        except OSError as exc:
            raise BackupError(f"Không ghi được bản sao lưu vào “{target.parent}” ({exc.strerror}); "
                              "dữ liệu trên máy chủ không bị ảnh hưởng.") from exc
    raise BackupError(f"Không tìm được tên trống cho bản sao lưu trong “{target.parent}”.")


def daily_backup_of(url: str, folder: Path | None = None, *, now: datetime | None = None) -> Path | None:
    """``daily_backup`` for any back end. On a server without pg_dump on
    this PC nothing is done: ``theodoi doctor`` and ``backup create`` say
    so, rather than a warning at every start."""
    path = sqlite_path(url)
    if path is not None:
        return daily_backup(path, folder, now=now)
    if pg_backup.find_tool("pg_dump") is None:
        return None
    folder = folder or backups_dir_for(url)
    now = now or datetime.now()
    # A pg_dump that fails (older than the server, say) is told once a day,
    # not at every start.
    failed = folder / f".{PREFIX}-{now:%Y%m%d}-hang-ngay-loi"
    if failed.exists():
        return None
    try:
        return _once_a_day(folder, now, pg_backup.SUFFIX, lambda f, at: backup_database(url, f, reason="hang-ngay", now=at))
    except BackupError:
        try:
            failed.touch()
        except OSError:
            pass
        raise


def restore_database(backup: Path, url: str, folder: Path | None = None, *, known: set[str] | None = None) -> Path | None:
    """Replace the data at ``url`` with ``backup`` (of the same back end),
    after backing up what is there; returns where that was kept."""
    path = sqlite_path(url)
    if path is not None:
        if backup.suffix == pg_backup.SUFFIX:
            raise BackupError(f"“{backup.name}” là bản sao lưu PostgreSQL; không khôi phục được vào tệp SQLite. "
                              "Hãy dùng theodoi db copy để chuyển dữ liệu giữa hai loại.")
        return restore_backup(backup, path, folder, known=known)
    if backup.suffix != pg_backup.SUFFIX:
        raise BackupError(f"“{backup.name}” là bản sao lưu SQLite; không khôi phục được vào máy chủ PostgreSQL. "
                          "Hãy dùng theodoi db copy để chuyển dữ liệu giữa hai loại.")
    _usable(backup, known)
    kept = backup_database(url, folder, reason="truoc-khoi-phuc")
    try:
        pg_backup.restore(backup, url)
    except StoreError as exc:
        raise BackupError(f"{exc.message}. Dữ liệu trên máy chủ vẫn như trước khi khôi phục.") from exc
    return kept
