"""The parts of a report people write: results (kết quả đạt được),
shortcomings and their causes (tồn tại, hạn chế và nguyên nhân), proposals
(đề xuất, kiến nghị) and the closing sentence. Each is prefilled from the
figures with plain Vietnamese the clerk rewrites; the figures themselves
stay locked in the body the report renders around these texts.

Texts are plain strings; a line break starts a new paragraph."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

from desktop.core.dates import format_date
from desktop.core.errors import UserError
from desktop.core.reports import ReportFacts, RequirementFacts
from desktop.core.status import Counts, Status
from desktop.core.vntext import clean, sort_key
from desktop.io.documents.wording import _templates, normal_case, number, percent, reference, say, sector_phrase

SECTION_KEYS = ("results", "shortcomings", "proposals", "closing")
# The names the clerk sees, in the window and in refusals.
SECTION_NAMES = {
    "results": "Kết quả đạt được",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân",
    "proposals": "Đề xuất, kiến nghị",
    "closing": "Kết thúc",
}
MAX_SECTION_CHARS = 50_000


def phrase(section: str, key: str, **values) -> str:
    """The sentence ``key`` of ``section`` in resources/templates/ban-thao.ini."""
    parser = _templates("ban-thao")
    try:
        return " ".join(parser.get(section, key).split()).format(**values)
    except Exception as exc:  # configparser.Error, KeyError, IndexError
        raise UserError(f"Mẫu bản thảo [{section}] “{key}” bị thiếu hoặc sai chỗ cần điền ({exc}).") from exc


def section_paragraphs(text: str | None) -> list[str]:
    """A section's text as paragraphs: one per line, each cleaned, blank
    lines dropped."""
    if not text:
        return []
    return [p for p in (clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")) if p]


def tidy(text: str | None) -> str:
    """A section's text as it is stored: NFC paragraphs, a blank line between."""
    return "\n\n".join(section_paragraphs(text))


def _due(facts: ReportFacts) -> list[RequirementFacts]:
    return [s for s in facts.sections if s.period.due <= facts.as_of and s.counts.applicable]


def _total(sections: list[RequirementFacts]) -> Counts:
    total = Counts()
    for s in sections:
        for name in ("applicable", "on_time", "late", "missing", "exempt", "pending"):
            setattr(total, name, getattr(total, name) + getattr(s.counts, name))
    return total


def _sectors(sections: list[RequirementFacts]) -> list[tuple[str, Counts]]:
    """The sectors with units owing an answer, best rate first."""
    by: dict[str, Counts] = {}
    for s in sections:
        for name, c in s.by_sector.items():
            t = by.setdefault(name, Counts())
            for field in ("applicable", "on_time", "late", "missing", "exempt"):
                setattr(t, field, getattr(t, field) + getattr(c, field))
    ranked = [(n, c) for n, c in by.items() if c.expected]
    return sorted(ranked, key=lambda nc: (-nc[1].submitted / nc[1].expected, sort_key(nc[0])))


def _rate(c: Counts) -> float:
    return c.submitted / c.expected


def _tied(sectors: list[tuple[str, Counts]], *, first: bool) -> list[tuple[str, Counts]]:
    """The sectors sharing the best (``first``) or the worst rate."""
    if not sectors:
        return []
    edge = _rate(sectors[0][1] if first else sectors[-1][1])
    return [(n, c) for n, c in sectors if _rate(c) == edge]


def _sector_list(sectors: list[tuple[str, Counts]]) -> str:
    return "; ".join(phrase("ket_qua", "khoi", ten=n, khoi=sector_phrase(n), da_nop=number(c.submitted), can_nop=number(c.expected))
                     for n, c in sectors)


def default_sections(facts: ReportFacts) -> dict[str, str]:
    """The four texts a new draft starts with, from the figures: how many
    units reported, on time, late or not at all, the sector lagging, and
    what the office proposes."""
    office = facts.office
    ref = reference(facts.directive, office)
    due = _due(facts)
    total = _total(due)
    one = len(due) == 1

    results = [phrase("ket_qua", "trien_khai", can_cu=ref, co_quan=office.name)]
    if not due or not total.expected:
        results.append(phrase("ket_qua", "chua_den_han", co_quan=office.name))
    else:
        results.append(phrase("ket_qua", "tong_hop_mot" if one else "tong_hop", ngay_tinh=format_date(facts.as_of),
                              da_nop=number(total.submitted), can_nop=number(total.expected),
                              ty_le=percent(total.submitted, total.expected), dung_han=number(total.on_time)))
    sectors = _sectors(due)
    best = _tied(sectors, first=True)
    worst = _tied(sectors, first=False)
    if len(sectors) > 1 and sectors[0][1].submitted and len(best) < len(sectors):
        results.append(phrase("ket_qua", "khoi_tot", danh_sach=_sector_list(best)))

    if not due or not total.expected:
        shortcomings = [phrase("ton_tai", "chua_den_han")]
    elif total.late + total.missing == 0:
        shortcomings = [phrase("ton_tai", "khong_co")]
    else:
        shortcomings = [phrase("ton_tai", "cham_thieu_mot" if one else "cham_thieu", chua_nop=number(total.missing), cham_han=number(total.late))]
        if len(sectors) > 1 and len(worst) < len(sectors):
            shortcomings.append(phrase("ton_tai", "khoi_cham", danh_sach=_sector_list(worst)))
        shortcomings.append(phrase("ton_tai", "nguyen_nhan"))

    proposals = []
    if office.parent_name:
        proposals.append(phrase("de_xuat", "cap_tren", cap_tren=normal_case(office.parent_name),
                                    can_cu=reference(facts.directive, office, office.parent_name)))
    owing = {r.unit.id for s in due for r in s.rows if r.status is Status.MISSING}
    if owing:
        proposals.append(phrase("de_xuat", "don_doc", co_quan=office.name, so=number(len(owing))))
    elif not due or not total.expected:
        proposals.append(phrase("de_xuat", "chua_den_han", co_quan=office.name))
    else:
        proposals.append(phrase("de_xuat", "duy_tri", co_quan=office.name))

    closing = say("bao_cao", "ket_thuc", can_cu=ref, co_quan=office.name)
    return {"results": "\n\n".join(results), "shortcomings": "\n\n".join(shortcomings),
            "proposals": "\n\n".join(proposals), "closing": closing}


def report_text(facts: ReportFacts, sections: Mapping[str, str | None] | None = None,
                assessment: str | None = None) -> dict[str, str]:
    """The four texts a report prints: the clerk's where given (blank
    counts as not given), the prefilled ones elsewhere. ``assessment``, the
    single text box of earlier versions, stands for the results when no
    ``sections`` are given."""
    text = default_sections(facts)
    if sections is None and assessment and assessment.strip():
        # Earlier assessments separate paragraphs by blank lines only.
        text["results"] = "\n\n".join(" ".join(p.split()) for p in assessment.replace("\r\n", "\n").split("\n\n")
                                      if p.strip())
    for key in SECTION_KEYS:
        given = (sections or {}).get(key)
        if given and given.strip():
            text[key] = tidy(given)
    return {k: tidy(v) for k, v in text.items()}


def check_sections(value: object, where: str) -> dict[str, str]:
    """``value`` as a sections mapping, refused in words naming ``where``
    (a file, a field) unless it is an object of known keys and texts."""
    if not isinstance(value, dict):
        raise UserError(f"{where} phải là một đối tượng JSON, ví dụ {{\"results\": \"…\", \"proposals\": \"…\"}}.")
    unknown = sorted(set(value) - set(SECTION_KEYS))
    if unknown:
        raise UserError(f"{where} có mục “{unknown[0]}” không dùng được; các mục là: " + ", ".join(
            f"{k} ({SECTION_NAMES[k]})" for k in SECTION_KEYS) + ". Hãy sửa tên mục.")
    out = {}
    for key, text in value.items():
        if text is None:
            continue
        if not isinstance(text, str):
            raise UserError(f"Mục “{key}” ({SECTION_NAMES[key]}) trong {where} phải là văn bản (trong dấu ngoặc kép).")
        if len(text) > MAX_SECTION_CHARS:
            raise UserError(f"Mục “{key}” ({SECTION_NAMES[key]}) trong {where} dài quá {MAX_SECTION_CHARS:,} ký tự; "
                            "hãy rút gọn hoặc đưa phần chi tiết vào phụ lục.".replace(",", "."))
        out[key] = text
    return out


def read_sections_file(path: str | Path) -> dict[str, str]:
    """The clerk's sections from a UTF-8 JSON file
    (``{"results": "…", "shortcomings": "…", "proposals": "…", "closing": "…"}``,
    each optional)."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{p}” ({exc.strerror}). Hãy kiểm tra đường dẫn.") from exc
    if len(raw) > 4 * MAX_SECTION_CHARS * 4:
        raise UserError(f"Tệp “{p}” lớn bất thường ({len(raw) // 1024} KB); tệp các mục báo cáo chỉ chứa văn bản.")
    try:
        value = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise UserError(f"Tệp “{p}” không phải văn bản UTF-8. Hãy lưu lại với mã hóa UTF-8.") from exc
    except ValueError as exc:
        raise UserError(f"Tệp “{p}” không phải JSON đúng dạng (dòng {getattr(exc, 'lineno', '?')}): hãy kiểm tra dấu "
                        "ngoặc kép và dấu phẩy giữa các mục.") from exc
    return check_sections(value, f"tệp “{p}”")
