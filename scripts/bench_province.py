"""Benchmark (not a test): a province-scale office, 5,000 member units × 40
requirements, on SQLite and, when a server is named, on PostgreSQL, side by
side. Run with `make bench` (PostgreSQL when THEODOI_BENCH_PG or
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

UNITS, REQUIREMENTS, DIRECTIVES = 5_000, 40, 4
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


def run(url: str, tmp: Path, books: list[Path], unit_book: Path) -> dict[str, float]:
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.status import status_overview
    from desktop.core.submissions import import_submissions
    from desktop.core.units import import_units
    from desktop.io.reporting import make_report
    from desktop.io.tracking_sheet import read_tracking_sheet
    from desktop.io.unit_sheet import read_unit_sheet

    engine = open_database(url, backup_dir=tmp / "backups")
    figures: dict[str, float] = {}
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
    t0 = time.perf_counter()
    with unit_of_work(engine, actor="bench") as s:
        created = import_units(s, read_unit_sheet(unit_book).rows).created
    t1 = time.perf_counter()
    assert created == UNITS
    from db.models import Requirement

    sheets = [read_tracking_sheet(book, [{"key": "sessions", "label": "Số buổi"}]) for book in books]
    t_read = time.perf_counter()
    recorded = 0
    for rid, sheet in zip(ids, sheets):
        with unit_of_work(engine, actor="bench") as s:
            result = import_submissions(s, s.get(Requirement, rid), sheet.rows, today=date(2023, 1, 1))
        assert not result.unmatched, result.unmatched[:3]
        recorded += result.created
    t2 = time.perf_counter()
    figures["import units"] = t1 - t0
    figures["read sheets"] = t_read - t1
    figures["import sheets"] = t2 - t_read
    figures["submissions"] = recorded
    with unit_of_work(engine, commit=False) as s:
        overview = status_overview(s, date(2022, 12, 31))
    t3 = time.perf_counter()
    assert sum(len(o.periods) for o in overview) == REQUIREMENTS
    figures["status"] = t3 - t2
    made = make_report(engine, directive_id=directive_id, requirement_id=None, as_of=date(2022, 12, 31),
                       issued_on=date(2023, 1, 5), out_dir=tmp / f"out-{uuid.uuid4().hex[:6]}")
    figures["report"] = time.perf_counter() - t3
    figures["pages"] = made.pages
    engine.dispose()
    return figures


def _server_db(server: str) -> tuple[str, callable]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from db.engine import with_driver

    admin = create_engine(with_driver(server), isolation_level="AUTOCOMMIT")
    name = f"theodoi_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\''))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(with_driver(server)).set(database=name).render_as_string(hide_password=False), drop


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pg", default=os.environ.get("THEODOI_BENCH_PG") or os.environ.get("THEODOI_TEST_PG"),
                        help="a PostgreSQL server URL (a database is made and dropped there)")
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
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
            results["SQLite"] = run(resolve_url(tmp / "tinh.sqlite3"), tmp, books, unit_book)
        if args.pg and args.only != "sqlite":
            url, drop = _server_db(args.pg)
            try:
                results["PostgreSQL"] = run(url, tmp, books, unit_book)
            finally:
                drop()
        first = next(iter(results.values()))
        print(f"province scale, {UNITS} units × {REQUIREMENTS} requirements, {int(first['submissions'])} submissions:")
        print(f"  {'':<34}" + "".join(f"{name:>12}" for name in results))
        for key, label in (("import units", "import unit list (.xlsx, 5,000)"),
                           ("read sheets", f"read {REQUIREMENTS} tracking sheets"),
                           ("import sheets", f"write their {int(first['submissions'])} rows"),
                           ("status", "status of every requirement"),
                           ("report", f"report of one directive ({int(first['pages'])} pp.)")):
            print(f"  {label:<34}" + "".join(f"{r[key]:>10.2f} s" for r in results.values()))
        if not args.pg:
            print("  (PostgreSQL not measured: set THEODOI_BENCH_PG to a server URL)")


if __name__ == "__main__":
    main()
