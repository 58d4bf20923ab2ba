"""Two-way exchange across levels: assignments down (issue, take in, set
this office's own deadline), reports up reviewed by the office above
(accept, or return for correction with a signed notice going down)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import UserError
from desktop.operations.registry import Changes, Store, operation


@operation("assign.export", "Giao nhiệm vụ cho văn phòng trực thuộc", changes=Changes.DIRECTIVES)
def export(store: Store, directive: str, key, out_dir: str | Path, *, year: int | None = None,
           issuer: str | None = None):
    """Sign the directive numbered ``directive`` with its requirements into
    an assignment package in ``out_dir``; returns an ``AssignmentExported``."""
    from desktop.io.package.assign_exchange import export_assignment

    return export_assignment(store.engine, directive, key, Path(out_dir), year=year, issuer=issuer)


@operation("assign.import", "Nhận giao nhiệm vụ của cấp trên", changes=Changes.ALL)
def take_in(store: Store, files: list[str | Path], *, trust_new: bool = False, unseal_key=None) -> list:
    """Take in assignment packages from the office above, each on its own:
    one ``AssignmentResult`` per file."""
    from desktop.io.package.assign_exchange import import_assignment

    return [import_assignment(store.engine, Path(f), trust_new=trust_new, unseal_key=unseal_key) for f in files]


@operation("assign.list", "Giao nhiệm vụ đã nhận và đã giao")
def listed(store: Store) -> list:
    from desktop.core.assignments import assignments

    return store.read(assignments)


@dataclass
class Deadline:
    requirement: int
    title: str
    due: date
    upper_due: date | None


@operation("assign.deadline", "Đặt hạn riêng của văn phòng", changes=Changes.DIRECTIVES)
def deadline(store: Store, requirement: int | str, due: date) -> Deadline:
    """This office's own (earlier) deadline for its units on a requirement
    the office above assigned; never after the office above's."""
    from desktop.core.assignments import set_internal_due
    from desktop.core.directives import get_requirement

    def work(session):
        r = set_internal_due(session, get_requirement(session, requirement), due)
        return Deadline(r.id, r.title, r.first_due, r.upper_due)

    return store.change(work)


@dataclass
class Rule:
    requirement: int
    title: str
    rule: str


@operation("review.rule", "Cách tính ngày nhận của báo cáo sửa lại", changes=Changes.DIRECTIVES)
def correction_rule(store: Store, requirement: int | str, rule: str) -> Rule:
    """Which received date a report corrected after a return counts by:
    "by_date" (default), "first" or "correction"."""
    from desktop.core.assignments import set_correction_rule
    from desktop.core.directives import get_requirement

    def work(session):
        r = set_correction_rule(session, get_requirement(session, requirement), rule)
        return Rule(r.id, r.title, r.correction_rule or "by_date")

    return store.change(work)


@operation("review.list", "Báo cáo chờ duyệt")
def waiting(store: Store, *, every: bool = False) -> list:
    """Received reports still waiting for review (all with ``every``): a
    list of ``ReviewRow``."""
    from desktop.core.review import review_rows

    return store.read(lambda session: review_rows(session, every=every))


@dataclass
class Reviewed:
    id: int
    state: str
    office: str
    report_number: str
    notice: Path | None = None  # the signed notice to send down


def _notice(store: Store, package_id, key, out_dir, *, decision: str, reason: str | None,
            correct_by: date | None, check) -> tuple[Path | None, dict]:
    """Write the signed notice for a decision ``check(session)`` allows
    (run first as a trial, so a refusal writes no file)."""
    from desktop.core import clock
    from desktop.core.review import notice_facts, reviewer_name
    from desktop.io.package.notice import write_notice
    from desktop.io.signing import open_signer

    def facts(session):
        package = check(session)
        return notice_facts(session, package), reviewer_name(session)

    package, reviewer = store.trial(facts)
    if key is None or not out_dir:
        return None, package
    with open_signer(key) as signer:
        path = write_notice(Path(out_dir), signer, decision=decision, package=package, reviewer=reviewer,
                            reason=reason, correct_by=correct_by, reviewed_on=clock.today())
    return path, package


@operation("review.accept", "Chấp nhận báo cáo", changes=Changes.SUBMISSIONS)
def accept(store: Store, package: int | str, *, key=None, out_dir: str | Path | None = None) -> Reviewed:
    """Accept a received report (it keeps counting). With ``key`` and
    ``out_dir``, a signed notice of acceptance is written for the sender."""
    from desktop.core.review import accept_review

    path, facts = _notice(store, package, key, out_dir, decision="accepted", reason=None, correct_by=None,
                          check=lambda session: accept_review(session, package))
    try:
        done = store.change(lambda session: accept_review(session, package))
    except BaseException:
        if path is not None:
            path.unlink(missing_ok=True)
        raise
    return Reviewed(done.id, done.review, facts["sender"], done.report_number, path)


@operation("review.return", "Trả lại báo cáo để bổ sung", changes=Changes.SUBMISSIONS)
def give_back(store: Store, package: int | str, *, reason: str, correct_by: date | None = None, key=None,
              out_dir: str | Path | None = None) -> Reviewed:
    """Return a received report for correction with ``reason`` (and the
    date to correct by): it stops counting until its correction arrives; a
    signed notice for the sender is written into ``out_dir``."""
    from desktop.core.review import return_review

    if key is None or not out_dir:
        raise UserError("Cần khóa ký số và thư mục để ghi thông báo trả lại gửi cho đơn vị.")

    def check(session):
        return return_review(session, package, reason=reason, correct_by=correct_by)

    path, facts = _notice(store, package, key, out_dir, decision="returned", reason=" ".join(reason.split()),
                          correct_by=correct_by, check=check)
    try:
        done = store.change(check)
    except BaseException:
        if path is not None:
            path.unlink(missing_ok=True)
        raise
    return Reviewed(done.id, done.review, facts["sender"], done.report_number, path)


@dataclass
class SentRow:
    id: int
    report_number: str
    file_name: str
    created_on: date
    received_on: date | None  # from the receipt
    review: str | None  # from the office above's notice: returned | accepted
    reason: str | None
    correct_by: date | None
    reviewed_on: date | None


@operation("package.sent", "Gói báo cáo đã gửi lên")
def sent(store: Store) -> list[SentRow]:
    """Every package this office sent up, newest first, with what the
    office above said of it (received, returned with its reason, accepted)."""
    from sqlmodel import select

    from db.models import OutgoingDocument, SentPackage

    def work(session):
        rows = session.exec(select(SentPackage, OutgoingDocument).join(
            OutgoingDocument, OutgoingDocument.id == SentPackage.outgoing_document_id)
            .order_by(SentPackage.created_at.desc(), SentPackage.id.desc()))
        return [SentRow(p.id, d.number, p.file_name, p.created_at.date(), p.received_on, p.review, p.review_reason,
                        p.correct_by, p.reviewed_on) for p, d in rows]

    return store.read(work)
