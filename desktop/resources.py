"""Where the files in ``resources/`` (fonts, translations, templates,
schemas, icons) are found: through importlib.resources in a checkout or any
install, or inside a PyInstaller bundle. One place, so packaging changes
only this."""

from __future__ import annotations

import importlib.resources
import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(str(importlib.resources.files("resources")))


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
