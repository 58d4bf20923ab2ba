"""Benchmarks (not tests): run with `make bench`. Prints one line per
measure; figures go into the closing notes of the issues.

- window start-up to an interactive window on the demo office (median of 5
  fresh processes);
- importing a unit list of N rows from .xlsx (read + write, one transaction);
- the status of every requirement of a large office.
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STARTUP = r"""
import os, sys, time
t0 = float(sys.argv[1])
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from db.engine import resolve_url
from db.migrate import open_database
from desktop.ui.context import AppContext
from desktop.ui.mainwindow import MainWindow
app = QApplication([])
url = resolve_url(sys.argv[2])
window = MainWindow(AppContext(open_database(url), url))
window.show()
def ready():
    print(f"{time.time() - t0:.3f}")
    app.quit()
QTimer.singleShot(0, ready)  # runs once the first paint events are handled
app.exec()
"""


def bench_startup(tmp: Path) -> str:
    from db.engine import resolve_url
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.demo import build_demo

    db = tmp / "demo.sqlite3"
    engine = open_database(resolve_url(db), backup_dir=tmp)
    with unit_of_work(engine, actor="bench") as s:
        build_demo(s)
    engine.dispose()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp / "cfg"), "PYTHONPATH": str(ROOT)}
    times = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", STARTUP, str(time.time()), str(db)], capture_output=True, text=True, env=env, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return f"window start-up on the demo office: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, 5 runs)"


def _unit_book(path: Path, rows: int) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["STT", "Mã", "Tên đơn vị", "Khối", "Chủ tịch", "Điện thoại", "Số đoàn viên", "Nữ"])
    sectors = ["Hành chính sự nghiệp", "Doanh nghiệp nhà nước", "Doanh nghiệp ngoài nhà nước", "Doanh nghiệp FDI"]
    for i in range(rows):
        ws.append([i + 1, f"U{i:06d}", f"Công đoàn cơ sở Công ty số {i} Tam Đường", sectors[i % 4], "Nguyễn Văn An", f"09{i:08d}", 50 + i % 300, 20 + i % 30])
    wb.save(path)


def bench_import(tmp: Path, rows: int) -> str:
    from db.engine import resolve_url
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.units import import_units
    from desktop.io.unit_sheet import read_unit_sheet

    book = tmp / f"units-{rows}.xlsx"
    _unit_book(book, rows)
    engine = open_database(resolve_url(tmp / f"import-{rows}.sqlite3"), backup_dir=tmp)
    t0 = time.perf_counter()
    sheet = read_unit_sheet(book)
    t1 = time.perf_counter()
    with unit_of_work(engine, actor="bench") as s:
        result = import_units(s, sheet.rows)
    t2 = time.perf_counter()
    engine.dispose()
    assert result.created == rows
    return f"unit list import, {rows} rows: read {t1 - t0:.2f} s, write {t2 - t1:.2f} s, total {t2 - t0:.2f} s"


def bench_status(tmp: Path, units: int, requirements: int) -> str:
    from db.engine import resolve_url
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.directives import add_directive, add_requirement
    from desktop.core.status import status_overview
    from desktop.core.submissions import record_submission
    from desktop.core.units import UnitRow, import_units, member_units

    engine = open_database(resolve_url(tmp / "status.sqlite3"), backup_dir=tmp)
    rng = random.Random(1)
    with unit_of_work(engine, actor="bench") as s:
        import_units(s, [UnitRow(i, {"code": f"U{i}", "name": f"Công đoàn {i}", "sector": f"Khối {i % 4}"}) for i in range(units)])
        d = add_directive(s, number="1/KH-BENCH", issuer="x", issued_on=date(2022, 1, 1), subject="bench")
        reqs = [add_requirement(s, d, title=f"Yêu cầu {j}", due=date(2022, 3, 1) + timedelta(days=j)) for j in range(requirements)]
        all_units = member_units(s)
        for r in reqs[:2]:
            for u in all_units:
                if rng.random() < 0.7:
                    record_submission(s, u, r, received_on=r.first_due + timedelta(days=rng.randint(-5, 5)), today=date(2023, 1, 1))
    t0 = time.perf_counter()
    with unit_of_work(engine, commit=False) as s:
        overview = status_overview(s, date(2023, 1, 1))
    t1 = time.perf_counter()
    engine.dispose()
    assert sum(len(o.periods) for o in overview) == requirements
    return f"status of {requirements} requirements × {units} units: {t1 - t0:.2f} s"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        for line in (
            bench_startup(tmp),
            bench_import(tmp, 5_000),
            bench_import(tmp, 100_000),
            bench_status(tmp, 2_000, 10),
        ):
            print(line, flush=True)


if __name__ == "__main__":
    main()
