"""Languages: the strings in the code are Vietnamese (the default); English
comes from ``resources/i18n/theodoi_en.ts``, compiled to ``.qm`` with
PySide6's lrelease on first use and kept in the user cache folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import platformdirs
from PySide6.QtCore import QTranslator

from desktop.resources import resource

_installed: list[QTranslator] = []


def compiled_translation(language: str) -> Path | None:
    """The ``.qm`` for ``language``, compiling the ``.ts`` when it is newer;
    None when there is none."""
    source = resource("i18n", f"theodoi_{language}.ts")
    shipped = source.with_suffix(".qm")
    if not source.exists():
        return shipped if shipped.exists() else None
    if shipped.exists() and shipped.stat().st_mtime >= source.stat().st_mtime:
        return shipped
    cache = Path(platformdirs.user_cache_dir("theodoi", appauthor=False)) / f"theodoi_{language}.qm"
    if cache.exists() and cache.stat().st_mtime >= source.stat().st_mtime:
        return cache
    lrelease = shutil.which("pyside6-lrelease")
    if lrelease is None:
        return None
    cache.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([lrelease, str(source), "-qm", str(cache)], capture_output=True, timeout=60)
    return cache if result.returncode == 0 and cache.exists() else None


def install_translator(app, language: str) -> bool:
    """Load ``language`` into ``app``; Vietnamese needs nothing."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language == "vi":
        return True
    path = compiled_translation(language)
    if path is None:
        return False
    translator = QTranslator(app)
    if translator.load(str(path)):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False
