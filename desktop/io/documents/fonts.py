"""The document typeface. Nghị định 30/2020/NĐ-CP names Times New Roman:
it is used where the PC has it (every Windows PC does; its licence allows
embedding for print and preview) and embedded as a subset. Elsewhere
Liberation Serif, shipped in resources/fonts, takes its place: same metrics,
full Vietnamese, so a document breaks its lines and pages the same way."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core.errors import UserError
from desktop.resources import resource

FAMILY = "TheoDoiSerif"
STYLES = ("", "-Bold", "-Italic", "-BoldItalic")
FILES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
# The names Times New Roman's files go by: Windows, macOS, Linux
# (msttcorefonts), lower-cased.
TIMES_FILES = {
    "": ("times.ttf", "times new roman.ttf", "times_new_roman.ttf", "timesnewroman.ttf", "timesnewromanpsmt.ttf"),
    "-Bold": ("timesbd.ttf", "times new roman bold.ttf", "times_new_roman_bold.ttf", "timesnewroman-bold.ttf",
              "timesnewromanbold.ttf", "timesnewromanps-boldmt.ttf"),
    "-Italic": ("timesi.ttf", "times new roman italic.ttf", "times_new_roman_italic.ttf", "timesnewroman-italic.ttf",
                "timesnewromanitalic.ttf", "timesnewromanps-italicmt.ttf"),
    "-BoldItalic": ("timesbi.ttf", "times new roman bold italic.ttf", "times_new_roman_bold_italic.ttf",
                    "timesnewroman-bolditalic.ttf", "timesnewromanbolditalic.ttf", "timesnewromanps-bolditalicmt.ttf"),
}
# Folders to look in instead of the system's (os.pathsep between them);
# set, even to an empty folder, it turns the system lookup off.
DIRS_VARIABLE = "THEODOI_FONT_DIRS"


@dataclass(frozen=True)
class Typeface:
    name: str  # "Times New Roman" or "Liberation Serif"
    files: tuple[tuple[str, Path], ...]  # (style suffix, file)


def font_dirs() -> list[Path]:
    """Where fonts are installed on this PC, most specific first."""
    override = os.environ.get(DIRS_VARIABLE)
    if override is not None:
        return [Path(p) for p in override.split(os.pathsep) if p]
    home = Path.home()
    if sys.platform == "win32":
        windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot") or r"C:\Windows"
        dirs = [Path(windir) / "Fonts"]
        if os.environ.get("LOCALAPPDATA"):
            dirs.append(Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [home / "Library" / "Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/System/Library/Fonts")]
    return [home / ".local" / "share" / "fonts", home / ".fonts", Path("/usr/local/share/fonts"), Path("/usr/share/fonts")]


def find_times(dirs: list[Path]) -> dict[str, Path] | None:
    """The four files of Times New Roman under ``dirs`` (searched through
    their subfolders), or None unless all four are there."""
    wanted = {name: suffix for suffix, names in TIMES_FILES.items() for name in names}
    found: dict[str, Path] = {}
    for folder in dirs:
        for root, _subdirs, names in os.walk(folder):
            for name in names:
                suffix = wanted.get(name.lower())
                if suffix is not None and suffix not in found:
                    found[suffix] = Path(root) / name
            if len(found) == len(STYLES):
                return found
    return None


def _liberation() -> dict[str, Path]:
    files = {}
    for suffix, file in zip(STYLES, FILES.values()):
        path = resource("fonts", file)
        if not path.exists():
            # An unbundled run may use the system's copy (fonts-liberation).
            system = [p for p in Path("/usr/share/fonts").glob(f"**/{file}")] if sys.platform.startswith("linux") else []
            if not system:
                raise UserError(f"Thiếu phông chữ “{file}” trong thư mục cài đặt ({path.parent}). Hãy cài lại Theo dõi.")
            path = system[0]
        files[suffix] = path
    return files


_lookups: dict[tuple[Path, ...], Typeface] = {}


def document_typeface() -> Typeface:
    """Times New Roman when this PC has it, else Liberation Serif. Looked
    up once per set of font folders."""
    dirs = tuple(font_dirs())
    if dirs not in _lookups:
        times = find_times(list(dirs))
        if times is not None:
            _lookups[dirs] = Typeface("Times New Roman", tuple((s, times[s]) for s in STYLES))
        else:
            _lookups[dirs] = Typeface("Liberation Serif", tuple(_liberation().items()))
    return _lookups[dirs]


_registered: Typeface | None = None
_registered_for: str | None = None


def register_fonts() -> str:
    """Register the document typeface under one family name (again only
    when the typeface found has changed); returns the name for styles."""
    global _registered, _registered_for
    # Asked for every document (and cell heights): only a change of the
    # folders to look in can change the answer.
    if _registered is not None and _registered_for == os.environ.get(DIRS_VARIABLE):
        return FAMILY
    typeface = document_typeface()
    _registered_for = os.environ.get(DIRS_VARIABLE)
    if typeface == _registered:
        return FAMILY
    fonts = {}
    for suffix, path in typeface.files:
        try:
            fonts[suffix] = TTFont(FAMILY + suffix, str(path))
        except Exception as exc:  # noqa: BLE001 - a damaged or non-embeddable file
            if typeface.name == "Times New Roman":
                # Never leave a document without a font: fall back.
                _lookups[tuple(font_dirs())] = Typeface("Liberation Serif", tuple(_liberation().items()))
                return register_fonts()
            raise UserError(f"Không dùng được phông chữ “{path}” ({exc}). Hãy cài lại Theo dõi.") from exc
    for font in fonts.values():
        # reportlab keeps the first font registered under a name: a
        # typeface found later (or lost) must replace it.
        old = pdfmetrics._fonts.pop(font.fontName, None)
        if old is not None and getattr(old, "face", None) is not None:
            pdfmetrics._dynFaceNames.pop(old.face.name, None)
        pdfmetrics.registerFont(font)
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    _registered = typeface
    return FAMILY


def registered_typeface() -> Typeface:
    register_fonts()
    assert _registered is not None
    return _registered
