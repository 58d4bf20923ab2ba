"""Assignments out and in: sign a directive with its requirements into an
assignment package for the member offices (read back and checked before it
is called done), and take one in from the office above."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
import tempfile
from pathlib import Path

from sqlalchemy.engine import Engine

from db.session import run_transaction, unit_of_work
from desktop.core.assignments import (
    IncomingAssignment,
    assignment_content,
    record_assignment,
    take_assignment,
)
from desktop.core.directives import find_directive
from desktop.core.errors import UserError
from desktop.core.trust import trusted_roots
from desktop.io.package.assignment import read_assignment, write_assignment
from desktop.io.package.exchange import UNEXPECTED, read_back
from desktop.io.package.incoming import open_incoming
from desktop.io.package.read import signed_time
from desktop.io.signing import Pkcs12Key, TokenKey, chains_to, open_signer

log = logging.getLogger("theodoi.exchange")


@dataclass
class AssignmentExported:
    package: Path
    fingerprint: str
    version: int
    directive: str
    requirements: int


def export_assignment(engine: Engine, directive: str, key: Pkcs12Key | TokenKey, out_dir: Path | str, *,
                      year: int | None = None, issuer: str | None = None) -> AssignmentExported:
    """Sign the directive numbered ``directive`` with its requirements into
    an assignment package in ``out_dir`` (its next version)."""

    def content(session):
        d = find_directive(session, directive, year=year, issuer=issuer)
        return d.id, assignment_content(session, d)

    # The identities are given (and kept) before anything is signed.
    directive_id, doc = run_transaction(engine, content)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open_signer(key) as signer:
        path = write_assignment(out, signer, doc)
        fingerprint = signer.fingerprint
    check = read_back(path, read_assignment)

    def record(session):
        from db.models import Directive

        record_assignment(session, session.get(Directive, directive_id), direction="out", version=doc["version"],
                          sha256=check.sha256, issuer=doc["issuer"]["name"], fingerprint=fingerprint,
                          file_name=path.name, created_at=signed_time(check.doc["created_at"]))

    run_transaction(engine, record)
    return AssignmentExported(path, fingerprint, doc["version"], doc["directive"]["number"], len(doc["requirements"]))


@dataclass
class AssignmentResult:
    file: str
    status: str  # accepted | updated | duplicate | rejected
    reason: str | None = None
    issuer: str | None = None
    directive: str | None = None
    version: int | None = None
    requirements: list[int] | None = None
    signer: str | None = None
    fingerprint: str | None = None
    pinned: str | None = None
    needs: str | None = None

    def as_json(self) -> dict:
        return asdict(self)


def import_assignment(engine: Engine, path: Path, *, trust_new: bool = False, unseal_key=None) -> AssignmentResult:
    """Take in one assignment package, opened with ``unseal_key`` (the
    office's ``Pkcs12Key`` or ``TokenKey``) when it came sealed; one result,
    the file's own transaction (a refusal writes nothing)."""
    path = Path(path)
    try:
        with tempfile.TemporaryDirectory() as work:
            inner, _ = open_incoming(path, unseal_key, Path(work))
            check = read_assignment(inner)
    except UserError as exc:
        return AssignmentResult(path.name, "rejected", exc.message, needs=getattr(exc, "needs", None))
    except Exception as exc:  # noqa: BLE001 - every file ends in a result
        log.warning("checking %s failed", path.name, exc_info=True)
        return AssignmentResult(path.name, "rejected", UNEXPECTED.format(type(exc).__name__))
    doc = check.doc
    base = dict(issuer=doc["issuer"]["name"], directive=doc["directive"]["number"], version=doc["version"],
                signer=check.subject, fingerprint=check.fingerprint)
    try:
        with unit_of_work(engine) as session:
            incoming = IncomingAssignment(check.sha256, path.name, doc, check.fingerprint, check.certificate_der,
                                          check.subject, check.not_after,
                                          chains_to(check.certificate_der, trusted_roots(session)),
                                          check.signer_names, signed_time(doc["created_at"]))
            taken = take_assignment(session, incoming, trust_new=trust_new)
    except UserError as exc:
        return AssignmentResult(path.name, "rejected", exc.message, needs=getattr(exc, "needs", None), **base)
    except Exception as exc:  # noqa: BLE001
        log.warning("importing %s failed", path.name, exc_info=True)
        return AssignmentResult(path.name, "rejected", UNEXPECTED.format(type(exc).__name__), **base)
    if taken is None:
        return AssignmentResult(path.name, "duplicate", "gói giao nhiệm vụ này đã được nhận trước đây; không có gì "
                                "thay đổi", **base)
    reason = (f"đã cập nhật văn bản {taken.directive_number} theo phiên bản {taken.version}" if taken.status == "updated"
              else f"đã vào sổ văn bản {taken.directive_number} với {len(taken.requirements)} yêu cầu")
    return AssignmentResult(path.name, taken.status, reason, requirements=taken.requirements, pinned=taken.pinned,
                            **base)
