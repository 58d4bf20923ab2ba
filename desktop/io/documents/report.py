"""The report upward (báo cáo) as a PDF: heading, title, a body written from
the statistics, an editable assessment, recipients and signature, and an
appendix table unit by unit."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Mapping

from reportlab.lib.units import mm

from desktop.core.dates import format_date, official_date, place_date_line
from desktop.core.reports import ReportFacts, RequirementFacts, directive_reference
from desktop.core.status import Status
from desktop.io.documents.sections import phrase, report_text, section_paragraphs
from desktop.io.documents.layout import Heading, OfficialDocument, Signature
from desktop.io.documents.tables import TextTable, member_table, sector_table
from desktop.io.documents.wording import lower_first, number, percent, recipient, reference, say, sector_phrase

STATUS_WORDS = {
    Status.ON_TIME: "Đúng hạn",
    Status.LATE: "Chậm hạn",
    Status.MISSING: "Chưa thực hiện",
    Status.EXEMPT: "Được miễn",
    Status.PENDING: "Chưa đến hạn",
}
# Above this many units the unit-by-unit appendix is left to the workbook
# unless asked for: a province's report is its summary and tables.
ANNEX_LIMIT = 300
# The body names at most this many units still owing or exempt; beyond,
# it counts them and points to the appendix or the workbook, which list
# them all (a paragraph of a thousand names helps no reader).
NAMES_IN_BODY = 30


def dated(place: str | None, d: date) -> str:
    """The place-and-date line; without a place, the date alone."""
    return place_date_line(place, d) if place else official_date(d).capitalize()


def report_subject(facts: ReportFacts) -> str:
    return say("bao_cao", "trich_yeu", can_cu=directive_reference(facts.directive))


def annex_in_pdf(facts: ReportFacts, annex: bool | None) -> bool:
    """``annex`` None: the appendix goes in the PDF when no section counts
    more than ANNEX_LIMIT units; True always; False never."""
    if annex is not None:
        return annex
    return max((len(sec.rows) for sec in facts.sections), default=0) <= ANNEX_LIMIT


def _named(key: str, many_key: str, names: list[str], where: str) -> tuple[str, str]:
    if len(names) > NAMES_IN_BODY:
        return ("body", say("bao_cao", many_key, so=number(len(names)), noi=where))
    return ("body", say("bao_cao", key, danh_sach="; ".join(names)))


def _section_paragraphs(i: int, sec: RequirementFacts, as_of: date,
                        where: str = "phụ lục kèm theo") -> list[tuple[str, str | TextTable]]:
    c = sec.counts
    expected = c.expected
    out = [("heading", say("bao_cao", "yeu_cau", stt=i, ten_yeu_cau=sec.requirement.title, ky=sec.period.label(sec.recurring)))]
    if c.applicable == 0:
        return out + [("body", say("bao_cao", "khong_co_don_vi"))]
    exempt = say("bao_cao", "mien", so=c.exempt) if c.exempt else ""
    common = dict(phai_thuc_hien=number(c.applicable), mien=exempt, da_nop=number(c.submitted), can_nop=number(expected))
    if sec.period.due > as_of:
        out.append(("body", say("bao_cao", "so_lieu_chua_den_han", han=format_date(sec.period.due), **common)))
    else:
        out.append(("body", say("bao_cao", "so_lieu", ty_le=percent(c.submitted, expected), dung_han=number(c.on_time),
                                cham_han=number(c.late), chua_nop=number(c.missing), **common)))
    if len(sec.by_sector) > 1:
        parts = [say("bao_cao", "khoi", ten=name, khoi=sector_phrase(name), da_nop=number(k.submitted),
                     can_nop=number(k.expected)) for name, k in sec.by_sector.items()]
        out.append(("body", say("bao_cao", "theo_khoi", danh_sach="; ".join(parts))))
    if sec.indicators and c.submitted:
        parts = [f"{label if label.isupper() else lower_first(label)}: {number(total)}" for _k, label, total in sec.indicators]
        out.append(("body", say("bao_cao", "chi_tieu", danh_sach="; ".join(parts))))
    # The tables a province sends: by sector, and by member office for an
    # office whose units report by package.
    for table in (sector_table(sec), member_table(sec)):
        if table is not None:
            out.append(("table", table))
    missing = sec.names(Status.MISSING)
    if missing:
        out.append(_named("chua_nop", "chua_nop_nhieu", missing, where))
    if sec.exempt:
        listed = [f"{name} ({reason})" if reason else name for name, reason in sec.exempt]
        out.append(_named("duoc_mien", "duoc_mien_nhieu", listed, where))
    return out


def report_body(facts: ReportFacts, text: Mapping[str, str], *,
                with_annex: bool = True) -> list[tuple[str, str | TextTable]]:
    """The body between the opening and the closing, as (style, text), or
    ("table", a desktop.io.documents.tables.TextTable): the
    clerk's results, then the figures of each requirement (locked), the
    shortcomings and the proposals, under the headings I, II, III. Without
    the annex, the unit lists are pointed to in the workbook."""
    out = [("heading", phrase("muc", "ket_qua"))]
    out += [("body", p) for p in section_paragraphs(text["results"])]
    where = "phụ lục kèm theo" if with_annex else "tệp Excel kèm theo"
    for i, sec in enumerate(facts.sections, 1):
        out += _section_paragraphs(i, sec, facts.as_of, where)
    if not with_annex:
        out.append(("body", say("bao_cao", "phu_luc_trong_tep")))
    for key, heading in (("shortcomings", "ton_tai"), ("proposals", "de_xuat")):
        out.append(("heading", phrase("muc", heading)))
        out += [("body", p) for p in section_paragraphs(text[key])]
    return out


def body_table_widths(table: TextTable) -> list[float | None]:
    """Column widths (points; None: the room left) of a body table, in
    the portrait page: the name wide, the figures just wide enough."""
    n = len(table.header)
    if table.header[1] == "Khối":
        return [11 * mm, None] + [14 * mm] * 6 + [17 * mm] * (n - 8)
    return [11 * mm, None, 31 * mm, 22 * mm, 18 * mm] + [17 * mm] * (n - 5)


def body_table(doc: OfficialDocument, table: TextTable) -> None:
    """A table of the body, its caption above it."""
    doc.table(table.header, table.rows, body_table_widths(table), centered={0} | set(range(table.numeric_from, len(table.header))),
              total_row=table.total, wrapped={1, 2} if table.header[1] != "Khối" else {1}, caption=table.caption)
    doc.spacer(8)


def recipients_for(facts_office, extra: list[str] | None) -> list[str]:
    """The Nơi nhận lines, every name in normal case even when it was
    typed in a header's capitals."""
    out = [recipient(line) for line in extra or []]
    if not out and facts_office.parent_name:
        out.append(say("bao_cao", "noi_nhan_cap_tren", cap_tren=recipient(facts_office.parent_name)))
    out.append(say("bao_cao", "luu"))
    return out


def appendix_columns(sec: RequirementFacts) -> tuple[list[str], list[float | None], bool]:
    header = ["STT", "Tên đơn vị", "Khối", "Ngày nhận", "Số, ngày văn bản", "Tình trạng"]
    header += [label for _k, label, _t in sec.indicators] + ["Ghi chú"]
    wide = len(header) > 7
    if wide:
        widths = [13 * mm, 60 * mm, 30 * mm, 23 * mm, 38 * mm, 30 * mm] + [20 * mm] * len(sec.indicators) + [None]
    else:
        widths = [12 * mm, 50 * mm, 25 * mm, 22 * mm, None, 29 * mm, 0]
        header, widths = header[:-1], widths[:-1]  # no room for notes in portrait
    return header, widths, wide


def appendix_rows(sec: RequirementFacts, with_notes: bool) -> list[list[str]]:
    rows = []
    for i, r in enumerate(sec.rows, 1):
        doc = ", ".join(filter(None, [r.doc_number, f"ngày {format_date(r.doc_date)}" if r.doc_date else None]))
        row = [str(i), r.unit.name, r.unit.sector or "", format_date(r.received_on) if r.received_on else "", doc,
               STATUS_WORDS.get(r.status, "")]
        row += [number(r.values[k]) if k in r.values else "" for k, _l, _t in sec.indicators]
        if with_notes:
            row.append(r.note or "")
        rows.append(row)
    return rows


def render_report_pdf(
    facts: ReportFacts,
    *,
    number_text: str,
    issued_on: date,
    path: Path,
    assessment: str | None = None,
    recipients: list[str] | None = None,
    sections: Mapping[str, str | None] | None = None,
    annex: bool | None = None,
) -> int:
    """Write the report to ``path`` (the caller makes it atomic); returns the
    page count. ``sections`` are the clerk's texts (desktop.io.documents.sections),
    the prefilled ones where missing. ``annex``: the unit-by-unit appendix in
    the PDF (None: when no section counts more than ANNEX_LIMIT units); the
    workbook always has it, and without it the PDF says so in one line."""
    with_annex = annex_in_pdf(facts, annex)
    office = facts.office
    subject = report_subject(facts)
    doc = OfficialDocument(title=f"Báo cáo số {number_text}: {subject}", author=office.name, subject=subject)
    doc.heading(Heading(office.parent_name, office.name, number_text, dated(office.place, issued_on)))
    doc.title(say("bao_cao", "loai"), subject)
    ref = reference(facts.directive, office)
    doc.paragraph(say("bao_cao", "mo_dau", can_cu=ref, noi_dung_van_ban=lower_first(facts.directive.subject or ""),
                      co_quan=office.name, ngay_tinh=format_date(facts.as_of)))
    text = report_text(facts, sections, assessment)
    for style, content in report_body(facts, text, with_annex=with_annex):
        if style == "table":
            body_table(doc, content)
        else:
            doc.paragraph(content, style=style)
    doc.signature(
        Signature(office.signing_authority, office.signer_title, office.signer_name, recipients_for(office, recipients)),
        closing=" ".join(section_paragraphs(text["closing"])),
    )

    for sec in facts.sections if with_annex else []:
        header, widths, wide = appendix_columns(sec)
        doc.appendix(wide=wide)
        doc.paragraph(say("bao_cao", "phu_luc"), style="title")
        doc.paragraph(say("bao_cao", "phu_luc_mo_ta", ten_yeu_cau=sec.requirement.title, ky=sec.period.label(sec.recurring)), style="subtitle")
        doc.paragraph(say("bao_cao", "phu_luc_kem_theo", so=number_text, ngay=format_date(issued_on), co_quan=office.name), style="note")
        doc.spacer(8)
        rows = appendix_rows(sec, with_notes=wide)
        centered = {0, 3, 5} | set(range(6, 6 + len(sec.indicators)))
        total = None
        if rows:  # every table of figures ends on its totals
            total = ["", "Tổng cộng", "", "", "", f"{sec.counts.submitted}/{sec.counts.expected}"]
            total += [number(t) for _k, _l, t in sec.indicators] + ([""] if wide else [])
        wrapped = {1, 2, 4, 5} | ({len(header) - 1} if wide else set())
        doc.table(header, rows or [["", "Không có đơn vị nào thuộc diện thực hiện.", "", "", "", ""] + [""] * (len(header) - 6)],
                  widths, centered=centered, total_row=total, wrapped=wrapped)
    return doc.build(path)
