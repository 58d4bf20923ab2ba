"""Office keys and certificates: an office without a CA certificate makes its
own (a self-signed certificate in a PKCS#12 file with a passphrase), and the
office above pins it after comparing the fingerprint over the phone."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID, ObjectIdentifier

from db.backup import private
from db.files import atomic_path
from desktop.core.errors import UserError
from desktop.core.trust import grouped  # noqa: F401  (re-exported)
from desktop.core.vntext import clean


class CertificateProblem(UserError):
    """A certificate that cannot be read or may not do what it is used for,
    as a Vietnamese clause."""


# Extended key usages under which a certificate may sign a document: any
# purpose, document signing (RFC 9336), e-mail protection (S/MIME, the CMS
# signatures a .p7s is), and the document-signing purposes of Microsoft and
# Adobe. A certificate whose EKU lists only other purposes (serverAuth,
# codeSigning, …) was not issued for signing documents.
DOCUMENT_SIGNING_EKUS = frozenset({
    ObjectIdentifier("2.5.29.37.0"),
    ObjectIdentifier("1.3.6.1.5.5.7.3.36"),
    ExtendedKeyUsageOID.EMAIL_PROTECTION,
    ObjectIdentifier("1.3.6.1.4.1.311.10.3.12"),
    ObjectIdentifier("1.2.840.113583.1.1.5"),
})


@dataclass
class CertInfo:
    fingerprint: str  # SHA-256 of the DER certificate, lowercase hex
    subject: str
    organization: str | None
    not_before: dt.datetime  # aware, UTC
    not_after: dt.datetime
    is_ca: bool
    # What the subject calls its holder: every common name (CN) and
    # organisation (O), NFC, in order. Trust ties a certificate to an office
    # by these.
    names: tuple[str, ...] = ()
    can_sign: bool = True  # keyUsage allows digitalSignature or nonRepudiation (or is absent)
    can_issue: bool = False  # keyUsage allows keyCertSign
    # None, or why the extended key usage rules out signing documents.
    usage_problem: str | None = None


def fingerprint(cert_der: bytes) -> str:
    return hashlib.sha256(cert_der).hexdigest()


def certificate_info(cert_der: bytes) -> CertInfo:
    """What Theo dõi needs of a DER certificate; ``CertificateProblem`` for
    one that cannot be read (damaged, a duplicated extension, …)."""
    try:
        return _info(cert_der)
    except CertificateProblem:
        raise
    except Exception as exc:  # noqa: BLE001 - a hostile certificate can fail any parser in any way
        raise CertificateProblem("chứng thư số bị hỏng hoặc sai cấu trúc (không đọc được)") from exc


def _info(cert_der: bytes) -> CertInfo:
    cert = x509.load_der_x509_certificate(cert_der)
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    commons = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    extensions = cert.extensions  # parses them all: a duplicated extension fails here
    try:
        is_ca = extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    can_sign, can_issue = True, False
    try:
        usage = extensions.get_extension_for_class(x509.KeyUsage).value
        can_sign = usage.digital_signature or usage.content_commitment
        can_issue = usage.key_cert_sign
    except x509.ExtensionNotFound:
        pass  # no keyUsage: every use allowed (RFC 5280 4.2.1.3), but a root must say keyCertSign
    usage_problem = None
    try:
        ekus = set(extensions.get_extension_for_class(x509.ExtendedKeyUsage).value)
        if not ekus & DOCUMENT_SIGNING_EKUS:
            usage_problem = "chứng thư số của người ký không được cấp để ký văn bản (mục đích sử dụng mở rộng không cho phép)"
    except x509.ExtensionNotFound:
        pass
    names = tuple(clean(str(a.value)) or "" for a in (*commons, *orgs))
    return CertInfo(
        fingerprint=fingerprint(cert_der),
        subject=str(commons[0].value) if commons else cert.subject.rfc4514_string(),
        organization=str(orgs[0].value) if orgs else None,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        is_ca=is_ca,
        names=tuple(n for n in names if n),
        can_sign=can_sign,
        can_issue=can_issue,
        usage_problem=usage_problem,
    )


def signing_problem(info: CertInfo, now: dt.datetime) -> str | None:
    """Why a certificate may not sign a package or receipt now, or None:
    its key usage, extended key usage and validity period."""
    if not info.can_sign:
        return "chứng thư số của người ký không được phép dùng để ký (thiếu digitalSignature/nonRepudiation)"
    if info.usage_problem:
        return info.usage_problem
    if now < info.not_before:
        return f"chứng thư số của người ký chưa đến ngày hiệu lực ({info.not_before:%d/%m/%Y})"
    if now > info.not_after:
        return f"chứng thư số của người ký đã hết hạn ngày {info.not_after:%d/%m/%Y}"
    return None


def root_problem(info: CertInfo, now: dt.datetime) -> str | None:
    """Why a certificate may not be a root that vouches for offices, or None:
    it must be a CA certificate allowed to sign certificates, valid now."""
    if not info.is_ca:
        return "không phải chứng thư của tổ chức cấp chứng thư (CA)"
    if not info.can_issue:
        return "chứng thư này không được phép ký cấp chứng thư khác (thiếu keyCertSign)"
    if now < info.not_before:
        return f"chứng thư chưa đến ngày hiệu lực ({info.not_before:%d/%m/%Y})"
    if now > info.not_after:
        return f"chứng thư đã hết hạn ngày {info.not_after:%d/%m/%Y}"
    return None


def load_certificate(path: Path) -> bytes:
    """A certificate file (PEM or DER) as DER bytes."""
    data = Path(path).read_bytes()
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data).public_bytes(serialization.Encoding.DER)
        return x509.load_der_x509_certificate(data).public_bytes(serialization.Encoding.DER)
    except ValueError as exc:
        raise UserError(f"Tệp “{Path(path).name}” không phải chứng thư số (.cer, .crt, .pem).") from exc


def chains_to(cert_der: bytes, roots_der: list[bytes], *, now: dt.datetime | None = None) -> bool:
    """Whether ``cert_der`` is one of ``roots_der`` or is signed by one of
    them directly (offices' CA roots issue end certificates directly). A
    root counts only while it is a valid CA certificate with keyCertSign,
    whatever was installed before that rule."""
    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        cert = x509.load_der_x509_certificate(cert_der)
    except ValueError:
        return False
    for root_der in roots_der:
        try:
            if root_problem(certificate_info(root_der), now) is not None:
                continue
        except CertificateProblem:
            continue
        if root_der == cert_der:
            return True
        root = x509.load_der_x509_certificate(root_der)
        if root.subject != cert.issuer:
            continue
        try:
            cert.verify_directly_issued_by(root)
            return True
        except (ValueError, TypeError, Exception):  # noqa: BLE001 - any failure means "not issued by it"
            continue
    return False


def create_office_key(org_name: str, out: Path, passphrase: bytes, *, valid_years: int = 10,
                      now: dt.datetime | None = None) -> CertInfo:
    """A new RSA-3072 key and a self-signed certificate for ``org_name``,
    written atomically to ``out`` as PKCS#12 encrypted with ``passphrase``,
    readable by the user only. Refuses to overwrite an existing file."""
    name = clean(org_name)
    if not name:
        raise UserError("Hãy ghi tên văn phòng sở hữu khóa, ví dụ “Liên đoàn Lao động huyện …”.")
    if len(passphrase) < 8:
        raise UserError("Mật khẩu của tệp khóa phải có ít nhất 8 ký tự.")
    out = Path(out)
    if out.exists():
        raise UserError(f"Tệp “{out.name}” đã có; không ghi đè khóa cũ. Hãy chọn tên tệp khác.")
    now = now or dt.datetime.now(dt.timezone.utc)
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    subject = x509.Name([
        x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, name[:64]),
        x509.NameAttribute(NameOID.COMMON_NAME, name[:64]),
    ])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * valid_years))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        # keyEncipherment: a package can be sealed for this key (RSA-OAEP key transport).
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=True,
                                     data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
                                     encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    blob = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8")[:64], key, cert, None, serialization.BestAvailableEncryption(passphrase)
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_path(out, overwrite=False) as tmp:
        tmp.write_bytes(blob)
        private(tmp)
    return certificate_info(cert.public_bytes(serialization.Encoding.DER))
