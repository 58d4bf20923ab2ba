"""The two ends of the exchange: export an issued report as a signed package
(checked by reading it back before it is called done), and import packages
at the office above, one result per file."""

from __future__ import annotations

import os
import shutil
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from sqlalchemy.engine import Engine

from db.engine import data_dir, sqlite_path
from db.files import atomic_path
from db.models import Directive, OutgoingDocument, Requirement
from db.session import run_transaction, unit_of_work
from desktop.core.errors import UserError
from desktop.core.exchange import (
    IncomingReceipt,
    IncomingReport,
    accept_receipt,
    accept_report,
    indicator_totals,
    record_sent,
    trusted_roots,
)
from desktop.core.office import get_office
from desktop.core.reports import report_facts
from desktop.io.package.build import build_package, report_data
from desktop.io.package.format import PackageProblem
from desktop.io.package.read import verify_package
from desktop.io.package.receipt import is_receipt, read_receipt, write_receipt
from desktop.io.signing import (
    OfficeSigner,
    Pkcs12Key,
    SignatureAppearance,
    TokenKey,
    certificate_info,
    chains_to,
    open_signer,
)


def package_store_for(url: str) -> Path:
    """Where received packages are kept: beside the database file, or in
    the user data folder for a server database."""
    path = sqlite_path(url)
    return (path.parent if path else data_dir()) / "packages"


@dataclass
class ImportResult:
    file: str
    status: str  # accepted | superseded | duplicate | rejected
    reason: str | None = None
    sender: str | None = None
    report_number: str | None = None
    signer: str | None = None
    fingerprint: str | None = None
    trusted_now: bool = False  # the signer was pinned by this import
    receipt: str | None = None  # the signed receipt written for an accepted package

    def as_json(self) -> dict:
        return asdict(self)


def export_package(engine: Engine, report_id: int, key: Pkcs12Key | TokenKey, out_dir: Path | str, *,
                   signature_image: Path | None = None, seal_image: Path | None = None) -> tuple[Path, str]:
    """Sign report ``report_id`` of the register into a package in
    ``out_dir``; returns (package path, signer fingerprint)."""
    out = Path(out_dir)
    with unit_of_work(engine, commit=False) as session:
        doc = session.get(OutgoingDocument, int(report_id))
        if doc is None or doc.kind != "BC" or doc.state != "issued":
            raise UserError(f"Không có báo cáo đã ban hành mã {report_id} (xem: theodoi register list).")
        folder = Path(doc.folder or ".")
        files = {Path(f).suffix: folder / f for f in doc.files or []}
        for suffix in (".pdf", ".xlsx"):
            if suffix not in files or not files[suffix].is_file():
                raise UserError(f"Không tìm thấy tệp {suffix} của báo cáo số {doc.number} trong “{folder}”; "
                                "tệp đã bị chuyển hoặc xóa. Hãy làm lại báo cáo.")
        directive = session.get(Directive, doc.directive_id)
        requirement = session.get(Requirement, doc.requirement_id) if doc.requirement_id else None
        facts = report_facts(session, directive, doc.as_of or doc.issued_on, requirement=requirement, period=doc.period)
        data = report_data(facts, doc.number, doc.issued_on, doc.title)
        office = get_office(session)
        look = SignatureAppearance(office.signer_name, office.signer_title, office.signing_authority,
                                   signature_image, seal_image)
        requirement_title = requirement.title if requirement else None
        period = doc.period
    out.mkdir(parents=True, exist_ok=True)
    with open_signer(key) as signer:
        path = build_package(files[".pdf"], files[".xlsx"], data, signer, out, appearance=look,
                             requirement=requirement_title, period=period)
        fingerprint = signer.fingerprint
    # Read back from the medium before saying it is done: a USB stick that
    # lied about the write shows up here, not at the office above.
    _drop_cache(path)
    try:
        check = verify_package(path)
    except PackageProblem as exc:
        path.unlink(missing_ok=True)
        raise UserError(f"Gói ghi ra “{path}” đọc lại không đúng ({exc.message}); đã xóa. Hãy thử lại hoặc dùng "
                        "USB khác.") from exc
    # The package is signed and on the stick: only its record is left, retried
    # on its own, never by signing again.
    run_transaction(engine, lambda session: record_sent(session, int(report_id), sha256=check.sha256,
                                                         file_name=path.name, fingerprint=fingerprint))
    return path, fingerprint


def _drop_cache(path: Path) -> None:
    if hasattr(os, "posix_fadvise"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _incoming(check, file_name: str, roots: list[bytes]) -> IncomingReport:
    m = check.manifest
    info = certificate_info(check.certificate_der)
    return IncomingReport(
        sha256=check.sha256, file_name=file_name, sender_name=m["sender"]["name"], sender_code=m["sender"].get("code"),
        addressed_to=m["sender"].get("parent_name"), report_number=m["report"]["number"],
        report_date=date.fromisoformat(m["report"]["issued_on"]), directive_number=m["directive"]["number"],
        requirement_title=m.get("requirement"), period=m.get("period"),
        as_of=date.fromisoformat(m["as_of"]), fingerprint=check.fingerprint, certificate_der=check.certificate_der,
        subject=info.subject, not_after=info.not_after, rooted=chains_to(check.certificate_der, roots),
        indicator_totals=indicator_totals(check.data, m.get("requirement")),
    )


def _import_receipt(engine: Engine, path: Path, trust_new: bool) -> ImportResult:
    try:
        check = read_receipt(path)
    except PackageProblem as exc:
        return ImportResult(path.name, "rejected", exc.message)
    doc = check.receipt
    incoming = IncomingReceipt(
        package_sha256=doc["package"]["sha256"], report_number=str(doc["package"].get("report_number")),
        receiver=doc["receiver"]["name"], received_on=date.fromisoformat(doc["received_on"]),
        fingerprint=check.fingerprint, certificate_der=check.certificate_der, subject=check.subject,
        not_after=check.not_after,
    )
    base = dict(sender=incoming.receiver, report_number=incoming.report_number, signer=check.subject,
                fingerprint=check.fingerprint)
    try:
        with unit_of_work(engine) as session:
            incoming.rooted = chains_to(check.certificate_der, trusted_roots(session))
            taken = accept_receipt(session, incoming, trust_new=trust_new)
    except UserError as exc:
        return ImportResult(path.name, "rejected", exc.message, **base)
    if not taken:
        return ImportResult(path.name, "duplicate", "biên nhận này đã được ghi trước đây", **base)
    return ImportResult(path.name, "accepted", f"biên nhận: {incoming.receiver} đã nhận báo cáo số "
                        f"{incoming.report_number} ngày {incoming.received_on:%d/%m/%Y}", **base)


def import_packages(engine: Engine, paths: list[Path], *, store_dir: Path, requirement_id: int | str | None = None,
                    trust_new: bool = False, accept_changed_key: bool = False, today: date | None = None,
                    receipt_signer: OfficeSigner | None = None, receipt_dir: Path | None = None) -> list[ImportResult]:
    """One result per file (a package from a member office, or a receipt
    for a package this office sent); each accepted package is one
    transaction, with a copy of the file kept in ``store_dir`` and, given a
    signer, a signed receipt written to ``receipt_dir``."""
    results = []
    for path in paths:
        path = Path(path)
        if is_receipt(path):
            results.append(_import_receipt(engine, path, trust_new))
            continue
        try:
            check = verify_package(path)
        except PackageProblem as exc:
            results.append(ImportResult(path.name, "rejected", exc.message))
            continue
        m = check.manifest
        base = dict(sender=m["sender"]["name"], report_number=m["report"]["number"], signer=check.signer_subject,
                    fingerprint=check.fingerprint)
        stored = Path(store_dir) / f"{check.sha256}.zip"
        try:
            with unit_of_work(engine) as session:
                incoming = _incoming(check, path.name, trusted_roots(session))
                accepted = accept_report(session, incoming, requirement_id=requirement_id, trust_new=trust_new,
                                         accept_changed_key=accept_changed_key, stored_path=str(stored), today=today)
                if accepted is not None and not stored.exists():
                    stored.parent.mkdir(parents=True, exist_ok=True)
                    with atomic_path(stored) as tmp:
                        shutil.copyfile(path, tmp)
        except UserError as exc:  # Refused, or a requirement that does not exist
            results.append(ImportResult(path.name, "rejected", exc.message, **base))
            continue
        if accepted is None:
            results.append(ImportResult(path.name, "duplicate", "gói này đã được nhận trước đây; không có gì thay đổi",
                                        **base))
        else:
            reason = "thay cho gói nhận trước (gói cũ vẫn được giữ)" if accepted.status == "superseded" else None
            result = ImportResult(path.name, accepted.status, reason, **{**base, "sender": accepted.sender},
                                  trusted_now=accepted.pinned)
            if receipt_signer is not None and receipt_dir is not None:
                result.receipt = str(_receipt(engine, receipt_signer, receipt_dir, check, accepted.status, today))
            results.append(result)
    return results


def _receipt(engine: Engine, signer: OfficeSigner, out_dir: Path, check, status: str, today: date | None) -> Path:
    with unit_of_work(engine, commit=False) as session:
        office = get_office(session)
        receiver = office.name if office else signer.subject_name
        actor = session.info.get("actor")
    return write_receipt(out_dir, signer, package_sha256=check.sha256, manifest=check.manifest, receiver=receiver,
                         status=status, received_by=actor, today=today)
