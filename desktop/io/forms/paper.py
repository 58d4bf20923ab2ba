"""The paper form: the Excel form's twin on one A4 page, for a unit that
answers by hand (filled in, photographed, sent back)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from db.files import atomic_path
from desktop.core.dates import format_date
from desktop.core.forms import FormSpec
from desktop.io.documents.fonts import register_fonts
from desktop.io.documents.layout import text
from desktop.io.forms import layout as L


def paper_instructions(spec: FormSpec) -> list[str]:
    return [
        "1. Ghi số liệu vào cột “Số liệu”: số nguyên từ 0 trở lên (không có thì ghi 0), chữ số rõ ràng.",
        "2. Không sửa tên chỉ tiêu; cần giải thích thì ghi vào dòng “Ghi chú”.",
        f"3. Chủ tịch công đoàn ký, ghi rõ họ tên; chụp ảnh cả trang thật rõ nét gửi lại qua Zalo hoặc nộp trực tiếp "
        f"trước ngày {format_date(spec.due)}.",
        "4. Có máy tính: điền phiếu Excel cùng tên sẽ nhanh và chính xác hơn.",
    ]


def _styles(family: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=family, fontSize=12, leading=15)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=10.5, leading=13),
        "office": ParagraphStyle("office", parent=base, fontName=f"{family}-Bold"),
        "title": ParagraphStyle("title", parent=base, fontName=f"{family}-Bold", fontSize=15, leading=19, alignment=TA_CENTER),
        "subject": ParagraphStyle("subject", parent=base, fontName=f"{family}-Italic", alignment=TA_CENTER),
        "bold": ParagraphStyle("bold", parent=base, fontName=f"{family}-Bold"),
        "cell": ParagraphStyle("cell", parent=base, fontSize=11.5, leading=14),
    }


def render_form_pdf(spec: FormSpec, path: Path) -> Path:
    """Write the one-page paper form of ``spec`` to ``path`` (atomically)."""
    family = register_fonts()
    st = _styles(family)
    story = [
        Paragraph(text(spec.office.upper()), st["office"]),
        Spacer(1, 4 * mm),
        Paragraph("PHIẾU BÁO CÁO", st["title"]),
        Paragraph(text(spec.requirement_title), st["subject"]),
    ]
    if spec.directive:
        story.append(Paragraph(text(f"Thực hiện văn bản {spec.directive}"), st["subject"]))
    story.append(Spacer(1, 4 * mm))
    ident = [
        [Paragraph(L.LABELS["code"], st["bold"]), Paragraph(text(spec.unit_code), st["base"])],
        [Paragraph(L.LABELS["name"], st["bold"]), Paragraph(text(spec.unit_name), st["base"])],
        [Paragraph(L.LABELS["requirement"], st["bold"]), Paragraph(str(spec.requirement_id), st["base"])],
        [Paragraph(L.LABELS["period"], st["bold"]), Paragraph(text(spec.period_text), st["base"])],
        [Paragraph(L.LABELS["due"], st["bold"]), Paragraph(format_date(spec.due), st["base"])],
    ]
    t = Table(ident, colWidths=[45 * mm, 125 * mm])
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    story += [t, Spacer(1, 4 * mm)]
    rows = [[Paragraph(h, st["bold"]) for h in L.HEADERS]]
    rows += [[str(n), Paragraph(text(i.label), st["cell"]), ""] for n, i in enumerate(spec.indicators, 1)]
    rows.append(["", Paragraph(L.LABELS["note"], st["bold"]), ""])
    figures = Table(rows, colWidths=[14 * mm, 116 * mm, 40 * mm], rowHeights=[None] + [11 * mm] * (len(rows) - 1))
    figures.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9E1F2")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (0, -1), "CENTER"),
        ("FONTNAME", (0, 0), (-1, -1), family),
    ]))
    story += [figures, Spacer(1, 5 * mm), Paragraph("Hướng dẫn:", st["bold"])]
    for line in paper_instructions(spec):
        story.append(Paragraph(text(line), st["small"]))
    story += [
        Spacer(1, 8 * mm),
        Table([["", Paragraph("Ngày ...... tháng ...... năm ..........", st["subject"])],
               ["", Paragraph("<b>CHỦ TỊCH CÔNG ĐOÀN</b><br/>(ký, ghi rõ họ tên)", st["subject"])]],
              colWidths=[80 * mm, 90 * mm]),
    ]
    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(str(tmp), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=15 * mm,
                                bottomMargin=15 * mm, title=f"Phiếu báo cáo — {spec.unit_name}", author=spec.office)
        doc.build(story)
    return path
