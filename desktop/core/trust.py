"""Whom this office trusts to sign, and for which office.

Trust is tied to identity:

- a *pinned* key answers for the one office it was pinned for (a member
  office, or, with no office, the office above, whose key signs receipts),
  and a key is pinned for one office at most;
- an installed *root* (a CA certificate) vouches for a certificate it issued
  only for the office whose name that certificate's subject carries (its
  common name or organisation, compared letter for letter with diacritics,
  ignoring case and spacing).

Certificates are read in desktop.io.signing; what arrives here is plain
values (fingerprint, DER bytes, subject names)."""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from sqlmodel import Session, select

from db.models import Organization, TrustedCertificate, utcnow
from desktop.core.errors import NotFound, UserError
from desktop.core.units import member_units
from desktop.core.vntext import clean


class Refused(UserError):
    """A package or receipt refused; nothing was written. ``needs`` names
    what the user can do about it, for each front end to say in its own
    terms: "trust_new" (compare the fingerprint and trust the new office),
    "fingerprint" (name the key to trust among several), "accept_changed_key",
    "untrust_old" (withdraw the old receipt key first), "parent" (declare the
    office above)."""

    def __init__(self, message: str, needs: str | None = None):
        super().__init__(message)
        self.needs = needs


def grouped(fp: str) -> str:
    """"AB12 CD34 …": a fingerprint read out over the phone."""
    fp = fp.upper()
    return " ".join(fp[i : i + 4] for i in range(0, len(fp), 4))


def normal_fingerprint(text: str) -> str:
    """A fingerprint as typed ("AB:12 cd…") in the stored form: lowercase hex."""
    return "".join(c for c in text if c not in ": \t").lower()


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two office names are the same name: NFC, case and spacing
    aside, diacritics kept ("Tam Đường" is not "Tâm Dương")."""
    a, b = clean(a), clean(b)
    return bool(a) and bool(b) and a.casefold() == b.casefold()


def names_office(certificate_names: Iterable[str], office_name: str | None) -> bool:
    """Whether a certificate's subject (its CN and O values) names the office."""
    return any(same_name(n, office_name) for n in certificate_names)


# --- the trust store ------------------------------------------------------------------------
def trusted_roots(session: Session) -> list[bytes]:
    rows = session.exec(select(TrustedCertificate).where(TrustedCertificate.kind == "root",
                                                        TrustedCertificate.retired_at.is_(None)))
    return [r.certificate for r in rows]


def _in_use(session: Session, fingerprint: str) -> TrustedCertificate | None:
    return session.exec(select(TrustedCertificate).where(TrustedCertificate.fingerprint == fingerprint,
                                                         TrustedCertificate.retired_at.is_(None))).first()


def _holder(session: Session, row: TrustedCertificate) -> str:
    if row.kind == "root":
        return "chứng thư gốc (CA) đã cài"
    org = session.get(Organization, row.organization_id) if row.organization_id else None
    return f"khóa của “{org.name}”" if org else "khóa của văn phòng cấp trên (ký biên nhận)"


def add_trusted(session: Session, certificate_der: bytes, *, fingerprint: str, subject: str,
                not_after: datetime | None, kind: str = "root", organization: Organization | None = None) -> TrustedCertificate:
    """Trust a certificate: a root (``kind="root"``), or a key pinned for
    ``organization`` (``kind="pin"``; None: the office above). A
    certificate already trusted in any role is refused: one key, one office."""
    existing = session.exec(select(TrustedCertificate).where(TrustedCertificate.fingerprint == fingerprint)).first()
    if existing is not None and existing.retired_at is None:
        raise UserError(f"Chứng thư “{subject}” (vân tay {grouped(fingerprint)[:19]}…) đã được tin cậy từ trước, "
                        f"là {_holder(session, existing)}; một khóa chỉ được tin cậy cho một văn phòng.")
    if existing is not None:
        existing.retired_at = None
        existing.kind, existing.organization_id = kind, organization.id if organization else None
        session.flush()
        return existing
    row = TrustedCertificate(fingerprint=fingerprint, kind=kind, subject=subject[:500], not_after=not_after,
                             certificate=certificate_der, organization_id=organization.id if organization else None,
                             added_by=session.info.get("actor"))
    session.add(row)
    session.flush()
    return row


class NotARoot(UserError):
    """A certificate offered as a root that is none; ``office`` the code of
    the office it belongs to, when it names one."""

    def __init__(self, message: str, office: str | None = None):
        super().__init__(message)
        self.office = office


def add_root(session: Session, certificate_der: bytes, *, fingerprint: str, subject: str, names: Iterable[str],
             not_after: datetime | None, problem: str | None) -> TrustedCertificate:
    """Install a root. ``problem`` is why the certificate is no CA root
    (from desktop.io.signing.root_problem); an office's own certificate is
    refused too: it is pinned for its office, never installed as a root."""
    if problem:
        raise NotARoot(f"Không cài “{subject}” làm chứng thư gốc: {problem}. Chứng thư của một văn phòng được tin "
                       "cậy cho riêng văn phòng đó (tin cậy chứng thư của một văn phòng).")
    named = [u for u in member_units(session) if names_office(names, u.name)]
    if named:
        raise NotARoot(f"“{subject}” là chứng thư của văn phòng “{named[0].name}”, không phải của tổ chức cấp chứng "
                       "thư; hãy tin cậy nó cho riêng văn phòng đó (tin cậy chứng thư của một văn phòng).",
                       office=named[0].code or str(named[0].id))
    return add_trusted(session, certificate_der, fingerprint=fingerprint, subject=subject, not_after=not_after)


def pin_office_key(session: Session, office: str, certificate_der: bytes, *, fingerprint: str, subject: str,
                   not_after: datetime | None, problem: str | None) -> tuple[TrustedCertificate, Organization]:
    """Pin a member office's own certificate for that office (``office``:
    its code or id). ``problem``: why the certificate may not sign, if so.
    An office that already has a pinned key keeps it until it is removed."""
    if problem:
        raise UserError(f"Không tin cậy “{subject}”: {problem}.")
    wanted = clean(office) or ""
    found = [u for u in member_units(session) if (u.code and u.code.casefold() == wanted.casefold())
             or str(u.id) == wanted]
    if not found:
        raise NotFound(f"Không có đơn vị trực thuộc mã “{office}” (xem: theodoi units list).")
    unit = found[0]
    current = pin_of(session, unit)
    if current is not None:
        raise UserError(f"“{unit.name}” đã có khóa được tin cậy (vân tay {grouped(current.fingerprint)[:19]}…); "
                        "hãy thôi tin cậy khóa đó trước (theodoi trust remove VÂN_TAY).")
    return add_trusted(session, certificate_der, fingerprint=fingerprint, subject=subject, not_after=not_after,
                       kind="pin", organization=unit), unit


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
    fp = normal_fingerprint(fingerprint)
    matches = [r for r in session.exec(select(TrustedCertificate).where(TrustedCertificate.retired_at.is_(None)))
               if r.fingerprint.startswith(fp)] if len(fp) >= 8 else []
    if not matches:
        raise NotFound(f"Không có chứng thư tin cậy nào có vân tay “{fingerprint}” (xem: theodoi trust list).")
    if len(matches) > 1:
        raise UserError(f"Có {len(matches)} chứng thư bắt đầu bằng “{fingerprint}”; hãy ghi thêm các ký tự của vân tay.")
    matches[0].retired_at = utcnow()
    session.flush()
    return matches[0]


def pin_of(session: Session, unit: Organization) -> TrustedCertificate | None:
    return session.exec(select(TrustedCertificate).where(
        TrustedCertificate.kind == "pin", TrustedCertificate.organization_id == unit.id,
        TrustedCertificate.retired_at.is_(None))).first()


def receipt_pin(session: Session) -> TrustedCertificate | None:
    """The key pinned for the office above: pinned without a member office."""
    return session.exec(select(TrustedCertificate).where(
        TrustedCertificate.kind == "pin", TrustedCertificate.organization_id.is_(None),
        TrustedCertificate.retired_at.is_(None))).first()


# --- a signer for a member office -------------------------------------------------------------
def vouched_by_root(rooted: bool, certificate_names: Iterable[str], unit: Organization) -> bool:
    """A certificate from an installed root answers for the office its subject names, only."""
    return rooted and names_office(certificate_names, unit.name)


def needs_pin(session: Session, unit: Organization, fingerprint: str, *, rooted: bool,
              certificate_names: Iterable[str]) -> bool:
    """Whether a package from ``unit`` signed by this key would need a new
    pin: nothing vouches for it and the office has no pinned key yet (a
    changed key is another question, asked by ``check_sender``)."""
    if vouched_by_root(rooted, certificate_names, unit):
        return False
    if _in_use(session, fingerprint) is not None:
        return False  # trusted in another role: refused, never pinned, so no new office of the batch
    return pin_of(session, unit) is None


def check_sender(session: Session, unit: Organization, *, fingerprint: str, certificate_der: bytes, subject: str,
                 not_after: datetime | None, rooted: bool, certificate_names: Iterable[str], trust_new: bool,
                 accept_changed_key: bool, new_key_refusal: str | None = None) -> str | None:
    """Whether this key may sign for ``unit``; pins it when the user said
    so. Returns the fingerprint pinned, or None; raises ``Refused``.
    ``new_key_refusal`` replaces the usual refusal of an unknown key (the
    batch knows why it may not pin this one)."""
    names = list(certificate_names)
    if vouched_by_root(rooted, names, unit):
        return None
    pin = pin_of(session, unit)
    if pin is not None and pin.fingerprint == fingerprint:
        return None
    other = _in_use(session, fingerprint)
    if other is not None:
        raise Refused(f"gói xưng là của “{unit.name}” nhưng được ký bằng {_holder(session, other)}; một khóa chỉ ký "
                      "cho một văn phòng")
    if pin is not None and not accept_changed_key:
        raise Refused(
            f"khóa ký của “{unit.name}” đã thay đổi (vân tay mới {grouped(fingerprint)}); nếu văn phòng đó "
            "thật sự đã đổi khóa, hãy gọi điện so vân tay rồi nhận lại và chấp nhận khóa mới",
            needs="accept_changed_key",
        )
    if pin is None and not trust_new:
        rooted_note = (f" (chứng thư do tổ chức cấp chứng thư đã cài cấp, nhưng ghi tên “{subject}”, không phải "
                       f"“{unit.name}”)" if rooted else "")
        raise Refused(new_key_refusal or (
            f"chưa tin cậy người ký của “{unit.name}”{rooted_note}: đây là lần đầu nhận gói của văn phòng này. Hãy gọi "
            f"điện cho văn phòng đó, so dấu vân tay {grouped(fingerprint)} rồi nhận lại và đồng ý tin cậy khóa này"),
            needs="fingerprint" if new_key_refusal else "trust_new")
    if pin is not None:
        pin.retired_at = utcnow()
        session.flush()
    add_trusted(session, certificate_der, fingerprint=fingerprint, subject=subject, not_after=not_after,
                kind="pin", organization=unit)
    return fingerprint


# --- the signer of a receipt: the office above ----------------------------------------------------
def receipt_needs_pin(session: Session, fingerprint: str, *, rooted: bool, certificate_names: Iterable[str],
                      parent_name: str | None) -> bool:
    if receipt_pin(session) is not None:
        return False
    return not (rooted and names_office(certificate_names, parent_name))


def check_receipt_signer(session: Session, *, fingerprint: str, certificate_der: bytes, subject: str,
                         not_after: datetime | None, rooted: bool, certificate_names: Iterable[str],
                         parent_name: str | None, own_fingerprints: set[str], receiver: str, trust_new: bool,
                         new_key_refusal: str | None = None, document: str = "biên nhận") -> str | None:
    """Whether this key may sign receipts for the office above; pins it on
    the first receipt when the user said so and the certificate names this
    office's parent and is not this office's own. Returns the fingerprint
    pinned, or None; raises ``Refused``."""
    names = list(certificate_names)
    pinned = receipt_pin(session)
    if pinned is not None:
        if pinned.fingerprint == fingerprint:
            return None
        raise Refused(f"{document} được ký bằng khóa khác với khóa của văn phòng cấp trên đã tin cậy (vân tay "
                      f"{grouped(fingerprint)[:19]}…, người ký “{subject}”); {document} này không được ghi. Nếu cấp "
                      "trên thật sự đã đổi khóa, hãy thôi tin cậy khóa cũ rồi nhận lại và đồng ý tin cậy khóa mới",
                      needs="untrust_old")
    if rooted and names_office(names, parent_name):
        return None
    if not trust_new:
        raise Refused(new_key_refusal or (
            f"chưa tin cậy người ký {document} “{subject}”: hãy gọi điện cho {receiver}, so dấu vân tay "
            f"{grouped(fingerprint)} rồi nhận lại và đồng ý tin cậy khóa này"),
            needs="fingerprint" if new_key_refusal else "trust_new")
    if not parent_name:
        raise Refused("văn phòng này chưa ghi tên văn phòng cấp trên, nên không biết ai được ký biên nhận; hãy ghi "
                      "tên văn phòng cấp trên (thông tin văn phòng) rồi nhận lại", needs="parent")
    if fingerprint in own_fingerprints:
        raise Refused(f"{document} được ký bằng chính khóa của văn phòng này, không phải của văn phòng cấp trên")
    if not names_office(names, parent_name):
        raise Refused(f"{document} được ký bằng chứng thư của “{subject}”, không phải của văn phòng cấp trên "
                      f"“{parent_name}”; {document} này không được ghi")
    other = _in_use(session, fingerprint)
    if other is not None:
        raise Refused(f"{document} được ký bằng {_holder(session, other)}, không phải khóa của văn phòng cấp trên")
    add_trusted(session, certificate_der, fingerprint=fingerprint, subject=subject, not_after=not_after, kind="pin")
    return fingerprint
