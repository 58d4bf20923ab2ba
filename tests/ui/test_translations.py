"""Languages: the English file is complete and keeps every {placeholder};
switching to English really changes the window; Vietnamese gives Qt's own
buttons Vietnamese words. Every test leaves the application in Vietnamese."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QColorDialog, QDialogButtonBox, QFileDialog, QGroupBox, QLabel, QMessageBox, QPushButton

from desktop.ui.i18n import install_translator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
ENGLISH_TS = I18N / "theodoi_en.ts"
QT_VI_TS = I18N / "qtbase_vi.ts"
PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(context.findtext("name"), m) for context in root.iter("context") for m in context.iter("message")]


def lrelease_dir() -> str:
    """Where pyside6-lrelease is: on PATH, or next to this interpreter (the
    virtualenv is often not activated when the tests run)."""
    found = shutil.which("pyside6-lrelease")
    return str(Path(found).parent) if found else str(Path(sys.executable).parent)


@pytest.fixture(scope="session")
def qm_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("qm-cache")


@pytest.fixture
def language(qapp, monkeypatch, qm_cache):
    """Switch the application's language; back to Vietnamese afterwards.
    The .ts files are compiled into a cache of this test session, never
    into the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(qm_cache))
    monkeypatch.setenv("PATH", lrelease_dir() + os.pathsep + os.environ.get("PATH", ""))

    def switch(code: str) -> None:
        assert install_translator(qapp, code), f"translation {code!r} did not load"

    yield switch
    assert install_translator(qapp, "vi")


def test_english_main_window(qtbot, ctx, language):
    from desktop.ui.mainwindow import MainWindow

    language("en")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    screens = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert screens == ["Dashboard", "Units", "Directives", "Tracking", "Reports", "Exchange", "Settings"]
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&File", "&View", "&Help"]


def test_english_strings_that_were_passed_around(language):
    """Strings outside a widget's own tr(): schedules, status words, import
    column names, history field names."""
    from desktop.core.status import Status
    from desktop.ui.dialogs.import_units import field_labels
    from desktop.ui.dialogs.unit_history import FIELD_LABELS
    from desktop.ui.screens.directives import describe_schedule
    from desktop.ui.widgets.status_style import label

    language("en")
    yearly = SimpleNamespace(every_months=12, first_due=date(2025, 6, 30))
    assert describe_schedule(yearly) == "yearly, first period due 30/06/2025"
    assert label(Status.MISSING) == "Missing"
    assert field_labels()["code"] == "Unit code"
    assert QCoreApplication.translate("HistoryDialog", FIELD_LABELS["female_members"]) == "Female"


def test_vietnamese_qt_buttons(qtbot, language):
    language("vi")
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.Ok).text() == "Đồng ý"
    assert box.button(QDialogButtonBox.Cancel).text() == "Hủy"


def test_vietnamese_print_dialog(qtbot, language):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    language("vi")
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    dialog.printer_kept = printer  # the dialog keeps a pointer to it: it must outlive the dialog
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "In"
    buttons = {b.text() for b in dialog.findChildren(QPushButton) if b.text()}
    assert {"&In", "Hủy", "Tùy &chọn >>"} <= buttons, buttons
    assert not buttons & {"&Print", "Cancel", "&Options >>"}
    labels = " ".join(w.text() for w in dialog.findChildren(QLabel))
    assert "Máy in" in " ".join(w.title() for w in dialog.findChildren(QGroupBox)) or "Máy in" in labels


def test_vietnamese_page_setup_colour_and_file_dialogs(qtbot, language):
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrinter

    language("vi")
    printer = QPrinter()
    setup = QPageSetupDialog(printer)
    setup.printer_kept = printer  # the dialog keeps a pointer to it: it must outlive the dialog
    qtbot.addWidget(setup)
    texts = {w.text() for w in setup.findChildren(QLabel)} | {w.title() for w in setup.findChildren(QGroupBox)}
    assert {"Hướng giấy", "Lề"} <= texts or "Khổ giấy:" in texts, texts
    colour = QColorDialog()
    qtbot.addWidget(colour)
    assert colour.windowTitle() == "Chọn màu"
    files = QFileDialog(None, "", "", "")
    files.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(files)
    labels = {w.text() for w in files.findChildren(QLabel)}
    assert "&Loại tệp:" in labels, labels
    box = QMessageBox(QMessageBox.Question, "Theo dõi", "?", QMessageBox.Yes | QMessageBox.No)
    qtbot.addWidget(box)
    assert {box.button(QMessageBox.Yes).text(), box.button(QMessageBox.No).text()} == {"&Có", "&Không"}


def test_back_in_vietnamese_after_english(qtbot, language):
    language("en")
    assert QCoreApplication.translate("status", "Đúng hạn") == "On time"
    language("vi")
    assert QCoreApplication.translate("status", "Đúng hạn") == "Đúng hạn"


@pytest.mark.parametrize("ts", [ENGLISH_TS, QT_VI_TS], ids=lambda p: p.name)
def test_every_message_translated_with_same_placeholders(ts):
    found = messages(ts)
    assert found, f"{ts.name} has no messages"
    problems = []
    for context, m in found:
        source = m.findtext("source")
        translation = m.find("translation")
        if translation is None or translation.get("type") or not (translation.text or "").strip():
            problems.append(f"{context}: {source!r} is not translated")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(translation.text)):
            problems.append(f"{context}: {source!r} → {translation.text!r} changes the placeholders")
    assert not problems, "\n".join(problems)


def test_english_file_matches_the_sources(tmp_path):
    """Every string the code translates is in theodoi_en.ts, and nothing
    else: run lupdate over desktop/ui into a fresh file and compare."""
    lupdate = Path(lrelease_dir()) / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh_en.ts"
    sources = sorted(str(p) for p in (ROOT / "desktop" / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", *sources, "-ts", str(fresh)], check=True, timeout=120)
    expected = {(c, m.findtext("source")) for c, m in messages(fresh)}
    have = {(c, m.findtext("source")) for c, m in messages(ENGLISH_TS)}
    assert sorted(expected - have) == [], "not in theodoi_en.ts: run pyside6-lupdate and translate"
    assert sorted(have - expected) == [], "no longer in the code: run pyside6-lupdate -no-obsolete"
