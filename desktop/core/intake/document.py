"""A whole directive read: head, body, foot."""

from __future__ import annotations

from desktop.core.intake.confidence import settle_confidence
from desktop.core.intake.deadlines import find_deadlines, find_recurrence
from desktop.core.intake.fields import DirectiveFields
from desktop.core.intake.header import header_end, read_header
from desktop.core.intake.kinds import document_kind
from desktop.core.intake.layout import RECIPIENTS, columns, read_lines
from desktop.core.intake.references import find_references, impossible_date_warnings
from desktop.core.intake.signature import (
    read_recipients,
    read_signature,
    signature_start,
    split_foot,
)
from desktop.core.intake.subject import (
    split_title_line,
    subject_under_title,
    title_index,
)


def extract_directive(text: str, *, wrapped: bool = True, word_confidence: dict[str, float] | None = None) -> DirectiveFields:
    """Every field a clerk records, from the text of a directive (already
    Unicode: legacy encodings are converted by the reader; columns printed
    side by side separated by a tab, see ``layout``). ``wrapped`` is False
    when each line is a whole paragraph (text from a .docx).
    ``word_confidence`` (folded word -> 0..1) comes with text read by OCR.
    Missing fields are None and explained in ``warnings``; how sure each
    reading is goes in ``confidence``."""
    fields = DirectiveFields()
    lines, breaks = read_lines(text, wrapped=wrapped)
    title_at = title_index(lines)
    if title_at is None or (title_at + 1 < len(lines) and lines[title_at + 1].startswith("Điều ")):
        # No title line, or only a decision's "QUYẾT ĐỊNH:" above its
        # articles: the real title may be run into its subject higher up.
        above = title_at if title_at is not None else 40
        head, shifted, split_at = split_title_line(lines[:above], breaks)
        if split_at is not None:
            lines, breaks, title_at = head + lines[above:], shifted, split_at
    end = header_end(lines, title_at)
    read_header(lines, end, fields)
    body_start = end
    if title_at is not None:
        fields.title = lines[title_at].strip(" .:")
        subject, after = subject_under_title(lines, title_at, breaks)
        if subject and not fields.subject:
            fields.subject = subject
            fields.confidence["subject"] = 0.9 if after in breaks or after >= len(lines) else 0.8
        body_start = after if subject else title_at + 1
    elif fields.subject:
        body_start = next((i for i in range(end, min(len(lines), end + 3)) if fields.subject.endswith(lines[i])), end - 1) + 1
        body_start = max(body_start, end)
    fields.kind, sure = document_kind(fields.number, fields.title, fields.subject)
    if fields.kind:
        fields.confidence["kind"] = sure

    recipients_at = next((i for i in range(len(lines) - 1, body_start - 1, -1) if RECIPIENTS.match(columns(lines[i])[0])), None)
    sign_at = signature_start(lines, max(body_start, (recipients_at if recipients_at is not None else len(lines)) - 12))
    recipient_lines, signature_lines = split_foot(lines, recipients_at, sign_at)
    read_signature(signature_lines, fields)
    fields.recipients = read_recipients(recipient_lines) if recipients_at is not None else []
    if fields.recipients:
        fields.confidence["recipients"] = 0.95
    ends = [i for i in (recipients_at, sign_at) if i is not None]
    body = [columns(line)[0] + (" " + columns(line)[1] if columns(line)[1] else "")
            for line in lines[body_start:min(ends) if ends else len(lines)]]

    everything = "\n".join(lines)
    fields.referenced_documents = find_references(everything, fields.number)
    year = fields.issued_on.year if fields.issued_on else None
    fields.deadlines = find_deadlines(body, year, fields.issued_on)
    fields.recurrence = find_recurrence(body)
    fields.warnings += impossible_date_warnings(everything)
    _explain_missing(fields)
    settle_confidence(fields, word_confidence)
    return fields


_MISSING = {
    "number": "Không tìm thấy số, ký hiệu văn bản (dòng “Số: …”); văn bản có thể không ghi số. Khi vào sổ, hãy nhập số, ký hiệu của văn bản.",
    "issued_on": "Không tìm thấy ngày ban hành (dòng “…, ngày … tháng … năm …”).",
    "issuer": "Không tìm thấy cơ quan ban hành ở góc trên bên trái văn bản.",
    "subject": "Không tìm thấy trích yếu (dòng dưới tên loại văn bản, hoặc “V/v …”).",
    "signer_name": "Không tìm thấy họ tên người ký.",
}


def _explain_missing(fields: DirectiveFields) -> None:
    for name in fields.missing():
        if name in _MISSING and not (name == "issued_on" and any("Ngày ban hành" in w for w in fields.warnings)):
            fields.warnings.append(_MISSING[name])
