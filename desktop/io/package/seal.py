"""Sealed packages: a package encrypted for the one office that receives it
(docs/package-format.md, "Gói niêm phong").

The sealed file is a DER CMS ContentInfo of type AuthEnvelopedData (RFC
5083): the inner file (a signed package, or any file of the exchange)
encrypted with AES-256-GCM (RFC 5084) under a random key, that key wrapped
with RSAES-OAEP (SHA-256, MGF1-SHA-256, RFC 8017/4055) for the recipient's
certificate, named by issuer and serial number. ``openssl cms -decrypt``
opens it. Signed first, then sealed: the recipient unseals, then verifies
the package as any other.

Sealed input is hostile input: its size is bounded before it is parsed,
every field is checked before it is used, and every failure is a
``SealProblem`` in words, never a traceback."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from asn1crypto import algos, cms, core, x509 as asn1_x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.ciphers import Cipher
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.ciphers.algorithms import AES
from cryptography.hazmat.primitives.ciphers.modes import GCM

from desktop.core.errors import UserError
from desktop.io.limits import MAX_PACKAGE_BYTES

# What a sealed file may weigh: the largest package plus room for the
# envelope (a few recipients' wrapped keys, the tag).
MAX_SEALED_BYTES = MAX_PACKAGE_BYTES + 64 * 1024
MAX_RECIPIENTS = 16
MAX_RECIPIENT_BYTES = 64 * 1024  # 16 recipients with 8192-bit keys
SUFFIX = ".p7m"

AUTH_ENVELOPED_DATA = "1.2.840.113549.1.9.16.1.23"
NONCE_BYTES = 12
TAG_BYTES = 16
_GCM_KEYS = {"aes128_gcm": 16, "aes192_gcm": 24, "aes256_gcm": 32}
_HASHES = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
           "sha512": hashes.SHA512}
# Reading in slices keeps one copy of the plaintext, not three.
_CHUNK = 1024 * 1024


class SealProblem(UserError):
    """Why a sealed file cannot be opened, as a Vietnamese clause. ``needs``
    is "key" when this office's key would open it and was not given."""

    def __init__(self, message: str, needs: str | None = None, info: "SealedInfo | None" = None):
        super().__init__(message)
        self.needs = needs
        self.info = info  # what the envelope says, when it could be read


class GCMParameters(core.Sequence):
    """RFC 5084: the nonce and the tag length (12 when absent)."""

    _fields = [("aes_nonce", core.OctetString), ("aes_icvlen", core.Integer, {"default": 12})]


@dataclass(frozen=True)
class Recipient:
    """Whom a sealed file is for, as its envelope names them: the issuer
    and serial number of the recipient's certificate (or its key
    identifier), readable without any key."""

    issuer: str  # the issuer's CN (or the whole name), "" for a key identifier
    serial: int | None
    key_id: str | None = None  # hex, for a recipient named by subjectKeyIdentifier

    def describe(self) -> str:
        if self.serial is None:
            return f"chứng thư số có mã khóa {self.key_id[:16]}…"
        return f"chứng thư số “{self.issuer}” (số sê-ri {_hex(self.serial)})"

    def as_json(self) -> dict:
        return {"issuer": self.issuer, "serial": _hex(self.serial) if self.serial is not None else None,
                "key_id": self.key_id}


@dataclass(frozen=True)
class SealedInfo:
    """What the envelope of a sealed file says before it is opened."""

    recipients: tuple[Recipient, ...]
    algorithm: str  # "aes256_gcm"

    def describe(self) -> str:
        return ", ".join(r.describe() for r in self.recipients)


def _hex(serial: int) -> str:
    return format(serial, "x").upper()


def _name(name: asn1_x509.Name) -> str:
    try:
        common = [v for k, v in name.native.items() if k == "common_name"]
        if common:
            return str(common[0] if not isinstance(common[0], list) else common[0][-1])
        return name.human_friendly
    except Exception:  # noqa: BLE001 - a strange name is still a name
        return "?"


# --- making one ---------------------------------------------------------------------------
def check_recipient(recipient_cert: bytes):
    """(RSA public key, issuer, serial) of a certificate a package can be
    sealed for; ``UserError`` (a clause) for one that cannot: unreadable,
    expired or not yet valid, not RSA, shorter than 2048 bits. Its
    keyUsage is not required to list keyEncipherment: the keys offices made
    with Theo dõi before sealed packages did not."""
    from cryptography import x509

    try:
        cert = x509.load_der_x509_certificate(recipient_cert)
        public = cert.public_key()
        parsed = asn1_x509.Certificate.load(recipient_cert)
        issuer, serial = parsed.issuer, parsed.serial_number
    except Exception as exc:  # noqa: BLE001
        raise UserError("chứng thư số của nơi nhận bị hỏng (không đọc được)") from exc
    now = datetime.now(timezone.utc)
    if now > cert.not_valid_after_utc:
        raise UserError(f"chứng thư số của nơi nhận đã hết hạn ngày {cert.not_valid_after_utc:%d/%m/%Y}")
    if now < cert.not_valid_before_utc:
        raise UserError(f"chứng thư số của nơi nhận chưa đến ngày hiệu lực ({cert.not_valid_before_utc:%d/%m/%Y})")
    if not isinstance(public, rsa.RSAPublicKey):
        raise UserError("chứng thư số của nơi nhận không dùng khóa RSA; Theo dõi chỉ niêm phong được cho khóa RSA")
    if public.key_size < 2048:
        raise UserError(f"khóa RSA của nơi nhận quá ngắn ({public.key_size} bit, cần ít nhất 2048)")
    return public, issuer, serial


def seal(inner: bytes, recipient_cert: bytes) -> bytes:
    """``inner`` encrypted for the holder of ``recipient_cert`` (DER): a DER
    ContentInfo of AuthEnvelopedData, AES-256-GCM (random 12-byte nonce,
    16-byte tag), the content key wrapped by RSAES-OAEP SHA-256/MGF1-SHA-256.
    ``UserError`` for a certificate that cannot receive it."""
    public, issuer, serial = check_recipient(recipient_cert)
    content_key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(content_key).encrypt(nonce, inner, None)
    ciphertext, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    wrapped = public.encrypt(content_key, _oaep(hashes.SHA256()))
    recipient = cms.KeyTransRecipientInfo({
        "version": "v0",
        "rid": cms.RecipientIdentifier(
            name="issuer_and_serial_number",
            value=cms.IssuerAndSerialNumber({"issuer": issuer, "serial_number": serial})),
        "key_encryption_algorithm": cms.KeyEncryptionAlgorithm({
            "algorithm": "rsaes_oaep",
            "parameters": algos.RSAESOAEPParams({
                "hash_algorithm": {"algorithm": "sha256"},
                "mask_gen_algorithm": {"algorithm": "mgf1", "parameters": {"algorithm": "sha256"}},
            }),
        }),
        "encrypted_key": wrapped,
    })
    envelope = cms.AuthEnvelopedData({
        "version": "v0",
        "recipient_infos": [cms.RecipientInfo(name="ktri", value=recipient)],
        "auth_encrypted_content_info": {
            "content_type": "data",
            "content_encryption_algorithm": {
                "algorithm": "aes256_gcm",
                "parameters": GCMParameters({"aes_nonce": nonce, "aes_icvlen": TAG_BYTES}),
            },
            "encrypted_content": ciphertext,
        },
        "mac": tag,
    })
    return cms.ContentInfo({"content_type": "authenticated_enveloped_data", "content": envelope}).dump()


def _oaep(digest: hashes.HashAlgorithm, mgf_digest: hashes.HashAlgorithm | None = None) -> padding.OAEP:
    return padding.OAEP(mgf=padding.MGF1(mgf_digest or digest), algorithm=digest, label=None)


# --- reading one --------------------------------------------------------------------------
# A DER ContentInfo starts SEQUENCE, then the OID 1.2.840.113549.1.9.16.1.23.
_OID_DER = bytes.fromhex("060b2a864886f70d0109100117")


def is_sealed(data: bytes) -> bool:
    """Whether ``data`` (the file, or at least its first 32 bytes) looks
    like a sealed file: a DER/BER SEQUENCE whose first element is the
    AuthEnvelopedData content type. Cheap; ``unseal`` checks the rest."""
    if len(data) < 2 or data[0] != 0x30:
        return False
    i = 2 if data[1] < 0x80 else 2 + (data[1] & 0x7F) if data[1] != 0x80 else 2
    return data[i:i + len(_OID_DER)] == _OID_DER


def is_sealed_file(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            return is_sealed(fh.read(32))
    except OSError:
        return False


def _envelope(data: bytes) -> cms.AuthEnvelopedData:
    if len(data) > MAX_SEALED_BYTES:
        raise SealProblem(f"tệp niêm phong lớn quá {MAX_SEALED_BYTES // 2**20} MB")
    if not is_sealed(data):
        raise SealProblem("không phải gói niêm phong (CMS AuthEnvelopedData)")
    try:
        info = cms.ContentInfo.load(data, strict=True)
        if info["content_type"].dotted != AUTH_ENVELOPED_DATA:
            raise ValueError("content type")
        envelope = info["content"]
        envelope["recipient_infos"].contents  # noqa: B018 - the rest is parsed field by field when used
        return envelope
    except SealProblem:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        raise SealProblem("gói niêm phong bị hỏng hoặc bị cắt cụt (không đọc được cấu trúc CMS)") from exc


def _recipients(envelope: cms.AuthEnvelopedData) -> list[tuple[Recipient, cms.KeyTransRecipientInfo]]:
    try:
        # Bounded before the set is split into its members: a file of
        # millions of tiny "recipients" is refused, not parsed.
        if len(envelope["recipient_infos"].contents or b"") > MAX_RECIPIENT_BYTES:
            raise SealProblem("gói niêm phong có phần ghi nơi nhận lớn bất thường")
        infos = list(envelope["recipient_infos"])
        if not infos or len(infos) > MAX_RECIPIENTS:
            raise SealProblem(f"gói niêm phong có {len(infos)} nơi nhận (cần từ 1 đến {MAX_RECIPIENTS})")
        found = []
        for info in infos:
            if info.name != "ktri":
                continue  # other kinds (key agreement, passwords) are not for an office's RSA key
            ktri = info.chosen
            rid = ktri["rid"]
            if rid.name == "issuer_and_serial_number":
                who = Recipient(_name(rid.chosen["issuer"]), rid.chosen["serial_number"].native)
            else:
                who = Recipient("", None, rid.chosen.native.hex())
            found.append((who, ktri))
    except SealProblem:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        raise SealProblem("gói niêm phong bị hỏng (không đọc được phần ghi nơi nhận)") from exc
    if not found:
        raise SealProblem("gói niêm phong không có nơi nhận nào dùng khóa RSA")
    return found


def sealed_for(data: bytes) -> SealedInfo:
    """Whom a sealed file is for, without any key; ``SealProblem`` for a
    file that is not one or is damaged."""
    envelope = _envelope(data)
    recipients = tuple(r for r, _ in _recipients(envelope))
    try:
        algorithm = envelope["auth_encrypted_content_info"]["content_encryption_algorithm"]["algorithm"].native
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        raise SealProblem("gói niêm phong bị hỏng (không đọc được thuật toán mã hóa)") from exc
    return SealedInfo(recipients, str(algorithm))


def _matches(who: Recipient, ktri: cms.KeyTransRecipientInfo, cert: asn1_x509.Certificate) -> bool:
    rid = ktri["rid"]
    if rid.name == "issuer_and_serial_number":
        # The issuer as the certificate encodes it, byte for byte (the sender
        # copied it from the certificate), else as equal names.
        if who.serial != cert.serial_number:
            return False
        issuer = rid.chosen["issuer"]
        return issuer.dump() == cert.issuer.dump() or issuer == cert.issuer
    return cert.key_identifier is not None and rid.chosen.native == cert.key_identifier


def _content_key(ktri: cms.KeyTransRecipientInfo, private_key) -> bytes:
    algorithm = ktri["key_encryption_algorithm"]
    if algorithm["algorithm"].native != "rsaes_oaep":
        raise SealProblem("khóa mã của gói niêm phong được bọc bằng RSA PKCS#1 v1.5, cách cũ không an toàn; "
                          "Theo dõi chỉ mở gói bọc khóa bằng RSA-OAEP")
    params = algorithm["parameters"]
    digest_name = params["hash_algorithm"]["algorithm"].native
    mgf = params["mask_gen_algorithm"]
    if mgf["algorithm"].native != "mgf1":
        raise SealProblem("gói niêm phong dùng hàm MGF không hỗ trợ (chỉ MGF1)")
    mgf_name = mgf["parameters"]["algorithm"].native
    label = params["p_source_algorithm"]["parameters"].native
    if digest_name not in _HASHES or mgf_name not in _HASHES:
        raise SealProblem(f"gói niêm phong dùng hàm băm không hỗ trợ ({digest_name}/{mgf_name})")
    if not hasattr(private_key, "unwrap_oaep"):  # a cryptography RSA key
        from desktop.io.signing.unwrap import _SoftwareKey

        private_key = _SoftwareKey(private_key, b"")
    try:
        return private_key.unwrap_oaep(ktri["encrypted_key"].native, digest_name, mgf_name, label or None)
    except ValueError as exc:
        raise SealProblem("không mở được khóa mã của gói niêm phong bằng khóa của văn phòng này "
                          "(gói bị sửa, hoặc không phải niêm phong cho khóa này)") from exc


def unseal(data: bytes, private_key, cert: bytes) -> bytes:
    """The inner file of a sealed file, opened with the office's RSA
    ``private_key`` (a cryptography key, or a ``KeyUnwrapper`` of
    desktop.io.signing.unwrap: a key on a token) and its certificate
    ``cert`` (DER).
    ``SealProblem`` when it is for another certificate, damaged, truncated
    or changed (the GCM tag fails): nothing of the content is returned then."""
    envelope = _envelope(data)
    try:
        own = asn1_x509.Certificate.load(cert)
        own.issuer  # noqa: B018
    except Exception as exc:  # noqa: BLE001
        raise SealProblem("chứng thư số của văn phòng này không đọc được") from exc
    recipients = _recipients(envelope)
    try:
        mine = [ktri for who, ktri in recipients if _matches(who, ktri, own)]
        if not mine:
            raise SealProblem(f"gói này được niêm phong cho {', '.join(w.describe() for w, _ in recipients)}, không "
                              f"phải đơn vị này (khóa của văn phòng này là chứng thư số “{_name(own.subject)}”, số "
                              f"sê-ri {_hex(own.serial_number)}); không có gì được ghi", needs="other")
        content_key = _content_key(mine[0], private_key)
        return _decrypt(envelope, content_key)
    except SealProblem:
        raise
    except (ValueError, TypeError, KeyError, IndexError, OverflowError, RecursionError) as exc:
        raise SealProblem("gói niêm phong bị hỏng (không đọc được phần mã hóa)") from exc


def _decrypt(envelope: cms.AuthEnvelopedData, content_key: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag

    content = envelope["auth_encrypted_content_info"]
    algorithm = content["content_encryption_algorithm"]
    name = algorithm["algorithm"].native
    if name not in _GCM_KEYS:
        raise SealProblem(f"gói niêm phong dùng thuật toán mã hóa không hỗ trợ ({name}); Theo dõi dùng AES-GCM")
    if len(content_key) != _GCM_KEYS[name]:
        raise SealProblem("khóa mã của gói niêm phong không đúng độ dài (gói bị sửa)")
    params = GCMParameters.load(algorithm["parameters"].dump())
    nonce, tag_len = params["aes_nonce"].native, params["aes_icvlen"].native
    tag = envelope["mac"].native
    if not 12 <= tag_len <= 16 or len(tag) != tag_len or not 8 <= len(nonce) <= 64:
        raise SealProblem("gói niêm phong có tham số AES-GCM sai (gói bị sửa hoặc bị cắt cụt)")
    if envelope["auth_attrs"].native is not None:
        aad = envelope["auth_attrs"].untag().dump()  # RFC 5083 §2.2: the attributes under their SET OF tag
    else:
        aad = b""
    ciphertext = content["encrypted_content"].native
    if ciphertext is None:
        raise SealProblem("gói niêm phong không chứa nội dung")
    decryptor = Cipher(AES(content_key), GCM(nonce, tag, min_tag_length=tag_len)).decryptor()
    if aad:
        decryptor.authenticate_additional_data(aad)
    out = bytearray()
    view = memoryview(ciphertext)
    for start in range(0, len(view), _CHUNK):
        out += decryptor.update(view[start:start + _CHUNK])
    try:
        decryptor.finalize()
    except InvalidTag as exc:
        out[:] = b""  # the plaintext of a file that fails its tag is never used
        raise SealProblem("gói niêm phong đã bị thay đổi hoặc bị cắt cụt (mã xác thực AES-GCM không khớp)") from exc
    return bytes(out)


# --- with the office's key ---------------------------------------------------------------
def open_sealed_if_needed(data: bytes, key_source) -> tuple[bytes, SealedInfo | None]:
    """``(inner bytes, SealedInfo)`` for a sealed file, opened with
    ``key_source`` (the office's ``Pkcs12Key`` or ``TokenKey``); ``(data, None)`` for any
    other file, untouched. ``SealProblem`` when it is sealed and cannot be
    opened: no key given (``needs == "key"``), sealed for another office
    (``needs == "other"``), damaged, truncated or changed. Call it in front
    of any reader of an incoming file (packages, receipts, assignments)."""
    if not is_sealed(data[:32]):
        return data, None
    info = sealed_for(data)
    if key_source is None:
        raise SealProblem(f"gói này được niêm phong cho {info.describe()}; cần khóa của văn phòng này (tệp .p12 và "
                          "mật khẩu, hoặc USB token) để mở", needs="key", info=info)
    from desktop.io.signing.unwrap import office_unwrapper

    try:
        with office_unwrapper(key_source) as key:
            return unseal(data, key, key.certificate_der), info
    except SealProblem as exc:
        exc.info = info
        raise
    except UserError as exc:  # the key itself: a wrong passphrase, a missing token
        raise SealProblem(exc.message, info=info) from exc
