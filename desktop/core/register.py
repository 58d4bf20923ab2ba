"""The register of outgoing documents (sổ văn bản đi): numbering per year
and kind, never reused."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from db.models import OutgoingDocument
from desktop.core.directives import number_key
from desktop.core.errors import UserError
from desktop.core.vntext import clean

KIND_NAMES = {"BC": "Báo cáo", "CV": "Công văn"}
DEFAULT_SYMBOL = "LĐLĐ"


def format_number(seq: int, kind: str, symbol: str | None) -> str:
    """"05/BC-LĐLĐ": two digits at least, as offices number their papers."""
    return f"{seq:02d}/{kind}-{symbol or DEFAULT_SYMBOL}"


def next_seq(session: Session, kind: str, year: int) -> int:
    last = session.exec(
        select(func.max(OutgoingDocument.seq)).where(OutgoingDocument.kind == kind, OutgoingDocument.year == year)
    ).one()
    return (last or 0) + 1


def _seq_of(number: str, kind: str) -> int | None:
    m = re.match(rf"^\s*(\d+)\s*/\s*{re.escape(kind)}\b", number)
    return int(m.group(1)) if m else None


def take_number(
    session: Session,
    *,
    kind: str,
    issued_on: date,
    title: str,
    symbol: str | None,
    number: str | None = None,
    **fields,
) -> OutgoingDocument:
    """Register a new outgoing document and give it its number: the next of
    its year and kind, or ``number`` as typed (refused if already used). The
    caller's transaction makes the number and the files one act."""
    year = issued_on.year
    if number:
        number = clean(number)
        seq = _seq_of(number, kind)
        taken = session.exec(
            select(OutgoingDocument).where(
                OutgoingDocument.year == year,
                (OutgoingDocument.number_key == number_key(number))
                | ((OutgoingDocument.kind == kind) & (OutgoingDocument.seq == seq)),
            )
        ).first()
        if taken is not None:
            raise UserError(
                f"Số “{number}” đã dùng cho văn bản “{taken.title}” ngày {taken.issued_on:%d/%m/%Y}. "
                "Số văn bản đi không được dùng lại; hãy bỏ --number để lấy số tiếp theo."
            )
    else:
        seq = next_seq(session, kind, year)
        number = format_number(seq, kind, symbol)
    doc = OutgoingDocument(
        year=year, kind=kind, seq=seq, number=number, number_key=number_key(number),
        issued_on=issued_on, title=clean(title), created_by=session.info.get("actor"), **fields,
    )
    session.add(doc)
    session.flush()
    return doc


def pending_documents(session: Session) -> list[OutgoingDocument]:
    return list(session.exec(select(OutgoingDocument).where(OutgoingDocument.state == "pending")))


def list_register(session: Session, year: int | None = None) -> list[OutgoingDocument]:
    """The issued documents (not those whose files are still being written)."""
    stmt = select(OutgoingDocument).where(OutgoingDocument.state == "issued").order_by(OutgoingDocument.issued_on, OutgoingDocument.id)
    if year is not None:
        stmt = stmt.where(OutgoingDocument.year == year)
    return list(session.exec(stmt))
