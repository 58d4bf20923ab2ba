"""The office's key opening what was sealed for it: the content key of a
sealed package, wrapped with RSA-OAEP for the office's certificate. A
PKCS#12 file decrypts in software; a USB token decrypts on the token
(CKM_RSA_PKCS_OAEP), the key never leaving it. Passphrases and PINs are
used, never stored or logged."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator, Protocol

from desktop.core.errors import UserError
from desktop.io.signing.signer import Pkcs12Key, TokenKey, _token_message


class KeyUnwrapper(Protocol):
    """Opens an RSA-OAEP-wrapped key; raises ``ValueError`` when it cannot
    (a wrong key, a changed wrapped key), ``UserError`` for what the clerk
    can act on."""

    certificate_der: bytes

    def unwrap_oaep(self, wrapped: bytes, digest: str, mgf_digest: str, label: bytes | None) -> bytes: ...


class _SoftwareKey:
    def __init__(self, private_key, certificate_der: bytes):
        self._key, self.certificate_der = private_key, certificate_der

    def unwrap_oaep(self, wrapped: bytes, digest: str, mgf_digest: str, label: bytes | None) -> bytes:
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.asymmetric import padding

        algorithms = {"sha1": hashes.SHA1, "sha224": hashes.SHA224, "sha256": hashes.SHA256, "sha384": hashes.SHA384,
                      "sha512": hashes.SHA512}
        pad = padding.OAEP(mgf=padding.MGF1(algorithms[mgf_digest]()), algorithm=algorithms[digest](), label=label)
        return self._key.decrypt(wrapped, pad)


class _TokenKey:
    def __init__(self, private_key, certificate_der: bytes):
        self._key, self.certificate_der = private_key, certificate_der

    def unwrap_oaep(self, wrapped: bytes, digest: str, mgf_digest: str, label: bytes | None) -> bytes:
        from pkcs11 import MGF, Mechanism
        from pkcs11.exceptions import PKCS11Error

        hashes = {"sha1": (Mechanism.SHA_1, MGF.SHA1), "sha224": (Mechanism.SHA224, MGF.SHA224),
                  "sha256": (Mechanism.SHA256, MGF.SHA256), "sha384": (Mechanism.SHA384, MGF.SHA384),
                  "sha512": (Mechanism.SHA512, MGF.SHA512)}
        try:
            return bytes(self._key.decrypt(wrapped, mechanism=Mechanism.RSA_PKCS_OAEP,
                                           mechanism_param=(hashes[digest][0], hashes[mgf_digest][1], label or None)))
        except PKCS11Error as exc:
            name = type(exc).__name__
            if name in ("ArgumentsBad", "MechanismInvalid", "MechanismParamInvalid", "FunctionNotSupported",
                        "KeyFunctionNotPermitted", "KeyTypeInconsistent"):
                raise UserError(f"USB token này không mở được khóa bọc bằng RSA-OAEP {digest.upper()} (token không hỗ "
                                "trợ, hoặc khóa trên token không được phép giải mã); hãy mở gói bằng tệp khóa .p12 "
                                "của văn phòng") from exc
            raise ValueError(name) from exc  # EncryptedDataInvalid, …: not this key, or a changed wrapped key


@contextlib.contextmanager
def office_unwrapper(source: Pkcs12Key | TokenKey) -> Iterator[KeyUnwrapper]:
    """The office's key, ready to open a sealed package's content key;
    ``UserError`` in words for a wrong passphrase or PIN, a missing file or
    token, a key that is not RSA. A token session is closed on exit."""
    if isinstance(source, TokenKey):
        with _token(source) as key:
            yield key
        return
    yield _pkcs12(source)


def _pkcs12(source: Pkcs12Key) -> _SoftwareKey:
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    path = Path(source.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(f"không đọc được tệp khóa “{path.name}”") from exc
    try:
        private_key, cert, _chain = pkcs12.load_key_and_certificates(data, source.passphrase)
    except ValueError as exc:
        raise UserError(f"không mở được tệp khóa “{path.name}”: sai mật khẩu, hoặc tệp không phải khóa PKCS#12 "
                        "(.p12, .pfx)") from exc
    if private_key is None or cert is None:
        raise UserError(f"tệp khóa “{path.name}” không có khóa và chứng thư số")
    if not isinstance(private_key, rsa.RSAPrivateKey):
        raise UserError(f"khóa trong “{path.name}” không phải khóa RSA; không mở được gói niêm phong")
    return _SoftwareKey(private_key, cert.public_bytes(Encoding.DER))


@contextlib.contextmanager
def _token(source: TokenKey) -> Iterator[_TokenKey]:
    try:
        import pkcs11
        from pkcs11 import Attribute, KeyType, ObjectClass
    except ImportError as exc:
        raise UserError("bản cài này chưa có hỗ trợ USB token (thiếu gói python-pkcs11)") from exc
    lib = Path(source.lib_path)
    if not lib.is_file():
        raise UserError(f"không tìm thấy tệp thư viện PKCS#11 “{lib}” của USB token")
    try:
        module = pkcs11.lib(str(lib))
        token = module.get_token(token_label=source.token_label) if source.token_label else module.get_token()
        session = token.open(user_pin=source.pin)
    except Exception as exc:  # noqa: BLE001 - the PKCS#11 library raises its own errors
        raise UserError(_token_message(exc)) from exc
    try:
        try:
            query = {Attribute.CLASS: ObjectClass.CERTIFICATE}
            if source.cert_label:
                query[Attribute.LABEL] = source.cert_label
            certs = list(session.get_objects(query))
            if len(certs) != 1:
                raise LookupError("certificates")
            cert = certs[0]
            key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, key_type=KeyType.RSA, id=cert[Attribute.ID])
            der = bytes(cert[Attribute.VALUE])
        except Exception as exc:  # noqa: BLE001
            raise UserError(_token_message(exc, finding_key=True)) from exc
        yield _TokenKey(key, der)
    finally:
        with contextlib.suppress(Exception):
            session.close()
