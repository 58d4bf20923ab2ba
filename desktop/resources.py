"""Where the files in ``resources/`` (translations; fonts and templates
later) are found: beside the package in a source checkout or an editable
install, or inside a bundle. One place, so packaging changes only this."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
