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
from cryptography.x509.oid import NameOID

from db.backup import private
from db.files import atomic_path
from desktop.core.errors import UserError
from desktop.core.exchange import grouped  # noqa: F401  (re-exported)
from desktop.core.vntext import clean


@dataclass
class CertInfo:
    fingerprint: str  # SHA-256 of the DER certificate, lowercase hex
    subject: str
    organization: str | None
    not_before: dt.datetime  # aware, UTC
    not_after: dt.datetime
    is_ca: bool


def fingerprint(cert_der: bytes) -> str:
    return hashlib.sha256(cert_der).hexdigest()


def certificate_info(cert_der: bytes) -> CertInfo:
    cert = x509.load_der_x509_certificate(cert_der)
    orgs = cert.subject.get_attributes_for_oid(NameOID.ORGANIZATION_NAME)
    names = cert.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    try:
        is_ca = cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    except x509.ExtensionNotFound:
        is_ca = False
    return CertInfo(
        fingerprint=fingerprint(cert_der),
        subject=str(names[0].value) if names else cert.subject.rfc4514_string(),
        organization=str(orgs[0].value) if orgs else None,
        not_before=cert.not_valid_before_utc,
        not_after=cert.not_valid_after_utc,
        is_ca=is_ca,
    )


def load_certificate(path: Path) -> bytes:
    """A certificate file (PEM or DER) as DER bytes."""
    data = Path(path).read_bytes()
    try:
        if b"-----BEGIN CERTIFICATE-----" in data:
            return x509.load_pem_x509_certificate(data).public_bytes(serialization.Encoding.DER)
        return x509.load_der_x509_certificate(data).public_bytes(serialization.Encoding.DER)
    except ValueError as exc:
        raise UserError(f"Tệp “{Path(path).name}” không phải chứng thư số (.cer, .crt, .pem).") from exc


def chains_to(cert_der: bytes, roots_der: list[bytes]) -> bool:
    """Whether ``cert_der`` is one of ``roots_der`` or is signed by one of
    them directly (offices' CA roots issue end certificates directly)."""
    cert = x509.load_der_x509_certificate(cert_der)
    for root_der in roots_der:
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
        .add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
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
