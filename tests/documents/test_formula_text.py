"""Text that a spreadsheet would take for a formula (a unit named "=…", a
phone number "+84…", a note "-5 buổi", "@SUM(…)") stays inert text in the
workbooks Theo dõi writes: stored as text and marked with Excel's quote
prefix, so it is still text after the workbook is opened, edited and saved
again."""

from __future__ import annotations

import csv
import subprocess

import openpyxl

from desktop.io.documents.workbook import Column, SheetTable, write_workbook
from tests.documents.conftest import need

FORMULA_LIKE = ['=HYPERLINK("http://x","bấm vào")', "=1+1", "+84 912 345 678", "-5 buổi", "@SUM(A1:A2)",
                "=cmd|' /C calc'!A0"]


def _book(tmp_path):
    table = SheetTable(
        ["=TIÊU ĐỀ"],
        [Column("=Cột", 20), Column("Khối", 20)],
        rows=[[text, f"{text} khối"] for text in FORMULA_LIKE],
        total=["-Tổng", "+cộng"],
    )
    path = tmp_path / "cong-thuc.xlsx"
    write_workbook([("Phụ lục 1", table)], path, title="t", author="a")
    return path


def _formula_like_cells(path):
    ws = openpyxl.load_workbook(path)["Phụ lục 1"]
    return [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value[:1] in "=+-@"]


def test_formula_like_text_is_stored_as_text_with_the_quote_prefix_in_every_style(tmp_path):
    cells = _formula_like_cells(_book(tmp_path))
    # title, header, every row (two columns) and the total row
    assert len(cells) == 1 + 1 + 2 * len(FORMULA_LIKE) + 2
    assert all(c.data_type == "s" for c in cells), [(c.coordinate, c.data_type) for c in cells]
    assert all(c.quotePrefix for c in cells), [c.coordinate for c in cells if not c.quotePrefix]
    # the quote prefix rides on the named style, not instead of it
    assert {c.style for c in cells} >= {"td-title", "th", "td-text", "td-total"}


def test_libreoffice_shows_the_text_literally_and_saves_it_again_as_text(tmp_path):
    soffice = need("soffice")
    book = _book(tmp_path)
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    for target, out in (("csv:Text - txt - csv (StarCalc):44,34,76", "csv"), ("xlsx", "xlsx")):
        done = subprocess.run([soffice, profile, "--headless", "--convert-to", target, "--outdir", str(tmp_path / out),
                               str(book)], capture_output=True, text=True, timeout=240, check=False)
        assert done.returncode == 0, done.stderr
    with open(tmp_path / "csv" / "cong-thuc.csv", encoding="utf-8", newline="") as fh:
        seen = {value for row in csv.reader(fh) for value in row}
    # Evaluated, "=1+1" would read 2 and the HYPERLINK "bấm vào".
    assert set(FORMULA_LIKE) <= seen and "2" not in seen and "bấm vào" not in seen
    resaved = _formula_like_cells(tmp_path / "xlsx" / "cong-thuc.xlsx")
    assert {c.value for c in resaved} >= set(FORMULA_LIKE)
    # Saved again by LibreOffice (7.4 does not write the prefix back out),
    # every one of them is still a text cell.
    assert all(c.data_type == "s" for c in resaved), [(c.coordinate, c.data_type) for c in resaved]
