"""Requirements to register, proposed from what a directive sets."""

from __future__ import annotations

from datetime import date

from desktop.core.dates import month_end
from desktop.core.intake.fields import DirectiveFields, ProposedRequirement


def _short(sentence: str, limit: int = 160) -> str:
    text = sentence.rstrip(" .;")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;") + "…"


def first_period_end(after: date, every_months: int) -> date:
    """The first month end after ``after`` that closes a calendar period of
    ``every_months`` months (30/06 and 31/12 for six-monthly reports)."""
    year, month = after.year, after.month
    for _ in range(24):
        if month % every_months == 0 and month_end(year, month) > after:
            return month_end(year, month)
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return month_end(year, month)


def propose_requirements(fields: DirectiveFields) -> tuple[list[ProposedRequirement], list[str]]:
    """Requirements to register from the deadlines (one each) and the
    reporting cycle; and why some could not be proposed."""
    proposals: list[ProposedRequirement] = []
    notes: list[str] = []
    for d in fields.deadlines:
        if d.date is None:
            if d.problem:
                notes.append(f"Hạn {d.problem} trong câu “{_short(d.text, 80)}”; chưa đề xuất yêu cầu, hãy nhập hạn bằng tay.")
            else:
                notes.append(f"Không rõ năm của hạn trong câu “{_short(d.text, 80)}”; chưa đề xuất yêu cầu.")
            continue
        proposals.append(ProposedRequirement(_short(d.text), due=d.date, source=d.text))
    if fields.recurrence:
        r = fields.recurrence
        if fields.issued_on is None:
            notes.append(f"Chu kỳ báo cáo “{r.text}”: không có ngày ban hành để tính hạn kỳ đầu; chưa đề xuất.")
        else:
            proposals.append(
                ProposedRequirement(
                    _short(r.sentence), every_months=r.every_months,
                    first_due=first_period_end(fields.issued_on, r.every_months), source=r.sentence,
                )
            )
    return proposals, notes
