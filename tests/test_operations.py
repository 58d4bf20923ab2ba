"""One action, one function: the command line and the window run the same
registered operations, and neither front end does the operations' work.

The gaps still open are named, so the list can only shrink: a new command
without its place in the window fails here."""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
from pathlib import Path

import pytest

from desktop.cli import build_parser
from desktop.operations.registry import all_operations

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "desktop" / "ui"
CLI = ROOT / "desktop" / "cli"

# Commands whose window place is still to be built (issue "one action, one
# function"); each entry removed when its window action lands.
NOT_YET_IN_THE_WINDOW: set[str] = set()
# Commands that are no action on the data.
NOT_AN_ACTION = {"gui"}


def cli_commands() -> dict[str, str | None]:
    """Every leaf command of ``theodoi`` and the operation it runs."""
    found = {}

    def walk(parser, path):
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if not subs:
            found[" ".join(path)] = parser.get_default("operation")
        for a in subs:
            for name, sub in a.choices.items():
                walk(sub, (*path, name))

    walk(build_parser(), ())
    return found


def window_actions() -> dict[str, list[str]]:
    pytest.importorskip("PySide6")
    from desktop.ui.actions import all_window_actions

    return all_window_actions()


def test_every_command_runs_a_registered_operation():
    operations = all_operations()
    missing = {cmd for cmd, op in cli_commands().items()
               if cmd not in NOT_AN_ACTION | NOT_YET_IN_THE_WINDOW and op not in operations}
    assert missing == set()


def test_every_command_has_its_place_in_the_window():
    window = window_actions()
    lacking = {cmd for cmd, op in cli_commands().items() if cmd not in NOT_AN_ACTION and op not in window}
    assert lacking == NOT_YET_IN_THE_WINDOW, "a command the window does not offer (or a gap now closed)"


def test_every_window_action_names_a_registered_operation():
    assert set(window_actions()) - set(all_operations()) == set()


def _imports(folder: Path):
    for path in sorted(folder.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                yield path, node.module, [a.name for a in node.names]
            elif isinstance(node, ast.Import):
                for a in node.names:
                    yield path, a.name, []


def test_the_window_never_opens_a_session_or_commits():
    bad = [f"{p.relative_to(ROOT)}: {m}" for p, m, _ in _imports(UI) if m.startswith("db.session")]
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "commit":
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno} calls commit()")
            if isinstance(node, ast.Name) and node.id in ("unit_of_work", "run_transaction", "Session"):
                bad.append(f"{path.relative_to(ROOT)}:{node.lineno} uses {node.id}")
    assert bad == []


def _does_work(obj) -> bool:
    """A core or io function that works on the database (it takes a session
    or an engine): an action, which belongs to an operation."""
    if not inspect.isfunction(obj):
        return False
    params = list(inspect.signature(obj).parameters)
    return bool(params) and params[0] in ("session", "engine")


def test_the_command_line_takes_its_actions_from_the_operations_only():
    bad = []
    for path, module, names in _imports(CLI):
        if not module.startswith(("desktop.core", "desktop.io", "db.")):
            continue
        mod = importlib.import_module(module)
        for name in names:
            if _does_work(getattr(mod, name, None)):
                bad.append(f"{path.relative_to(ROOT)} imports {module}.{name}")
    assert bad == []


def test_operations_load_neither_qt_nor_a_front_end():
    bad = [(str(p.relative_to(ROOT)), m) for p, m, _ in _imports(ROOT / "desktop" / "operations")
           if m.startswith(("PySide6", "desktop.ui", "desktop.cli"))]
    assert bad == []
