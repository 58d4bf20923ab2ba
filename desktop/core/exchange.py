"""Taking in a member office's signed report: who may sign for it (pinned
keys and installed roots), superseding and duplicates, and the submission
it becomes. The package itself is checked in desktop.io.package; what
arrives here has passed every check but trust."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlmodel import Session, select

from db.models import Organization, ReceivedPackage, Requirement, TrustedCertificate, utcnow
from desktop.core.directives import find_directive, get_requirement, requirements_of
from desktop.core.errors import NotFound, UserError
from desktop.core.periods import get_period
from desktop.core.submissions import record_submission
from desktop.core.units import member_units
from desktop.core.vntext import fold
from desktop.core import clock


class Refused(UserError):
    """A package refused; nothing was written."""


def grouped(fp: str) -> str:
    """"AB12 CD34 …": a fingerprint read out over the phone."""
    fp = fp.upper()
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


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


@dataclass
class Accepted:
    status: str  # "accepted" or "superseded" (accepted, replacing an older package that is kept)
    sender: str
    package_id: int
    submission_id: int | None
    pinned: bool = False


# --- trust ------------------------------------------------------------------------------
def trusted_roots(session: Session) -> list[bytes]:
    rows = session.exec(select(TrustedCertificate).where(TrustedCertificate.kind == "root",
                                                        TrustedCertificate.retired_at.is_(None)))
    return [r.certificate for r in rows]


def add_trusted(session: Session, certificate_der: bytes, *, fingerprint: str, subject: str,
                not_after: datetime | None, kind: str = "root", organization: Organization | None = None) -> TrustedCertificate:
    existing = session.exec(select(TrustedCertificate).where(TrustedCertificate.fingerprint == fingerprint)).first()
    if existing is not None and existing.retired_at is None:
        raise UserError(f"Chứng thư “{subject}” (vân tay {grouped(fingerprint)[:19]}…) đã được tin cậy từ trước.")
    if existing is not None:
        existing.retired_at = None
        existing.kind, existing.organization_id = kind, organization.id if organization else None
        session.flush()
        return existing
    row = TrustedCertificate(fingerprint=fingerprint, kind=kind, subject=subject, not_after=not_after,
                             certificate=certificate_der, organization_id=organization.id if organization else None,
                             added_by=session.info.get("actor"))
    session.add(row)
    session.flush()
    return row


def list_trusted(session: Session) -> list[tuple[TrustedCertificate, str | None]]:
    """Trusted certificates in use, with the office a pin is for."""
    rows = session.exec(select(TrustedCertificate).where(TrustedCertificate.retired_at.is_(None))
                        .order_by(TrustedCertificate.added_at))
    out = []
    for r in rows:
        org = session.get(Organization, r.organization_id) if r.organization_id else None
        out.append((r, org.name if org else None))
    return out


def remove_trusted(session: Session, fingerprint: str) -> TrustedCertificate:
    """Stop trusting a certificate (kept on record, marked retired)."""
    fp = fingerprint.replace(":", "").replace(" ", "").lower()
    matches = [r for r in session.exec(select(TrustedCertificate).where(TrustedCertificate.retired_at.is_(None)))
               if r.fingerprint.startswith(fp)] if len(fp) >= 8 else []
    if not matches:
        raise NotFound(f"Không có chứng thư tin cậy nào có vân tay “{fingerprint}” (xem: theodoi trust list).")
    if len(matches) > 1:
        raise UserError(f"Có {len(matches)} chứng thư bắt đầu bằng “{fingerprint}”; hãy ghi thêm các ký tự của vân tay.")
    matches[0].retired_at = utcnow()
    session.flush()
    return matches[0]


def _pin_of(session: Session, unit: Organization) -> TrustedCertificate | None:
    return session.exec(select(TrustedCertificate).where(
        TrustedCertificate.kind == "pin", TrustedCertificate.organization_id == unit.id,
        TrustedCertificate.retired_at.is_(None))).first()


def _check_trust(session: Session, unit: Organization, r: IncomingReport, *, trust_new: bool,
                 accept_changed_key: bool) -> bool:
    """Whether the signer may sign for ``unit``; pins a new key when the
    user said so. Returns True when a pin was added."""
    pin = _pin_of(session, unit)
    if pin is not None and pin.fingerprint == r.fingerprint:
        return False
    if pin is not None:
        if not accept_changed_key:
            raise Refused(
                f"khóa ký của “{unit.name}” đã thay đổi (vân tay mới {grouped(r.fingerprint)}); nếu văn phòng đó "
                "thật sự đã đổi khóa, hãy gọi điện so vân tay rồi nhập lại với --accept-changed-key"
            )
        pin.retired_at = utcnow()
        session.flush()
    elif r.rooted:
        return False
    elif not trust_new:
        raise Refused(
            f"chưa tin cậy người ký của “{unit.name}”: đây là lần đầu nhận gói của văn phòng này. Hãy gọi điện cho "
            f"văn phòng đó, so dấu vân tay {grouped(r.fingerprint)} rồi nhập lại với --trust-new"
        )
    add_trusted(session, r.certificate_der, fingerprint=r.fingerprint, subject=r.subject, not_after=r.not_after,
                kind="pin", organization=unit)
    return True


# --- taking a report in ---------------------------------------------------------------------
def _sender_unit(session: Session, r: IncomingReport) -> Organization:
    units = member_units(session)
    if r.sender_code:
        for u in units:
            if u.code and fold(u.code) == fold(r.sender_code):
                return u
    named = [u for u in units if u.name_key == fold(r.sender_name)]
    if len(named) == 1:
        return named[0]
    to = f" (gói gửi cho “{r.addressed_to}”)" if r.addressed_to else ""
    raise Refused(f"“{r.sender_name}” không phải đơn vị trực thuộc văn phòng này{to}; gói này không gửi cho văn phòng này")


def _requirement(session: Session, r: IncomingReport, requirement_id: int | str | None) -> Requirement:
    if requirement_id is not None:
        return get_requirement(session, requirement_id)
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


def accept_report(session: Session, r: IncomingReport, *, requirement_id: int | str | None = None,
                  trust_new: bool = False, accept_changed_key: bool = False, stored_path: str | None = None,
                  today: date | None = None) -> Accepted | None:
    """Record ``r`` as its office's submission. Returns None for a package
    already taken in (nothing changes); raises ``Refused`` with the reason
    otherwise. The caller's transaction makes it all or nothing."""
    today = today or clock.today()
    if session.exec(select(ReceivedPackage).where(ReceivedPackage.sha256 == r.sha256)).first() is not None:
        return None
    unit = _sender_unit(session, r)
    pinned = _check_trust(session, unit, r, trust_new=trust_new, accept_changed_key=accept_changed_key)
    requirement = _requirement(session, r, requirement_id)
    period = r.period if requirement.every_months else 1
    if requirement.every_months and period is None:
        raise Refused(f"gói không ghi kỳ báo cáo mà yêu cầu số {requirement.id} là yêu cầu định kỳ")
    get_period(requirement, period)
    current = session.exec(select(ReceivedPackage).where(
        ReceivedPackage.organization_id == unit.id, ReceivedPackage.requirement_id == requirement.id,
        ReceivedPackage.period == period, ReceivedPackage.superseded_by_id.is_(None))).first()
    if current is not None and r.report_date < current.report_date:
        raise Refused(f"gói cũ hơn gói đã nhận của “{unit.name}” (báo cáo số {current.report_number} "
                      f"ngày {current.report_date:%d/%m/%Y})")
    keys = {i["key"] for i in requirement.indicators or []}
    values = {k: v for k, v in r.indicator_totals.items() if k in keys}
    try:
        rec = record_submission(
            session, unit, requirement, received_on=min(r.report_date, today), period=period,
            doc_number=r.report_number, doc_date=r.report_date, values=values or None,
            note=f"Gói báo cáo ký số, vân tay {grouped(r.fingerprint)[:19]}…", today=today,
        )
    except UserError as exc:
        raise Refused(exc.message) from exc
    package = ReceivedPackage(
        sha256=r.sha256, organization_id=unit.id, submission_id=rec.submission.id, requirement_id=requirement.id,
        period=period, report_number=r.report_number, report_date=r.report_date, directive_number=r.directive_number,
        as_of=r.as_of, fingerprint=r.fingerprint, file_name=r.file_name[:500], stored_path=stored_path,
        received_by=session.info.get("actor"),
    )
    session.add(package)
    session.flush()
    if current is not None:
        current.superseded_by_id = package.id
        session.flush()
    return Accepted("superseded" if current is not None else "accepted", unit.name, package.id, rec.submission.id, pinned)


def indicator_totals(data: dict[str, Any], requirement_title: str | None) -> dict[str, float]:
    """The totals a report's data gives per indicator key: of the section
    for ``requirement_title`` when named, else of every section."""
    sections = data.get("sections", [])
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
    from db.models import SentPackage

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


def accept_receipt(session: Session, r: IncomingReceipt, *, trust_new: bool = False) -> bool:
    """Mark the sent package as received. False when this receipt was taken
    in already; raises ``Refused`` otherwise."""
    from db.models import SentPackage

    sent = session.exec(select(SentPackage).where(SentPackage.sha256 == r.package_sha256)).first()
    if sent is None:
        raise Refused(f"biên nhận này không ứng với gói nào văn phòng này đã gửi (báo cáo số {r.report_number})")
    if sent.receipt_fingerprint == r.fingerprint and sent.received_on == r.received_on:
        return False
    # Only the office above signs receipts: its key is pinned without a
    # member office (a member office's key cannot vouch for a receipt).
    trusted = {t.fingerprint for t, office in list_trusted(session) if t.kind == "pin" and office is None}
    if r.fingerprint not in trusted and not r.rooted:
        if not trust_new:
            raise Refused(f"chưa tin cậy người ký biên nhận “{r.subject}”: hãy gọi điện cho {r.receiver}, so dấu vân tay "
                          f"{grouped(r.fingerprint)} rồi nhập lại với --trust-new")
        add_trusted(session, r.certificate_der, fingerprint=r.fingerprint, subject=r.subject, not_after=r.not_after,
                    kind="pin")
    sent.received_on, sent.received_by, sent.receipt_fingerprint = r.received_on, r.receiver[:500], r.fingerprint
    session.flush()
    return True


def receipts_of(session: Session, outgoing_document_ids: list[int]) -> dict[int, tuple[date, str]]:
    """Outgoing document id -> (received on, by whom), for reports the office
    above has acknowledged."""
    from db.models import SentPackage

    if not outgoing_document_ids:
        return {}
    rows = session.exec(select(SentPackage).where(SentPackage.outgoing_document_id.in_(outgoing_document_ids),
                                                  SentPackage.received_on.is_not(None)))
    return {r.outgoing_document_id: (r.received_on, r.received_by) for r in rows}
