"""The layers import only to their left: db <- core <- io <- ui and cli.
The core and the CLI never load Qt, so they run on a machine without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _imports(folder: Path) -> set[tuple[str, str]]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {(str(path.relative_to(ROOT)), a.name) for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                found.add((str(path.relative_to(ROOT)), node.module))
    return found


def test_db_imports_nothing_of_the_app():
    bad = {(f, m) for f, m in _imports(ROOT / "db") if m.startswith("desktop")}
    assert bad == set()


def test_core_imports_neither_qt_nor_io_nor_ui():
    bad = {(f, m) for f, m in _imports(ROOT / "desktop" / "core") if m.startswith(("PySide6", "desktop.io", "desktop.ui", "desktop.cli"))}
    assert bad == set()


def test_io_imports_neither_qt_nor_ui():
    bad = {(f, m) for f, m in _imports(ROOT / "desktop" / "io") if m.startswith(("PySide6", "desktop.ui", "desktop.cli"))}
    assert bad == set()


def test_the_command_line_runs_without_loading_qt(tmp_path):
    code = (
        "import sys; from desktop.cli import main; "
        f"main(['init', '--office', 'X', '--db', r'{tmp_path / 'x.sqlite3'}']); "
        f"rc = main(['status', '--db', r'{tmp_path / 'x.sqlite3'}']); "
        "assert 'PySide6' not in sys.modules, 'Qt loaded'; sys.exit(rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
