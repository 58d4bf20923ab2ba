"""What the window can show is worded for any front end: no command-line
flag ("--number", "--reason", "--column …") in a message that a dialog may
display. The scan reads every Vietnamese string in the code the window runs
(core, io, ui); docstrings and ASCII-only strings (program arguments such
as pg_dump's) are not messages."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z-]+")
# Being rewritten on other branches at the time of writing; their flag
# messages are listed for the merge. Remove a file here once it is clean.
BEING_REWRITTEN = {
    "desktop/core/directives.py",
    "desktop/core/register.py",
    "desktop/core/status.py",
    "desktop/core/units.py",
    "desktop/core/exchange.py",
    # The demo's refusal of a database with data names --force; the window
    # offers the demo only on an empty database (first start), and the
    # command line's own hint belongs with the demo operation being built.
    "desktop/core/demo.py",
}


def _messages(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                and any(ord(c) > 127 for c in node.value)):
            yield node.lineno, node.value


def flagged(folders=("desktop/core", "desktop/io", "desktop/ui")) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = path.relative_to(ROOT).as_posix()
            if name in BEING_REWRITTEN:
                continue
            for line, text in _messages(path):
                if FLAG.search(text):
                    found.append(f"{name}:{line}: {text.strip()[:90]}")
    return found


def test_no_window_message_names_a_command_line_flag():
    assert flagged() == []


def test_the_scan_finds_a_flag_in_a_message(tmp_path, monkeypatch):
    sample = tmp_path / "desktop" / "core" / "sample.py"
    sample.parent.mkdir(parents=True)
    sample.write_text('"""Doc with --flag."""\nraise UserError("Lý do (--reason) không được để trống.")\n'
                      'ARGS = ["--format=custom"]\n', encoding="utf-8")
    import tests.ui.test_window_messages as me

    monkeypatch.setattr(me, "ROOT", tmp_path)
    assert me.flagged(("desktop/core",)) == ["desktop/core/sample.py:2: Lý do (--reason) không được để trống."]


def test_mail_not_set_up_names_what_is_missing_without_a_command():
    from desktop.core.outbox import MailSettings

    assert MailSettings(port=587).missing() == ["máy chủ SMTP", "địa chỉ gửi"]
    assert MailSettings(host="smtp.example.vn", port=587, sender="a@b.vn").missing() == []
