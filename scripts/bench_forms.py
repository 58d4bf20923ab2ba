"""Benchmark (not a test): report forms for 5,000 units made, and 5,000
returned forms imported, each beside bare openpyxl doing the same work on
the same files (no checks, no database, no atomic writes), with the ratio.
Run with `make bench`; BENCH_FORMS=500 for a shorter run."""

from __future__ import annotations

import os
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

os.environ.setdefault("THEODOI_TODAY", "2026-11-24")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FORMS = int(os.environ.get("BENCH_FORMS", "5000"))


def bare_make(specs, folder: Path) -> None:
    """The same forms with openpyxl alone: cells, the figure check, the
    locks, the hidden sheet; no styles, written in place."""
    from openpyxl import Workbook
    from openpyxl.styles import Protection
    from openpyxl.worksheet.datavalidation import DataValidation

    from desktop.io.forms import layout as L
    from desktop.io.forms.workbook import identity_rows

    for spec in specs:
        wb = Workbook()
        ws = wb.active
        ws.title = L.SHEET
        ws["A1"], ws["A2"], ws["A3"] = spec.office, "PHIẾU BÁO CÁO", spec.requirement_title
        for row, value in ((L.CODE_ROW, spec.unit_code), (L.NAME_ROW, spec.unit_name),
                           (L.REQUIREMENT_ROW, spec.requirement_id), (L.PERIOD_ROW, spec.period)):
            ws.cell(row, L.VALUE_COL, value)
        check = DataValidation(type="whole", operator="between", formula1="0", formula2="10000000")
        ws.add_data_validation(check)
        for n, indicator in enumerate(spec.indicators):
            ws.cell(L.FIRST_ROW + n, L.LABEL_COL, indicator.label)
            cell = ws.cell(L.FIRST_ROW + n, L.VALUE_COL)
            cell.protection = Protection(locked=False)
            check.add(cell.coordinate)
        ws.protection.sheet = True
        hidden = wb.create_sheet(L.IDENTITY_SHEET)
        for row, (key, value) in enumerate(identity_rows(spec), 1):
            hidden.cell(row, 1, key)
            hidden.cell(row, 2, value)
        hidden.sheet_state = "hidden"
        wb.save(folder / f"{spec.unit_code}.xlsx")


_EMPTY_FIGURE = re.compile(rb'<c r="(C1[78])"((?: [a-z]+="[^"]*")*)\s*(?:/>|></c>)')


def fill_fast(source: Path, target: Path, values: tuple[int, int]) -> None:
    """A returned form, its two figures typed in (the sheet XML edited, as
    Excel would write it: far quicker than openpyxl for 5,000 files)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                figures = iter(values)
                data = _EMPTY_FIGURE.sub(lambda m: b'<c r="%s"%s><v>%d</v></c>' % (m.group(1), m.group(2) or b"",
                                                                                  next(figures)), data)
            dst.writestr(info, data)


def bare_import(files: list[Path]) -> int:
    """Reading the same forms with openpyxl alone: the hidden sheet and
    the two figures; nothing checked, nothing recorded."""
    import openpyxl

    from desktop.io.forms import layout as L

    read = 0
    for path in files:
        wb = openpyxl.load_workbook(path)
        claims = {r[0]: r[1] for r in wb[L.IDENTITY_SHEET].iter_rows(max_col=2, values_only=True)}
        ws = wb[L.SHEET]
        values = [ws.cell(L.FIRST_ROW + n, L.VALUE_COL).value for n in range(2)]
        read += bool(claims.get("unit_code")) and all(v is not None for v in values)
        wb.close()
    return read


def main() -> None:
    from db.engine import resolve_url
    from db.migrate import open_database
    from db.session import unit_of_work
    from desktop.core.forms import form_specs
    from desktop.operations import forms
    from tests.forms.conftest import make_office

    with tempfile.TemporaryDirectory(prefix="theodoi-bench-forms-") as tmp:
        tmp = Path(tmp)
        os.environ["XDG_DATA_HOME"] = str(tmp / "data")
        url = resolve_url(tmp / "office.sqlite3")
        engine = open_database(url, backup_dir=tmp)
        store, rid = make_office(engine, url, units=FORMS)

        t0 = time.perf_counter()
        made = forms.make(store, requirement=rid, out_dir=tmp / "out")
        ours_make = time.perf_counter() - t0
        assert len(made.files) == FORMS
        with unit_of_work(engine) as s:
            _req, _p, specs = form_specs(s, rid)
        bare = tmp / "bare"
        bare.mkdir()
        t0 = time.perf_counter()
        bare_make(specs, bare)
        bare_make_s = time.perf_counter() - t0

        back = tmp / "back"
        back.mkdir()
        for n, f in enumerate(made.files):
            fill_fast(f.xlsx, back / f.xlsx.name, (n % 9, 10 + n % 90))
        returned = sorted(back.iterdir())
        t0 = time.perf_counter()
        done = forms.import_forms(store, [back])
        ours_import = time.perf_counter() - t0
        recorded = done.count("recorded")
        assert recorded == FORMS, [r for r in done.results if r.status != "recorded"][:3]
        t0 = time.perf_counter()
        assert bare_import(returned) == FORMS
        bare_import_s = time.perf_counter() - t0
        engine.dispose()

    def line(what: str, ours: float, plain: float) -> None:
        print(f"{what:<34} Theo dõi {ours:7.1f} s ({ours / FORMS * 1000:5.1f} ms/phiếu)   "
              f"openpyxl trần {plain:7.1f} s ({plain / FORMS * 1000:5.1f} ms/phiếu)   tỉ lệ {ours / plain:4.2f}×")

    count = f"{FORMS:,}".replace(",", ".")
    print(f"Phiếu báo cáo, {count} đơn vị:")
    line(f"làm {FORMS} phiếu (.xlsx + .zip)", ours_make, bare_make_s)
    line(f"nhận {FORMS} phiếu đã điền", ours_import, bare_import_s)


if __name__ == "__main__":
    main()
