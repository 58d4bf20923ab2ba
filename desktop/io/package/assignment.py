"""The assignment package (gói giao nhiệm vụ): a directive and its
requirements, with their stable identities, signed by the office that
issues it to its member offices (docs/package-format.md)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from desktop.io.package.signed_doc import SignedDoc, members_of, read_signed, slug, write_signed
from desktop.io.signing import OfficeSigner

ASSIGNMENT = "giao-nhiem-vu.json"
FORMAT = "theodoi-assignment"
VERSION = "1.0"


def is_assignment(path: Path) -> bool:
    return members_of(path) == sorted([ASSIGNMENT, ASSIGNMENT + ".p7s"])


def write_assignment(out_dir: Path, signer: OfficeSigner, content: dict) -> Path:
    """``content``: issuer, version, directive, requirements (see
    ``desktop.core.assignments.assignment_content``). Returns the path of
    ``giao-nhiem-vu-<number>-v<version>.zip`` in ``out_dir``."""
    doc = {
        "format": FORMAT,
        "format_version": VERSION,
        **content,
        # Signed; orders two assignments of the same version (there are none
        # from one issuer, but a restored backup could make one).
        "created_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "signer": {"fingerprint": signer.fingerprint, "subject": signer.subject_name},
    }
    stem = f"giao-nhiem-vu-{slug(content['directive']['number'])}-v{content['version']}"
    return write_signed(Path(out_dir), stem, ASSIGNMENT, doc, signer)


def read_assignment(path: Path) -> SignedDoc:
    """An assignment package that passed every check but trust; raises
    ``PackageProblem``."""
    return read_signed(Path(path), ASSIGNMENT, fmt=FORMAT, schema="assignment", what="gói giao nhiệm vụ")
