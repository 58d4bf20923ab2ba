"""Benchmark (not a test): a 100,000-row unit list (.xlsx) taken in through
the ``units.import`` operation, then taken in again (every row matches, no
change), beside the bare libraries doing the same work in the same run:
python-calamine reading the file, and one executemany of the same rows and
their audit rows (``COPY`` on PostgreSQL). Each job runs in a fresh
process, so its peak memory is its own. Run with `make bench`
(PostgreSQL too when THEODOI_BENCH_PG or THEODOI_TEST_PG names a server)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import header, line, peak_rss_mb, pg_server, run_job, server_db  # noqa: E402

ROWS = 100_000
SECTORS = ["Hành chính sự nghiệp", "Doanh nghiệp nhà nước", "Doanh nghiệp ngoài nhà nước", "Doanh nghiệp FDI"]


def make_book(path: Path, rows: int) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["STT", "Mã", "Tên đơn vị", "Khối", "Chủ tịch", "Điện thoại", "Số đoàn viên", "Nữ"])
    for i in range(rows):
        ws.append([i + 1, f"U{i:06d}", f"Công đoàn cơ sở Công ty số {i} Tam Đường", SECTORS[i % 4], "Nguyễn Văn An",
                   f"09{i:08d}", 50 + i % 300, 20 + i % 30])
    wb.save(path)


def job_theodoi(url: str, book: str) -> dict:
    from db.migrate import open_database
    from desktop.operations.registry import Store
    from desktop.operations.units import import_list

    store = Store(open_database(url), url, "bench")
    t0 = time.perf_counter()
    done = import_list(store, book)
    elapsed = time.perf_counter() - t0
    store.dispose()
    return {"seconds": elapsed, "created": done.result.created, "unchanged": done.result.unchanged,
            "rss": peak_rss_mb()}


def _bare_rows(book: str) -> list[list]:
    from python_calamine import CalamineWorkbook

    return CalamineWorkbook.from_path(book).get_sheet_by_index(0).to_python()


def job_bare_read(book: str) -> dict:
    t0 = time.perf_counter()
    rows = _bare_rows(book)
    return {"seconds": time.perf_counter() - t0, "rows": len(rows) - 1, "rss": peak_rss_mb()}


def job_bare_write(url: str, book: str) -> dict:
    """The same rows and an audit row each, by one executemany (COPY on
    PostgreSQL), into the same schema."""
    from datetime import datetime, timezone

    from db.migrate import open_database

    engine = open_database(url)
    rows = _bare_rows(book)[1:]
    cols = ["code", "name", "name_key", "sort_key", "kind", "sector", "chair", "phone", "members", "female_members",
            "carry_over", "created_at", "updated_at"]
    audit_cols = ["at", "actor", "action", "entity", "entity_id", "before", "after"]
    pg = engine.dialect.name == "postgresql"
    raw = engine.raw_connection()
    t0 = time.perf_counter()
    now = datetime.now(timezone.utc)
    stamp = now if pg else now.replace(tzinfo=None).isoformat(sep=" ")
    cur = raw.cursor()
    if pg:
        cur.execute("SELECT nextval(pg_get_serial_sequence('organization', 'id')) FROM generate_series(1, %s)", (len(rows),))
        ids = [r[0] for r in cur.fetchall()]
    else:
        cur.execute("BEGIN IMMEDIATE")
        top = cur.execute("SELECT max(id) FROM organization").fetchone()[0] or 0
        ids = list(range(top + 1, top + 1 + len(rows)))
    units, audits = [], []
    for i, r in zip(ids, rows):
        values = [r[1], r[2], r[2], r[2], "grassroots", r[3], r[4], str(r[5]), int(r[6]), int(r[7]), False, stamp, stamp]
        units.append([i, *values])
        after = dict(zip(cols, values), id=i, created_at=now.isoformat(), updated_at=now.isoformat())
        audits.append([stamp, "bench", "create", "organization", str(i), None, json.dumps(after)])
    names = ", ".join(["id", *cols])
    if pg:
        with cur.copy(f"COPY organization ({names}) FROM STDIN") as copy:
            for u in units:
                copy.write_row(u)
        with cur.copy(f"COPY audit_log ({', '.join(audit_cols)}) FROM STDIN") as copy:
            for a in audits:
                copy.write_row(a)
    else:
        cur.executemany(f"INSERT INTO organization ({names}) VALUES ({', '.join('?' * len(units[0]))})", units)
        cur.executemany(f"INSERT INTO audit_log ({', '.join(audit_cols)}) VALUES (?, ?, ?, ?, ?, ?, ?)", audits)
    raw.commit() if pg else cur.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    raw.close()
    engine.dispose()
    return {"seconds": elapsed}


def measure(url: str, book: Path, fresh_url) -> dict:
    ours = run_job(Path(__file__), "theodoi", url, str(book))
    again = run_job(Path(__file__), "theodoi", url, str(book))
    assert ours["created"] == ROWS and again["unchanged"] == ROWS, (ours, again)
    bare_url, drop = fresh_url()
    try:
        write = run_job(Path(__file__), "bare-write", bare_url, str(book))
    finally:
        drop()
    return {"ours": ours, "again": again, "write": write}


def main() -> None:
    global ROWS
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--job", nargs="+")
    parser.add_argument("--pg", default=pg_server())
    parser.add_argument("--rows", type=int, default=ROWS)
    args = parser.parse_args()
    ROWS = args.rows
    if args.job:
        kind, *rest = args.job
        out = {"theodoi": job_theodoi, "bare-read": job_bare_read, "bare-write": job_bare_write}[kind](*rest)
        print(json.dumps(out))
        return
    from db.engine import resolve_url

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        book = tmp / "don-vi.xlsx"
        make_book(book, ROWS)
        read = run_job(Path(__file__), "bare-read", str(book))
        back_ends = {"SQLite": (resolve_url(tmp / "a.sqlite3"),
                                lambda: (resolve_url(tmp / f"bare-{time.monotonic_ns()}.sqlite3"), lambda: None))}
        drops = []
        if args.pg:
            url, drop = server_db(args.pg)
            drops.append(drop)
            back_ends["PostgreSQL"] = (url, lambda: server_db(args.pg))
        try:
            print(header(f"unit list of {ROWS:,} rows (.xlsx), the units.import operation:"), flush=True)
            for name, (url, fresh) in back_ends.items():
                m = measure(url, book, fresh)
                bare = read["seconds"] + m["write"]["seconds"]
                print(line(f"{name}: import (bare: calamine read + executemany)", m["ours"]["seconds"], bare, goal=1.5))
                print(line(f"{name}: import again, no change (bare: first import)", m["again"]["seconds"],
                           m["ours"]["seconds"], goal=1.0))
                print(line(f"{name}: peak memory of the import (bare: calamine read)", m["ours"]["rss"], read["rss"],
                           unit="MB", goal=2.0), flush=True)
        finally:
            for drop in drops:
                drop()


if __name__ == "__main__":
    main()
