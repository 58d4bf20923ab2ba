"""Crash trials (make crash-test; not part of make test): run a unit import,
a report export, a backup and a package import in a subprocess, kill it with SIGKILL at a random
moment, and check that the database passes integrity_check, holds all or
nothing of the interrupted work, and that no half-written file is left under
its final name. Prints the figures and exits 1 on any failure.

Usage: python scripts/crash_test.py [TRIALS_PER_OPERATION] (default 30: 120 trials)."""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NEW_UNITS = 3000


def prepare(base: Path, work: Path) -> Path:
    import openpyxl

    from db.engine import resolve_url
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.submissions import record_submission
    from desktop.core.units import UnitRow, import_units, member_units

    engine = open_database(resolve_url(base), backup_dir=work)
    with unit_of_work(engine, actor="crash") as s:
        init_office(s, "Liên đoàn Lao động huyện Tam Đường", parent_name="LĐLĐ tỉnh Lai Châu", place="Tam Đường", symbol="LĐLĐ")
        import_units(s, [UnitRow(i, {"code": f"B{i:04d}", "name": f"Công đoàn cơ sở số {i}"}) for i in range(800)])
        d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
        r = add_requirement(s, d, title="Báo cáo kết quả", due=date(2022, 3, 31), indicators=[Indicator("sessions", "Số buổi")])
        for u in member_units(s)[::2]:
            record_submission(s, u, r, received_on=date(2022, 3, 25), values={"sessions": 2}, today=date(2022, 12, 31))
    engine.dispose()
    book = work / "don-vi-moi.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Mã", "Tên đơn vị", "Khối", "Số đoàn viên"])
    for i in range(NEW_UNITS):
        wb.active.append([f"N{i:05d}", f"Công đoàn cơ sở mới số {i}", "Khối doanh nghiệp", 30 + i % 50])
    wb.save(book)
    return book


PACKAGES = 12
PASS = b"mat-khau-crash"


def prepare_packages(work: Path) -> list[Path]:
    """Signed packages from member offices of the base office (named as its
    units), for the package import trials."""
    from sqlmodel import select

    from db.engine import resolve_url
    from db.migrate import open_database
    from db.models import Organization, OrgKind
    from db.session import unit_of_work
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.submissions import record_submission
    from desktop.core.units import UnitRow, import_units, member_units
    from desktop.io.package.exchange import export_package
    from desktop.io.reporting import make_report
    from desktop.io.signing import Pkcs12Key, create_office_key

    lower = open_database(resolve_url(work / "cap-duoi.sqlite3"), backup_dir=work)
    with unit_of_work(lower, actor="crash") as s:
        init_office(s, "x", parent_name="Liên đoàn Lao động huyện Tam Đường", symbol="CĐ")
        import_units(s, [UnitRow(i, {"name": f"Tổ công đoàn số {i}"}) for i in range(30)])
        d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
        r = add_requirement(s, d, title="Báo cáo", due=date(2022, 3, 31), indicators=[Indicator("sessions", "Số buổi")])
        for u in member_units(s):
            record_submission(s, u, r, received_on=date(2022, 3, 20), values={"sessions": 1}, today=date(2022, 12, 31))
        directive_id = d.id
    packages = []
    for i in range(1, 2 * PACKAGES, 2):  # units the base office has no submission from
        name = f"Công đoàn cơ sở số {i}"
        with unit_of_work(lower, actor="crash") as s:
            s.exec(select(Organization).where(Organization.kind == OrgKind.OFFICE)).one().name = name
        made = make_report(lower, directive_id=directive_id, as_of=date(2022, 4, 15), issued_on=date(2022, 4, 20),
                           out_dir=work / "bc" / str(i))
        key = work / "keys" / f"{i}.p12"
        create_office_key(name, key, PASS)
        packages.append(export_package(lower, made.report_id, Pkcs12Key(key, PASS), work / "goi")[0])
    lower.dispose()
    return packages


def check_packages(db: Path, base_units: int, out: Path) -> str | None:
    taken = count(db, "SELECT count(*) FROM received_package")
    pins = count(db, "SELECT count(*) FROM trusted_certificate")
    recorded = count(db, "SELECT count(*) FROM submission WHERE doc_number LIKE '%/BC-CĐ'")
    if not taken == pins == recorded:
        return f"half a package import: {taken} packages, {pins} pins, {recorded} submissions"
    for stored in (db.parent / "packages").glob("*.zip"):
        if not zipfile.is_zipfile(stored):
            return f"half-written stored package {stored.name}"
    return None


def fresh_copy(base: Path, target: Path) -> None:
    src, dst = sqlite3.connect(base), sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()


def integrity(db: Path) -> bool:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def count(db: Path, sql: str) -> int:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql).fetchone()[0]
    finally:
        conn.close()


def pdf_complete(path: Path) -> bool:
    data = path.read_bytes()
    ok = data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    if ok and shutil.which("qpdf"):
        ok = subprocess.run(["qpdf", "--check", str(path)], capture_output=True).returncode == 0
    return ok


def xlsx_complete(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None
    except zipfile.BadZipFile:
        return False


def check_import(db: Path, base_units: int, _out: Path) -> str | None:
    units = count(db, "SELECT count(*) FROM organization WHERE kind != 'office'")
    if units not in (base_units, base_units + NEW_UNITS):
        return f"half an import: {units} units"
    return None


def check_report(db: Path, _base_units: int, out: Path) -> str | None:
    from db.engine import resolve_url
    from db.migrate import open_database
    from desktop.io.pending import settle_pending

    engine = open_database(resolve_url(db))
    try:
        settle_pending(engine, min_age=timedelta(0))
    finally:
        engine.dispose()
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("SELECT number, files, state FROM outgoing_document").fetchall()
    finally:
        conn.close()
    if len(rows) > 1 or any(state != "issued" for _n, _f, state in rows):
        return f"register left as {rows}"
    import json

    expected = set(json.loads(rows[0][1])) if rows else set()
    present = {p.name for p in out.glob("*") if p.suffix in (".pdf", ".xlsx")} if out.exists() else set()
    if present != expected:
        return f"files {sorted(present)} but register says {sorted(expected)}"
    for name in present:
        path = out / name
        if not (pdf_complete(path) if path.suffix == ".pdf" else xlsx_complete(path)):
            return f"half-written file under its final name: {name}"
    return None


def check_backup(db: Path, base_units: int, out: Path) -> str | None:
    if count(db, "SELECT count(*) FROM organization WHERE kind != 'office'") != base_units:
        return "the backup changed the database"
    finals = list(out.glob("*.sqlite3")) if out.exists() else []
    if len(finals) > 1:
        return f"{len(finals)} backups from one run"
    for f in finals:
        if not integrity(f):
            return f"half-written backup under its final name: {f.name}"
    return None


def main() -> int:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    theodoi = Path(sys.executable).with_name("theodoi")
    rng = random.Random(int(os.environ.get("CRASH_SEED", "20261124")))
    with tempfile.TemporaryDirectory(prefix="theodoi-crash-") as tmp:
        work = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(work / "data")
        base = work / "base.sqlite3"
        book = prepare(base, work)
        packages = prepare_packages(work)
        base_units = count(base, "SELECT count(*) FROM organization WHERE kind != 'office'")
        operations = {
            "import": (lambda db, out: ["units", "import", str(book), "--db", str(db)], check_import),
            "report": (lambda db, out: ["report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "2022-04-30",
                                        "--date", "2022-05-05", "--out", str(out), "--db", str(db)], check_report),
            "backup": (lambda db, out: ["backup", "create", "--to", str(out), "--db", str(db)], check_backup),
            "package import": (lambda db, out: ["package", "import", *map(str, packages), "--trust-new", "--db", str(db)],
                               check_packages),
        }
        env = {**os.environ, "XDG_DATA_HOME": str(work / "data")}
        failures, total, killed = [], 0, 0
        for name, (args, check) in operations.items():
            # How long the whole run takes, to spread the kills over it.
            db, out = work / f"{name}-cal.sqlite3", work / f"{name}-cal-out"
            fresh_copy(base, db)
            t0 = time.monotonic()
            subprocess.run([str(theodoi), *args(db, out)], env=env, capture_output=True, check=True)
            span = time.monotonic() - t0
            for trial in range(trials):
                db, out = work / f"{name}-{trial}.sqlite3", work / f"{name}-{trial}-out"
                fresh_copy(base, db)
                proc = subprocess.Popen([str(theodoi), *args(db, out)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                time.sleep(rng.uniform(0.2, 1.05) * span)
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
                    killed += 1
                proc.wait()
                total += 1
                problem = None if integrity(db) else "integrity_check failed"
                problem = problem or check(db, base_units, out)
                if problem:
                    failures.append(f"{name} #{trial}: {problem}")
                for p in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
                    p.unlink(missing_ok=True)
                shutil.rmtree(out, ignore_errors=True)
            print(f"{name}: {trials} trials over {span:.2f} s runs", flush=True)
        print(f"crash trials: {total}, killed mid-run: {killed}, failures: {len(failures)}")
        for f in failures:
            print("  " + f)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
