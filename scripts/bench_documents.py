"""Benchmark (not a test): Theo dõi's documents against bare reportlab and
openpyxl writing the same content, measured in the same run. Run with
`make bench`, or `python scripts/bench_documents.py [--profile]`.

1. A report of 5,000 units with the appendix in the PDF (annex=True): the
   PDF against a bare reportlab table of the same rows, the workbook against
   bare openpyxl writing the same cells; goal: at most 1.5 times bare.
2. A province's report of one directive (5,000 units, 10 requirements,
   data imported as the clerk imports it, the appendix left to the
   workbook by default), end to end through make_report; goal: under 5 s.
Each line prints Theo dõi's figure, the bare figure and the ratio."""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UNITS = 5_000
PROVINCE_REQUIREMENTS = 10


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


def bare_pdf(tmp: Path, rows: list[list[str]]) -> float:
    """The appendix's rows as one plain reportlab table, header repeated."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    from desktop.io.documents.fonts import register_fonts

    family = register_fonts()
    t0 = time.perf_counter()
    doc = SimpleDocTemplate(str(tmp / "bare.pdf"), pagesize=landscape(A4))
    table = Table(rows, repeatRows=1)
    table.setStyle([("FONTNAME", (0, 0), (-1, -1), family), ("GRID", (0, 0), (-1, -1), 0.5, "black")])
    doc.build([table])
    return time.perf_counter() - t0


def bare_xlsx(tmp: Path, sheets) -> float:
    """The same cells as the report's workbook, appended with openpyxl."""
    from openpyxl import Workbook

    t0 = time.perf_counter()
    wb = Workbook()
    wb.remove(wb.active)
    for name, table in sheets:
        ws = wb.create_sheet(name[:31])
        for line in table.title_lines:
            ws.append([line])
        ws.append([c.title for c in table.columns])
        for row in table.rows:
            ws.append([getattr(v, "value", v) for v in row])
        if table.total:
            ws.append([getattr(v, "value", v) for v in table.total])
    wb.save(tmp / "bare.xlsx")
    return time.perf_counter() - t0


def units_report(tmp: Path, profile: bool) -> None:
    from db.session import unit_of_work
    from desktop.io.documents.report import appendix_columns, appendix_rows, render_report_pdf
    from desktop.io.documents.workbook import report_tables, write_workbook
    from desktop.io.reporting import _report_facts

    engine, directive_id, requirement_id = build(tmp)
    t0 = time.perf_counter()
    with unit_of_work(engine, commit=False) as s:
        facts = _report_facts(s, directive_id, requirement_id, None, date(2022, 4, 30))
    t_facts = time.perf_counter() - t0
    profiler = cProfile.Profile() if profile else None
    if profiler:
        profiler.enable()
    t0 = time.perf_counter()
    pages = render_report_pdf(facts, number_text="01/BC-LĐLĐ", issued_on=date(2022, 5, 5), path=tmp / "ours.pdf", annex=True)
    t1 = time.perf_counter()
    sheets = report_tables(facts, "01/BC-LĐLĐ", date(2022, 5, 5))
    write_workbook(sheets, tmp / "ours.xlsx", title="Báo cáo", author="bench")
    t2 = time.perf_counter()
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    sec = facts.sections[0]
    header, _w, wide = appendix_columns(sec)
    pdf_bare = bare_pdf(tmp, [header] + appendix_rows(sec, with_notes=wide))
    xlsx_bare = bare_xlsx(tmp, sheets)
    ours_pdf, ours_xlsx = t1 - t0, t2 - t1
    print(f"report of {UNITS} units, appendix in the PDF ({pages} pages) + workbook (facts from the database {t_facts:.2f} s):")
    print(f"  PDF       Theo dõi {ours_pdf:6.2f} s   bare reportlab {pdf_bare:6.2f} s   ratio {ours_pdf / pdf_bare:.2f}")
    print(f"  workbook  Theo dõi {ours_xlsx:6.2f} s   bare openpyxl  {xlsx_bare:6.2f} s   ratio {ours_xlsx / xlsx_bare:.2f}")
    total, bare = ours_pdf + ours_xlsx, pdf_bare + xlsx_bare
    print(f"  both      Theo dõi {total:6.2f} s   bare           {bare:6.2f} s   ratio {total / bare:.2f} (goal ≤ 1.5)")
    engine.dispose()


def province_report(tmp: Path) -> None:
    """One directive of a province: the data imported from the unit list and
    tracking sheets as scripts/bench_province.py makes them."""
    import scripts.bench_province as province
    from db.engine import resolve_url
    from db.migrate import open_database
    from db.models import Requirement
    from db.session import unit_of_work
    from desktop.core.directives import Indicator, add_directive, add_requirement
    from desktop.core.office import init_office
    from desktop.core.submissions import import_submissions
    from desktop.core.units import import_units
    from desktop.io.reporting import make_report
    from desktop.io.tracking_sheet import read_tracking_sheet
    from desktop.io.unit_sheet import read_unit_sheet

    province.REQUIREMENTS = PROVINCE_REQUIREMENTS
    unit_book = tmp / "don-vi.xlsx"
    province._unit_book(unit_book)
    books = province._tracking_books(tmp)
    engine = open_database(resolve_url(tmp / "tinh.sqlite3"), backup_dir=tmp / "backups")
    with unit_of_work(engine, actor="bench") as s:
        init_office(s, "Liên đoàn Lao động tỉnh Lai Châu", parent_name="Tổng Liên đoàn Lao động Việt Nam",
                    place="Lai Châu", symbol="LĐLĐ")
        d = add_directive(s, number="300/KH-LĐLĐ", issuer="LĐLĐ tỉnh Lai Châu", issued_on=date(2022, 2, 16), subject="Kế hoạch")
        ids = [add_requirement(s, d, title=f"Báo cáo kết quả {j}", due=date(2022, 3, 1) + timedelta(days=7 * j),
                               indicators=[Indicator("sessions", "Số buổi")]).id for j in range(PROVINCE_REQUIREMENTS)]
        directive_id = d.id
        import_units(s, read_unit_sheet(unit_book).rows)
    for rid, book in zip(ids, books):
        rows = read_tracking_sheet(book, [{"key": "sessions", "label": "Số buổi"}]).rows
        with unit_of_work(engine, actor="bench") as s:
            import_submissions(s, s.get(Requirement, rid), rows, today=date(2023, 1, 1))
    t0 = time.perf_counter()
    made = make_report(engine, directive_id=directive_id, as_of=date(2022, 12, 31), issued_on=date(2023, 1, 5),
                       out_dir=tmp / "out")
    ours = time.perf_counter() - t0
    # Where the time goes, and what bare openpyxl takes for the same cells.
    from desktop.io.documents.report import render_report_pdf
    from desktop.io.documents.workbook import report_tables, write_workbook
    from desktop.io.reporting import _report_facts

    t0 = time.perf_counter()
    with unit_of_work(engine, commit=False) as s:
        facts = _report_facts(s, directive_id, None, None, date(2022, 12, 31))
    t1 = time.perf_counter()
    render_report_pdf(facts, number_text="01/BC-LĐLĐ", issued_on=date(2023, 1, 5), path=tmp / "p.pdf")
    t2 = time.perf_counter()
    sheets = report_tables(facts, "01/BC-LĐLĐ", date(2023, 1, 5))
    write_workbook(sheets, tmp / "p.xlsx", title="Báo cáo", author="bench")
    t3 = time.perf_counter()
    cells = sum(len(t.columns) * len(t.rows) for _n, t in sheets)
    bare = bare_xlsx(tmp, sheets)
    print(f"province report of one directive ({UNITS} units × {PROVINCE_REQUIREMENTS} requirements, appendix in the "
          f"workbook only, PDF {made.pages} pp.): Theo dõi {ours:.2f} s end to end (goal < 5 s)")
    print(f"  facts {t1 - t0:.2f} s, PDF {t2 - t1:.2f} s, workbook ({cells:,} cells) {t3 - t2:.2f} s; "
          f"bare openpyxl for the same cells {bare:.2f} s, ratio {(t3 - t2) / bare:.2f}")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--profile", action="store_true", help="print cProfile's 25 costliest calls of the 5,000-unit report")
    parser.add_argument("--only", choices=("units", "province"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        if args.only != "province":
            (tmp / "u").mkdir()
            units_report(tmp / "u", args.profile)
        if args.only != "units":
            (tmp / "p").mkdir()
            province_report(tmp / "p")


if __name__ == "__main__":
    main()
