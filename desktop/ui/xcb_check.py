"""Before Qt starts on a Linux desktop: the X11 (xcb) libraries Qt's xcb
plugin loads. A fresh desktop often lacks a few (libxcb-icccm4,
libxcb-keysyms1, libxcb-cursor0); Qt then aborts with an English message
about plugins. Here the clerk gets one Vietnamese line naming the Debian
packages to install instead. No Qt is imported in this module."""

from __future__ import annotations

import ctypes
import os
import sys
from typing import Callable, Mapping

# The libraries libqxcb.so and libQt6XcbQpa.so.6 need (readelf -d, PySide6
# 6.x), with the Debian/Ubuntu package of each.
XCB_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def uses_xcb(environ: Mapping[str, str] = os.environ, platform: str = sys.platform) -> bool:
    """Whether Qt would start its xcb plugin: Linux, no other platform
    asked for (QT_QPA_PLATFORM), and an X display rather than a Wayland
    session Qt would use natively."""
    if not platform.startswith("linux"):
        return False
    asked = environ.get("QT_QPA_PLATFORM", "")
    if asked:
        return asked.split(";")[0].split(":")[0] == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return bool(environ.get("DISPLAY")) and not wayland


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_packages(loads: Callable[[str], bool] | None = None) -> list[str]:
    """The Debian packages of the xcb libraries that cannot be loaded, in
    the order above; empty when all are there."""
    loads = loads or _loads
    return [package for library, package in XCB_LIBRARIES.items() if not loads(library)]


def missing_message(packages: list[str]) -> str:
    return (
        "Theo dõi chưa mở được cửa sổ: máy này còn thiếu thư viện đồ họa X11 ("
        + ", ".join(packages)
        + "). Hãy cài bằng lệnh: sudo apt install "
        + " ".join(packages)
        + " rồi mở lại Theo dõi."
    )
