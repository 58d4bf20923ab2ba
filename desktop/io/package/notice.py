"""The review notice (thông báo kết quả duyệt): the office above returns a
report for correction, with its reason and the date to correct by, or says
it accepted it; signed, it goes down to the office that sent the report."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

from desktop.io.package.signed_doc import SignedDoc, members_of, read_signed, slug, write_signed
from desktop.io.signing import OfficeSigner

NOTICE = "thong-bao-duyet.json"
FORMAT = "theodoi-review"
VERSION = "1.0"


def is_notice(path: Path) -> bool:
    return members_of(path) == sorted([NOTICE, NOTICE + ".p7s"])


def write_notice(out_dir: Path, signer: OfficeSigner, *, decision: str, package: dict, reviewer: str,
                 reason: str | None, correct_by: date | None, reviewed_on: date) -> Path:
    """``package``: sha256, manifest_sha256, report_number, report_date
    (ISO), sender (name). Returns the path of the notice written."""
    doc = {
        "format": FORMAT,
        "format_version": VERSION,
        "decision": decision,
        "package": package,
        "reviewer": {"name": reviewer},
        "reason": reason,
        "correct_by": correct_by.isoformat() if correct_by else None,
        "reviewed_on": reviewed_on.isoformat(),
        "created_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "signer": {"fingerprint": signer.fingerprint, "subject": signer.subject_name},
    }
    word = "tra-lai" if decision == "returned" else "chap-nhan"
    return write_signed(Path(out_dir), f"{word}-{slug(package['report_number'])}-{package['sha256'][:8]}", NOTICE,
                        doc, signer)


def read_notice(path: Path) -> SignedDoc:
    return read_signed(Path(path), NOTICE, fmt=FORMAT, schema="review", what="thông báo duyệt báo cáo")
