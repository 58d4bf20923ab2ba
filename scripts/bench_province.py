"""Benchmark (not a test): a province-scale office, 5,000 member units × 40
requirements, on SQLite and, when a server is named, on PostgreSQL, side by
side (THEODOI_BENCH_UNITS=500 for a smaller one). Run with `make bench` (PostgreSQL when THEODOI_BENCH_PG or
THEODOI_TEST_PG names a server; each run makes and drops a database of its
own there).

Measured, each as the clerk does it:
- import: the unit list (.xlsx, 5,000 rows), then one tracking sheet per
  requirement (40 × .xlsx, ~3,500 answered rows each, ~140,000 submissions);
- status: every requirement's status as of one date (the dashboard);
- report: the report of one directive (PDF + workbook, 10 requirements).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from benchlib import header, line, pg_server, server_db  # noqa: E402

# THEODOI_BENCH_UNITS makes a smaller (or larger) province while iterating.
UNITS, REQUIREMENTS, DIRECTIVES = int(os.environ.get("THEODOI_BENCH_UNITS", "5000")), 40, 4
ANSWERED = 0.7


def _unit_book(path: Path) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["STT", "Mã", "Tên đơn vị", "Khối", "Chủ tịch", "Điện thoại", "Số đoàn viên"])
    sectors = ["Hành chính sự nghiệp", "Doanh nghiệp nhà nước", "Doanh nghiệp ngoài nhà nước", "Doanh nghiệp FDI"]
    for i in range(UNITS):
        ws.append([i + 1, f"U{i:05d}", f"Công đoàn cơ sở Công ty số {i} tỉnh Lai Châu", sectors[i % 4], "Nguyễn Văn An",
                   f"09{i:08d}", 50 + i % 300])
    wb.save(path)


def _tracking_books(folder: Path) -> list[Path]:
    import openpyxl

    rng = random.Random(40)
    books = []
    for j in range(REQUIREMENTS):
        path = folder / f"theo-doi-{j}.xlsx"
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet()
        ws.append(["STT", "Mã đơn vị", "Tên đơn vị", "Ngày nhận", "Số văn bản", "Số buổi"])
        due = date(2022, 3, 1) + timedelta(days=7 * j)
        for i in range(UNITS):
            if rng.random() < ANSWERED:
                received = due + timedelta(days=rng.randint(-10, 6))
                ws.append([i + 1, f"U{i:05d}", f"Công đoàn cơ sở Công ty số {i} tỉnh Lai Châu",
                           received.strftime("%d/%m/%Y"), f"{i % 90 + 1:02d}/BC-CĐCS", rng.randint(1, 4)])
        wb.save(path)
        books.append(path)
    return books


AS_OF = date(2022, 12, 31)


def _bare_requirements(s, n: int) -> list[int]:
    """Requirements the bare write fills, beside the ones Theo dõi fills:
    the same table, indexes and size."""
    from desktop.core.directives import add_directive, add_requirement

    d = add_directive(s, number="999/KH-BARE", issuer="bench", issued_on=date(2022, 2, 16), subject="bare")
    return [add_requirement(s, d, title=f"bare {j}", due=date(2022, 3, 1) + timedelta(days=7 * j)).id for j in range(n)]


def bare_write(engine, sheets, req_ids: list[int]) -> float:
    """The same rows and an audit row each, by one executemany (COPY on
    PostgreSQL), units matched by a dict lookup: what the libraries alone do."""
    import json
    from datetime import datetime, timezone

    raw = engine.raw_connection()
    pg = engine.dialect.name == "postgresql"
    cur = raw.cursor()
    t0 = time.perf_counter()
    cur.execute("SELECT code, id FROM organization WHERE code IS NOT NULL")
    unit_id = dict(cur.fetchall())
    now = datetime.now(timezone.utc)
    stamp = now if pg else now.replace(tzinfo=None).isoformat(sep=" ")
    rows = []
    for rid, sheet in zip(req_ids, sheets):
        for r in sheet.rows:
            rows.append([rid, unit_id[r.unit_code], 1, r.received_on, r.doc_number, None,
                         {k: v for k, v in r.values.items()}, None, "bench", stamp])
    if pg:
        cur.execute("SELECT nextval(pg_get_serial_sequence('submission', 'id')) FROM generate_series(1, %s)", (len(rows),))
        ids = [r[0] for r in cur.fetchall()]
    else:
        cur.execute("BEGIN IMMEDIATE")
        top = cur.execute("SELECT max(id) FROM submission").fetchone()[0] or 0
        ids = list(range(top + 1, top + 1 + len(rows)))
    cols = ["requirement_id", "organization_id", "period", "received_on", "doc_number", "doc_date",
            "indicator_values", "note", "recorded_by", "recorded_at"]
    audits = []
    for i, r in zip(ids, rows):
        after = dict(zip(cols, r), id=i, received_on=r[3].isoformat(), recorded_at=now.isoformat())
        audits.append([stamp, "bench", "create", "submission", str(i), None, json.dumps(after)])
        r[6] = json.dumps(r[6])
        if not pg:
            r[3] = r[3].isoformat()
        r.insert(0, i)
    audit_cols = "at, actor, action, entity, entity_id, before, after"
    if pg:
        with cur.copy(f"COPY submission (id, {', '.join(cols)}) FROM STDIN") as copy:
            for r in rows:
                copy.write_row(r)
        with cur.copy(f"COPY audit_log ({audit_cols}) FROM STDIN") as copy:
            for a in audits:
                copy.write_row(a)
        raw.commit()
    else:
        cur.executemany(f"INSERT INTO submission (id, {', '.join(cols)}) VALUES ({', '.join('?' * 11)})", rows)
        cur.executemany(f"INSERT INTO audit_log ({audit_cols}) VALUES (?, ?, ?, ?, ?, ?, ?)", audits)
        cur.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    raw.close()
    return elapsed


# The rules of docs/counting-rules.md for one-off requirements without
# filters or merges (the province data set), as one hand-written statement.
_BARE_STATUS = """
WITH p(rid, pstart, pdue) AS (SELECT r.id, d.issued_on, r.first_due FROM requirement r JOIN directive d
                              ON d.id = r.directive_id WHERE r.first_due <= {as_of} ),
st AS (
  SELECT p.rid, o.sector, o.sort_key AS sk, o.name,
    CASE WHEN s.id IS NOT NULL THEN CASE WHEN s.received_on <= p.pdue THEN 'on_time' ELSE 'late' END
         WHEN NOT ((o.active_to IS NULL OR o.active_to > p.pdue) AND (o.active_from IS NULL OR o.active_from <= p.pstart))
           THEN NULL
         WHEN EXISTS (SELECT 1 FROM exemption e WHERE e.requirement_id = p.rid AND e.organization_id = o.id) THEN 'exempt'
         WHEN p.pdue <= {as_of} THEN 'missing' ELSE 'pending' END AS status
  FROM p CROSS JOIN organization o
  LEFT JOIN submission s ON s.requirement_id = p.rid AND s.organization_id = o.id AND s.period = 1
                         AND s.received_on <= {as_of}
  WHERE o.kind <> 'office'
)
"""


def bare_status(engine, *, names: bool) -> float:
    raw = engine.raw_connection()
    pg = engine.dialect.name == "postgresql"
    cte = _BARE_STATUS.format(as_of="DATE '2022-12-31'" if pg else "'2022-12-31'")
    cur = raw.cursor()
    t0 = time.perf_counter()
    cur.execute(cte + "SELECT rid, sector, status, count(*) FROM st WHERE status IS NOT NULL GROUP BY rid, sector, status")
    cur.fetchall()
    if names:
        cur.execute(cte + "SELECT rid, status, name FROM st WHERE status IN ('missing', 'late', 'pending', 'exempt') "
                    "ORDER BY rid, sk")
        cur.fetchall()
    elapsed = time.perf_counter() - t0
    raw.rollback()
    raw.close()
    return elapsed


def bare_grid(engine, rid: int) -> float:
    raw = engine.raw_connection()
    cur = raw.cursor()
    t0 = time.perf_counter()
    cur.execute(
        "SELECT o.id, o.name, o.sort_key, s.received_on FROM organization o LEFT JOIN submission s "
        f"ON s.organization_id = o.id AND s.requirement_id = {int(rid)} AND s.period = 1 "
        "WHERE o.kind <> 'office' ORDER BY o.sort_key")
    cur.fetchall()
    elapsed = time.perf_counter() - t0
    raw.rollback()
    raw.close()
    return elapsed


def _best(fn, times: int = 3) -> float:
    return min(fn() for _ in range(times))


def _timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def run(url: str, tmp: Path, books: list[Path], unit_book: Path, report: bool) -> dict[str, float]:
    import contextlib
    import io

    from db.migrate import open_database
    from db.models import Requirement
    from db.session import unit_of_work
    from desktop.cli import main as cli
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.status_sql import grid_statuses
    from desktop.core.submissions import import_submissions
    from desktop.operations import status as status_ops
    from desktop.operations.registry import Store
    from desktop.operations.units import import_list
    from desktop.io.tracking_sheet import read_tracking_sheet

    engine = open_database(url, backup_dir=tmp / "backups")
    store = Store(engine, url, "bench")
    f: dict[str, float] = {}
    with unit_of_work(engine, actor="bench") as s:
        init_office(s, "Liên đoàn Lao động tỉnh Lai Châu", parent_name="Tổng Liên đoàn Lao động Việt Nam",
                    place="Lai Châu", symbol="LĐLĐ")
        directives = [add_directive(s, number=f"{300 + k}/KH-LĐLĐ", issuer="LĐLĐ tỉnh Lai Châu",
                                    issued_on=date(2022, 2, 16), subject=f"Kế hoạch số {k}") for k in range(DIRECTIVES)]
        reqs = [add_requirement(s, directives[j % DIRECTIVES], title=f"Báo cáo kết quả {j}",
                                due=date(2022, 3, 1) + timedelta(days=7 * j),
                                indicators=[Indicator("sessions", "Số buổi")]) for j in range(REQUIREMENTS)]
        ids = [r.id for r in reqs]
        directive_id = directives[0].id
    f["import units"] = _timed(lambda: import_list(store, unit_book))
    t0 = time.perf_counter()
    sheets = [read_tracking_sheet(book, [{"key": "sessions", "label": "Số buổi"}]) for book in books]
    f["read sheets"] = time.perf_counter() - t0
    recorded = 0
    t0 = time.perf_counter()
    for rid, sheet in zip(ids, sheets):
        with unit_of_work(engine, actor="bench") as s:
            result = import_submissions(s, s.get(Requirement, rid), sheet.rows, today=date(2023, 1, 1))
        assert not result.unmatched, result.unmatched[:3]
        recorded += result.created
    f["import sheets"] = time.perf_counter() - t0
    f["submissions"] = recorded
    with unit_of_work(engine, actor="bench") as s:
        bare_ids = _bare_requirements(s, REQUIREMENTS)
    f["bare write"] = bare_write(engine, sheets, bare_ids)
    with unit_of_work(engine, actor="bench") as s:  # the bare rows go, so the counts below are the province's
        from sqlalchemy import text
        listed = ", ".join(map(str, bare_ids))
        s.execute(text(f"DELETE FROM submission WHERE requirement_id IN ({listed})"))
        s.execute(text(f"DELETE FROM requirement WHERE id IN ({listed})"))
        s.execute(text("DELETE FROM directive WHERE number = '999/KH-BARE'"))

    argv = ["status", "--as-of", AS_OF.strftime("%d/%m/%Y"), "--json", "--db", url]

    def status_command() -> None:
        with contextlib.redirect_stdout(io.StringIO()) as out:
            assert cli(argv) == 0
        assert out.getvalue().count('"missing_units"') == REQUIREMENTS

    status_command()  # the command's own start: imports, first connection
    f["status"] = _best(lambda: _timed(status_command))
    f["bare status"] = _best(lambda: bare_status(engine, names=True))
    f["dashboard"] = _best(lambda: _timed(lambda: status_ops.dashboard(store, as_of=AS_OF, names=False)))
    f["bare dashboard"] = _best(lambda: bare_status(engine, names=False))

    def grid() -> None:  # what the tracking screen loads
        with unit_of_work(engine, commit=False) as s:
            grid_statuses(s, s.get(Requirement, ids[0]), AS_OF, upcoming=True)

    f["grid"] = _best(lambda: _timed(grid))
    f["bare grid"] = _best(lambda: bare_grid(engine, ids[0]))
    if report:
        from desktop.io.reporting import make_report

        t0 = time.perf_counter()
        made = make_report(engine, directive_id=directive_id, requirement_id=None, as_of=AS_OF,
                           issued_on=date(2023, 1, 5), out_dir=tmp / f"out-{uuid.uuid4().hex[:6]}")
        f["report"] = time.perf_counter() - t0
        f["pages"] = made.pages
    engine.dispose()
    return f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default=pg_server(), help="a PostgreSQL server URL (a database is made and dropped there)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    parser.add_argument("--no-report", action="store_true", help="leave out the report of one directive")
    args = parser.parse_args()
    from db.engine import resolve_url

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        unit_book = tmp / "don-vi.xlsx"
        _unit_book(unit_book)
        books = _tracking_books(tmp)
        results = {}
        if args.only != "postgresql":
            results["SQLite"] = run(resolve_url(tmp / "tinh.sqlite3"), tmp, books, unit_book, not args.no_report)
        if args.pg and args.only != "sqlite":
            url, drop = server_db(args.pg)
            try:
                results["PostgreSQL"] = run(url, tmp, books, unit_book, not args.no_report)
            finally:
                drop()
        first = next(iter(results.values()))
        print(header(f"province scale, {UNITS:,} units × {REQUIREMENTS} requirements, "
                     f"{int(first['submissions']):,} submissions:"))
        for name, r in results.items():
            print(line(f"{name}: import unit list (.xlsx, {UNITS:,})", r["import units"], None))
            print(line(f"{name}: read {REQUIREMENTS} tracking sheets", r["read sheets"], None))
            print(line(f"{name}: write their rows (bare: {'COPY' if name == 'PostgreSQL' else 'executemany'})",
                       r["import sheets"], r["bare write"], goal=2))
            print(line(f"{name}: status --as-of --json, warm (bare: the SQL)", r["status"], r["bare status"],
                       unit="ms", goal=3))
            print(line(f"{name}: dashboard refresh (bare: counts SQL)", r["dashboard"], r["bare dashboard"], unit="ms")
                  + ("  (goal < 100 ms: " + ("met" if r["dashboard"] < 0.1 else "NOT met") + ")"))
            print(line(f"{name}: tracking grid, {UNITS:,} units × 1 period", r["grid"], r["bare grid"], unit="ms")
                  + ("  (goal < 100 ms: " + ("met" if r["grid"] < 0.1 else "NOT met") + ")"))
            if "report" in r:
                print(line(f"{name}: report of one directive ({int(r['pages'])} pp.)", r["report"], None))
        if not args.pg:
            print("  (PostgreSQL not measured: set THEODOI_BENCH_PG to a server URL)")


if __name__ == "__main__":
    main()
