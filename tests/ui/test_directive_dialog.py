"""The directive dialog reads the document itself and lets the clerk check
it before anything is saved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlmodel import select

from db.models import Directive, Requirement
from db.session import unit_of_work
from desktop.ui.dialogs.directive_edit import DirectiveDialog
from desktop.ui.dialogs.form import date_value

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"


def test_reading_the_notice_fills_the_form_and_saves_its_deadlines_as_requirements(qtbot, ctx, engine):
    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load_file(SEEDS / "thong-bao-462-TB-TLD.txt")
    assert dialog.number.text() == "462/TB-TLĐ"
    assert date_value(dialog.issued) == date(2021, 11, 16)
    assert dialog.subject.toPlainText().startswith("Kết luận cuộc họp đôn đốc")
    assert "Hạn 30/11/2021" in dialog.found.text() and "6 tháng/lần" in dialog.found.text()
    assert dialog.add_requirements.isChecked() and "5 yêu cầu" in dialog.add_requirements.text()

    dialog.issuer.setText("Tổng Liên đoàn Lao động Việt Nam")  # not in the text: the clerk types it
    dialog.accept()
    with unit_of_work(engine) as s:
        (directive,) = s.exec(select(Directive)).all()
        requirements = s.exec(select(Requirement)).all()
        assert (directive.kind, directive.issuer, directive.file_name) == ("TB", "Tổng Liên đoàn Lao động Việt Nam",
                                                                            "thong-bao-462-TB-TLD.txt")
        assert len(directive.file_sha256) == 64
        assert sorted(r.first_due or r.due for r in requirements)[0] == date(2021, 11, 30)
        assert [r.every_months for r in requirements].count(6) == 1


def test_a_document_without_a_number_keeps_the_form_open_until_one_is_typed(qtbot, ctx, engine, messages):
    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load_file(SEEDS / "ke-hoach-dang-uy-khoi-lam-dong.txt")
    assert dialog.number.text() == ""
    assert "không ghi số" in dialog.found.text() or "Không tìm thấy số" in dialog.found.text()
    dialog.add_requirements.setChecked(False)
    dialog.accept()
    assert messages and dialog.result() == 0  # refused: no number
    dialog.number.setText("15-KH/ĐUK")
    dialog.accept()
    with unit_of_work(engine) as s:
        assert [d.number for d in s.exec(select(Directive))] == ["15-KH/ĐUK"]
        assert s.exec(select(Requirement)).all() == []


def test_a_file_that_is_not_a_document_is_explained_and_the_form_kept(qtbot, ctx, tmp_path, messages):
    junk = tmp_path / "anh.pdf"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.number.setText("01/KH-X")
    dialog.load_file(junk)
    assert dialog.number.text() == "01/KH-X"
    assert messages and "anh.pdf" in messages[-1][1]


def test_fields_read_with_little_confidence_are_highlighted(qtbot, ctx, tmp_path):
    # Three bodies above the number: which is the issuer is a guess.
    path = tmp_path / "ke-hoach.txt"
    path.write_text("TỔNG LĐLĐ VIỆT NAM\nLĐLĐ TỈNH LAI CHÂU\nBAN TUYÊN GIÁO NỮ CÔNG\nSố: 45/KH-LĐLĐ\n"
                    "Lai Châu, ngày 20 tháng 3 năm 2024\nKẾ HOẠCH\nTổ chức Tháng Công nhân năm 2024\n"
                    "Các đơn vị báo cáo trước ngày 05/4/2024.\n", encoding="utf-8")
    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    assert dialog.number.text() == "45/KH-LĐLĐ" and dialog.issuer.text().startswith("BAN TUYÊN GIÁO NỮ CÔNG")
    assert "issuer" in dialog.doubtful_fields() and "number" not in dialog.doubtful_fields()
    assert dialog.issuer.styleSheet() and "đối chiếu" in dialog.issuer.toolTip()
    assert dialog.number.styleSheet() == "" and dialog.subject.styleSheet() == ""
    assert "Cần kiểm tra" in dialog.found.text() and "Cơ quan ban hành" in dialog.found.text()


def test_a_letter_read_from_its_file_is_saved_as_a_cong_van(qtbot, ctx, engine, tmp_path):
    path = tmp_path / "cong-van.txt"
    path.write_text("LĐLĐ HUYỆN TAM ĐƯỜNG\nSố: 730/LĐLĐ\nV/v đôn đốc báo cáo\nTam Đường, ngày 02 tháng 12 năm 2023\n"
                    "Kính gửi: Các công đoàn cơ sở.\n", encoding="utf-8")
    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.load_file(path)
    dialog.accept()
    with unit_of_work(engine) as s:
        (directive,) = s.exec(select(Directive)).all()
        assert (directive.number, directive.kind) == ("730/LĐLĐ", "CV")


def test_reading_runs_in_the_background_with_progress_and_can_be_stopped(qtbot, ctx, monkeypatch, messages):
    import threading

    from desktop.core.errors import UserError
    from desktop.io import directive_reading
    from desktop.ui.tasks import TaskRunner

    monkeypatch.setattr(TaskRunner, "inline", False)
    started = threading.Event()

    def slow_scan(path, progress, cancelled):
        progress(0.5, "Đang nhận dạng chữ trang 1/2…")
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise UserError("Đã dừng nhận dạng chữ tệp “ban-quet.pdf” theo yêu cầu. Không có gì được ghi.")

    monkeypatch.setattr(directive_reading, "read_directive_file", slow_scan)
    dialog = DirectiveDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.number.setText("01/KH-X")
    dialog.load_file(Path("ban-quet.pdf"))
    qtbot.waitUntil(lambda: dialog.progress.value() == 50, timeout=10_000)
    assert started.is_set() and not dialog.read_button.isEnabled() and dialog.stop_button.isVisibleTo(dialog)
    assert "trang 1/2" in dialog.progress_text.text()
    dialog.stop_reading()
    qtbot.waitUntil(lambda: dialog.read_button.isEnabled(), timeout=10_000)
    dialog.runner.wait()
    assert messages and "Đã dừng" in messages[-1][1]
    assert dialog.number.text() == "01/KH-X" and not dialog.progress.isVisibleTo(dialog)
