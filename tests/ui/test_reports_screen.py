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
    for edit in screen.sections.edits.values():
        assert edit.toPlainText()  # the prefilled draft, ready to edit


def test_issuing_takes_the_next_number_and_keeps_the_clerks_sections(screen, ctx, tmp_path):
    from tests.documents.conftest import pdf_text

    screen.sections.edits["results"].setPlainText("Các đơn vị khối doanh nghiệp thực hiện tốt.")
    screen.issue()
    (doc,) = ctx.read(lambda s: list_register(s))
    assert doc.number == "01/BC-LĐLĐ"
    assert screen.register_model.rowCount() == 1
    assert screen.print_button.isEnabled()
    text = " ".join(pdf_text(screen.issued["pdf"]).split())
    assert "Các đơn vị khối doanh nghiệp thực hiện tốt." in text
    assert screen.sections.edits["results"].toPlainText() != "Các đơn vị khối doanh nghiệp thực hiện tốt."  # next draft


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
    assert ctx.read(lambda s: list_register(s)) == []


def test_the_urging_letter_is_previewed_with_its_new_deadline_and_numbered_only_when_confirmed(
        screen, ctx, monkeypatch, tmp_path):
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.dialogs.urge import UrgeDialog
    from tests.documents.conftest import pdf_text

    screen.requirement.setCurrentIndex(1)
    dialog = UrgeDialog(ctx, requirement=screen.requirement.currentData(), period=None, as_of=date(2022, 4, 30),
                        issued_on=date(2022, 5, 5), out_dir=tmp_path / "cv")
    assert dialog.preview()
    assert dialog.pdf.pageCount() >= 1 and dialog.units.count() > 0
    assert "12/05/2022" in dialog.summary.text()  # a week after the letter unless the clerk sets another day
    dialog.new_due.setDate(QDate(2022, 5, 20))
    assert dialog.preview() and "20/05/2022" in dialog.summary.text()
    assert ctx.read(lambda s: list_register(s)) == []  # previews take no number

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.No))
    dialog.issue()
    assert ctx.read(lambda s: list_register(s)) == [] and dialog.made is None

    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    dialog.issue()
    (doc,) = ctx.read(lambda s: list_register(s))
    assert doc.number == "01/CV-LĐLĐ" and dialog.made.number == "01/CV-LĐLĐ"
    assert "20/05/2022" in " ".join(pdf_text(dialog.made.files["pdf"]).split())


def test_the_register_exports_to_a_workbook_from_the_window(screen, ctx, tmp_path):
    import openpyxl

    screen.issue()
    screen.export_register()
    (path,) = (tmp_path / "out").glob("so-van-ban-di-*.xlsx")
    cells = [c for row in openpyxl.load_workbook(path).active.iter_rows(values_only=True) for c in row if c]
    assert "01/BC-LĐLĐ" in cells


def test_the_draft_is_prefilled_saved_and_found_again_after_a_restart(screen, ctx, qtbot):
    from desktop.ui.screens.reports import ReportsScreen

    results = screen.sections.edits["results"]
    assert "Tính đến ngày 30/04/2022" in results.toPlainText()  # prefilled from the figures of the chosen date
    assert "Bản thảo mới" in screen.draft_state.text()
    screen.sections.edits["shortcomings"].setPlainText("Khối doanh nghiệp còn chậm.\nNguyên nhân: thiếu cán bộ.")
    screen.recipients.setPlainText("Ban Tuyên giáo LĐLĐ tỉnh (để b/c);")
    assert "✎" in screen.sections.tabText(1) and "✎" not in screen.sections.tabText(0)
    assert screen.save_draft()
    assert "đã lưu" in screen.draft_state.text()
    assert ctx.read(lambda s: list_register(s)) == []  # saving takes no number

    again = ReportsScreen(ctx)  # the window opened anew
    qtbot.addWidget(again)
    again.show()
    again.directive.setCurrentIndex(again.directive.findText("314/KH-LĐLĐ", flags=Qt.MatchStartsWith))
    assert again.sections.edits["shortcomings"].toPlainText() == "Khối doanh nghiệp còn chậm.\n\nNguyên nhân: thiếu cán bộ."
    assert again.as_of.date() == date(2022, 4, 30) and again.issued_on.date() == date(2022, 5, 5)
    assert again.recipients.toPlainText() == "Ban Tuyên giáo LĐLĐ tỉnh (để b/c);"
    assert "✎" in again.sections.tabText(1)


def test_a_report_with_the_clerks_own_sections_is_issued_from_the_window_with_its_word_file(screen, ctx):
    from desktop.core.drafts import issued_sections
    from tests.documents.conftest import pdf_text

    own = {"results": "Tổ chức 25 buổi quán triệt cho 1.200 đoàn viên.",
           "shortcomings": "Một số công đoàn cơ sở doanh nghiệp chưa tổ chức được.",
           "proposals": "Đề nghị LĐLĐ tỉnh hỗ trợ tài liệu tuyên truyền.",
           "closing": "Trên đây là báo cáo của LĐLĐ huyện Tam Đường./."}
    for key, text in own.items():
        screen.sections.edits[key].setPlainText(text)
    screen.with_docx.setChecked(True)
    screen.preview()
    assert "chưa lấy số" in screen.status.text()
    assert ctx.read(lambda s: list_register(s)) == []
    screen.issue()
    (doc,) = ctx.read(lambda s: list_register(s))
    assert set(screen.issued) == {"pdf", "xlsx", "docx"} and screen.issued["docx"].exists()
    text = " ".join(pdf_text(screen.issued["pdf"]).split())
    for piece in own.values():
        assert piece in text
    assert ctx.read(lambda s: issued_sections(s, doc.id)) == own
    # Issued: the screen shows a new draft, prefilled again.
    assert screen.sections.edits["results"].toPlainText() != own["results"]


def test_the_draft_goes_to_word_without_a_number(screen, ctx, tmp_path):
    from docx import Document

    screen.sections.edits["proposals"].setPlainText("Đề nghị tăng cường kiểm tra.")
    screen.export_docx()
    (path,) = (tmp_path / "out").glob("ban-thao-bao-cao-*.docx")
    text = "\n".join(p.text for p in Document(path).paragraphs)
    assert "Đề nghị tăng cường kiểm tra." in text
    assert ctx.read(lambda s: list_register(s)) == []
    assert "Word" in screen.status.text()


def test_writing_again_from_the_figures_drops_the_draft_when_confirmed(screen, ctx, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    screen.sections.edits["results"].setPlainText("Lời văn sẽ bỏ.")
    screen.save_draft()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.No))
    screen.discard_draft()
    assert screen.sections.edits["results"].toPlainText() == "Lời văn sẽ bỏ."
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.Yes))
    screen.discard_draft()
    assert "Tính đến ngày" in screen.sections.edits["results"].toPlainText()
    assert "Bản thảo mới" in screen.draft_state.text()


def test_words_not_yet_saved_survive_a_refresh_and_a_change_of_requirement(screen, ctx):
    from desktop.ui.context import Changed

    screen.sections.edits["proposals"].setPlainText("Đề nghị chưa lưu.")
    ctx.changed.emit(Changed.SUBMISSIONS)  # another screen recorded a submission: this one refreshes
    assert screen.sections.edits["proposals"].toPlainText() == "Đề nghị chưa lưu."
    screen.requirement.setCurrentIndex(1)  # another requirement: its own draft
    assert screen.sections.edits["proposals"].toPlainText() != "Đề nghị chưa lưu."
    screen.requirement.setCurrentIndex(0)  # back: the words were kept in their draft
    assert screen.sections.edits["proposals"].toPlainText() == "Đề nghị chưa lưu."


def test_closing_the_window_keeps_the_words_typed_in_the_draft(ctx, qtbot):
    from desktop.ui.mainwindow import MainWindow

    with unit_of_work(ctx.engine, actor="demo") as s:
        build_demo(s, today=date(2026, 11, 24))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(window.stack.indexOf(window.reports))
    screen = window.reports
    screen.directive.setCurrentIndex(screen.directive.findText("314/KH-LĐLĐ", flags=Qt.MatchStartsWith))
    screen.sections.edits["closing"].setPlainText("Câu kết do văn phòng viết./.")
    window.close()
    from desktop.operations.reports import draft

    saved = ctx.run(draft, directive=screen.directive.currentData())
    assert saved.saved and saved.sections["closing"] == "Câu kết do văn phòng viết./."
