"""Where the office's key lives: a PKCS#12 file with its passphrase, or a
PKCS#11 USB token (VGCA, Viettel-CA, VNPT-CA, FPT-CA, BKAV … all ship a
PKCS#11 module). Passphrases and PINs are used, never stored or logged."""

from __future__ import annotations

import contextlib
import glob
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from desktop.core.errors import UserError
from desktop.io.signing.keys import certificate_info, fingerprint


@dataclass
class Pkcs12Key:
    path: Path
    passphrase: bytes = field(repr=False)


@dataclass
class TokenKey:
    lib_path: Path
    token_label: str | None = None
    cert_label: str | None = None
    pin: str | None = field(default=None, repr=False)


@dataclass
class OfficeSigner:
    """A ready signer: the pyHanko signer and who it is."""

    pyhanko_signer: object
    certificate_der: bytes
    fingerprint: str
    subject_name: str
    organization: str | None


def _signer_for(pyhanko_signer) -> OfficeSigner:
    der = pyhanko_signer.signing_cert.dump()
    info = certificate_info(der)
    return OfficeSigner(pyhanko_signer, der, fingerprint(der), info.subject, info.organization)


@contextlib.contextmanager
def open_signer(source: Pkcs12Key | TokenKey) -> Iterator[OfficeSigner]:
    """The signer for ``source``; a token session is closed on exit."""
    if isinstance(source, Pkcs12Key):
        yield _pkcs12(source)
        return
    with _token(source) as signer:
        yield signer


def _pkcs12(source: Pkcs12Key) -> OfficeSigner:
    from cryptography.hazmat.primitives.serialization import pkcs12

    from pyhanko.sign import signers

    path = Path(source.path)
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp khóa “{path}”.")
    data = path.read_bytes()
    try:
        pkcs12.load_key_and_certificates(data, source.passphrase)
    except ValueError as exc:
        raise UserError(
            f"Không mở được tệp khóa “{path.name}”: sai mật khẩu, hoặc tệp không phải khóa PKCS#12 (.p12, .pfx)."
        ) from exc
    signer = signers.SimpleSigner.load_pkcs12_data(data, other_certs=[], passphrase=source.passphrase)
    if signer is None:
        raise UserError(f"Tệp khóa “{path.name}” không có khóa và chứng thư số dùng để ký.")
    return _signer_for(signer)


@contextlib.contextmanager
def _token(source: TokenKey) -> Iterator[OfficeSigner]:
    try:
        from pyhanko.sign import pkcs11 as p11
    except ImportError as exc:  # python-pkcs11 missing from the install
        raise UserError("Bản cài này chưa có hỗ trợ ký bằng USB token (thiếu gói python-pkcs11).") from exc
    lib = Path(source.lib_path)
    if not lib.is_file():
        raise UserError(f"Không tìm thấy tệp thư viện PKCS#11 “{lib}” của USB token. Hãy chọn đúng tệp (.dll/.so).")
    try:
        from pyhanko.config.pkcs11 import TokenCriteria

        criteria = TokenCriteria(label=source.token_label) if source.token_label else None
        session = p11.open_pkcs11_session(str(lib), token_criteria=criteria, user_pin=source.pin)
    except Exception as exc:  # noqa: BLE001 - the PKCS#11 library raises its own errors
        raise UserError(_token_message(exc)) from exc
    try:
        try:
            signer = p11.PKCS11Signer(session, cert_label=source.cert_label, key_label=source.cert_label)
            signer.signing_cert  # noqa: B018 - loads the certificate now, so a wrong label fails here
        except Exception as exc:  # noqa: BLE001
            raise UserError(_token_message(exc, finding_key=True)) from exc
        yield _signer_for(signer)
    finally:
        with contextlib.suppress(Exception):
            session.close()


def _token_message(exc: Exception, *, finding_key: bool = False) -> str:
    name = type(exc).__name__
    if finding_key and "Pin" not in name:
        return ("Không tìm thấy đúng chứng thư số và khóa trên token; hãy ghi rõ tên chứng thư "
                "như trong phần mềm của nhà cung cấp token.")
    if "PinIncorrect" in name or "PinInvalid" in name:
        return "Mã PIN của USB token không đúng. Lưu ý: nhập sai nhiều lần token sẽ bị khóa."
    if "PinLocked" in name:
        return "USB token đã bị khóa do nhập sai PIN nhiều lần; hãy liên hệ nơi cấp chứng thư số."
    if "NoSuchToken" in name or "TokenNotPresent" in name:
        return "Không thấy USB token: hãy cắm token vào máy, chờ đèn sáng rồi thử lại."
    if "MultipleTokensReturned" in name:
        return "Có nhiều token đang cắm; hãy ghi rõ tên token cần dùng, hoặc chỉ cắm một token."
    if "NoSuchKey" in name or "SigningError" in name or "MultipleObjectsReturned" in name:
        return "Không tìm thấy đúng chứng thư số trên token; hãy ghi rõ tên chứng thư như trong phần mềm của nhà cung cấp token."
    return f"Không dùng được USB token ({name}). Hãy kiểm tra token và thư viện PKCS#11 rồi thử lại."


# Where token drivers put their PKCS#11 module, on Linux and Windows.
_MODULE_PATTERNS = [
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/*/softhsm/libsofthsm2.so",
    "/usr/lib/*/opensc-pkcs11.so",
    "/usr/lib/*/pkcs11/*.so",
    "/usr/local/lib/softhsm/libsofthsm2.so",
    r"C:\Windows\System32\vgca*.dll",
    r"C:\Windows\System32\viettel-ca*.dll",
    r"C:\Windows\System32\vnpt-ca*.dll",
    r"C:\Windows\System32\fptca*.dll",
    r"C:\Windows\System32\bkavca*.dll",
    r"C:\Windows\System32\eToken.dll",
    r"C:\Windows\System32\ShuttleCsp11_3003.dll",
]


def find_pkcs11_modules() -> list[Path]:
    """PKCS#11 module files found in the usual places (the user can always
    pick another file)."""
    extra = [p for p in os.environ.get("THEODOI_PKCS11_PATHS", "").split(os.pathsep) if p]
    found: list[Path] = []
    seen: set[Path] = set()
    for pattern in _MODULE_PATTERNS + extra:
        for name in sorted(glob.glob(pattern)):
            path = Path(name)
            if path.is_file() and path.resolve() not in seen:  # one entry per file, not per symlink
                seen.add(path.resolve())
                found.append(path)
    return found


@dataclass
class TokenCertificate:
    token_label: str
    cert_label: str
    subject: str
    fingerprint: str


def list_token_certificates(lib_path: Path) -> list[TokenCertificate]:
    """The certificates on every token the module sees (certificates are
    public objects: no PIN needed), for the user to pick one."""
    try:
        import pkcs11
        from pkcs11 import Attribute, ObjectClass
    except ImportError as exc:
        raise UserError("Bản cài này chưa có hỗ trợ ký bằng USB token (thiếu gói python-pkcs11).") from exc
    lib = Path(lib_path)
    if not lib.is_file():
        raise UserError(f"Không tìm thấy tệp thư viện PKCS#11 “{lib}” của USB token.")
    try:
        module = pkcs11.lib(str(lib))
        found = []
        for slot in module.get_slots(token_present=True):
            try:
                token = slot.get_token()
                with token.open() as session:
                    certs = [bytes(o[Attribute.VALUE]) for o in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})]
                    labels = [o[Attribute.LABEL] for o in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE})]
            except Exception:  # noqa: BLE001 - an empty or uninitialised slot
                continue
            for der, label in zip(certs, labels):
                info = certificate_info(der)
                found.append(TokenCertificate(token.label.strip(), label, info.subject, info.fingerprint))
        return found
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - the module's own errors
        raise UserError(_token_message(exc)) from exc
