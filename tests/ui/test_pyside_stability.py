"""PySide6 6.12.0 on Python 3.11 aborts ("none_dealloc: deallocating None")
after a few thousand calls of methods that return nothing. The pin in
pyproject.toml keeps it out; this test fails if a release with the bug
comes back in."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
model = QStandardItemModel()
for i in range(20000):
    label.setText(str(i))
    model.appendRow(QStandardItem(str(i)))
print("ok", model.rowCount())
"""


def test_many_calls_of_void_methods_do_not_abort_the_interpreter():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok 20000"
