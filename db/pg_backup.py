"""Backups of a PostgreSQL database with the server's own tools: ``pg_dump``
in the custom format (compressed, restorable table by table with
``pg_restore``), written to a temporary file and renamed, then read back
with ``pg_restore --list`` before it counts as a backup."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from db.errors import StoreError
from db.files import StagedFile

SUFFIX = ".dump"
TIMEOUT_S = 3600
ENV_BIN = "THEODOI_PG_BIN"  # a folder holding pg_dump and pg_restore


class PgToolMissing(StoreError):
    """pg_dump or pg_restore is not on this PC."""


def find_tool(name: str) -> Path | None:
    """``name`` (pg_dump, pg_restore) from ``THEODOI_PG_BIN``, the PATH, or
    where PostgreSQL's installers put it; the newest version wins, since a
    newer pg_dump reads an older server but not the other way round."""
    exe = name + (".exe" if os.name == "nt" else "")
    if os.environ.get(ENV_BIN):
        candidate = Path(os.environ[ENV_BIN]) / exe
        return candidate if candidate.is_file() else None
    patterns = ["/usr/lib/postgresql/*/bin", "/usr/pgsql-*/bin", "/opt/homebrew/opt/postgresql*/bin",
                r"C:\Program Files\PostgreSQL\*\bin"]
    folders = sorted((f for p in patterns for f in glob.glob(p)), key=_version_of, reverse=True)
    for folder in folders:
        if (Path(folder) / exe).is_file():
            return Path(folder) / exe
    found = shutil.which(name)
    return Path(found) if found else None


def _version_of(folder: str) -> tuple[int, ...]:
    digits = "".join(c if c.isdigit() else " " for c in folder).split()
    return tuple(int(d) for d in digits) or (0,)


def require_tool(name: str) -> Path:
    tool = find_tool(name)
    if tool is None:
        raise PgToolMissing(
            f"Máy này chưa có công cụ {name} của PostgreSQL nên chưa sao lưu/khôi phục được cơ sở dữ liệu trên máy chủ "
            "(dữ liệu trên máy chủ không bị ảnh hưởng). Hãy cài gói “PostgreSQL client” (trên Debian/Ubuntu: "
            f"apt-get install postgresql-client; trên Windows: bộ cài PostgreSQL, mục Command Line Tools), hoặc đặt "
            f"biến {ENV_BIN} là thư mục chứa {name}; cũng có thể nhờ người quản trị máy chủ sao lưu."
        )
    return tool


def libpq_env(url: str) -> dict[str, str]:
    """The connection as libpq's environment variables: the password never
    appears on a command line another user could read."""
    u = make_url(url)
    env = dict(os.environ)  # PGSSLROOTCERT and the like still apply
    for var, value in (("PGHOST", u.host), ("PGPORT", u.port), ("PGUSER", u.username), ("PGPASSWORD", u.password),
                       ("PGDATABASE", u.database), ("PGSSLMODE", u.query.get("sslmode"))):
        if value:
            env[var] = str(value)
    env["PGCONNECT_TIMEOUT"] = "10"
    env["PGAPPNAME"] = "Theo doi (sao luu)"
    return env


def _run(args: list[str], url: str | None, what: str) -> subprocess.CompletedProcess:
    """Run a PostgreSQL tool (connected to ``url`` when given); raises
    ``StoreError`` beginning with ``what`` when it fails."""
    try:
        done = subprocess.run(args, env=libpq_env(url) if url else None, capture_output=True, text=True,
                              errors="replace", timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise StoreError(f"{what} quá {TIMEOUT_S // 60} phút nên đã dừng; dữ liệu trên máy chủ không bị ảnh hưởng.") from exc
    except OSError as exc:
        raise StoreError(f"Không chạy được {Path(args[0]).name} ({exc.strerror}).") from exc
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()
        reason = detail[-1] if detail else f"mã lỗi {done.returncode}"
        if "server version mismatch" in (done.stderr or ""):
            reason = ("pg_dump trên máy này cũ hơn máy chủ; hãy cài pg_dump cùng phiên bản hoặc mới hơn máy chủ "
                      f"({reason})")
        raise StoreError(f"{what} không thành công: {reason}")
    return done


def dump(url: str, target: Path) -> Path:
    """``pg_dump --format=custom`` of the database at ``url`` into
    ``target`` (never overwritten), checked by reading its table of
    contents back."""
    tool = require_tool("pg_dump")
    staged = StagedFile(target, overwrite=False)
    try:
        _run([str(tool), "--format=custom", "--no-owner", "--no-privileges", f"--file={staged.path}"], url,
             "Sao lưu bằng pg_dump")
        check(staged.path)
        try:
            os.chmod(staged.path, 0o600)
        except OSError:
            pass
        return staged.publish()
    except BaseException:
        staged.discard()
        raise


def check(path: Path) -> list[str]:
    """The table of contents of a custom-format dump; raises ``StoreError``
    when pg_restore cannot read it (truncated, damaged, not a dump)."""
    done = _run([str(require_tool("pg_restore")), "--list", str(path)], None,
                f"Đọc bản sao lưu “{path.name}” (có thể tệp bị hỏng hoặc không phải bản sao lưu PostgreSQL)")
    return [line for line in done.stdout.splitlines() if line and not line.startswith(";")]


def schema_of(path: Path) -> str | None:
    """The Theo dõi schema revision a dump holds (its alembic_version row),
    read without restoring it; None when it cannot be told."""
    try:
        done = _run([str(require_tool("pg_restore")), "--data-only", "--table=alembic_version", "--file=-", str(path)],
                    None, "Đọc phiên bản lược đồ")
    except StoreError:
        return None
    lines = done.stdout.splitlines()
    for i, line in enumerate(lines):
        if line.startswith("COPY ") and "alembic_version" in line and i + 1 < len(lines):
            value = lines[i + 1].strip()
            return None if value == "\\." else value
    return None


def restore(path: Path, url: str) -> None:
    """Replace the database's contents with the dump, in one transaction:
    on any error the server keeps what it had."""
    tool = require_tool("pg_restore")
    _run([str(tool), "--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges",
          "--exit-on-error", f"--dbname={make_url(url).database}", str(path)], url, "Khôi phục bằng pg_restore")
