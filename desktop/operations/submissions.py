"""Recording what units sent: one answer, an exemption, taking an entry
back, a whole tracking sheet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from db.models import Requirement
from desktop.core.directives import get_requirement
from desktop.core.errors import UserError
from desktop.core.periods import Period
from desktop.core.submissions import (
    Recorded,
    SubmissionImport,
    add_attachments,
    exempt_unit,
    import_submissions,
    parse_indicator_values,
    record_submission,
    undo_record,
)
from desktop.operations.refs import unit_ref
from desktop.operations.registry import Changes, SheetImport, Store, operation


@dataclass
class RecordResult:
    """One answer recorded: what the front ends show, and ``recorded``,
    which ``submissions.undo`` takes back."""

    id: int
    unit: str
    requirement: int
    period: Period
    received: date
    status: str  # "on_time" or "late"
    created: bool
    values: dict[str, Any]
    attachments: list[str]
    warnings: list[str]
    previous: dict | None
    recorded: Recorded = field(repr=False)


@operation("submissions.record", "Ghi nhận văn bản đơn vị gửi về", changes=Changes.SUBMISSIONS)
def record(store: Store, *, unit: int | str, requirement: int | str, received: date, period: int | None = None,
           doc_number: str | None = None, doc_date: date | None = None, values: dict[str, str] | None = None,
           note: str | None = None, files: list[str | Path] = ()) -> RecordResult:
    """Record (or correct) one unit's answer for one period, with its
    scanned files. ``values`` are the indicator values as typed, by key;
    blank ones are left out."""

    def work(session):
        u = unit_ref(session, unit)
        req = get_requirement(session, requirement)
        typed = parse_indicator_values(req, {k: v for k, v in (values or {}).items() if str(v).strip()})
        rec = record_submission(session, u, req, received_on=received, period=period, doc_number=doc_number,
                                doc_date=doc_date, values=typed, note=note)
        # Copied once the answer is known to be valid; the store is
        # content-addressed, so a copy left by a later failure is harmless.
        from desktop.io.attachments import store_file

        stored = [store_file(path, store.attachments) for path in files]
        add_attachments(session, rec.submission, stored)
        return RecordResult(
            id=rec.submission.id, unit=u.name, requirement=req.id, period=rec.period, received=received,
            status="on_time" if received <= rec.period.due else "late", created=rec.created,
            values=rec.submission.indicator_values or {}, attachments=[f.sha256 for f in stored],
            warnings=rec.warnings,
            previous=rec.previous and {k: rec.previous[k] for k in ("received_on", "doc_number", "indicator_values")},
            recorded=rec,
        )

    return store.change(work)


@operation("submissions.undo", "Hoàn tác lần ghi nhận vừa rồi", changes=Changes.SUBMISSIONS)
def undo(store: Store, recorded: Recorded) -> None:
    """Take back an entry made by ``submissions.record``."""
    store.change(lambda session: undo_record(session, recorded))


@dataclass
class ExemptResult:
    id: int
    unit: str
    requirement: int
    period: int | None
    reason: str


@operation("submissions.exempt", "Miễn cho đơn vị một yêu cầu", changes=Changes.SUBMISSIONS)
def exempt(store: Store, *, requirement: int | str, reason: str,
           entries: list[tuple[int | str, int | None]]) -> list[ExemptResult]:
    """Excuse each (unit, period) of ``entries`` from the requirement (a
    period of None: every period), all of them or none."""

    def work(session):
        req = get_requirement(session, requirement)
        out = []
        for ref, period in entries:
            u = unit_ref(session, ref)
            e = exempt_unit(session, u, req, reason=reason, period=period)
            out.append(ExemptResult(e.id, u.name, req.id, e.period, e.reason))
        return out

    return store.change(work)


class UnmatchedNames(UserError):
    """Rows of a tracking sheet whose unit matches nothing: nothing was
    imported. ``result`` holds the suggestions for each."""

    def __init__(self, message: str, result: SubmissionImport, sheet):
        super().__init__(message)
        self.result, self.sheet = result, sheet


@operation("submissions.import", "Nhập bảng theo dõi", changes=Changes.SUBMISSIONS)
def import_tracking_sheet(store: Store, path: str | Path, *, requirement: int | str, period: int | None = None,
                          columns: dict[str, str] | None = None, skip_unmatched: bool = False,
                          dry_run: bool = False) -> SheetImport:
    """Take in a tracking sheet for one requirement, all rows or none.
    Unit names that match nothing refuse the whole sheet
    (``UnmatchedNames``) unless ``skip_unmatched``; ``dry_run`` does all
    the work and writes nothing."""
    from db.bulk import without_gc
    from desktop.io.tracking_sheet import read_tracking_sheet

    def work(session):
        req = get_requirement(session, requirement)
        with without_gc():  # thousands of rows of plain values
            sheet = read_tracking_sheet(path, req.indicators or [], columns or {})
        result = import_submissions(session, req, sheet.rows, period=period)
        if result.unmatched and not skip_unmatched:
            names = "; ".join(f"dòng {u.row}: “{u.name}”" for u in result.unmatched[:10])
            more = f" và {len(result.unmatched) - 10} dòng khác" if len(result.unmatched) > 10 else ""
            raise UnmatchedNames(
                f"Không nhập gì: {len(result.unmatched)} tên đơn vị không khớp với đơn vị nào ({names}{more}). "
                "Hãy sửa tên trong tệp (xem gợi ý), thêm cột mã đơn vị, hoặc chọn bỏ qua các dòng đó.",
                result, sheet,
            )
        return SheetImport(sheet, result, dry_run)

    return store.trial(work) if dry_run else store.change(work)


def requirement_of(store: Store, requirement: int | str) -> Requirement:
    """The requirement, read (for a front end that shows its indicators
    before asking for values)."""
    return store.read(lambda session: get_requirement(session, requirement))
