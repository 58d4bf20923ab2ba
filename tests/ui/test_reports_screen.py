"""The Báo cáo screen: preview without taking a number, issue with one,
print, and the urging letter."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtPrintSupport import QPrinter

from db.session import unit_of_work
from desktop.core.demo import build_demo
from desktop.core.register import list_register


@pytest.fixture
def screen(qtbot, ctx, tmp_path):
    from desktop.ui.screens.reports import ReportsScreen

    with unit_of_work(ctx.engine, actor="demo") as s:
        build_demo(s, today=date(2026, 11, 24))
    w = ReportsScreen(ctx)
    qtbot.addWidget(w)
    w.show()
    w.out_dir.setText(str(tmp_path / "out"))
    w.directive.setCurrentIndex(w.directive.findText("314/KH-LĐLĐ", flags=Qt.MatchStartsWith))
    w.as_of.setDate(QDate(2022, 4, 30))
    w.issued_on.setDate(QDate(2022, 5, 5))
    return w


def test_the_preview_shows_the_pages_and_takes_no_number(screen, ctx):
    screen.preview()
    assert screen.pdf.pageCount() >= 2
    assert "chưa lấy số" in screen.status.text()
    assert ctx.read(lambda s: list_register(s)) == []
    assert screen.assessment.toPlainText()  # the default assessment, ready to edit


def test_issuing_takes_the_next_number_and_keeps_the_edited_assessment(screen, ctx, tmp_path):
    from tests.documents.conftest import pdf_text

    screen.assessment.setPlainText("Các đơn vị khối doanh nghiệp thực hiện tốt.")
    screen.issue()
    (doc,) = ctx.read(lambda s: list_register(s))
    assert doc.number == "01/BC-LĐLĐ"
    assert screen.register_model.rowCount() == 1
    assert screen.print_button.isEnabled()
    text = " ".join(pdf_text(screen.issued["pdf"]).split())
    assert "Các đơn vị khối doanh nghiệp thực hiện tốt." in text


def test_the_issued_report_prints(screen, tmp_path):
    from desktop.ui.screens.reports import print_pdf

    screen.issue()
    printer = QPrinter(QPrinter.HighResolution)
    printer.setOutputFormat(QPrinter.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pdf(screen.issued["pdf"], printer) >= 2
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_an_urging_letter_needs_one_requirement(screen, messages, ctx):
    screen.urge()
    assert messages and "một yêu cầu" in messages[-1][1]
    screen.requirement.setCurrentIndex(1)
    screen.urge()
    (doc,) = ctx.read(lambda s: list_register(s))
    assert doc.number == "01/CV-LĐLĐ"
