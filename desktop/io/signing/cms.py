"""Detached CMS signatures (.p7s) over the package's workbook and manifest:
what `openssl cms -verify` checks, and what Theo dõi checks on import."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from asn1crypto import cms

from desktop.io.signing.keys import fingerprint
from desktop.io.signing.signer import OfficeSigner


@dataclass
class DetachedCheck:
    ok: bool
    fingerprint: str | None
    certificate_der: bytes | None = field(repr=False)
    problem: str | None  # a Vietnamese sentence when not ok


def sign_detached(data: bytes, signer: OfficeSigner) -> bytes:
    """A DER CMS SignedData over ``data`` (SHA-256), content not included,
    the signer's certificate included."""
    info = asyncio.run(signer.pyhanko_signer.async_sign_general_data(data, "sha256", detached=True))
    return info.dump()


def verify_detached(data: bytes, p7s: bytes) -> DetachedCheck:
    """Whether ``p7s`` is a valid signature over exactly ``data``, and by
    which certificate. Trust in that certificate is decided by the caller."""
    from pyhanko.sign.validation.generic_cms import async_validate_detached_cms
    from pyhanko_certvalidator import ValidationContext

    try:
        info = cms.ContentInfo.load(p7s)
        signed = info["content"]
        if info["content_type"].native != "signed_data" or len(signed["signer_infos"]) != 1:
            return DetachedCheck(False, None, None, "chữ ký không đúng dạng (cần đúng một chữ ký CMS)")
        certs = [c.chosen for c in signed["certificates"]]
        sid = signed["signer_infos"][0]["sid"]
        cert = next(c for c in certs if sid.name == "issuer_and_serial_number"
                    and c.issuer == sid.chosen["issuer"] and c.serial_number == sid.chosen["serial_number"].native)
    except Exception:  # noqa: BLE001 - any parse failure is a damaged signature file
        return DetachedCheck(False, None, None, "tệp chữ ký bị hỏng hoặc không phải chữ ký CMS")
    der = cert.dump()
    context = ValidationContext(trust_roots=[cert], allow_fetching=False)
    try:
        status = asyncio.run(async_validate_detached_cms(data, signed, signer_validation_context=context))
    except Exception:  # noqa: BLE001
        return DetachedCheck(False, fingerprint(der), der, "không kiểm tra được chữ ký")
    if not (status.intact and status.valid):
        return DetachedCheck(False, fingerprint(der), der, "nội dung đã bị thay đổi sau khi ký")
    return DetachedCheck(True, fingerprint(der), der, None)
