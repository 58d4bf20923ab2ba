"""Taking in a member office's signed report: which office sent it, whether
its signer may sign for that office (desktop.core.trust), superseding and
duplicates by the signed content, and the submission it becomes, counted
by the date this office received it. The package itself is checked in
desktop.io.package; what arrives here has passed every check but trust."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from db.models import Directive, Organization, ReceivedPackage, Requirement, SentPackage, Submission
from desktop.core import clock
from desktop.core.directives import find_directive, get_requirement, number_key, requirements_of
from desktop.core.errors import NotFound, UserError
from desktop.core.office import get_office
from desktop.core.periods import get_period
from desktop.core.review import counted_on
from desktop.core.submissions import record_submission
from desktop.core.trust import (  # noqa: F401  (grouped and trusted_roots: re-exported for the front ends)
    Refused,
    check_receipt_signer,
    check_sender,
    grouped,
    needs_pin,
    receipt_needs_pin,
    trusted_roots,
)
from desktop.core.units import member_units
from desktop.core.vntext import fold


@dataclass
class IncomingReport:
    """A verified package, in plain values."""

    sha256: str
    file_name: str
    sender_name: str
    sender_code: str | None
    addressed_to: str | None
    report_number: str
    report_date: date
    directive_number: str
    requirement_title: str | None
    period: int | None
    as_of: date | None
    fingerprint: str
    certificate_der: bytes = field(repr=False)
    subject: str = ""
    not_after: datetime | None = None
    rooted: bool = False  # issued by a root this office installed
    indicator_totals: dict[str, float] = field(default_factory=dict)
    manifest_sha256: str = ""  # the signed content's identity (the zip around it may differ)
    created_at: datetime | None = None  # when the sender made it, as signed: orders two packages of one report
    signer_names: tuple[str, ...] = ()  # CN and O of the signer's certificate
    # When this office got the package (the clerk's date, the e-mail's
    # Date header); None: the day of the import.
    received_on: date | None = None
    # The assignment the report answers (format 1.1): matched by these
    # identities, never by title. None in a package of format 1.0.
    directive_uid: str | None = None
    requirement_uid: str | None = None
    units: list[dict] | None = None  # the sender's own units, as its report lists them


@dataclass
class Accepted:
    status: str  # "accepted" or "superseded" (accepted, replacing an older package that is kept)
    sender: str
    package_id: int
    submission_id: int | None
    pinned: bool = False
    pinned_fingerprint: str | None = None  # the key this import pinned for the sender
    received_on: date | None = None  # the date the report counts as received


# --- taking a report in ---------------------------------------------------------------------
def sender_unit(session: Session, r: IncomingReport) -> Organization:
    """The member unit the package says it is from, matched by code AND
    name: a "TD" of another province is not this office's Tam Đường. A
    package without a code, or a unit recorded without one, is matched by
    name alone (one unit of that name)."""
    units = member_units(session)
    name = fold(r.sender_name)
    to = f" (gói gửi cho “{r.addressed_to}”)" if r.addressed_to else ""
    if r.sender_code:
        coded = [u for u in units if u.code and fold(u.code) == fold(r.sender_code)]
        if coded and coded[0].name_key != name:
            raise Refused(f"gói ghi người gửi “{r.sender_name}” mã {r.sender_code}, nhưng mã {coded[0].code} ở văn phòng "
                          f"này là “{coded[0].name}”{to}; gói này không phải của đơn vị đó")
        if coded:
            return coded[0]
    named = [u for u in units if u.name_key == name]
    if len(named) == 1:
        if r.sender_code and named[0].code:
            raise Refused(f"gói ghi người gửi “{r.sender_name}” mã {r.sender_code}, nhưng đơn vị này ở văn phòng này "
                          f"mang mã {named[0].code}{to}; gói này không phải của đơn vị đó")
        return named[0]
    raise Refused(f"“{r.sender_name}” không phải đơn vị trực thuộc văn phòng này{to}; gói này không gửi cho văn phòng này")


def _by_identity(session: Session, r: IncomingReport) -> Requirement | None:
    """The requirement a report of format 1.1 answers, by the identities of
    the assignment; None for a report that names none."""
    if r.requirement_uid:
        requirement = session.exec(select(Requirement).where(Requirement.uid == r.requirement_uid)).first()
        if requirement is None:
            raise Refused(f"gói trả lời một yêu cầu (mã định danh {r.requirement_uid[:8]}…) mà văn phòng này không "
                          f"giao; văn bản số {r.directive_number} của gói không phải do văn phòng này giao nhiệm vụ")
        return requirement
    if r.directive_uid:
        directive = session.exec(select(Directive).where(Directive.uid == r.directive_uid)).first()
        if directive is None:
            raise Refused(f"gói trả lời văn bản số {r.directive_number} (mã định danh {r.directive_uid[:8]}…) mà văn "
                          "phòng này không giao")
        reqs = requirements_of(session, directive)
        if len(reqs) != 1:
            raise Refused(f"văn bản {r.directive_number} có {len(reqs)} yêu cầu mà gói không ghi yêu cầu nào; hãy đề "
                          "nghị đơn vị làm báo cáo theo từng yêu cầu")
        return reqs[0]
    return None


def _requirement(session: Session, r: IncomingReport, requirement_id: int | str | None) -> Requirement:
    if requirement_id is None:
        by_identity = _by_identity(session, r)
        if by_identity is not None:
            return by_identity
    if requirement_id is not None:
        requirement = get_requirement(session, requirement_id)
        directive = session.get(Directive, requirement.directive_id)
        # A report answers one directive: booked against another's
        # requirement, its figures would land under the wrong indicators.
        if directive is None or directive.number_key != number_key(r.directive_number):
            raise Refused(f"gói là báo cáo theo văn bản số {r.directive_number}, còn yêu cầu số {requirement.id} thuộc "
                          f"văn bản {directive.number if directive else '?'}; hãy chọn yêu cầu của văn bản "
                          f"{r.directive_number}")
        return requirement
    try:
        directive = find_directive(session, r.directive_number)
    except NotFound as exc:
        raise Refused(f"văn phòng này chưa vào sổ văn bản số {r.directive_number}; hãy vào sổ văn bản đó "
                      "(hoặc chỉ rõ yêu cầu bằng --requirement) rồi nhập lại") from exc
    except UserError as exc:  # several directives hold that number (other years, other issuers)
        raise Refused(f"sổ theo dõi có nhiều văn bản cùng số {r.directive_number} (khác năm hoặc khác cơ quan "
                      "ban hành) mà gói chỉ ghi số; hãy chỉ rõ yêu cầu bằng --requirement rồi nhập lại") from exc
    reqs = requirements_of(session, directive)
    if len(reqs) != 1:
        raise Refused(f"văn bản {r.directive_number} có {len(reqs)} yêu cầu; hãy chỉ rõ yêu cầu bằng --requirement")
    return reqs[0]


def _period(requirement: Requirement, r: IncomingReport) -> int:
    period = r.period if requirement.every_months else 1
    if requirement.every_months and period is None:
        raise Refused(f"gói không ghi kỳ báo cáo mà yêu cầu số {requirement.id} là yêu cầu định kỳ")
    try:
        get_period(requirement, period)
    except UserError as exc:
        raise Refused(exc.message) from exc
    except (ValueError, OverflowError) as exc:  # a due date past year 9999
        raise Refused(f"yêu cầu số {requirement.id} không có kỳ {period}") from exc
    return period


def held_already(session: Session, r: IncomingReport) -> bool:
    """Whether this package was taken in before: the same file, or the same
    signed manifest in another zip."""
    same = (ReceivedPackage.sha256 == r.sha256)
    if r.manifest_sha256:
        same = same | (ReceivedPackage.manifest_sha256 == r.manifest_sha256)
    return session.exec(select(ReceivedPackage).where(same)).first() is not None


def _newer(r: IncomingReport, current: ReceivedPackage) -> bool:
    """Whether ``r`` replaces ``current``, by what their signer wrote: the
    later report date, then the later creation time. A tie is not newer:
    which one arrived last says nothing. A package taken in before its
    creation time was kept compares by report date alone."""
    if r.report_date != current.report_date:
        return r.report_date > current.report_date
    if current.created_at is None:
        return True
    return r.created_at is not None and r.created_at > current.created_at


def _received_on(r: IncomingReport, today: date) -> date:
    received = r.received_on or today
    if received > today:
        raise Refused(f"ngày nhận {received:%d/%m/%Y} ở sau hôm nay ({today:%d/%m/%Y})")
    if received < r.report_date:
        raise Refused(f"ngày nhận {received:%d/%m/%Y} ở trước ngày của báo cáo ({r.report_date:%d/%m/%Y}); "
                      "không thể nhận một báo cáo trước khi nó được ban hành")
    return received


def accept_report(session: Session, r: IncomingReport, *, requirement_id: int | str | None = None,
                  trust_new: bool = False, accept_changed_key: bool = False, stored_path: str | None = None,
                  today: date | None = None, new_key_refusal: str | None = None) -> Accepted | None:
    """Record ``r`` as its office's submission, received on
    ``r.received_on`` (default ``today``). Returns None for a package
    already taken in (nothing changes); raises ``Refused`` with the reason
    otherwise. The caller's transaction makes it all or nothing."""
    today = today or clock.today()
    if held_already(session, r):
        return None
    unit = sender_unit(session, r)
    pinned = check_sender(session, unit, fingerprint=r.fingerprint, certificate_der=r.certificate_der,
                          subject=r.subject, not_after=r.not_after, rooted=r.rooted, certificate_names=r.signer_names,
                          trust_new=trust_new, accept_changed_key=accept_changed_key, new_key_refusal=new_key_refusal)
    requirement = _requirement(session, r, requirement_id)
    period = _period(requirement, r)
    received = _received_on(r, today)
    current = session.exec(select(ReceivedPackage).where(
        ReceivedPackage.organization_id == unit.id, ReceivedPackage.requirement_id == requirement.id,
        ReceivedPackage.period == period, ReceivedPackage.superseded_by_id.is_(None))).first()
    if current is not None and not _newer(r, current):
        tie = r.report_date == current.report_date
        raise Refused(f"gói {'không mới hơn' if tie else 'cũ hơn'} gói đã nhận của “{unit.name}” (báo cáo số "
                      f"{current.report_number} ngày {current.report_date:%d/%m/%Y}); số liệu đang giữ không đổi")
    keys = {i["key"] for i in requirement.indicators or []}
    foreign = sorted(k for k in r.indicator_totals if k not in keys)
    # A requirement that collects no figures only notes that the report came;
    # one that does takes only its own, never another's under their key.
    if foreign and keys:
        raise Refused(f"gói có chỉ tiêu {', '.join(foreign[:5])} mà yêu cầu số {requirement.id} (“{requirement.title}”) "
                      "không có; hãy kiểm tra gói có đúng yêu cầu này không (--requirement)")
    counted = received
    if current is not None and current.review == "returned":
        # A correction of a returned report: the requirement's rule says
        # which received date counts (desktop.core.review.counted_on).
        counted = counted_on(session, current, requirement, received)
    elif current is not None and current.submission_id is not None:
        # A correction replaces the figures, not the day the office first
        # had this report: an on-time report corrected later stays on time.
        earlier = session.get(Submission, current.submission_id)
        if earlier is not None and earlier.received_on is not None:
            counted = min(earlier.received_on, received)
    try:
        rec = record_submission(
            session, unit, requirement, received_on=counted, period=period,
            doc_number=r.report_number, doc_date=r.report_date, values=dict(r.indicator_totals) if keys else None,
            note=f"Gói báo cáo ký số, vân tay {grouped(r.fingerprint)[:19]}…", today=today,
        )
    except UserError as exc:
        raise Refused(exc.message) from exc
    package = ReceivedPackage(
        sha256=r.sha256, organization_id=unit.id, submission_id=rec.submission.id, requirement_id=requirement.id,
        period=period, report_number=r.report_number, report_date=r.report_date, directive_number=r.directive_number,
        as_of=r.as_of, fingerprint=r.fingerprint, file_name=r.file_name[:500], stored_path=stored_path,
        received_by=session.info.get("actor"), manifest_sha256=r.manifest_sha256 or None, created_at=r.created_at,
        received_on=received, review="waiting", units=r.units,
    )
    session.add(package)
    session.flush()
    if current is not None:
        current.superseded_by_id = package.id
        session.flush()
    return Accepted("superseded" if current is not None else "accepted", unit.name, package.id, rec.submission.id,
                    pinned is not None, pinned, received)


def sender_needs_pin(session: Session, r: IncomingReport) -> Organization | None:
    """The office a package comes from when taking it in would pin a new
    key for it (no key pinned yet, no root vouching); None otherwise (also
    for a package that will be refused or is held already)."""
    if held_already(session, r):
        return None
    try:
        unit = sender_unit(session, r)
    except Refused:
        return None
    return unit if needs_pin(session, unit, r.fingerprint, rooted=r.rooted, certificate_names=r.signer_names) else None


def report_section(data: dict[str, Any], requirement_title: str | None,
                   requirement_uid: str | None = None) -> dict[str, Any] | None:
    """The section of a report's data about one requirement: by its
    identity when the package names one, else by its title; None when the
    report holds several sections and names none."""
    sections = data.get("sections", [])
    if requirement_uid:
        found = [s for s in sections if s.get("requirement_uid") == requirement_uid]
        if found:
            return found[0]
    if requirement_title:
        found = [s for s in sections if s.get("requirement") == requirement_title]
        if found:
            return found[0]
    return sections[0] if len(sections) == 1 else None


def indicator_totals(data: dict[str, Any], requirement_title: str | None,
                     requirement_uid: str | None = None) -> dict[str, float]:
    """The totals a report's data gives per indicator key: of the section
    for ``requirement_uid`` or ``requirement_title`` when named, else of
    every section."""
    sections = data.get("sections", [])
    if requirement_uid:
        named = [s for s in sections if s.get("requirement_uid") == requirement_uid]
        if named:
            sections = named
            requirement_title = None
    if requirement_title:
        named = [s for s in sections if s.get("requirement") == requirement_title]
        sections = named or sections
    totals: dict[str, float] = {}
    for s in sections:
        for i in s.get("indicators", []):
            totals.setdefault(i["key"], i["total"])
    return totals


# --- receipts (biên nhận) ---------------------------------------------------------------------
def record_sent(session: Session, outgoing_document_id: int, *, sha256: str, file_name: str, fingerprint: str) -> None:
    """Remember a package made of a report, so its receipt can be matched."""
    session.add(SentPackage(outgoing_document_id=outgoing_document_id, sha256=sha256, file_name=file_name[:500],
                            fingerprint=fingerprint))
    session.flush()


@dataclass
class IncomingReceipt:
    package_sha256: str
    report_number: str
    receiver: str
    received_on: date
    fingerprint: str
    certificate_der: bytes = field(repr=False)
    subject: str = ""
    not_after: datetime | None = None
    rooted: bool = False
    signer_names: tuple[str, ...] = ()  # CN and O of the signer's certificate


def receipt_signer_unknown(session: Session, r: IncomingReceipt) -> bool:
    """Whether taking this receipt in would pin a new key for the office above."""
    office = get_office(session)
    return receipt_needs_pin(session, r.fingerprint, rooted=r.rooted, certificate_names=r.signer_names,
                             parent_name=office.parent_name if office else None)


def accept_receipt(session: Session, r: IncomingReceipt, *, trust_new: bool = False,
                   new_key_refusal: str | None = None) -> tuple[bool, str | None]:
    """Mark the sent package as received. Returns (taken, fingerprint
    pinned): taken is False when this receipt was taken in already; raises
    ``Refused`` otherwise. Only the key pinned for the office above signs
    receipts (see desktop.core.trust.check_receipt_signer)."""
    sent = session.exec(select(SentPackage).where(SentPackage.sha256 == r.package_sha256)).first()
    if sent is None:
        raise Refused(f"biên nhận này không ứng với gói nào văn phòng này đã gửi (báo cáo số {r.report_number})")
    if sent.receipt_fingerprint == r.fingerprint and sent.received_on == r.received_on:
        return False, None
    office = get_office(session)
    own = {fp for fp in session.exec(select(SentPackage.fingerprint))}
    pinned = check_receipt_signer(
        session, fingerprint=r.fingerprint, certificate_der=r.certificate_der, subject=r.subject,
        not_after=r.not_after, rooted=r.rooted, certificate_names=r.signer_names,
        parent_name=office.parent_name if office else None, own_fingerprints=own, receiver=r.receiver,
        trust_new=trust_new, new_key_refusal=new_key_refusal)
    sent.received_on, sent.received_by, sent.receipt_fingerprint = r.received_on, r.receiver[:500], r.fingerprint
    session.flush()
    return True, pinned


def receipts_of(session: Session, outgoing_document_ids: list[int]) -> dict[int, tuple[date, str]]:
    """Outgoing document id -> (received on, by whom), for reports the office
    above has acknowledged."""
    if not outgoing_document_ids:
        return {}
    rows = session.exec(select(SentPackage).where(SentPackage.outgoing_document_id.in_(outgoing_document_ids),
                                                  SentPackage.received_on.is_not(None)))
    return {r.outgoing_document_id: (r.received_on, r.received_by) for r in rows}
