"""Make the package of one issued report: the PDF signed (PAdES) with the
workbook and data.json inside it, the workbook with its detached .p7s,
data.json, and a signed manifest of every file's SHA-256."""

from __future__ import annotations

import hashlib
import re
import os
import tempfile
import zipfile
from dataclasses import asdict
from datetime import date, datetime, timezone
from pathlib import Path

from db.files import atomic_path, free_path
from desktop.core.reports import ReportFacts
from desktop.core.vntext import fold
from desktop.io.package.format import DATA, FORMAT, MANIFEST, MANIFEST_SIG, PDF, VERSION, XLSX, XLSX_SIG, dumps
from desktop.io.signing import EmbeddedFile, OfficeSigner, SignatureAppearance, sign_detached, sign_pdf


def report_data(facts: ReportFacts, number: str, issued_on: date, title: str, *, rollups: list | None = None,
                answers: bool = False) -> dict:
    """The figures of a report, for the office above to add up. ``rollups``
    (one ``desktop.core.rollup.SectionRollup`` per section) adds the totals
    by sector and each member office's own breakdown; ``answers``: the
    directive came in an assignment, so each section names the identity
    of the requirement it answers."""
    office, directive = facts.office, facts.directive
    rollups = rollups or [None] * len(facts.sections)

    def unit_row(r, rollup) -> dict:
        row = {"name": r.unit.name, "code": r.unit.code, "status": r.status.value, "sector": r.unit.sector,
               "received_on": r.received_on.isoformat() if r.received_on else None, "values": r.values}
        if rollup is not None and r.unit.id in rollup.by_unit:
            row["sectors"] = rollup.by_unit[r.unit.id]
        return row

    def units_of(s) -> dict[str, str]:
        return {i["key"]: i["unit"] for i in s.requirement.indicators or [] if i.get("unit")}

    return {
        "format_version": VERSION,
        "sender": {"name": office.name, "code": office.code, "parent_name": office.parent_name},
        "report": {"number": number, "issued_on": issued_on.isoformat(), "title": title},
        "directive": {"number": directive.number, "issued_on": directive.issued_on.isoformat() if directive.issued_on else None,
                      "issuer": directive.issuer},
        "as_of": facts.as_of.isoformat(),
        "sections": [
            {
                "requirement": s.requirement.title,
                **({"requirement_uid": s.requirement.uid} if answers and s.requirement.uid else {}),
                "period": s.period.number,
                "due": s.period.due.isoformat(),
                "counts": {k: v for k, v in asdict(s.counts).items()},
                "indicators": [{"key": k, "label": label, "total": total, "unit": units_of(s).get(k)}
                               for k, label, total in s.indicators],
                "units": [unit_row(r, rollup) for r in s.rows],
                **({"by_sector": rollup.by_sector} if rollup is not None else {}),
            }
            for s, rollup in zip(facts.sections, rollups)
        ],
    }


def _sha(data: bytes) -> dict:
    return {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


def build_package(pdf: Path, xlsx: Path, data: dict, signer: OfficeSigner, out_dir: Path, *,
                  appearance: SignatureAppearance | None = None, requirement: str | None = None,
                  period: int | None = None, answers: dict | None = None) -> Path:
    """Write ``goi-<number>.zip`` into ``out_dir`` (never over an existing
    file), atomically and flushed to disk. Returns its path."""
    workbook = Path(xlsx).read_bytes()
    data_bytes = dumps(data)
    with tempfile.TemporaryDirectory() as work:
        signed = Path(work) / PDF
        sign_pdf(pdf, signed, signer, appearance=appearance, embedded_files=[
            EmbeddedFile(XLSX, workbook, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            EmbeddedFile(DATA, data_bytes, "application/json"),
        ])
        pdf_bytes = signed.read_bytes()
    xlsx_sig = sign_detached(workbook, signer)
    members = {PDF: pdf_bytes, XLSX: workbook, XLSX_SIG: xlsx_sig, DATA: data_bytes}
    manifest = {
        "format": FORMAT,
        "format_version": VERSION,
        "sender": data["sender"],
        "report": data["report"],
        "directive": data["directive"],
        "requirement": requirement,
        "period": period,
        # Format 1.1: the assignment this report answers, by identity
        # ({"directive_uid", "requirement_uid"}); absent for a directive
        # this office registered itself.
        **({"answers": answers} if answers else {}),
        "as_of": data["as_of"],
        # Signed, and what orders two packages of one report (the later
        # creation wins, a tie does not): microseconds, so that two exports
        # in the same second still differ.
        "created_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
        "files": {name: _sha(blob) for name, blob in members.items()},
        "signer": {"fingerprint": signer.fingerprint, "subject": signer.subject_name},
    }
    manifest_bytes = dumps(manifest)
    members = {MANIFEST: manifest_bytes, MANIFEST_SIG: sign_detached(manifest_bytes, signer), **members}
    slug = re.sub(r"[^a-z0-9]+", "-", fold(data["report"]["number"])).strip("-")
    target = free_path(Path(out_dir), f"goi-bao-cao-{slug}", ".zip")
    with atomic_path(target, overwrite=False) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, blob in members.items():
                info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                zf.writestr(info, blob)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
    return target
