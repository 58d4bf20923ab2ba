"""The visible signature of Nghị định 30/2020: in the space left for the wet
signature, the signer's signature image in blue, the red seal at its actual
size covering the left third of it, then who signed and when; without
images, a framed text stamp. Drawn into the page before signing, so the
signature covers it."""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io.documents.fonts import FAMILY, register_fonts

MM = 72 / 25.4
SEAL_DEFAULT_MM = 36  # a round office seal, when the image says nothing of its size
SIGNATURE_MAX_MM = (45, 22)
BLUE = (0.05, 0.2, 0.65)


@dataclass
class SignatureAppearance:
    signer_name: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = None
    signature_image: Path | None = None
    seal_image: Path | None = None


@dataclass
class Spot:
    page: int  # 0-based
    x: float  # centre of the signer column, points
    y: float  # baseline of the signer's name, points
    height: float  # free space above the name, points


def find_spot(pdf: bytes, signer_name: str | None) -> Spot:
    """Where the wet signature would go: above the signer's name in the
    signature block (the last page that has it); else low on the right of
    the last page."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    found: Spot | None = None
    if signer_name:
        wanted = " ".join(signer_name.split())
        for number, page in enumerate(reader.pages):
            runs: list[tuple[str, float, float, float]] = []

            def visit(text, cm, tm, _font, size, runs=runs):
                if text.strip():
                    x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                    runs.append((" ".join(text.split()), x, y, size * (tm[3] or 1)))

            page.extract_text(visitor_text=visit)
            for text, x, y, size in runs:
                if text == wanted:
                    from reportlab.pdfbase.pdfmetrics import stringWidth

                    register_fonts()
                    width = stringWidth(text, f"{FAMILY}-Bold", size)
                    found = Spot(number, x + width / 2, y, 28 * MM)
    if found is not None:
        return found
    last = len(reader.pages) - 1
    box = reader.pages[last].mediabox
    return Spot(last, float(box.width) * 0.7, 60.0, 30 * MM)


def _image(path: Path, what: str):
    from reportlab.lib.utils import ImageReader

    try:
        img = ImageReader(str(path))
        w, h = img.getSize()
    except Exception as exc:  # noqa: BLE001 - any unreadable picture
        raise UserError(f"Không đọc được ảnh {what} “{Path(path).name}”; hãy dùng tệp .png nền trong suốt.") from exc
    dpi = None
    try:
        from PIL import Image

        with Image.open(path) as pil:
            dpi = pil.info.get("dpi", (None,))[0]
    except Exception:  # noqa: BLE001 - DPI is a nicety
        dpi = None
    return img, w, h, (float(dpi) if dpi and dpi > 1 else None)


def overlay(page_size: tuple[float, float], spot: Spot, look: SignatureAppearance, when: datetime,
            organization: str | None) -> bytes:
    """A one-page PDF, the size of the target page, holding only the stamp."""
    from reportlab.pdfgen import canvas

    family = register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_size)
    time_text = when.strftime("%d/%m/%Y %H:%M:%S %z")
    time_text = time_text[:-2] + ":" + time_text[-2:] if time_text[-5] in "+-" else time_text
    base = spot.y + 14  # above the name
    if look.signature_image or look.seal_image:
        sig_box = None
        if look.signature_image:
            img, w, h, _dpi = _image(look.signature_image, "chữ ký")
            scale = min(SIGNATURE_MAX_MM[0] * MM / w, SIGNATURE_MAX_MM[1] * MM / h, (spot.height - 10) / h)
            sw, sh = w * scale, h * scale
            sig_box = (spot.x - sw / 2, base + 8, sw, sh)
            c.drawImage(img, *sig_box, mask="auto")
        if look.seal_image:
            img, w, h, dpi = _image(look.seal_image, "con dấu")
            sw = w * 72 / dpi if dpi else SEAL_DEFAULT_MM * MM
            sh = h * sw / w
            if sig_box:
                # The seal's right edge a third of the way into the signature.
                x = sig_box[0] + sig_box[2] / 3 - sw
                y = sig_box[1] + sig_box[3] / 2 - sh / 2
            else:
                x, y = spot.x - sw / 2, base
            c.drawImage(img, x, y, sw, sh, mask="auto")
        c.setFillColorRGB(*BLUE)
        c.setFont(family, 7.5)
        c.drawCentredString(spot.x, base, f"Ký số: {time_text}")
    else:
        lines = [f"Ký số bởi: {organization or look.signer_name or ''}".strip()]
        if look.signer_name and organization:
            lines.append(f"{(look.signer_title or '').capitalize()} {look.signer_name}".strip())
        lines.append(f"Thời gian ký: {time_text}")
        c.setFont(family, 8)
        width = max(c.stringWidth(line, family, 8) for line in lines) + 12
        height = 11 * len(lines) + 8
        x0, y0 = spot.x - width / 2, base + (spot.height - height) / 2
        c.setStrokeColorRGB(*BLUE)
        c.setFillColorRGB(*BLUE)
        c.roundRect(x0, y0, width, height, 3, stroke=1, fill=0)
        for i, line in enumerate(lines):
            c.drawString(x0 + 6, y0 + height - 13 - 11 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def stamp_text_overlay(page_size: tuple[float, float], text_lines: list[str]) -> bytes:
    """The organisation's signature on an attachment: 10 pt text at the top
    right of page 1."""
    from reportlab.pdfgen import canvas

    family = register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=page_size)
    c.setFont(family, 10)
    c.setFillColorRGB(*BLUE)
    w, h = page_size
    for i, line in enumerate(text_lines):
        c.drawRightString(w - 20 * MM, h - 12 * MM - 12 * i, line)
    c.showPage()
    c.save()
    return buf.getvalue()
