"""The report's workbook as LibreOffice calculates it: its totals and rates
are formulas that agree with the PDF, recalculate when a clerk corrects a
figure, and every wrapped row is tall enough for its text."""

from __future__ import annotations

import re
import subprocess
from datetime import date

import openpyxl
from python_calamine import CalamineWorkbook

from desktop.io.documents.workbook import _lines
from desktop.io.reporting import make_report
from tests.documents.conftest import need, pdf_text


def _recalculated(book, tmp_path, name):
    """``book`` opened, recalculated and saved again by LibreOffice."""
    out = tmp_path / name
    done = subprocess.run([need("soffice"), f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                           "xlsx", "--outdir", str(out), str(book)], capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr
    return CalamineWorkbook.from_path(str(out / book.name))


def _sheet(book, name):
    rows = book.get_sheet_by_name(name).to_python()
    header = next(i for i, row in enumerate(rows) if row[0] in ("STT", "Yêu cầu"))
    return rows[header], rows[header + 1:]


def test_libreoffice_finds_the_same_totals_and_rates_as_the_pdf(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path / "out")
    flat = " ".join(pdf_text(made.files["pdf"]).split())
    done, due, rate = re.search(r"Đã có (\d+)/(\d+) đơn vị thực hiện \(đạt ([\d,]+)%\)", flat).groups()
    sessions = int(re.search(r"số buổi: ([\d.]+)", flat).group(1).replace(".", ""))
    participants = int(re.search(r"số người tham dự: ([\d.]+)", flat).group(1).replace(".", ""))
    pdf_total = re.search(r"Tổng cộng (\d+/\d+) ([\d.]+) ([\d.]+)", flat).groups()  # the appendix's totals row

    book = _recalculated(made.files["xlsx"], tmp_path, "lo")
    _, rows = _sheet(book, "Tổng hợp")
    assert float(rows[0][8]) == float(rate.replace(",", "."))
    assert rows[-1][1] == "Tổng cộng" and float(rows[-1][8]) == float(rate.replace(",", "."))
    header, rows = _sheet(book, "Theo khối")  # owed, done, ..., rate; the indicators after
    assert rows[-1][1] == "Tổng cộng"
    assert int(rows[-1][3]) == int(done) and int(rows[-1][2]) == int(due)
    assert float(rows[-1][7]) == float(rate.replace(",", "."))
    assert [int(rows[-1][8]), int(rows[-1][9])] == [sessions, participants]
    _, rows = _sheet(book, "Phụ lục 1")
    total = rows[-1]
    assert total[1] == "Tổng cộng"
    assert total[6] == f"{done}/{due}" == pdf_total[0]
    assert [int(total[7]), int(total[8])] == [sessions, participants]
    assert [sessions, participants] == [int(v.replace(".", "")) for v in pdf_total[1:]]


def test_a_corrected_figure_corrects_its_total(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=10)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path / "out")
    wb = openpyxl.load_workbook(made.files["xlsx"])
    assert wb.calculation.fullCalcOnLoad
    ws = wb["Phụ lục 1"]
    first = next(r for r in ws.iter_rows(min_col=8, max_col=8) if isinstance(r[0].value, int))[0]
    before = first.value
    first.value = before + 100  # the clerk corrects one unit's sessions
    summary = wb["Tổng hợp"]
    summary["E7"].value = summary["E7"].value - 1  # and moves one unit from on time to late
    summary["F7"].value = summary["F7"].value + 1
    wb.save(tmp_path / "sua.xlsx")
    book = _recalculated(tmp_path / "sua.xlsx", tmp_path, "lo2")
    _, rows = _sheet(book, "Phụ lục 1")
    assert int(rows[-1][7]) == 12 + 100
    _, rows = _sheet(book, "Tổng hợp")
    assert [int(rows[-1][4]), int(rows[-1][5])] == [3, 3]


def test_wrapped_rows_are_tall_enough_and_the_sheets_print_on_a4(engine, office_db, tmp_path):
    directive_id, requirement_id = office_db(units=3, name_length=200)
    made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, as_of=date(2022, 4, 30),
                       issued_on=date(2022, 5, 5), out_dir=tmp_path)
    wb = openpyxl.load_workbook(made.files["xlsx"])
    for ws in wb.worksheets:
        assert ws.print_area and ws.print_title_rows and int(ws.page_setup.paperSize) == 9
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.alignment.wrap_text and cell.coordinate not in ws.merged_cells:
                    width = ws.column_dimensions[cell.column_letter].width
                    lines = _lines(cell.value, width, bool(cell.font.b))
                    height = ws.row_dimensions[cell.row].height or 15.75
                    assert height >= lines * 15.75, (ws.title, cell.coordinate, cell.value, height)
    # A 200-character name wraps to several lines and its row is set for them.
    ws = wb["Phụ lục 1"]
    row = next(r for r in ws.iter_rows() if isinstance(r[1].value, str) and "rất dài" in r[1].value)
    assert ws.row_dimensions[row[0].row].height >= 4 * 15.75
