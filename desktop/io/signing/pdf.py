"""PAdES B-B signatures on PDFs, made with pyHanko so that any PDF reader and
poppler's `pdfsig` can check them without Theo dõi; the workbook and the
machine-readable data travel inside the signed PDF."""

from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Sequence

from db.files import atomic_path
from desktop.core.errors import UserError
from desktop.io.signing.keys import certificate_info, fingerprint
from desktop.io.signing.signer import OfficeSigner
from desktop.io.signing.stamp import SignatureAppearance, find_spot, overlay, stamp_text_overlay

FIELD = "ChuKySo"


class _ToDebugLog(logging.Handler):
    """pyHanko and its validator log what they find in a hostile PDF (with
    tracebacks) at WARNING; without a handler Python prints those on stderr,
    under the Vietnamese result. They are for a developer: kept at DEBUG on
    Theo dõi's own logger, where THEODOI_DEBUG or a log file can show them."""

    def emit(self, record: logging.LogRecord) -> None:
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        logging.getLogger("theodoi.signing").handle(record)


for _name in ("pyhanko", "pyhanko_certvalidator"):
    _log = logging.getLogger(_name)
    _log.addHandler(_ToDebugLog())
    _log.propagate = False


@dataclass
class EmbeddedFile:
    name: str
    data: bytes = field(repr=False)
    mime: str = "application/octet-stream"
    description: str | None = None


@dataclass
class PdfSignatureCheck:
    ok: bool
    intact: bool
    covers_whole_file: bool
    fingerprint: str | None
    certificate_der: bytes | None = field(repr=False)
    signer_name: str | None
    signing_time: datetime | None
    problem: str | None
    embedded_files: dict[str, bytes] = field(default_factory=dict, repr=False)


def _vietnam_now() -> datetime:
    from datetime import timedelta

    return datetime.now(timezone(timedelta(hours=7)))


def _merge(pdf: bytes, page_index: int, stamp: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.pages[page_index].merge_page(PdfReader(io.BytesIO(stamp)).pages[0])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _attach(pdf: bytes, files: Sequence[EmbeddedFile]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for f in files:
        writer.add_attachment(f.name, f.data)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sign_pdf(src: Path, dst: Path, signer: OfficeSigner, *, appearance: SignatureAppearance | None = None,
             embedded_files: Sequence[EmbeddedFile] = (), when: datetime | None = None) -> None:
    """Sign ``src`` into ``dst`` (written atomically): the visible signature
    drawn at the signer's place, ``embedded_files`` attached, then one PAdES
    B-B signature over the whole file."""
    from pypdf import PdfReader
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    try:
        pdf = Path(src).read_bytes()
        PdfReader(io.BytesIO(pdf))
    except Exception as exc:  # noqa: BLE001 - unreadable or not a PDF
        raise UserError(f"Không đọc được tệp PDF “{Path(src).name}” để ký.") from exc
    when = when or _vietnam_now()
    if appearance is not None:
        spot = find_spot(pdf, appearance.signer_name)
        box = PdfReader(io.BytesIO(pdf)).pages[spot.page].mediabox
        pdf = _merge(pdf, spot.page, overlay((float(box.width), float(box.height)), spot, appearance, when,
                                             signer.organization))
    if embedded_files:
        pdf = _attach(pdf, embedded_files)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD, md_algorithm="sha256", subfilter=fields.SigSeedSubFilter.PADES,
        name=(appearance.signer_name if appearance and appearance.signer_name else signer.subject_name),
        reason="Ký ban hành văn bản", location=None,
    )
    out = io.BytesIO()
    signers.PdfSigner(meta, signer=signer.pyhanko_signer).sign_pdf(writer, output=out)
    with atomic_path(dst) as tmp:
        tmp.write_bytes(out.getvalue())


def stamp_attachment(src: Path, dst: Path, text_lines: list[str]) -> None:
    """A copy of ``src`` with the organisation's signature lines as 10 pt
    text at the top right of page 1 (an attachment signed as a whole next)."""
    from pypdf import PdfReader

    pdf = Path(src).read_bytes()
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    stamped = _merge(pdf, 0, stamp_text_overlay((float(box.width), float(box.height)), text_lines))
    with atomic_path(dst) as tmp:
        tmp.write_bytes(stamped)


def verify_pdf(source: Path | bytes) -> PdfSignatureCheck:
    """The one signature of a Theo dõi PDF: intact, covering the whole file
    (nothing appended after signing), and by which certificate; plus the
    files embedded in the signed revision. Trust is the caller's decision."""
    from pypdf import PdfReader
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    data = source if isinstance(source, bytes) else Path(source).read_bytes()

    def refused(problem: str, **kw) -> PdfSignatureCheck:
        return PdfSignatureCheck(False, kw.get("intact", False), kw.get("whole", False), kw.get("fp"), kw.get("der"),
                                 None, None, problem)

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sigs = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - anything unreadable
        return refused("tệp PDF bị hỏng, không đọc được")
    if len(sigs) != 1:
        return refused("tệp PDF không có chữ ký số" if not sigs else "tệp PDF có nhiều hơn một chữ ký")
    sig = sigs[0]
    try:
        der = sig.signer_cert.dump()
        subject = certificate_info(der).subject
    except Exception:  # noqa: BLE001 - a damaged signature or certificate
        return refused("chữ ký hoặc chứng thư số trong tệp PDF bị hỏng")
    cert = sig.signer_cert
    fp = fingerprint(der)
    try:
        status = asyncio.run(async_validate_pdf_signature(sig, ValidationContext(trust_roots=[cert], allow_fetching=False)))
    except Exception:  # noqa: BLE001
        return refused("không kiểm tra được chữ ký của tệp PDF", fp=fp, der=der)
    whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    if not (status.intact and status.valid):
        return refused("tệp PDF đã bị sửa sau khi ký (chữ ký không còn khớp)", fp=fp, der=der)
    if not whole:
        return refused("tệp PDF đã bị thêm nội dung sau khi ký", intact=True, fp=fp, der=der)
    try:
        attachments = {name: blobs[0] for name, blobs in PdfReader(io.BytesIO(data)).attachments.items() if blobs}
    except Exception:  # noqa: BLE001
        attachments = {}
    return PdfSignatureCheck(True, True, True, fp, der, subject, status.signer_reported_dt, None, attachments)
