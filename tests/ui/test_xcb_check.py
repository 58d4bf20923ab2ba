"""A Linux desktop without the xcb libraries Qt needs: one Vietnamese line
naming the Debian packages, before Qt can abort in English."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.ui.xcb_check import XCB_LIBRARIES, missing_message, missing_packages, uses_xcb

ROOT = Path(__file__).resolve().parents[2]


def test_qt_would_use_xcb_only_on_a_linux_x_display():
    assert uses_xcb({"DISPLAY": ":0"}, "linux")
    assert uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux")
    assert not uses_xcb({"DISPLAY": ":0"}, "win32")
    assert not uses_xcb({}, "linux")


def test_the_missing_libraries_are_named_by_their_debian_packages():
    absent = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    assert missing_packages(lambda name: name not in absent) == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert missing_packages(lambda name: True) == []
    assert set(XCB_LIBRARIES.values()) >= {"libxcb-cursor0", "libxkbcommon-x11-0"}


def test_the_window_refuses_to_start_with_a_vietnamese_line(tmp_path):
    script = (
        "import sys, desktop.ui.xcb_check as x\n"
        "real = x._loads\n"
        "x._loads = lambda n: n not in ('libxcb-icccm.so.4', 'libxcb-keysyms.so.1') and real(n)\n"
        "from desktop.ui.app import run\n"
        "sys.exit(run(str(sys.argv[1]), ['theodoi']))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=":99", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.sqlite3")], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == missing_message(["libxcb-icccm4", "libxcb-keysyms1"])
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in done.stderr
    assert not (tmp_path / "x.sqlite3").exists()  # nothing was opened
