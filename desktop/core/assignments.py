"""Assignments down the levels: a directive and its requirements issued to
member offices with stable identities, and registered (or updated, for a
newer version) at the office below, which may set its own earlier
deadline for its units and pass the assignment further down.

What arrives here has passed every check but trust (desktop.io.package);
the signer must be the office above's key (desktop.core.trust)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session, func, select

from db.models import AssignmentPackage, Directive, Requirement, SentPackage
from desktop.core.directives import add_directive, number_key, requirements_of
from desktop.core.errors import UserError
from desktop.core.office import get_office
from desktop.core.trust import Refused, check_receipt_signer, receipt_needs_pin, same_name
from desktop.core.vntext import clean, fold

CORRECTION_RULES = ("by_date", "first", "correction")


def ensure_uids(session: Session, directive: Directive) -> list[Requirement]:
    """Give the directive and its requirements their identities, once; an
    identity is never changed afterwards. Returns the requirements."""
    if not directive.uid:
        directive.uid = str(uuid.uuid4())
    requirements = requirements_of(session, directive)
    for r in requirements:
        if not r.uid:
            r.uid = str(uuid.uuid4())
    session.flush()
    return requirements


def assignment_content(session: Session, directive: Directive) -> dict:
    """The assignment of ``directive`` as this office issues it (its next
    version): deadlines are this office's own (``first_due``)."""
    office = get_office(session)
    if office is None:
        raise UserError("Chưa khai báo văn phòng: hãy khai báo tên văn phòng trước khi giao nhiệm vụ.")
    requirements = ensure_uids(session, directive)
    if not requirements:
        raise UserError(f"Văn bản {directive.number} chưa có yêu cầu nào; hãy thêm yêu cầu trước khi giao nhiệm vụ.")
    version = (session.exec(select(func.max(AssignmentPackage.version)).where(
        AssignmentPackage.directive_id == directive.id, AssignmentPackage.direction == "out")).one() or 0) + 1
    return {
        "issuer": {"name": office.name, "code": office.code, "parent_name": office.parent_name},
        "version": version,
        "directive": {"uid": directive.uid, "number": directive.number, "kind": directive.kind,
                      "issuer": directive.issuer, "subject": directive.subject,
                      "issued_on": directive.issued_on.isoformat() if directive.issued_on else None},
        "requirements": [
            {"uid": r.uid, "title": r.title, "first_due": r.first_due.isoformat(), "every_months": r.every_months,
             "until": r.until.isoformat() if r.until else None, "applies_kinds": r.applies_kinds,
             "applies_sectors": r.applies_sectors, "correction_rule": r.correction_rule,
             "indicators": [{"key": i["key"], "label": i["label"], "unit": i.get("unit")} for i in r.indicators or []]
             or None}
            for r in requirements
        ],
    }


def record_assignment(session: Session, directive: Directive, *, direction: str, version: int, sha256: str,
                      issuer: str, fingerprint: str, file_name: str, created_at: datetime | None) -> AssignmentPackage:
    row = AssignmentPackage(direction=direction, directive_id=directive.id, version=version, sha256=sha256,
                            issuer=issuer[:500], fingerprint=fingerprint, file_name=file_name[:500],
                            created_at=created_at, recorded_by=session.info.get("actor"))
    session.add(row)
    session.flush()
    return row


@dataclass
class IncomingAssignment:
    """A verified assignment package, in plain values."""

    sha256: str  # of the signed document
    file_name: str
    doc: dict = field(repr=False)
    fingerprint: str = ""
    certificate_der: bytes = field(default=b"", repr=False)
    subject: str = ""
    not_after: datetime | None = None
    rooted: bool = False
    signer_names: tuple[str, ...] = ()
    created_at: datetime | None = None

    @property
    def issuer(self) -> str:
        return self.doc["issuer"]["name"]

    @property
    def version(self) -> int:
        return int(self.doc["version"])


@dataclass
class TakenAssignment:
    status: str  # "accepted" (new), "updated" (a newer version)
    directive_id: int
    directive_number: str
    version: int
    requirements: list[int]
    pinned: str | None = None


def held_assignment(session: Session, sha256: str) -> bool:
    return session.exec(select(AssignmentPackage).where(AssignmentPackage.sha256 == sha256)).first() is not None


def assignment_signer_unknown(session: Session, a: IncomingAssignment) -> bool:
    office = get_office(session)
    return receipt_needs_pin(session, a.fingerprint, rooted=a.rooted, certificate_names=a.signer_names,
                             parent_name=office.parent_name if office else None)


def _own_fingerprints(session: Session) -> set[str]:
    own = set(session.exec(select(SentPackage.fingerprint)))
    own |= set(session.exec(select(AssignmentPackage.fingerprint).where(AssignmentPackage.direction == "out")))
    return own


def take_assignment(session: Session, a: IncomingAssignment, *, trust_new: bool = False,
                    new_key_refusal: str | None = None) -> TakenAssignment | None:
    """Register the assignment's directive and requirements, or update them
    from a newer version. None for an assignment taken in before; raises
    ``Refused`` otherwise (the caller's transaction writes nothing then)."""
    if held_assignment(session, a.sha256):
        return None
    office = get_office(session)
    parent = office.parent_name if office else None
    if not parent:
        raise Refused("văn phòng này chưa ghi tên văn phòng cấp trên, nên không biết ai được giao nhiệm vụ; hãy ghi "
                      "tên văn phòng cấp trên (thông tin văn phòng) rồi nhận lại", needs="parent")
    if not same_name(a.issuer, parent):
        raise Refused(f"gói giao nhiệm vụ là của “{a.issuer}”, không phải của văn phòng cấp trên “{parent}”; "
                      "chỉ văn phòng cấp trên giao nhiệm vụ cho văn phòng này")
    pinned = check_receipt_signer(
        session, fingerprint=a.fingerprint, certificate_der=a.certificate_der, subject=a.subject,
        not_after=a.not_after, rooted=a.rooted, certificate_names=a.signer_names, parent_name=parent,
        own_fingerprints=_own_fingerprints(session), receiver=a.issuer, trust_new=trust_new,
        new_key_refusal=new_key_refusal, document="gói giao nhiệm vụ")
    d = a.doc["directive"]
    directive = session.exec(select(Directive).where(Directive.uid == d["uid"])).first()
    status = "updated" if directive is not None else "accepted"
    if directive is not None:
        held = session.exec(select(func.max(AssignmentPackage.version)).where(
            AssignmentPackage.directive_id == directive.id, AssignmentPackage.direction == "in")).one() or 0
        if a.version <= held:
            word = "cũ hơn" if a.version < held else "không mới hơn"
            raise Refused(f"gói giao nhiệm vụ văn bản {d['number']} phiên bản {a.version} {word} phiên bản {held} "
                          "đã nhận; các yêu cầu đang giữ không đổi")
    else:
        directive = _adopt_or_add(session, d)
    directive.number, directive.number_key = clean(d["number"]), number_key(d["number"])
    directive.subject = clean(d.get("subject")) or directive.subject
    directive.assigned_by = a.issuer[:500]
    ids = []
    for item in a.doc["requirements"]:
        ids.append(_take_requirement(session, directive, item).id)
    session.flush()
    record_assignment(session, directive, direction="in", version=a.version, sha256=a.sha256, issuer=a.issuer,
                      fingerprint=a.fingerprint, file_name=a.file_name, created_at=a.created_at)
    return TakenAssignment(status, directive.id, directive.number, a.version, ids, pinned)


def _adopt_or_add(session: Session, d: dict) -> Directive:
    issued = date.fromisoformat(d["issued_on"]) if d.get("issued_on") else None
    same = session.exec(select(Directive).where(
        Directive.number_key == number_key(d["number"]), Directive.issuer_key == fold(clean(d.get("issuer")) or None),
        Directive.year == (issued.year if issued else 0))).first()
    if same is not None:
        # Registered by hand before the assignment came: the same document,
        # it takes the identity (its submissions stay where they are).
        if same.uid and same.uid != d["uid"]:
            raise Refused(f"văn bản {d['number']} đã có trong sổ với mã định danh khác; gói giao nhiệm vụ này không "
                          "khớp với văn bản đó")
        same.uid = d["uid"]
        return same
    directive = add_directive(session, number=d["number"], issuer=d.get("issuer"), issued_on=issued,
                              subject=d.get("subject"), kind=d.get("kind"))
    directive.uid = d["uid"]
    return directive


def _take_requirement(session: Session, directive: Directive, item: dict) -> Requirement:
    upper_due = date.fromisoformat(item["first_due"])
    r = session.exec(select(Requirement).where(Requirement.uid == item["uid"])).first()
    if r is not None and r.directive_id != directive.id:
        raise Refused(f"yêu cầu “{item['title'][:80]}” đã thuộc một văn bản khác trong sổ; gói không khớp")
    if r is None:
        r = Requirement(directive_id=directive.id, uid=item["uid"], title=item["title"], first_due=upper_due)
        session.add(r)
    elif r.upper_due is None or r.first_due == r.upper_due or r.first_due > upper_due:
        # Following the office above unless this office set an earlier
        # deadline of its own that still fits.
        r.first_due = upper_due
    r.upper_due = upper_due
    r.title = clean(item["title"]) or r.title
    r.every_months = item.get("every_months")
    r.until = date.fromisoformat(item["until"]) if item.get("until") else None
    # Kinds name levels (member office, grassroots union) as the issuer
    # sees them; below, the units that answer are this office's own, so
    # only the sectors filter carries down.
    r.applies_kinds = None
    r.applies_sectors = item.get("applies_sectors") or None
    r.correction_rule = item.get("correction_rule")
    r.indicators = [{"key": i["key"], "label": clean(i["label"]), **({"unit": i["unit"]} if i.get("unit") else {})}
                    for i in item.get("indicators") or []] or None
    session.flush()
    return r


def set_internal_due(session: Session, requirement: Requirement, due: date) -> Requirement:
    """This office's own deadline for its units on a requirement that came
    from above: never after the office above's."""
    if requirement.upper_due is not None and due > requirement.upper_due:
        raise UserError(f"Hạn của văn phòng ({due:%d/%m/%Y}) không được sau hạn cấp trên giao "
                        f"({requirement.upper_due:%d/%m/%Y}) cho yêu cầu “{requirement.title}”.")
    if requirement.until is not None and due > requirement.until:
        raise UserError(f"Hạn kỳ đầu ({due:%d/%m/%Y}) ở sau ngày kết thúc của yêu cầu ({requirement.until:%d/%m/%Y}).")
    requirement.first_due = due
    session.flush()
    return requirement


def set_correction_rule(session: Session, requirement: Requirement, rule: str) -> Requirement:
    if rule not in CORRECTION_RULES:
        raise UserError(f"Cách tính ngày nhận khi sửa báo cáo “{rule}” không có; chọn một trong: "
                        f"{', '.join(CORRECTION_RULES)}.")
    requirement.correction_rule = None if rule == "by_date" else rule
    session.flush()
    return requirement


@dataclass
class AssignmentRow:
    direction: str
    directive: str
    issuer: str
    version: int
    recorded_on: date
    file_name: str
    requirements: int


def assignments(session: Session) -> list[AssignmentRow]:
    """Every assignment issued and taken in, newest first."""
    rows = session.exec(select(AssignmentPackage, Directive).join(Directive, Directive.id == AssignmentPackage.directive_id)
                        .order_by(AssignmentPackage.recorded_at.desc(), AssignmentPackage.id.desc()))
    out = []
    for p, d in rows:
        count = len(requirements_of(session, d))
        out.append(AssignmentRow(p.direction, d.number, p.issuer, p.version,
                                 p.recorded_at.date(),
                                 p.file_name, count))
    return out
