"""An office with 83 grassroots unions (codes CĐ001…CĐ083, some with an
e-mail address) and a requirement collecting two figures, due after the
tests' today; and a chair's hand filling a form with openpyxl."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from db.session import unit_of_work
from desktop.core.directives import add_directive, add_requirement, parse_indicator
from desktop.core.office import init_office
from desktop.core.units import UnitRow, import_units
from desktop.operations import Store

UNITS = 83
DUE = dt.date(2026, 11, 30)


def unit_code(n: int) -> str:
    return f"CĐ{n:03d}"


@pytest.fixture
def office(engine, db_url):
    """(store, requirement id) of the office."""
    return make_office(engine, db_url)


def make_office(engine, db_url, units: int = UNITS):
    """The office of these tests in the database of ``engine``: (store,
    requirement id)."""
    with unit_of_work(engine, actor="tester@pc") as s:
        init_office(s, "Liên đoàn Lao động huyện Tam Đường", code="LDLD-TD", place="Tam Đường")
        rows = [UnitRow(n + 1, {"name": f"Công đoàn Trường Tiểu học số {n}", "code": unit_code(n),
                                 "email": f"cdcs{n}@truong.edu.vn" if n % 2 else None})
                for n in range(1, units + 1)]
        import_units(s, rows)
        d = add_directive(s, number="314/KH-LĐLĐ", issuer="LĐLĐ tỉnh Lai Châu", issued_on=dt.date(2026, 10, 1),
                          subject="Quán triệt Nghị quyết")
        rid = add_requirement(s, d, title="Báo cáo kết quả học tập, quán triệt Nghị quyết", due=DUE,
                              indicators=[parse_indicator("sessions:Số buổi học tập"),
                                          parse_indicator("participants:Số người tham dự")]).id
    return Store(engine, db_url, "tester@pc"), rid


def fill(path: Path, values: list, *, note: str | None = None, out: Path | None = None) -> Path:
    """Type ``values`` into the figure cells, as a chair would in Excel."""
    from desktop.io.forms import layout as L

    wb = openpyxl.load_workbook(path)
    ws = wb[L.SHEET]
    for n, value in enumerate(values):
        ws.cell(L.FIRST_ROW + n, L.VALUE_COL, value)
    if note is not None:
        ws.cell(L.FIRST_ROW + len(values) + 1, L.VALUE_COL, note)
    target = out or path
    wb.save(target)
    return target
