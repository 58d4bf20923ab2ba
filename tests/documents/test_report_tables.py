"""The tables a report sends up, per requirement: by sector (khối) and, at
an upper office, by member office. Their rows and totals in the PDF, and
in the workbook as LibreOffice recalculates it, equal the section's counts
and the sum of the units' figures."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from db.session import unit_of_work
from desktop.core.units import find_unit, save_unit
from desktop.core.vntext import fold
from desktop.io.reporting import make_report
from tests.conftest import query, write_xlsx
from tests.documents.conftest import SECTORS, pdf_text
from tests.documents.test_workbook_libreoffice import _recalculated, _sheet
from tests.exchange.conftest import LOWER, UPPER, export, lower_office, run  # noqa: F401  (fixtures)

ROW = re.compile(r"(\d+) ([^\d]+?) (\d+) (\d+) (\d+) (\d+) (\d+) ([\d,]+) (\d+) (\d+)")


def _between(flat: str, start: str, end: str) -> str:
    at = flat.index(start) + len(start)
    return flat[at:flat.index(end, at)]


def _expected_by_sector(units: int) -> dict[str, list[int]]:
    """The office_db fixture's units by sector, renamed as the test does:
    [owed, done, on time, late, not done, sessions, participants]."""
    out: dict[str, list[int]] = {}
    for i in range(units):
        sector = {1: "Khối Y tế", 2: "Chưa phân khối"}.get(i, SECTORS[i % 4])
        row = out.setdefault(sector, [0] * 7)
        kind = i % 5
        if kind == 4:
            continue  # exempt: owes nothing
        row[0] += 1
        if kind == 0:
            row[4] += 1
            continue
        row[1] += 1
        row[2 if kind in (1, 2) else 3] += 1
        row[5] += 2
        row[6] += 20 + i
    return out


def test_the_sector_table_adds_up_to_the_sections_counts_and_the_units_figures(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    with unit_of_work(engine) as s:
        save_unit(s, {"sector": "Khối Y tế"}, find_unit(s, "U002"))
        save_unit(s, {"sector": ""}, find_unit(s, "U003"))
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path / "out")
    flat = " ".join(pdf_text(made.files["pdf"]).split())
    table = _between(flat, "Bảng: Kết quả theo khối", "Các đơn vị chưa thực hiện")
    assert table.startswith(" STT Khối Phải nộp Đã nộp Đúng hạn Trễ hạn Chưa nộp Tỷ lệ (%) Số buổi Số người tham dự ")
    rows = ROW.findall(table)
    expected = _expected_by_sector(10)
    assert {name: [int(v) for v in (*figures[:5], *figures[6:])] for _n, name, *figures in rows} == expected
    assert [int(n) for n, *_ in rows] == list(range(1, len(expected) + 1))
    # Vietnamese order, "Khối Y tế" among the Y, units without a sector last; "khối" never twice.
    names = [name for _n, name, *_ in rows]
    assert names == ["Doanh nghiệp có vốn đầu tư nước ngoài", "Doanh nghiệp ngoài nhà nước", "Doanh nghiệp nhà nước",
                     "Hành chính sự nghiệp", "Khối Y tế", "Chưa phân khối"]
    assert not re.search(r"khoi khoi", fold(flat))
    rates = {name: rate for _n, name, *_f, rate, _s, _p in rows}
    assert rates["Hành chính sự nghiệp"] == "50" and rates["Doanh nghiệp nhà nước"] == "0"
    total = re.search(r"Tổng cộng (\d+) (\d+) (\d+) (\d+) (\d+) ([\d,]+) (\d+) (\d+)", table).groups()
    sums = [sum(v[k] for v in expected.values()) for k in range(7)]
    assert [int(v) for v in total[:5]] + [int(v) for v in total[6:]] == sums
    # ... which are the section's own figures, as the paragraph above states them.
    done, due, rate = re.search(r"Đã có (\d+)/(\d+) đơn vị thực hiện \(đạt ([\d,]+)%\)", flat).groups()
    assert (total[1], total[0], total[5]) == (done, due, rate)
    assert sums[5:] == [12, sum(20 + i for i in range(10) if i % 5 in (1, 2, 3))]

    book = _recalculated(made.files["xlsx"], tmp_path, "lo")
    header, rows = _sheet(book, "Theo khối")
    assert header[:8] == ["STT", "Khối", "Phải nộp", "Đã nộp", "Đúng hạn", "Trễ hạn", "Chưa nộp", "Tỷ lệ (%)"]
    assert [r[1] for r in rows[:-1]] == names
    assert rows[-1][1] == "Tổng cộng"
    assert [int(v) for v in rows[-1][2:7]] + [int(v) for v in rows[-1][8:10]] == sums
    assert float(rows[-1][7]) == float(rate.replace(",", "."))


def _province(run, tmp_path: Path, new_db):  # noqa: F811  (run: the fixture's value)
    """The province: its units are the three district offices, one
    requirement with an indicator."""
    db = new_db("tinh")
    run(db, "init", "--office", UPPER, "--symbol", "LĐLĐ")
    run(db, "units", "import", write_xlsx(tmp_path / "dv-tinh.xlsx", [["Tên đơn vị"], *([n] for n in LOWER)]))
    # A district that has sent nothing yet is known as an office by its kind.
    query(db, "UPDATE organization SET kind = 'upper' WHERE name = :n", n=LOWER[2])
    run(db, "directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", UPPER, "--date", "16/02/2022",
        "--subject", "Tuyên truyền Nghị quyết 02")
    run(db, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo kết quả của LĐLĐ huyện",
        "--due", "30/04/2022", "--indicator", "sessions:Số buổi")
    return db


def test_the_member_office_table_adds_up_the_member_offices_units(run, lower_office, export, new_db,  # noqa: F811
                                                                  tmp_path):
    province = _province(run, tmp_path, new_db)
    figures = {LOWER[0]: [2, 3], LOWER[1]: [4, 1, 5]}  # sessions of each district's grassroots units
    for name, sessions in figures.items():
        package = export(lower_office(name, sessions))
        assert run(province, "package", "import", package, "--trust-new", "--json").json[0]["status"] == "accepted"
    run(province, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "24/11/2026", "--date", "24/11/2026",
        "--out", tmp_path / "bao-cao")
    pdf = next((tmp_path / "bao-cao").glob("*.pdf"))
    flat = " ".join(pdf_text(pdf).split())
    table = _between(flat, "Bảng: Kết quả theo đơn vị cấp dưới", "Tổng cộng")
    assert table.startswith(" STT Đơn vị cấp dưới Tình trạng Ngày nhận Đơn vị đã báo cáo Số buổi ")
    rows = re.findall(r"(\d+) (Liên đoàn Lao động huyện [^\d]+?) (Đã nộp, (?:đúng|trễ) hạn|Chưa nộp)"
                      r"(?: (\d\d/\d\d/\d{4}) (\d+)/(\d+) (\d+))?", table)
    # In the units' Vietnamese order; the packages came in after the deadline of 30/04/2022.
    assert [(r[0], r[1], r[2], r[4:]) for r in rows] == [
        ("1", LOWER[2], "Chưa nộp", ("", "", "")),
        ("2", LOWER[1], "Đã nộp, trễ hạn", ("3", "3", "10")),
        ("3", LOWER[0], "Đã nộp, trễ hạn", ("2", "2", "5")),
    ]
    total = re.search(r"Tổng cộng Đã nộp (\d+)/(\d+) (\d+)/(\d+) (\d+)", flat).groups()
    units = [n for sessions in figures.values() for n in sessions]
    assert [int(v) for v in total] == [2, 3, len(units), len(units), sum(units)]
    # The province's units have no sector: no table by sector, only by member office.
    assert "Bảng: Kết quả theo khối" not in flat

    book = _recalculated(next((tmp_path / "bao-cao").glob("*.xlsx")), tmp_path, "lo")
    header, rows = _sheet(book, "Theo cấp dưới")
    assert header[:6] == ["STT", "Đơn vị cấp dưới", "Tình trạng", "Ngày nhận", "Số đơn vị đã báo cáo",
                          "Số đơn vị phải báo cáo"]
    assert [r[1] for r in rows[:-1]] == [LOWER[2], LOWER[1], LOWER[0]]
    assert [(r[4], r[5], r[6]) for r in rows[1:3]] == [(3, 3, 10), (2, 2, 5)]
    assert rows[-1][1:3] == ["Tổng cộng", "Đã nộp 2/3"]
    assert [int(v) for v in rows[-1][4:7]] == [len(units), len(units), sum(units)]
