"""The two ends of the exchange: export an issued report as a signed package
(checked by reading it back before it is called done), and import packages
at the office above, one result per file."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Mapping

from sqlalchemy.engine import Engine
from sqlmodel import select

from db.engine import data_dir, sqlite_path
from db.files import atomic_path, free_path
from db.models import Directive, OutgoingDocument, Requirement, SentPackage
from db.session import run_transaction, unit_of_work
from desktop.core import clock
from desktop.core.errors import UserError
from desktop.core.exchange import (
    IncomingReceipt,
    IncomingReport,
    accept_receipt,
    accept_report,
    indicator_totals,
    report_section,
    receipt_signer_unknown,
    record_sent,
    sender_needs_pin,
    trusted_roots,
)
from desktop.core.drafts import issued_sections
from desktop.core.review import IncomingNotice, take_notice
from desktop.core.trust import normal_fingerprint, receipt_needs_pin
from desktop.core.office import get_office
from desktop.core.directives import requirements_of
from desktop.core.reports import report_facts
from desktop.core.rollup import section_rollup
from desktop.io.package.build import build_package, report_data
from desktop.io.package.format import PackageProblem
from desktop.io.package.read import PackageCheck, verify_package
from desktop.io.package.seal import (
    SUFFIX as SEALED_SUFFIX,
    SealedInfo,
    is_sealed_file,
    seal,
)
from desktop.io.package.assignment import is_assignment
from desktop.io.package.incoming import open_incoming
from desktop.io.package.notice import is_notice, read_notice
from desktop.io.package.signed_doc import SignedDoc
from desktop.io.package.receipt import ReceiptCheck, is_receipt, read_receipt, write_receipt
from desktop.io.signing import OfficeSigner, Pkcs12Key, SignatureAppearance, TokenKey, chains_to, open_signer

log = logging.getLogger("theodoi.exchange")


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
    pinned: str | None = None  # the fingerprint of the key this import pinned
    report_date: date | None = None  # the date the sender wrote on its report
    received_on: date | None = None  # the date this office received it: what "on time" is judged by
    needs: str | None = None  # what the user can do about a refusal (see desktop.core.trust.Refused)
    sealed: bool = False  # the file was a sealed package (encrypted for its recipient)
    sealed_for: str | None = None  # whom a sealed file's envelope names, in words

    def as_json(self) -> dict:
        return asdict(self)


def export_package(engine: Engine, report_id: int, key: Pkcs12Key | TokenKey, out_dir: Path | str, *,
                   signature_image: Path | None = None, seal_image: Path | None = None,
                   seal_for: bytes | None = None) -> tuple[Path, str]:
    """Sign report ``report_id`` of the register into a package in
    ``out_dir``; returns (package path, signer fingerprint). With
    ``seal_for`` (the recipient's DER certificate) the file written is the
    package sealed for that recipient (``goi-niem-phong-….p7m``), never the
    plain package."""
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
        # A directive that came in an assignment is answered by identity;
        # the office above adds the figures up by key and by sector.
        answering = bool(directive.assigned_by and directive.uid)
        data = report_data(facts, doc.number, doc.issued_on, doc.title, answers=answering,
                           rollups=[section_rollup(session, s) for s in facts.sections])
        answers = None
        if answering:
            only = requirement or (facts.sections[0].requirement if len(requirements_of(session, directive)) == 1
                                   else None)
            answers = {"directive_uid": directive.uid, "requirement_uid": only.uid if only else None}
        text = issued_sections(session, doc.id)
        if text:
            data["text"] = text  # the words it was issued with; optional, older readers pass it by
        office = get_office(session)
        look = SignatureAppearance(office.signer_name, office.signer_title, office.signing_authority,
                                   signature_image, seal_image)
        requirement_title = requirement.title if requirement else None
        period = doc.period
    out.mkdir(parents=True, exist_ok=True)
    if seal_for is not None:
        path, fingerprint, check = _export_sealed(files, data, key, out, look, requirement_title, period, seal_for,
                                                   answers)
    else:
        with open_signer(key) as signer:
            path = build_package(files[".pdf"], files[".xlsx"], data, signer, out, appearance=look,
                                 requirement=requirement_title, period=period, answers=answers)
            fingerprint = signer.fingerprint
        check = read_back(path, verify_package)
    # The package is signed and on the stick: only its record is left, retried
    # on its own, never by signing again.
    run_transaction(engine, lambda session: record_sent(session, int(report_id), sha256=check.sha256,
                                                         file_name=path.name, fingerprint=fingerprint))
    return path, fingerprint


def _export_sealed(files: dict, data: dict, key, out: Path, look, requirement_title, period,
                   recipient: bytes, answers: dict | None) -> tuple[Path, str, PackageCheck]:
    """Sign the package in a private folder, check it, seal it for
    ``recipient`` and write only the sealed file to ``out``; the receipt
    will name the inner package's SHA-256."""
    with tempfile.TemporaryDirectory() as work:
        with open_signer(key) as signer:
            inner = build_package(files[".pdf"], files[".xlsx"], data, signer, Path(work), appearance=look,
                                  requirement=requirement_title, period=period, answers=answers)
            fingerprint = signer.fingerprint
        check = verify_package(inner)
        check.members = {}
        try:
            sealed = seal(inner.read_bytes(), recipient)
        except UserError as exc:
            raise UserError(f"Không niêm phong được gói: {exc.message}. Hãy chọn đúng chứng thư số của nơi nhận "
                            "(tệp .cer, .crt, .pem).") from exc
    # The name says nothing of the report: only the envelope's recipient shows.
    path = free_path(out, f"goi-niem-phong-{hashlib.sha256(sealed).hexdigest()[:12]}", SEALED_SUFFIX)
    with atomic_path(path, overwrite=False) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(sealed)
            fh.flush()
            os.fsync(fh.fileno())
    _drop_cache(path)
    if path.read_bytes() != sealed:
        path.unlink(missing_ok=True)
        raise UserError(f"Gói niêm phong ghi ra “{path}” đọc lại không đúng; đã xóa. Hãy thử lại hoặc dùng USB khác.")
    return path, fingerprint, check


def read_back(path: Path, read):
    """``read(path)`` of a file just written, from the medium itself: a USB
    stick that lied about the write shows up here, not at the office above.
    A file that does not read back is deleted and the clerk told to retry."""
    _drop_cache(path)
    try:
        return read(path)
    except PackageProblem as exc:
        path.unlink(missing_ok=True)
        raise UserError(f"Gói ghi ra “{path}” đọc lại không đúng ({exc.message}); đã xóa. Hãy thử lại hoặc dùng "
                        "USB khác.") from exc


def _drop_cache(path: Path) -> None:
    if hasattr(os, "posix_fadvise"):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def _incoming(check: PackageCheck, file_name: str, roots: list[bytes], received_on: date | None) -> IncomingReport:
    m = check.manifest
    return IncomingReport(
        sha256=check.sha256, file_name=file_name, sender_name=m["sender"]["name"], sender_code=m["sender"].get("code"),
        addressed_to=m["sender"].get("parent_name"), report_number=m["report"]["number"],
        report_date=check.report_date, directive_number=m["directive"]["number"],
        # JSON Schema calls 2.0 an integer; the periods and the database want 2.
        requirement_title=m.get("requirement"), period=None if m.get("period") is None else int(m["period"]),
        as_of=check.as_of,
        fingerprint=check.fingerprint, certificate_der=check.certificate_der, subject=check.signer_subject,
        not_after=None, rooted=chains_to(check.certificate_der, roots),
        indicator_totals=indicator_totals(check.data, m.get("requirement"), _answers(m).get("requirement_uid")),
        manifest_sha256=check.manifest_sha256, created_at=check.created_at, signer_names=check.signer_names,
        received_on=received_on, directive_uid=_answers(m).get("directive_uid"),
        requirement_uid=_answers(m).get("requirement_uid"),
        units=(report_section(check.data, m.get("requirement"), _answers(m).get("requirement_uid")) or {}).get("units"),
    )


def _answers(manifest: dict) -> dict:
    return manifest.get("answers") or {}


def _receipt_incoming(check: ReceiptCheck, roots: list[bytes]) -> IncomingReceipt:
    doc = check.receipt
    return IncomingReceipt(
        package_sha256=doc["package"]["sha256"], report_number=doc["package"]["report_number"],
        receiver=doc["receiver"]["name"], received_on=date.fromisoformat(doc["received_on"]),
        fingerprint=check.fingerprint, certificate_der=check.certificate_der, subject=check.subject,
        not_after=check.not_after, rooted=chains_to(check.certificate_der, roots), signer_names=check.signer_names,
    )


# Why a file could not be taken in when the reason is a fault of this
# program rather than of the file: the file is still refused (with nothing
# written for it), the batch goes on, the details go to the log.
UNEXPECTED = "không xử lý được tệp này do lỗi ngoài dự kiến của Theo dõi ({}); không có gì được ghi cho tệp này"


@dataclass
class _Item:
    """One file of a batch between the checks and the database."""

    path: Path
    result: ImportResult | None = None  # decided already (refused, or a verdict)
    check: PackageCheck | None = None
    receipt: ReceiptCheck | None = None
    notice: SignedDoc | None = None  # a review notice from the office above
    received_on: date | None = None
    new_office: str | None = None  # the office whose first key this file would pin
    sealed: SealedInfo | None = None  # the file was sealed; ``check``/``receipt`` read what was inside


def _verified(path: Path, received_on: date | None, key=None, work_dir: Path | None = None) -> _Item:
    item = _Item(path, received_on=received_on)
    try:
        inner, item.sealed = open_incoming(path, key, work_dir or path.parent)
        if is_receipt(inner):
            item.receipt = read_receipt(inner)
        elif is_notice(inner):
            item.notice = read_notice(inner)
        elif is_assignment(inner):
            item.result = ImportResult(item.path.name, "rejected", "đây là gói giao nhiệm vụ của văn phòng cấp trên, "
                                       "không phải báo cáo; hãy nhận nó ở mục nhận giao nhiệm vụ",
                                       **_sealed_fields(item.sealed, path))
        else:
            item.check = verify_package(inner)
            item.check.members = {}  # verified; a batch need not hold every file's bytes
    except UserError as exc:
        item.result = ImportResult(path.name, "rejected", exc.message, needs=getattr(exc, "needs", None),
                                   **_sealed_fields(item.sealed or getattr(exc, "info", None), path))
    except Exception as exc:  # noqa: BLE001 - see UNEXPECTED
        log.warning("checking %s failed", path.name, exc_info=True)
        item.result = ImportResult(path.name, "rejected", UNEXPECTED.format(type(exc).__name__),
                                   **_sealed_fields(item.sealed, path))
    return item


def _sealed_fields(info: SealedInfo | None, path: Path | None = None) -> dict:
    """``sealed`` and ``sealed_for`` of a result: a file that looks sealed
    but whose envelope cannot be read is still said to be sealed."""
    if info is not None:
        return {"sealed": True, "sealed_for": info.describe()}
    return {"sealed": bool(path is not None and is_sealed_file(path)), "sealed_for": None}


def _base(item: _Item) -> dict:
    sealed = _sealed_fields(item.sealed)
    if item.notice is not None:
        doc = item.notice.doc
        return dict(sender=doc["reviewer"]["name"], report_number=doc["package"]["report_number"],
                    signer=item.notice.subject, fingerprint=item.notice.fingerprint, **sealed)
    if item.check is not None:
        m = item.check.manifest
        return dict(sender=m["sender"]["name"], report_number=m["report"]["number"], signer=item.check.signer_subject,
                    fingerprint=item.check.fingerprint, report_date=item.check.report_date, **sealed)
    doc = item.receipt.receipt
    return dict(sender=doc["receiver"]["name"], report_number=doc["package"]["report_number"],
                signer=item.receipt.subject, fingerprint=item.receipt.fingerprint, **sealed)


def _new_offices(engine: Engine, items: list[_Item]) -> None:
    """Mark each file whose signer would be pinned as a first key."""
    with unit_of_work(engine, commit=False) as session:
        roots = trusted_roots(session)
        for item in items:
            if item.result is not None:
                continue
            try:
                if item.check is not None:
                    unit = sender_needs_pin(session, _incoming(item.check, item.path.name, roots, None))
                    item.new_office = unit.name if unit is not None else None
                elif item.notice is not None:
                    office = get_office(session)
                    if receipt_needs_pin(session, item.notice.fingerprint, rooted=chains_to(
                            item.notice.certificate_der, roots), certificate_names=item.notice.signer_names,
                            parent_name=office.parent_name if office else None):
                        item.new_office = "văn phòng cấp trên"
                elif receipt_signer_unknown(session, _receipt_incoming(item.receipt, roots)):
                    item.new_office = "văn phòng cấp trên"
            except Exception:  # noqa: BLE001 - the import proper reports it
                log.debug("looking for new keys failed for %s", item.path.name, exc_info=True)


def _pin_policy(items: list[_Item], trust_new: bool, fingerprints: list[str]) -> tuple[set[str], str | None]:
    """Which first keys this run may pin, and why the others may not. Bare
    --trust-new pins only when the run holds one unknown office: over a
    batch it would pin a forged package's key beside a genuine one."""
    new = {}
    for item in items:
        if item.new_office is not None:
            new.setdefault(item.new_office, set()).add(_base(item)["fingerprint"])
    named = {normal_fingerprint(f) for f in fingerprints}
    if named:
        allowed = {fp for fps in new.values() for fp in fps if any(fp.startswith(n) for n in named if len(n) >= 16)}
        return allowed, ("khóa này không nằm trong các vân tay đã chỉ ra; hãy so vân tay với văn phòng gửi rồi chỉ "
                         "thêm vân tay của khóa này")
    if not trust_new:
        return set(), None
    if len(new) == 1:
        return next(iter(new.values())), None
    offices = ", ".join(f"“{name}”" for name in sorted(new))
    return set(), (f"lô này có {len(new)} văn phòng gửi lần đầu ({offices}); chỉ tin cậy chung được khi lô có một "
                   "văn phòng mới. Hãy so vân tay từng văn phòng rồi nhận lại, chỉ rõ vân tay của từng khóa")


def _import_receipt(engine: Engine, item: _Item, allowed: set[str], refusal: str | None) -> ImportResult:
    path, check = item.path, item.receipt
    base = _base(item)
    with unit_of_work(engine) as session:
        incoming = _receipt_incoming(check, trusted_roots(session))
        taken, pinned = accept_receipt(session, incoming, trust_new=check.fingerprint in allowed,
                                       new_key_refusal=refusal if item.new_office else None)
    if not taken:
        return ImportResult(path.name, "duplicate", "biên nhận này đã được ghi trước đây", **base)
    return ImportResult(path.name, "accepted", f"biên nhận: {incoming.receiver} đã nhận báo cáo số "
                        f"{incoming.report_number} ngày {incoming.received_on:%d/%m/%Y}", **base,
                        received_on=incoming.received_on, trusted_now=pinned is not None, pinned=pinned)


def _import_notice(engine: Engine, item: _Item, allowed: set[str], refusal: str | None) -> ImportResult:
    notice, base = item.notice, _base(item)
    with unit_of_work(engine) as session:
        incoming = IncomingNotice(notice.sha256, notice.doc, notice.fingerprint, notice.certificate_der,
                                  notice.subject, notice.not_after, chains_to(notice.certificate_der,
                                                                              trusted_roots(session)),
                                  notice.signer_names)
        own = set(session.exec(select(SentPackage.fingerprint)))
        taken = take_notice(session, incoming, own_fingerprints=own, trust_new=notice.fingerprint in allowed,
                            new_key_refusal=refusal if item.new_office else None)
    if taken is None:
        return ImportResult(item.path.name, "duplicate", "thông báo này đã được ghi trước đây", **base)
    doc = notice.doc
    if doc["decision"] == "returned":
        by = f"; gửi lại trước ngày {date.fromisoformat(doc['correct_by']):%d/%m/%Y}" if doc.get("correct_by") else ""
        reason = (f"cấp trên trả lại báo cáo số {doc['package']['report_number']} ngày "
                  f"{date.fromisoformat(doc['reviewed_on']):%d/%m/%Y} để bổ sung: {doc['reason']}{by}")
    else:
        reason = (f"cấp trên chấp nhận báo cáo số {doc['package']['report_number']} ngày "
                  f"{date.fromisoformat(doc['reviewed_on']):%d/%m/%Y}")
    return ImportResult(item.path.name, "accepted", reason, **base, trusted_now=taken[1] is not None, pinned=taken[1])


def _import_package(engine: Engine, item: _Item, *, store_dir: Path, requirement_id, allowed: set[str],
                    refusal: str | None, accept_changed_key: bool, today: date | None) -> tuple[ImportResult, bool]:
    """The file's result, and whether it was written."""
    path, check = item.path, item.check
    base = _base(item)
    stored = Path(store_dir) / f"{check.sha256}.zip"
    with unit_of_work(engine) as session:
        incoming = _incoming(check, path.name, trusted_roots(session), item.received_on)
        accepted = accept_report(session, incoming, requirement_id=requirement_id,
                                 trust_new=check.fingerprint in allowed, accept_changed_key=accept_changed_key,
                                 stored_path=str(stored), today=today,
                                 new_key_refusal=refusal if item.new_office else None)
        if accepted is not None and not stored.exists():
            stored.parent.mkdir(parents=True, exist_ok=True)
            with atomic_path(stored) as tmp:
                shutil.copyfile(check.path, tmp)  # for a sealed file, the package it held
    if accepted is None:
        return ImportResult(path.name, "duplicate", "gói này đã được nhận trước đây; không có gì thay đổi", **base), False
    reason = "thay cho gói nhận trước (gói cũ vẫn được giữ)" if accepted.status == "superseded" else None
    return ImportResult(path.name, accepted.status, reason, **{**base, "sender": accepted.sender},
                        trusted_now=accepted.pinned, pinned=accepted.pinned_fingerprint,
                        received_on=accepted.received_on), True


def import_packages(engine: Engine, paths: list[Path], *, store_dir: Path, requirement_id: int | str | None = None,
                    trust_new: bool = False, fingerprints: list[str] = (), accept_changed_key: bool = False,
                    today: date | None = None, received_on: date | None = None,
                    mail_dates: Mapping[Path, date] | None = None, receipt_signer: OfficeSigner | None = None,
                    receipt_dir: Path | None = None, unseal_key=None) -> list[ImportResult]:
    """One result per file, in order (a package from a member office, or a
    receipt for a package this office sent); each file is one transaction,
    with a copy of an accepted package kept in ``store_dir`` and, given a
    signer, a signed receipt written to ``receipt_dir``. Nothing a file
    holds stops the batch: a file that cannot be taken in is ``rejected``
    with the reason.

    A new key is pinned with ``trust_new`` only when the batch holds one
    office seen for the first time; ``fingerprints`` (prefixes of at least
    16 hex digits) name the keys to pin otherwise. A package counts as
    received on ``received_on`` (the clerk's date), else on the date its
    e-mail was received (``mail_dates``, by the file taken out of the
    e-mail), else ``today``. A sealed file is opened with ``unseal_key``
    (the office's ``Pkcs12Key`` or ``TokenKey``) and what it holds is taken in as above;
    without the key, or sealed for another office, it is refused."""
    with tempfile.TemporaryDirectory() as opened:
        return _import_all(engine, paths, store_dir=store_dir, requirement_id=requirement_id, trust_new=trust_new,
                           fingerprints=fingerprints, accept_changed_key=accept_changed_key, today=today,
                           received_on=received_on, mail_dates=mail_dates, receipt_signer=receipt_signer,
                           receipt_dir=receipt_dir, unseal_key=unseal_key, work_dir=Path(opened))


def _import_all(engine: Engine, paths: list[Path], *, store_dir: Path, requirement_id, trust_new: bool,
                fingerprints, accept_changed_key: bool, today: date | None, received_on: date | None,
                mail_dates, receipt_signer, receipt_dir, unseal_key, work_dir: Path) -> list[ImportResult]:
    today = today or clock.today()
    for fp in fingerprints:
        if not re.fullmatch(r"[0-9a-f]{16,64}", normal_fingerprint(fp)):
            raise UserError(f"Vân tay “{fp}” không đúng dạng: hãy ghi cả vân tay, hoặc ít nhất 16 ký tự đầu "
                            "(chữ số 0–9 và chữ a–f), như văn phòng gửi đọc qua điện thoại.")
    if received_on is not None and received_on > today:
        raise UserError(f"Ngày nhận {received_on:%d/%m/%Y} ở sau hôm nay ({today:%d/%m/%Y}); hãy ghi ngày văn phòng "
                        "thật sự nhận được gói.")
    mail_dates = mail_dates or {}
    items = [_verified(Path(p), received_on or _mail_date(mail_dates.get(Path(p)), today), unseal_key, work_dir)
             for p in paths]
    _new_offices(engine, items)
    allowed, refusal = _pin_policy(items, trust_new, list(fingerprints))
    results = []
    for item in items:
        if item.result is not None:
            results.append(item.result)
            continue
        written = False
        try:
            if item.receipt is not None:
                result = _import_receipt(engine, item, allowed, refusal)
            elif item.notice is not None:
                result = _import_notice(engine, item, allowed, refusal)
            else:
                result, written = _import_package(engine, item, store_dir=store_dir, requirement_id=requirement_id,
                                                  allowed=allowed, refusal=refusal,
                                                  accept_changed_key=accept_changed_key, today=today)
        except UserError as exc:  # Refused, or a requirement that does not exist
            result = ImportResult(item.path.name, "rejected", exc.message, needs=getattr(exc, "needs", None),
                                  **_base(item))
        except Exception as exc:  # noqa: BLE001 - see UNEXPECTED; the file's transaction was rolled back
            log.warning("importing %s failed", item.path.name, exc_info=True)
            result = ImportResult(item.path.name, "rejected", UNEXPECTED.format(type(exc).__name__), **_base(item))
        if written and receipt_signer is not None and receipt_dir is not None:
            try:
                result.receipt = str(_receipt(engine, receipt_signer, receipt_dir, item.check, result.status,
                                              result.received_on or today))
            except Exception as exc:  # noqa: BLE001 - the package is in; only its receipt is missing
                log.warning("writing the receipt for %s failed", item.path.name, exc_info=True)
                note = f"đã nhận, nhưng không ghi được biên nhận ({getattr(exc, 'message', type(exc).__name__)})"
                result.reason = f"{result.reason}; {note}" if result.reason else note
        results.append(result)
    return results


def _mail_date(sent: date | None, today: date) -> date | None:
    # An e-mail's Date header is written by the sender's computer: a date
    # after today is a wrong clock, not a reason to count the report early.
    return sent if sent is not None and sent <= today else None


def _receipt(engine: Engine, signer: OfficeSigner, out_dir: Path, check, status: str, received_on: date) -> Path:
    # The receipt tells the sender the day its report counted as received.
    with unit_of_work(engine, commit=False) as session:
        office = get_office(session)
        receiver = office.name if office else signer.subject_name
        actor = session.info.get("actor")
    return write_receipt(out_dir, signer, package_sha256=check.sha256, manifest=check.manifest, receiver=receiver,
                         status=status, received_by=actor, today=received_on)
