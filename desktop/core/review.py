"""Review of a received report, beside its import status: waiting (chờ
duyệt) until a person accepts it or returns it for correction (trả lại để
bổ sung) with a reason; a returned report stops counting until its
correction arrives. On the sender's side, the office above's signed notice
marks the sent package returned (or accepted)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from db.models import Organization, ReceivedPackage, Requirement, SentPackage, Submission
from desktop.core import clock
from desktop.core.errors import NotFound, UserError
from desktop.core.office import get_office
from desktop.core.trust import Refused, check_receipt_signer

WAITING, ACCEPTED, RETURNED = "waiting", "accepted", "returned"


@dataclass
class ReviewRow:
    id: int
    office: str
    requirement: str
    period: int | None
    received_on: date | None
    state: str  # waiting | accepted | returned
    report_number: str
    report_date: date
    reason: str | None = None
    correct_by: date | None = None
    reviewed_on: date | None = None
    superseded: bool = False
    requirement_id: int | None = None


def review_rows(session: Session, *, every: bool = False) -> list[ReviewRow]:
    """Received reports still waiting for review (every received report,
    the replaced ones too, with ``every``), oldest first."""
    stmt = select(ReceivedPackage, Organization, Requirement).join(
        Organization, Organization.id == ReceivedPackage.organization_id).join(
        Requirement, Requirement.id == ReceivedPackage.requirement_id, isouter=True)
    if not every:
        stmt = stmt.where(ReceivedPackage.review == WAITING, ReceivedPackage.superseded_by_id.is_(None))
    rows = []
    for p, org, req in session.exec(stmt.order_by(ReceivedPackage.received_at, ReceivedPackage.id)):
        rows.append(ReviewRow(p.id, org.name, req.title if req else "", p.period, p.received_on,
                              p.review or ACCEPTED, p.report_number, p.report_date, p.review_reason, p.correct_by,
                              p.reviewed_on, p.superseded_by_id is not None, p.requirement_id))
    return rows


def _current(session: Session, package_id: int | str) -> ReceivedPackage:
    try:
        pid = int(package_id)
    except (TypeError, ValueError):
        raise UserError(f"Mã báo cáo nhận được “{package_id}” phải là một số (xem danh sách chờ duyệt).") from None
    package = session.get(ReceivedPackage, pid)
    if package is None:
        raise NotFound(f"Không có báo cáo nhận được mã {pid} (xem danh sách chờ duyệt).")
    if package.superseded_by_id is not None:
        raise UserError(f"Báo cáo số {package.report_number} (mã {pid}) đã có bản gửi sau thay thế; hãy duyệt bản "
                        "mới nhất.")
    return package


def accept_review(session: Session, package_id: int | str, *, today: date | None = None) -> ReceivedPackage:
    """Accept a received report: it counts, as it did while waiting."""
    package = _current(session, package_id)
    if package.review == RETURNED:
        raise UserError(f"Báo cáo số {package.report_number} (mã {package.id}) đã bị trả lại; hãy chờ bản sửa của "
                        "đơn vị rồi duyệt bản đó.")
    if package.review == ACCEPTED:
        raise UserError(f"Báo cáo số {package.report_number} (mã {package.id}) đã được chấp nhận từ trước.")
    package.review, package.reviewed_on = ACCEPTED, today or clock.today()
    package.reviewed_by = session.info.get("actor")
    session.flush()
    return package


def return_review(session: Session, package_id: int | str, *, reason: str, correct_by: date | None,
                  today: date | None = None) -> ReceivedPackage:
    """Return a received report for correction: it stops counting (its
    submission is taken out; the package and its received date are kept)
    until a correction arrives."""
    today = today or clock.today()
    package = _current(session, package_id)
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("Hãy ghi lý do trả lại báo cáo để đơn vị biết cần bổ sung gì.")
    if len(reason) > 2000:
        raise UserError("Lý do trả lại dài quá 2000 ký tự; hãy viết ngắn lại.")
    if package.review == RETURNED:
        raise UserError(f"Báo cáo số {package.report_number} (mã {package.id}) đã bị trả lại ngày "
                        f"{package.reviewed_on:%d/%m/%Y}.")
    if correct_by is not None and correct_by < today:
        raise UserError(f"Hạn gửi lại {correct_by:%d/%m/%Y} ở trước hôm nay ({today:%d/%m/%Y}).")
    if package.submission_id is not None:
        submission = session.get(Submission, package.submission_id)
        for other in session.exec(select(ReceivedPackage).where(ReceivedPackage.submission_id == package.submission_id)):
            other.submission_id = None
        session.flush()
        if submission is not None:
            session.delete(submission)
    package.review, package.review_reason, package.correct_by = RETURNED, reason, correct_by
    package.reviewed_on, package.reviewed_by = today, session.info.get("actor")
    session.flush()
    return package


def counted_on(session: Session, current: ReceivedPackage, requirement: Requirement, received: date) -> date:
    """The received date a correction of a returned report counts by, by
    the requirement's rule: "by_date" (the first version's date if the
    correction came by the date the return gave), "first", "correction"."""
    first = min((p.received_on for p in session.exec(select(ReceivedPackage).where(
        ReceivedPackage.organization_id == current.organization_id,
        ReceivedPackage.requirement_id == current.requirement_id,
        ReceivedPackage.period == current.period)) if p.received_on), default=received)
    rule = requirement.correction_rule or "by_date"
    if rule == "first":
        return min(first, received)
    if rule == "correction":
        return received
    return min(first, received) if current.correct_by is None or received <= current.correct_by else received


def notice_facts(session: Session, package: ReceivedPackage) -> dict:
    org = session.get(Organization, package.organization_id)
    return {"sha256": package.sha256, "manifest_sha256": package.manifest_sha256,
            "report_number": package.report_number, "report_date": package.report_date.isoformat(),
            "sender": org.name if org else ""}


def reviewer_name(session: Session) -> str:
    office = get_office(session)
    return office.name if office else ""


# --- the sender's side --------------------------------------------------------------------------
@dataclass
class IncomingNotice:
    sha256: str
    doc: dict
    fingerprint: str
    certificate_der: bytes
    subject: str = ""
    not_after: datetime | None = None
    rooted: bool = False
    signer_names: tuple[str, ...] = ()


def take_notice(session: Session, n: IncomingNotice, *, own_fingerprints: set[str], trust_new: bool = False,
                new_key_refusal: str | None = None) -> tuple[SentPackage, str | None] | None:
    """Mark the sent package as the office above reviewed it. None when
    this notice was taken in already; raises ``Refused``. Only the key
    pinned for the office above signs notices."""
    doc = n.doc
    sent = session.exec(select(SentPackage).where(SentPackage.sha256 == doc["package"]["sha256"])).first()
    if sent is None:
        raise Refused(f"thông báo duyệt này không ứng với gói nào văn phòng này đã gửi (báo cáo số "
                      f"{doc['package']['report_number']})")
    reviewed_on = date.fromisoformat(doc["reviewed_on"])
    if sent.review == doc["decision"] and sent.reviewed_on == reviewed_on and sent.review_reason == doc.get("reason"):
        return None
    office = get_office(session)
    what = "thông báo trả lại báo cáo" if doc["decision"] == RETURNED else "thông báo chấp nhận báo cáo"
    pinned = check_receipt_signer(
        session, fingerprint=n.fingerprint, certificate_der=n.certificate_der, subject=n.subject,
        not_after=n.not_after, rooted=n.rooted, certificate_names=n.signer_names,
        parent_name=office.parent_name if office else None, own_fingerprints=own_fingerprints,
        receiver=doc["reviewer"]["name"], trust_new=trust_new, new_key_refusal=new_key_refusal, document=what)
    if sent.review == ACCEPTED and doc["decision"] == RETURNED and sent.reviewed_on and sent.reviewed_on > reviewed_on:
        raise Refused("thông báo trả lại này cũ hơn thông báo chấp nhận đã nhận; không có gì thay đổi")
    sent.review, sent.review_reason = doc["decision"], doc.get("reason")
    sent.correct_by = date.fromisoformat(doc["correct_by"]) if doc.get("correct_by") else None
    sent.reviewed_on = reviewed_on
    session.flush()
    return sent, pinned
