"""Benchmark (not a test): a 5,000-unit report through Theo dõi's document
code against bare reportlab and openpyxl writing the same rows. Run with
`make bench`."""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNITS = 5_000


def build(tmp: Path):
    from db.engine import resolve_url
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.submissions import record_submission
    from desktop.core.units import UnitRow, import_units, member_units

    engine = open_database(resolve_url(tmp / "bench.sqlite3"), backup_dir=tmp)
    rng = random.Random(5)
    with unit_of_work(engine, actor="bench") as s:
        init_office(s, "Liên đoàn Lao động tỉnh Lai Châu", parent_name="Tổng Liên đoàn Lao động Việt Nam", place="Lai Châu", symbol="LĐLĐ")
        import_units(s, [UnitRow(i, {"code": f"U{i:05d}", "name": f"Công đoàn cơ sở Công ty số {i} tỉnh Lai Châu",
                                     "sector": f"Khối {i % 4}"}) for i in range(UNITS)])
        d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh", issued_on=date(2022, 2, 16), subject="Quán triệt")
        r = add_requirement(s, d, title="Báo cáo kết quả", due=date(2022, 3, 31),
                            indicators=[Indicator("sessions", "Số buổi"), Indicator("participants", "Số người tham dự")])
        for u in member_units(s):
            if rng.random() < 0.8:
                record_submission(s, u, r, received_on=date(2022, 3, 31) + timedelta(days=rng.randint(-10, 10)),
                                  doc_number="01/BC-CĐCS", values={"sessions": 2, "participants": 40}, today=date(2022, 12, 31))
    return engine, d.id, r.id


def bare(tmp: Path, rows: list[list[str]]) -> tuple[float, float]:
    from openpyxl import Workbook
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    from desktop.io.documents.fonts import register_fonts

    family = register_fonts()
    t0 = time.perf_counter()
    doc = SimpleDocTemplate(str(tmp / "bare.pdf"), pagesize=landscape(A4))
    table = Table(rows, repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), family)])
    doc.build([table])
    t1 = time.perf_counter()
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(tmp / "bare.xlsx")
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


def main() -> None:
    from desktop.io.reporting import make_report

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        engine, directive_id, requirement_id = build(tmp)
        t0 = time.perf_counter()
        made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                           issued_on=date(2022, 5, 5), out_dir=tmp / "out")
        ours = time.perf_counter() - t0
        rows = [["STT", "Tên đơn vị", "Khối", "Ngày nhận", "Số văn bản", "Tình trạng", "Số buổi", "Số người", "Ghi chú"]]
        rows += [[str(i), f"Công đoàn cơ sở Công ty số {i} tỉnh Lai Châu", f"Khối {i % 4}", "25/03/2022", "01/BC-CĐCS",
                  "Đúng hạn", "2", "40", ""] for i in range(UNITS)]
        pdf, xlsx = bare(tmp, rows)
        print(f"report of {UNITS} units (PDF {made.pages} pages + workbook): {ours:.2f} s; "
              f"bare reportlab table {pdf:.2f} s + bare openpyxl {xlsx:.2f} s = {pdf + xlsx:.2f} s; "
              f"ratio {ours / (pdf + xlsx):.2f}")
        engine.dispose()


if __name__ == "__main__":
    main()
