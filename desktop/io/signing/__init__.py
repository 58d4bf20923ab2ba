"""Signing and checking: office keys (PKCS#12 files, PKCS#11 tokens), PAdES
PDF signatures with the Nghị định 30 stamp, detached CMS signatures."""

from desktop.io.signing.cms import DetachedCheck, sign_detached, verify_detached
from desktop.io.signing.keys import (
    CertificateProblem,
    CertInfo,
    certificate_info,
    chains_to,
    create_office_key,
    fingerprint,
    grouped,
    load_certificate,
    root_problem,
    signing_problem,
)
from desktop.io.signing.pdf import EmbeddedFile, PdfSignatureCheck, sign_pdf, stamp_attachment, verify_pdf
from desktop.io.signing.signer import (
    OfficeSigner,
    Pkcs12Key,
    TokenCertificate,
    TokenKey,
    find_pkcs11_modules,
    list_token_certificates,
    open_signer,
)
from desktop.io.signing.stamp import SignatureAppearance

__all__ = [
    "CertificateProblem", "CertInfo", "DetachedCheck", "EmbeddedFile", "OfficeSigner", "PdfSignatureCheck", "Pkcs12Key",
    "SignatureAppearance", "TokenCertificate", "TokenKey", "certificate_info", "list_token_certificates", "chains_to", "create_office_key", "find_pkcs11_modules",
    "fingerprint", "grouped", "load_certificate", "open_signer", "root_problem", "signing_problem", "sign_detached", "sign_pdf", "stamp_attachment",
    "verify_detached", "verify_pdf",
]
