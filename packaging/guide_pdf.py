"""The user guide as a PDF: docs/huong-dan-su-dung.md set in the documents'
typeface (Liberation Serif, full Vietnamese). Understands the Markdown the
guide uses: headings, paragraphs, bullet and numbered lists, images,
`code` and fenced code blocks, **bold**."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _inline(text: str) -> str:
    text = html.escape(text, quote=False)
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"`(.+?)`", r"<i>\1</i>", text)
    return re.sub(r"\[(.+?)\]\((.+?)\)", r"\1", text)


def build(source: Path, target: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Image, ListFlowable, ListItem, Paragraph, Preformatted, SimpleDocTemplate, Spacer

    from desktop.io.documents.fonts import register_fonts

    family = register_fonts()
    body = ParagraphStyle("body", fontName=family, fontSize=12, leading=16, spaceAfter=6)
    heads = {n: ParagraphStyle(f"h{n}", parent=body, fontName=f"{family}-Bold", fontSize=size, leading=size * 1.3,
                               spaceBefore=10, spaceAfter=6) for n, size in ((1, 20), (2, 15), (3, 13))}
    # The document face for code too: Courier has no Vietnamese letters.
    code = ParagraphStyle("code", fontName=family, fontSize=10, leading=12, leftIndent=6 * mm, spaceAfter=6)
    story: list = []
    items: list = []
    numbered = False
    lines = source.read_text(encoding="utf-8").splitlines()
    paragraph: list[str] = []
    width = A4[0] - 40 * mm

    def flush():
        nonlocal items, paragraph
        if paragraph:
            story.append(Paragraph(_inline(" ".join(paragraph)), body))
            paragraph = []
        if items:
            story.append(ListFlowable([ListItem(Paragraph(_inline(t), body)) for t in items],
                                      bulletType="1" if numbered else "bullet", start="1" if numbered else None,
                                      bulletFontName=family, leftIndent=8 * mm))
            items = []

    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if line.startswith("```"):
            flush()
            block = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                block.append(lines[i])
                i += 1
            story.append(Preformatted("\n".join(block), code))
        elif m := re.match(r"^(#{1,3}) (.*)", line):
            flush()
            story.append(Paragraph(_inline(m.group(2)), heads[len(m.group(1))]))
        elif m := re.match(r"^!\[(.*?)\]\((.+?)\)", line):
            flush()
            picture = (source.parent / m.group(2)).resolve()
            if picture.is_file():
                img = Image(str(picture))
                scale = min(1.0, width / img.imageWidth)
                img.drawWidth, img.drawHeight = img.imageWidth * scale, img.imageHeight * scale
                story += [img, Spacer(1, 4)]
        elif m := re.match(r"^(\d+\.|-) (.*)", line):
            if paragraph:
                story.append(Paragraph(_inline(" ".join(paragraph)), body))
                paragraph = []
            kind = m.group(1) != "-"
            if items and kind != numbered:
                flush()
            numbered = kind
            items.append(m.group(2))
        elif line.startswith("  ") and items:
            items[-1] += " " + line.strip()
        elif not line.strip():
            flush()
        else:
            if items:
                flush()
            paragraph.append(line.strip())
        i += 1
    flush()
    target.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=18 * mm, title="Hướng dẫn sử dụng Theo dõi", author="Theo dõi")
    doc.build(story)
    return target


if __name__ == "__main__":
    print(build(ROOT / "docs" / "huong-dan-su-dung.md", Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "huong-dan-su-dung.pdf"))
