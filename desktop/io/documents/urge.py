"""The urging letter (công văn đôn đốc) to the units still owing a
requirement, and the call list the clerk phones from."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm

from desktop.core.dates import format_date
from desktop.core.reports import UrgeFacts
from desktop.io.documents.layout import Heading, OfficialDocument, Signature
from desktop.io.documents.report import dated, recipients_for
from desktop.io.documents.wording import lower_first, number, reference, say


def urge_subject(facts: UrgeFacts) -> str:
    return say("don_doc", "vv", viec=lower_first(facts.requirement.requirement.title))


def render_urge_pdf(facts: UrgeFacts, *, number_text: str, issued_on: date, path: Path) -> int:
    """Write the letter to ``path``; returns the page count."""
    office, sec = facts.office, facts.requirement
    c = sec.counts
    subject = urge_subject(facts)
    doc = OfficialDocument(title=f"Công văn số {number_text}: {subject}", author=office.name, subject=subject)
    doc.heading(Heading(office.parent_name, office.name, number_text, dated(office.place, issued_on), subject_line=subject))
    doc.spacer(6)
    names = [u.name for u in facts.units]
    if len(names) == 1:
        doc.paragraph(f"{say('don_doc', 'kinh_gui')} {names[0]}.", style="kinh_gui")
    else:
        doc.paragraph(say("don_doc", "kinh_gui"), style="kinh_gui")
        for i, name in enumerate(names):
            doc.paragraph(f"- {name}{'.' if i == len(names) - 1 else ';'}", style="recipient_line")
    doc.spacer(8)
    ky = sec.period.label(sec.recurring)
    doc.paragraph(say("don_doc", "mo_dau", can_cu=reference(facts.directive, office), co_quan=office.name,
                      viec=lower_first(sec.requirement.title), ky=ky))
    doc.paragraph(say("don_doc", "tinh_hinh", ngay_tinh=format_date(facts.as_of), da_nop=number(c.submitted),
                      can_nop=number(c.expected), chua_nop=number(c.missing)))
    doc.paragraph(say("don_doc", "de_nghi", co_quan=office.name, han_moi=format_date(facts.new_due)))
    doc.signature(
        Signature(office.signing_authority, office.signer_title, office.signer_name,
                  ["Như Kính gửi;"] + recipients_for(office, None)),
        closing=say("don_doc", "ket_thuc"),
    )
    return doc.build(path)


def render_call_list_pdf(facts: UrgeFacts, *, path: Path) -> int:
    """A one-table list for the phone: unit, chairperson, phone, a column to
    note the answer."""
    office, sec = facts.office, facts.requirement
    doc = OfficialDocument(title=say("don_doc", "danh_sach_goi"), author=office.name, subject=urge_subject(facts))
    doc.paragraph(say("don_doc", "danh_sach_goi"), style="title")
    doc.paragraph(say("don_doc", "danh_sach_goi_mo_ta", ten_yeu_cau=sec.requirement.title, ky=sec.period.label(sec.recurring),
                      ngay_tinh=format_date(facts.as_of), han_moi=format_date(facts.new_due)), style="note")
    doc.spacer(8)
    rows = [[str(i), u.name, u.chair or "", u.phone or "", ""] for i, u in enumerate(facts.units, 1)]
    doc.table(["STT", "Đơn vị", "Chủ tịch", "Điện thoại", "Ghi chú khi gọi"], rows,
              [13 * mm, 62 * mm, 35 * mm, 28 * mm, None], centered={0, 3})
    return doc.build(path)
