"""The documents this office issues: the report upward, the urging letter
with its call list, each previewed before a number is taken; and the
register of outgoing documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.office import get_office
from desktop.core.register import list_register
from desktop.operations.refs import directive_ref, requirement_ref
from desktop.operations.registry import Cancelled, Changes, Progress, Store, never, no_progress, operation


def _ids(store: Store, directive, requirement, year=None, issuer=None) -> tuple[int, int | None]:
    def work(session):
        d = directive_ref(session, directive, year=year, issuer=issuer)
        r = requirement_ref(session, requirement) if requirement is not None else None
        return d.id, r.id if r else None

    return store.read(work)


def missing_identity(store: Store) -> list[str]:
    """What this office has not declared that its documents print (place,
    signer, title, number symbol), by the window's names for them."""
    office = store.read(get_office)
    if office is None:
        return []
    return [label for label, value in (("địa danh", office.place), ("người ký", office.signer_name),
                                       ("chức vụ người ký", office.signer_title),
                                       ("ký hiệu trong số văn bản", office.symbol)) if not value]


@operation("report.make", "Làm báo cáo", changes=Changes.ALL)
def make(store: Store, *, directive: int | str, year: int | None = None, issuer: str | None = None,
         requirement: int | str | None = None, period: int | None = None,
         as_of: date, issued_on: date, out_dir: str | Path, number: str | None = None, assessment: str | None = None,
         recipients: list[str] | None = None, progress: Progress = no_progress, cancelled: Cancelled = never):
    """Issue the report on ``directive`` (one requirement, or every one due)
    as PDF and workbook in ``out_dir``, under the next number of the
    register (or ``number``); ``year`` and ``issuer`` pick the directive
    among those sharing its number. Returns the ``MadeDocument``."""
    from desktop.io.reporting import make_report

    directive_id, requirement_id = _ids(store, directive, requirement, year, issuer)
    return make_report(store.engine, directive_id=directive_id, requirement_id=requirement_id, period=period,
                       as_of=as_of, issued_on=issued_on, out_dir=out_dir, number=number, assessment=assessment,
                       recipients=recipients, actor=store.actor, progress=progress, cancelled=cancelled)


def preview(store: Store, *, directive: int | str, requirement: int | str | None = None, period: int | None = None,
            as_of: date, issued_on: date, path: Path, assessment: str | None = None,
            recipients: list[str] | None = None) -> int:
    """The report as it will print, its number left blank; nothing is
    registered. Returns the page count."""
    from desktop.io.reporting import preview_report

    directive_id, requirement_id = _ids(store, directive, requirement)
    return preview_report(store.engine, directive_id=directive_id, requirement_id=requirement_id, period=period,
                          as_of=as_of, issued_on=issued_on, path=path, assessment=assessment, recipients=recipients)


def default_assessment(store: Store, *, directive: int | str, requirement: int | str | None = None,
                       period: int | None = None, as_of: date) -> str:
    from desktop.io.reporting import default_assessment_text

    directive_id, requirement_id = _ids(store, directive, requirement)
    return default_assessment_text(store.engine, directive_id=directive_id, requirement_id=requirement_id,
                                   period=period, as_of=as_of)


@operation("urge", "Công văn đôn đốc", changes=Changes.ALL)
def urge(store: Store, *, requirement: int | str, period: int | None = None, as_of: date, issued_on: date,
         out_dir: str | Path, new_due: date | None = None, number: str | None = None,
         progress: Progress = no_progress, cancelled: Cancelled = never):
    """Issue the urging letter to the units that have not sent the period
    and the call list beside it; the letter takes the next CV number."""
    from desktop.io.reporting import make_urge

    requirement_id = store.read(lambda session: requirement_ref(session, requirement).id)
    return make_urge(store.engine, requirement_id=requirement_id, period=period, as_of=as_of, issued_on=issued_on,
                     out_dir=out_dir, new_due=new_due, number=number, actor=store.actor, progress=progress,
                     cancelled=cancelled)


@dataclass
class UrgePreview:
    pages: int
    units: list[str]  # the units the letter goes to
    new_due: date


def preview_urge(store: Store, *, requirement: int | str, period: int | None = None, as_of: date, issued_on: date,
                 path: Path, new_due: date | None = None) -> UrgePreview:
    """The urging letter as it will print, its number left blank; nothing
    is registered."""
    from desktop.io.reporting import preview_urge_letter

    requirement_id = store.read(lambda session: requirement_ref(session, requirement).id)
    pages, units, due = preview_urge_letter(store.engine, requirement_id=requirement_id, period=period, as_of=as_of,
                                            issued_on=issued_on, path=path, new_due=new_due)
    return UrgePreview(pages, units, due)


@dataclass
class RegisterEntry:
    document: object  # db.models.OutgoingDocument
    received: tuple | None  # (received on, by whom) from the receipt of the office above
    emailed_at: object | None


@operation("register.list", "Sổ văn bản đi")
def register(store: Store, *, year: int | None = None, include_void: bool = False) -> list[RegisterEntry]:
    """The register of outgoing documents (of ``year``), with the receipts
    and e-mails of each; ``include_void`` adds the numbers a crash left
    unused (never handed out again)."""
    from desktop.core.exchange import receipts_of
    from desktop.core.outbox import emailed_reports

    def work(session):
        docs = list_register(session, year, include_void=include_void)
        received = receipts_of(session, [d.id for d in docs])
        emailed = emailed_reports(session, [d.id for d in docs])
        return [RegisterEntry(d, received.get(d.id), emailed.get(d.id)) for d in docs]

    return store.read(work)


@operation("register.export", "Xuất sổ văn bản đi ra Excel")
def export_register(store: Store, *, year: int | None = None, out_dir: str | Path) -> Path:
    """The register of outgoing documents as a workbook in ``out_dir``."""
    from desktop.io.reporting import export_register as export

    return export(store.engine, year=year, out_dir=out_dir)
