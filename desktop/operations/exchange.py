"""Signed report packages out and in, receipts back, and whom the office
trusts to sign for whom."""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.trust import add_root, list_trusted, pin_office_key, remove_trusted
from desktop.operations.registry import Changes, Store, operation

log = logging.getLogger("theodoi.exchange")


@dataclass
class Exported:
    package: Path
    fingerprint: str
    outbox_id: int | None
    sealed: bool = False  # the file is the package sealed for its recipient
    sealed_for: str | None = None  # the recipient certificate's subject
    sealed_for_fingerprint: str | None = None


def _recipient(store: Store, seal_for: str | Path | None, seal_for_upper: bool) -> tuple[bytes, str, str] | None:
    """(DER, subject, fingerprint) of the certificate to seal for: a file,
    or the key pinned for the office above; None for no sealing."""
    from desktop.core.trust import receipt_pin

    if seal_for and seal_for_upper:
        raise UserError("Hãy chọn một nơi nhận để niêm phong: một tệp chứng thư số, hoặc văn phòng cấp trên.")
    if seal_for_upper:
        row = store.read(receipt_pin)
        if row is None:
            raise UserError("Chưa có khóa của văn phòng cấp trên (khóa đã tin cậy khi nhận biên nhận đầu tiên); hãy "
                            "chọn tệp chứng thư số của văn phòng cấp trên để niêm phong.")
        return bytes(row.certificate), row.subject, row.fingerprint
    if not seal_for:
        return None
    der, info = _certificate(Path(seal_for))
    return der, info.subject, info.fingerprint


@operation("package.export", "Ký và ghi gói báo cáo", changes=Changes.ALL)
def export(store: Store, report: int, key, out_dir: str | Path, *, signature_image: Path | None = None,
           seal_image: Path | None = None, email: list[str] | None = None, seal_for: str | Path | None = None,
           seal_for_upper: bool = False) -> Exported:
    """Sign the issued report ``report`` with ``key`` (a ``Pkcs12Key`` or a
    ``TokenKey``) into a package in ``out_dir``, read it back and check it;
    queue it for ``email`` when given. With ``seal_for`` (a certificate
    file, PEM or DER) or ``seal_for_upper`` (the key pinned for the office
    above) the file written is the package sealed for that recipient."""
    from desktop.io.package.exchange import export_package
    from desktop.io.package.seal import check_recipient
    from desktop.operations import mail

    recipient = _recipient(store, seal_for, seal_for_upper)
    if recipient is not None:
        try:  # before signing: a wrong certificate is said before the token asks for its PIN
            check_recipient(recipient[0])
        except UserError as exc:
            name = f"Tệp “{Path(seal_for).name}”" if seal_for else "Chứng thư của văn phòng cấp trên"
            raise UserError(f"{name}: {exc.message}; không niêm phong được gói cho chứng thư này.") from exc
    path, fingerprint = export_package(store.engine, int(report), key, Path(out_dir), signature_image=signature_image,
                                       seal_image=seal_image, seal_for=recipient[0] if recipient else None)
    # A sealed package's e-mail says nothing of the report either.
    subject = f"Gói niêm phong {path.name}" if recipient else None
    queued = mail.queue(store, path, to=list(email), report=int(report), subject=subject).id if email else None
    if recipient is None:
        return Exported(path, fingerprint, queued)
    return Exported(path, fingerprint, queued, True, recipient[1], recipient[2])


def _refused(file: str, reason: str, *, needs: str | None = None, sealed: bool = False,
             sealed_for: str | None = None) -> dict:
    return {"file": file, "status": "rejected", "reason": reason, "sender": None, "report_number": None,
            "signer": None, "fingerprint": None, "report_date": None, "needs": needs, "sealed": sealed,
            "sealed_for": sealed_for}


@operation("package.verify", "Kiểm tra gói báo cáo")
def verify(store: Store, files: list[str | Path], *, key=None) -> list[dict]:
    """Check each package file as the import would, writing nothing: one
    result per file (``status`` "valid" or "rejected" with its reason,
    ``sealed`` and whom a sealed file is for). A sealed file is opened
    with ``key`` (the office's ``Pkcs12Key`` or ``TokenKey``)."""
    from desktop.io.package.exchange import UNEXPECTED
    from desktop.io.package.incoming import open_incoming
    from desktop.io.package.read import verify_package
    from desktop.io.package.seal import is_sealed_file

    results = []
    for name in files:
        path = Path(name)
        sealed = None
        try:
            with tempfile.TemporaryDirectory() as work:
                inner, sealed = open_incoming(path, key, Path(work))
                check = verify_package(inner)
        except UserError as exc:
            info = sealed or getattr(exc, "info", None)
            results.append(_refused(path.name, exc.message, needs=getattr(exc, "needs", None),
                                    sealed=info is not None or is_sealed_file(path),
                                    sealed_for=info.describe() if info else None))
            continue
        except Exception as exc:  # noqa: BLE001 - every file ends in a result, the batch goes on
            log.warning("verifying %s failed", path.name, exc_info=True)
            results.append(_refused(path.name, UNEXPECTED.format(type(exc).__name__), sealed=is_sealed_file(path)))
            continue
        m = check.manifest
        results.append({"file": path.name, "status": "valid", "reason": None, "sender": m["sender"]["name"],
                        "report_number": m["report"]["number"], "signer": check.signer_subject,
                        "fingerprint": check.fingerprint, "report_date": check.report_date, "needs": None,
                        "sealed": sealed is not None, "sealed_for": sealed.describe() if sealed else None})
    return results


@operation("package.import", "Nhận gói báo cáo và biên nhận", changes=Changes.ALL)
def import_packages(store: Store, files: list[str | Path], *, requirement: int | str | None = None,
                    trust_new: bool = False, fingerprints: list[str] = (), accept_changed_key: bool = False,
                    received: date | None = None, receipt_key=None, receipt_dir: str | Path | None = None,
                    only: set[str] | None = None, unseal_key=None) -> list:
    """Take in report packages and receipts (files, folders, saved
    e-mails), each on its own: one ``ImportResult`` per file. With
    ``receipt_key`` and ``receipt_dir`` a signed receipt goes into that
    folder for each report accepted. ``only`` limits the run to the files
    of those names (a second round after the clerk trusted new offices, or
    gave the key that opens sealed packages). Sealed packages are opened
    with ``unseal_key`` (the office's ``Pkcs12Key`` or ``TokenKey``); without it each is
    refused with ``needs`` "key"."""
    from desktop.io.mail import collect_incoming_dated
    from desktop.io.package.exchange import ImportResult, import_packages as take_in, package_store_for
    from desktop.io.signing import open_signer

    options = dict(store_dir=package_store_for(store.url), requirement_id=requirement, trust_new=trust_new,
                   fingerprints=list(fingerprints), accept_changed_key=accept_changed_key, received_on=received,
                   unseal_key=unseal_key)
    with tempfile.TemporaryDirectory() as unpacked:
        paths, problems, mail_dates = collect_incoming_dated([Path(f) for f in files], Path(unpacked))
        if only is not None:
            paths, problems = [p for p in paths if p.name in only], []
        if receipt_key is not None and receipt_dir:
            with open_signer(receipt_key) as signer:
                found = take_in(store.engine, paths, receipt_signer=signer, receipt_dir=Path(receipt_dir),
                                mail_dates=mail_dates, **options)
        else:
            found = take_in(store.engine, paths, mail_dates=mail_dates, **options)
    return [ImportResult(name, "rejected", reason) for name, reason in problems] + found


def _certificate(path: Path):
    """(DER bytes, what it says) of a certificate file; refusals name the file."""
    from desktop.io.signing import CertificateProblem, certificate_info, load_certificate

    der = load_certificate(path)
    try:
        return der, certificate_info(der)
    except CertificateProblem as exc:
        raise UserError(f"Tệp “{path.name}”: {exc.message}.") from exc


@dataclass
class Trusted:
    fingerprint: str
    subject: str
    kind: str  # "root" or "pin"
    office: str | None = None


@operation("trust.add", "Cài chứng thư gốc (CA)")
def add_trusted_root(store: Store, cert: str | Path) -> Trusted:
    """Install a CA's root certificate: a certificate it issued signs for
    the office its subject names, and for no other."""
    from datetime import datetime, timezone

    from desktop.io.signing import root_problem

    der, info = _certificate(Path(cert))
    store.change(lambda session: add_root(session, der, fingerprint=info.fingerprint, subject=info.subject,
                                          names=info.names, not_after=info.not_after,
                                          problem=root_problem(info, datetime.now(timezone.utc))))
    return Trusted(info.fingerprint, info.subject, "root")


@operation("trust.pin", "Tin cậy khóa của một văn phòng trực thuộc")
def pin(store: Store, office: str | int, cert: str | Path) -> Trusted:
    """Trust a member office's own certificate, for that office alone."""
    from datetime import datetime, timezone

    from desktop.io.signing import signing_problem

    der, info = _certificate(Path(cert))

    def work(session):
        _row, unit = pin_office_key(session, office, der, fingerprint=info.fingerprint, subject=info.subject,
                                    not_after=info.not_after, problem=signing_problem(info, datetime.now(timezone.utc)))
        return unit.name

    return Trusted(info.fingerprint, info.subject, "pin", store.change(work))


@dataclass
class TrustedRow:
    fingerprint: str
    subject: str
    kind: str
    office: str | None
    not_after: object
    added_at: object


@operation("trust.list", "Các chứng thư được tin cậy")
def trusted(store: Store) -> list[TrustedRow]:
    return store.read(lambda session: [TrustedRow(r.fingerprint, r.subject, r.kind, office, r.not_after, r.added_at)
                                       for r, office in list_trusted(session)])


@operation("trust.remove", "Thôi tin cậy một chứng thư")
def untrust(store: Store, fingerprint: str) -> Trusted:
    """Stop trusting the certificate whose fingerprint starts with
    ``fingerprint`` (kept on record, marked retired)."""
    row = store.change(lambda session: remove_trusted(session, fingerprint))
    return Trusted(row.fingerprint, row.subject, row.kind)
