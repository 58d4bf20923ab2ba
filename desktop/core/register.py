"""The register of outgoing documents (sổ văn bản đi): numbering per year
and kind, never reused. A row is "pending" while its files are written,
"issued" once they are in place, "void" when a crash left them unfinished:
a void number stays in the register, shown as void, and is never handed
out again."""

from __future__ import annotations

import re
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, select

from db.models import OutgoingDocument
from desktop.core.directives import number_key
from desktop.core.errors import UserError
from desktop.core.vntext import clean

PENDING, ISSUED, VOID = "pending", "issued", "void"
STATE_NAMES = {ISSUED: "đã ban hành", VOID: "đã hủy (làm dở, không dùng lại)", PENDING: "đang làm"}
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
        same = OutgoingDocument.number_key == number_key(number)
        if seq is not None:
            # Only a number in the series can collide by its place in it: a
            # comparison with None would read "seq IS NULL" and match every
            # other number typed outside the series.
            same = same | ((OutgoingDocument.kind == kind) & (OutgoingDocument.seq == seq))
        taken = session.exec(select(OutgoingDocument).where(OutgoingDocument.year == year, same)).first()
        if taken is not None:
            what = "một văn bản làm dở rồi bỏ (số đã hủy)" if taken.state == VOID else f"văn bản “{taken.title}”"
            raise UserError(
                f"Số “{number}” đã dùng cho {what} ngày {taken.issued_on:%d/%m/%Y}. "
                "Số văn bản đi không được dùng lại; hãy để trống số để lấy số tiếp theo."
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
    return list(session.exec(select(OutgoingDocument).where(OutgoingDocument.state == PENDING)))


def list_register(session: Session, year: int | None = None, *, include_void: bool = False) -> list[OutgoingDocument]:
    """The issued documents (not those whose files are still being
    written), with ``include_void`` the voided numbers too, in order of
    date then registration."""
    states = (ISSUED, VOID) if include_void else (ISSUED,)
    stmt = select(OutgoingDocument).where(OutgoingDocument.state.in_(states)).order_by(
        OutgoingDocument.issued_on, OutgoingDocument.id
    )
    if year is not None:
        stmt = stmt.where(OutgoingDocument.year == year)
    return list(session.exec(stmt))
