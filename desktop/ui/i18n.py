"""Languages: the strings in the code are Vietnamese (the default); English
comes from ``resources/i18n/theodoi_en.ts``. Qt ships no Vietnamese for its
own dialogs and buttons (print, page setup, file, colour and message
boxes: "Print", "Options >>", "Cancel"), so ``qtbase_vi.ts`` supplies the
ones the app shows, under Qt's own contexts and source texts. Sources are compiled to ``.qm`` with PySide6's lrelease on first use
and kept in the user cache folder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLocale, QTranslator

from desktop.resources import resource

_installed: list[QTranslator] = []


def compiled_translation(name: str) -> Path | None:
    """The ``.qm`` for ``name`` (e.g. "theodoi_en", "qtbase_vi"), compiling the
    ``.ts`` when it is newer; None when there is none."""
    source = resource("i18n", f"{name}.ts")
    shipped = source.with_suffix(".qm")
    if not source.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    cache = Path(platformdirs.user_cache_dir("theodoi", appauthor=False)) / f"{name}.qm"
    if cache.exists() and cache.stat().st_mtime >= source.stat().st_mtime:
        return cache
    # Beside the interpreter too: a venv's scripts are there even when the
    # venv is not activated.
    beside = Path(sys.executable).with_name("pyside6-lrelease")
    lrelease = shutil.which("pyside6-lrelease") or (str(beside) if beside.exists() else None)
    if lrelease is None:
        return None
    cache.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([lrelease, str(source), "-qm", str(cache)], capture_output=True, timeout=60)
    return cache if result.returncode == 0 and cache.exists() else None


LANGUAGE_FILES = {"vi": ("qtbase_vi",), "en": ("theodoi_en",)}


def install_translator(app, language: str) -> bool:
    """Switch ``app`` to ``language`` ("vi" or "en"): translations and the
    locale used for dates and numbers in widgets. False if a translation
    could not be loaded."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam) if language == "vi" else QLocale(QLocale.English, QLocale.UnitedKingdom))
    ok = True
    for name in LANGUAGE_FILES.get(language, ()):
        path = compiled_translation(name)
        translator = QTranslator(app)
        if path is not None and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
        else:
            ok = False
    return ok
