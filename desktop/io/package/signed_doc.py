"""A signed JSON document in a small .zip: the document and its detached
CMS signature (with the signer's certificate). Receipts, assignment
packages and review notices all travel this way; each names its own
member, format and schema."""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from db.files import atomic_path, free_path
from desktop.core.errors import UserError
from desktop.core.vntext import fold
from desktop.io.limits import MAX_PACKAGE_BYTES
from desktop.io.package.format import PackageProblem, check_schema, dumps, load_json
from desktop.io.safety import check_zip
from desktop.io.signing import (
    CertificateProblem,
    OfficeSigner,
    certificate_info,
    sign_detached,
    signing_problem,
    verify_detached,
)


@dataclass
class SignedDoc:
    """A document whose signature, schema and signer's certificate passed."""

    doc: dict
    sha256: str  # of the signed JSON bytes: the document's identity, whatever zip it travels in
    fingerprint: str
    certificate_der: bytes = field(repr=False)
    subject: str = ""
    not_after: datetime | None = None
    signer_names: tuple[str, ...] = ()


def members_of(path: Path) -> list[str]:
    """The member names of a zip, or [] for anything that is not one."""
    try:
        with zipfile.ZipFile(path) as zf:
            return sorted(zf.namelist())
    except (zipfile.BadZipFile, OSError):
        return []


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def write_signed(out_dir: Path, stem: str, member: str, doc: dict, signer: OfficeSigner) -> Path:
    """Write ``<stem>.zip`` (a free name) into ``out_dir``, atomically and
    flushed: ``member`` (the document, UTF-8 JSON, keys sorted) and
    ``member.p7s``. Returns its path."""
    data = dumps(doc)
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    target = free_path(Path(out_dir), stem, ".zip")
    with atomic_path(target, overwrite=False) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, blob in ((member, data), (member + ".p7s", sign_detached(data, signer))):
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, blob)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
    return target


def read_signed(path: Path, member: str, *, fmt: str, schema: str, what: str, major: int = 1,
                now: datetime | None = None) -> SignedDoc:
    """Open ``path`` as hostile input and check it: size and zip limits,
    exactly ``member`` and its ``.p7s``, the JSON limits, the format and a
    known major version, the signature, the schema (real dates), the
    signer's certificate may sign documents and is valid. ``what`` names
    the document in refusals ("gói giao nhiệm vụ"). Raises ``PackageProblem``."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_PACKAGE_BYTES:
            raise PackageProblem(f"tệp lớn quá {MAX_PACKAGE_BYTES // 2**20} MB cho một {what}")
        names = check_zip(path)
    except UserError as exc:
        raise PackageProblem(f"{what} bị hỏng hoặc không đúng dạng") from exc
    except OSError as exc:
        raise PackageProblem("không đọc được tệp") from exc
    if sorted(names) != sorted([member, member + ".p7s"]):
        raise PackageProblem(f"{what} phải có đúng hai tệp {member} và {member}.p7s")
    with zipfile.ZipFile(path) as zf:
        data, p7s = zf.read(member), zf.read(member + ".p7s")
    doc = load_json(data, member)
    if doc.get("format") != fmt:
        raise PackageProblem(f"không phải {what} Theo dõi ({member} không ghi đúng định dạng)")
    version = str(doc.get("format_version", ""))
    try:
        their_major = int(version.split(".")[0])
    except ValueError as exc:
        raise PackageProblem(f"phiên bản định dạng “{version[:20]}” không hợp lệ") from exc
    if their_major > major:
        raise PackageProblem(f"{what} được tạo bằng phiên bản Theo dõi mới hơn (định dạng {version}); hãy cập nhật "
                             "Theo dõi rồi nhận lại")
    signed, info = verify_signed_json(data, p7s, doc, schema=schema, member=member, what=what, now=now)
    return SignedDoc(doc, hashlib.sha256(data).hexdigest(), signed.fingerprint, signed.certificate_der, info.subject,
                     info.not_after, info.names)


def verify_signed_json(data: bytes, p7s: bytes, doc: dict, *, schema: str, member: str, what: str,
                       now: datetime | None = None, mismatch: str | None = None):
    """The checks every signed JSON document of the exchange passes (report
    receipts, assignments, review notices): its detached signature, its
    schema, the signer it names being the one who signed, and the
    certificate's dates. Returns (the signature check, the certificate's
    info); ``PackageProblem`` naming ``what`` otherwise."""
    signed = verify_detached(data, p7s)
    if not signed.ok:
        raise PackageProblem(f"chữ ký của {what} không hợp lệ: {signed.problem}")
    check_schema(doc, schema, member)
    if doc["signer"]["fingerprint"] != signed.fingerprint:
        raise PackageProblem(mismatch or f"{what} ghi người ký khác với chứng thư đã ký nó")
    try:
        info = certificate_info(signed.certificate_der)
    except CertificateProblem as exc:
        raise PackageProblem(exc.message) from exc
    problem = signing_problem(info, now or datetime.now(timezone.utc))
    if problem:
        raise PackageProblem(f"{what}: {problem}")
    return signed, info
