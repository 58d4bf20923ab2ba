"""Open and check a report package as hostile input: size and zip-bomb
limits, exactly the expected members, the manifest's own signature, every
file's hash, the PDF signature over the whole file, the workbook's .p7s,
all by one certificate, valid today. Trust in that certificate is decided
in the core (pins and roots kept in the database)."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from desktop.core.errors import UserError
from desktop.io.limits import MAX_PACKAGE_BYTES
from desktop.io.package.format import (
    DATA,
    HASHED,
    MANIFEST,
    MANIFEST_SIG,
    MEMBERS,
    PDF,
    XLSX,
    XLSX_SIG,
    PackageProblem,
    check_schema,
    check_version,
    load_json,
)
from desktop.io.safety import check_zip
from desktop.io.signing import CertificateProblem, certificate_info, signing_problem, verify_detached, verify_pdf


@dataclass
class PackageCheck:
    """A package that passed every check but trust."""

    path: Path
    sha256: str
    manifest: dict
    data: dict
    fingerprint: str
    certificate_der: bytes = field(repr=False)
    signer_subject: str
    members: dict[str, bytes] = field(repr=False, default_factory=dict)
    # The signed content's own identity and age: a package re-zipped is the
    # same package, and which of two is newer is what their signer wrote.
    manifest_sha256: str = ""
    created_at: datetime | None = None
    report_date: date | None = None
    as_of: date | None = None
    signer_names: tuple[str, ...] = ()  # CN and O of the signer's certificate


def _member_set(names: list[str]) -> None:
    for name in names:
        if name.startswith(("/", "\\")) or ".." in name.replace("\\", "/").split("/") or ":" in name:
            raise PackageProblem(f"gói có đường dẫn ra ngoài thư mục của nó (“{name}”)")
    if len(set(names)) != len(names):
        raise PackageProblem("gói có hai thành phần trùng tên")
    missing = [m for m in MEMBERS if m not in names]
    extra = [n for n in names if n not in MEMBERS]
    if missing:
        raise PackageProblem(f"gói thiếu tệp {missing[0]}")
    if extra:
        raise PackageProblem(f"gói có tệp lạ {extra[0]}")


def verify_package(path: Path | str, *, now: datetime | None = None) -> PackageCheck:
    """Every check but trust; raises ``PackageProblem`` with the reason."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PackageProblem("không đọc được tệp") from exc
    if size > MAX_PACKAGE_BYTES:
        raise PackageProblem(f"tệp lớn quá {MAX_PACKAGE_BYTES // 2**20} MB cho một gói báo cáo")
    raw = path.read_bytes()
    if not raw.startswith(b"PK"):
        raise PackageProblem("không phải gói báo cáo (tệp .zip do Theo dõi tạo)")
    try:
        names = check_zip(path)
    except UserError as exc:
        raise PackageProblem(_clause(exc.message, path)) from exc
    _member_set(names)
    with zipfile.ZipFile(path) as zf:
        members = {name: zf.read(name) for name in MEMBERS}

    manifest = load_json(members[MANIFEST], "manifest.json")
    check_version(manifest)
    check_schema(manifest, "manifest")
    signed = verify_detached(members[MANIFEST], members[MANIFEST_SIG])
    if not signed.ok:
        raise PackageProblem(f"chữ ký của manifest.json không hợp lệ: {signed.problem}")
    fp, der = signed.fingerprint, signed.certificate_der
    if manifest["signer"]["fingerprint"] != fp:
        raise PackageProblem("manifest.json ghi người ký khác với chứng thư đã ký nó")
    listed = manifest["files"]
    if sorted(listed) != sorted(HASHED):
        raise PackageProblem("manifest.json không liệt kê đúng các tệp của gói")
    for name in HASHED:
        blob = members[name]
        if hashlib.sha256(blob).hexdigest() != listed[name]["sha256"] or len(blob) != listed[name]["size"]:
            raise PackageProblem(f"tệp {name} đã bị thay đổi (không khớp mã băm trong manifest.json)")

    pdf = verify_pdf(members[PDF])
    if not pdf.ok:
        raise PackageProblem(f"{PDF}: {pdf.problem}")
    if pdf.fingerprint != fp:
        raise PackageProblem(f"{PDF} được ký bằng một khóa khác với khóa ký gói")
    if pdf.embedded_files.get(XLSX) != members[XLSX] or pdf.embedded_files.get(DATA) != members[DATA]:
        raise PackageProblem(f"bảng tính hoặc số liệu trong {PDF} không khớp với các tệp của gói")
    book = verify_detached(members[XLSX], members[XLSX_SIG])
    if not book.ok:
        raise PackageProblem(f"chữ ký của {XLSX}: {book.problem}")
    if book.fingerprint != fp:
        raise PackageProblem(f"{XLSX} được ký bằng một khóa khác với khóa ký gói")

    try:
        info = certificate_info(der)
    except CertificateProblem as exc:
        raise PackageProblem(exc.message) from exc
    problem = signing_problem(info, now or datetime.now(timezone.utc))
    if problem:
        raise PackageProblem(problem)

    data = load_json(members[DATA], "data.json")
    check_schema(data, "data")
    for key in ("sender", "report", "directive", "as_of"):
        if data[key] != manifest[key]:
            raise PackageProblem(f"data.json và manifest.json ghi khác nhau ở “{key}”")
    created_at = signed_time(manifest["created_at"])
    return PackageCheck(path, hashlib.sha256(raw).hexdigest(), manifest, data, fp, der, info.subject, members,
                        manifest_sha256=hashlib.sha256(members[MANIFEST]).hexdigest(), created_at=created_at,
                        report_date=date.fromisoformat(manifest["report"]["issued_on"]),
                        as_of=date.fromisoformat(manifest["as_of"]), signer_names=info.names)


def signed_time(text: str) -> datetime:
    """``created_at`` of a manifest (ISO 8601 with its offset) as an aware
    UTC instant; ``PackageProblem`` for anything else."""
    try:
        when = datetime.fromisoformat(text)
    except ValueError as exc:
        raise PackageProblem(f"manifest.json ghi thời điểm tạo gói không hợp lệ (“{text[:40]}”)") from exc
    if when.tzinfo is None:
        raise PackageProblem(f"manifest.json ghi thời điểm tạo gói không kèm múi giờ (“{text[:40]}”)")
    return when.astimezone(timezone.utc)


def _clause(message: str, path: Path) -> str:
    # The shared zip checks speak of "Tệp “x”…"; a package result names the file itself.
    prefix = f"Tệp “{path.name}” "
    return message[len(prefix):] if message.startswith(prefix) else message
