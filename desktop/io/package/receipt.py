"""The signed receipt (biên nhận) the office above sends back for each
package it accepted: which package (its SHA-256), when and by whom. A small
.zip of bien-nhan.json and its detached signature."""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from db.files import atomic_path, free_path
from desktop.core.vntext import fold
from desktop.io.package.format import PackageProblem, dumps, load_json
from desktop.io.safety import check_zip
from desktop.io.package.signed_doc import verify_signed_json
from desktop.core.errors import UserError
from desktop.io.signing import OfficeSigner, sign_detached
from desktop.core import clock

RECEIPT = "bien-nhan.json"
RECEIPT_SIG = "bien-nhan.json.p7s"
FORMAT = "theodoi-receipt"
VERSION = "1.0"


@dataclass
class ReceiptCheck:
    receipt: dict
    fingerprint: str
    certificate_der: bytes = field(repr=False)
    subject: str = ""
    not_after: datetime | None = None
    signer_names: tuple[str, ...] = ()  # CN and O of the signer's certificate


def is_receipt(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return sorted(zf.namelist()) == sorted([RECEIPT, RECEIPT_SIG])
    except (zipfile.BadZipFile, OSError):
        return False


def write_receipt(out_dir: Path, signer: OfficeSigner, *, package_sha256: str, manifest: dict, receiver: str,
                  status: str, received_by: str | None, today: date | None = None) -> Path:
    """Write ``bien-nhan-<number>.zip`` into ``out_dir``; returns its path."""
    doc = {
        "format": FORMAT,
        "format_version": VERSION,
        "package": {"sha256": package_sha256, "report_number": manifest["report"]["number"],
                    "report_date": manifest["report"]["issued_on"], "sender": manifest["sender"]},
        "receiver": {"name": receiver},
        "status": status,
        "received_on": (today or clock.today()).isoformat(),
        "received_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "received_by": received_by,
        "signer": {"fingerprint": signer.fingerprint},
    }
    data = dumps(doc)
    slug = re.sub(r"[^a-z0-9]+", "-", fold(manifest["report"]["number"])).strip("-")
    target = free_path(Path(out_dir), f"bien-nhan-{slug}-{package_sha256[:8]}", ".zip")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with atomic_path(target, overwrite=False) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(RECEIPT, data)
            zf.writestr(RECEIPT_SIG, sign_detached(data, signer))
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
    return target


def read_receipt(path: Path, *, now: datetime | None = None) -> ReceiptCheck:
    """A receipt whose signature is valid, by a certificate allowed to sign
    documents, in the receipt schema; raises ``PackageProblem``."""
    try:
        check_zip(path)
    except UserError as exc:
        raise PackageProblem("biên nhận bị hỏng hoặc không đúng dạng") from exc
    with zipfile.ZipFile(path) as zf:
        data, p7s = zf.read(RECEIPT), zf.read(RECEIPT_SIG)
    doc = load_json(data, RECEIPT)
    if doc.get("format") != FORMAT or not str(doc.get("format_version", "")).startswith("1."):
        raise PackageProblem("không phải biên nhận Theo dõi định dạng 1.x")
    signed, info = verify_signed_json(data, p7s, doc, schema="receipt", member=RECEIPT, what="biên nhận", now=now,
                                      mismatch="biên nhận không khớp với chữ ký của nó")
    return ReceiptCheck(doc, signed.fingerprint, signed.certificate_der, info.subject, info.not_after, info.names)
