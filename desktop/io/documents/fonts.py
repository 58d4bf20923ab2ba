"""The document typeface: Liberation Serif (Times New Roman metrics, full
Vietnamese), shipped in resources/fonts and embedded as a subset."""

from __future__ import annotations

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.core.errors import UserError
from desktop.resources import resource

FAMILY = "TheoDoiSerif"
FILES = {
    FAMILY: "LiberationSerif-Regular.ttf",
    f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
    f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
    f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
}
_registered = False


def register_fonts() -> str:
    """Register the family once; returns its name for paragraph styles."""
    global _registered
    if _registered:
        return FAMILY
    for name, file in FILES.items():
        path = resource("fonts", file)
        if not path.exists():
            raise UserError(f"Thiếu phông chữ “{file}” trong thư mục cài đặt ({path.parent}). Hãy cài lại Theo dõi.")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FAMILY, 0, 0, FAMILY)
    addMapping(FAMILY, 1, 0, f"{FAMILY}-Bold")
    addMapping(FAMILY, 0, 1, f"{FAMILY}-Italic")
    addMapping(FAMILY, 1, 1, f"{FAMILY}-BoldItalic")
    _registered = True
    return FAMILY
