"""The documents this office issues: the report upward, the urging letter
with its call list, each previewed before a number is taken; and the
register of outgoing documents."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core import clock
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


@dataclass
class Draft:
    """A report draft as the window and the command line show it: its
    choices and the four texts (the saved ones, or the prefilled ones where
    none was saved), with the prefilled ones beside them."""

    directive_id: int
    requirement_id: int | None
    period: int | None
    as_of: date
    issued_on: date | None
    recipients: list[str]
    sections: dict[str, str]
    defaults: dict[str, str]
    saved: bool
    updated_at: object | None = None
    updated_by: str | None = None

    def as_json(self) -> dict:
        return {"directive_id": self.directive_id, "requirement_id": self.requirement_id, "period": self.period,
                "as_of": self.as_of.isoformat(), "issued_on": self.issued_on.isoformat() if self.issued_on else None,
                "recipients": self.recipients, "sections": self.sections, "saved": self.saved,
                "edited": sorted(k for k in self.sections if self.sections[k] != self.defaults.get(k)),
                "updated_at": self.updated_at.isoformat() if self.updated_at else None, "updated_by": self.updated_by}


def _open_draft(store: Store, directive_id: int, requirement_id: int | None):
    from desktop.core.drafts import open_draft

    def work(session):
        d = open_draft(session, directive_id, requirement_id)
        if d is None:
            return None
        session.expunge(d)
        return d

    return store.read(work)


@operation("report.draft.show", "Bản thảo báo cáo")
def draft(store: Store, *, directive: int | str, year: int | None = None, issuer: str | None = None,
          requirement: int | str | None = None, period: int | None = None, as_of: date | None = None) -> Draft:
    """The open draft of the report on ``directive`` (and ``requirement``):
    what was saved, or a new draft prefilled from the figures as of
    ``as_of`` (default: the saved draft's date, else today)."""
    from desktop.io.reporting import default_sections_text

    directive_id, requirement_id = _ids(store, directive, requirement, year, issuer)
    saved = _open_draft(store, directive_id, requirement_id)
    if saved is not None:
        period = period if period is not None else saved.period
        as_of = as_of or saved.as_of
    as_of = as_of or clock.today()
    defaults = default_sections_text(store.engine, directive_id=directive_id, requirement_id=requirement_id,
                                     period=period, as_of=as_of)
    texts = dict(defaults)
    if saved is not None:
        texts.update({k: v for k, v in (saved.sections or {}).items() if k in texts and v and v.strip()})
    return Draft(directive_id, requirement_id, period, as_of, saved.issued_on if saved else None,
                 list(saved.recipients or []) if saved else [], texts, defaults, saved is not None,
                 saved.updated_at if saved else None, saved.updated_by if saved else None)


@operation("report.draft.save", "Lưu bản thảo báo cáo")
def save_draft(store: Store, *, directive: int | str, year: int | None = None, issuer: str | None = None,
               requirement: int | str | None = None, sections: dict[str, str], period: int | None = None,
               as_of: date | None = None, issued_on: date | None = None,
               recipients: list[str] | None = None) -> Draft:
    """Keep the clerk's texts (``sections``: results, shortcomings,
    proposals, closing; each optional, replacing the saved one) and choices
    in the open draft, so they survive closing the program. Returns the
    draft as it now is."""
    from desktop.core.drafts import save_draft as save
    from desktop.io.documents.sections import check_sections, tidy

    given = {k: tidy(v) for k, v in check_sections(sections, "bản thảo").items()}
    directive_id, requirement_id = _ids(store, directive, requirement, year, issuer)
    saved = _open_draft(store, directive_id, requirement_id)
    # A text left as prefilled is not kept: it follows the figures.
    defaults = draft(store, directive=directive_id, requirement=requirement_id, period=period, as_of=as_of).defaults
    given = {k: "" if v == tidy(defaults.get(k)) else v for k, v in given.items()}
    texts = {**((saved.sections or {}) if saved else {}), **{k: v for k, v in given.items() if v}}
    for k, v in given.items():
        if not v:
            texts.pop(k, None)  # emptied: back to the prefilled text
    store.change(lambda session: save(session, directive_id, requirement_id, sections=texts, period=period,
                                      as_of=as_of, issued_on=issued_on, recipients=recipients))
    return draft(store, directive=directive_id, requirement=requirement_id, period=period, as_of=as_of)


@operation("report.draft.discard", "Bỏ bản thảo, viết lại từ số liệu")
def discard_draft(store: Store, *, directive: int | str, year: int | None = None, issuer: str | None = None,
                  requirement: int | str | None = None) -> bool:
    """Drop the open draft: the next draft starts again from the figures.
    False when there was none."""
    from desktop.core.drafts import discard_draft as discard

    directive_id, requirement_id = _ids(store, directive, requirement, year, issuer)
    return store.change(lambda session: discard(session, directive_id, requirement_id))


@operation("report.draft.docx", "Xuất bản thảo ra Word")
def draft_docx(store: Store, *, directive: int | str, year: int | None = None, issuer: str | None = None,
               requirement: int | str | None = None, period: int | None = None, as_of: date | None = None,
               issued_on: date | None = None, out_dir: str | Path, sections: dict[str, str] | None = None,
               recipients: list[str] | None = None, annex: bool | None = None) -> Path:
    """The draft as .docx in ``out_dir``, its number left blank (nothing is
    registered): the saved texts, with ``sections`` over them."""
    from desktop.io.reporting import draft_docx as write

    d = _resolve(store, directive, year, issuer, requirement, period, as_of, sections, None, recipients)
    return write(store.engine, directive_id=d.directive_id, requirement_id=d.requirement_id, period=d.period,
                 as_of=d.as_of, issued_on=issued_on or d.issued_on or clock.today(), out_dir=out_dir,
                 sections=d.sections, recipients=d.recipients or None, annex=annex)


def _resolve(store: Store, directive, year, issuer, requirement, period, as_of, sections, assessment,
             recipients) -> Draft:
    """What a report is made of: the open draft, with what the caller gave
    over it (``sections`` per text, else ``assessment`` for the results)."""
    from desktop.io.documents.sections import check_sections

    d = draft(store, directive=directive, year=year, issuer=issuer, requirement=requirement, period=period,
              as_of=as_of)
    given = check_sections(sections, "các mục báo cáo") if sections is not None else {}
    if sections is None and assessment and assessment.strip():
        given = {"results": "\n\n".join(" ".join(p.split()) for p in assessment.replace("\r\n", "\n").split("\n\n")
                                         if p.strip())}
    d.sections.update({k: v for k, v in given.items() if v and v.strip()})
    if recipients:
        d.recipients = list(recipients)
    return d


@operation("report.make", "Làm báo cáo", changes=Changes.ALL)
def make(store: Store, *, directive: int | str, year: int | None = None, issuer: str | None = None,
         requirement: int | str | None = None, period: int | None = None,
         as_of: date | None = None, issued_on: date, out_dir: str | Path, number: str | None = None,
         assessment: str | None = None, recipients: list[str] | None = None,
         sections: dict[str, str] | None = None, annex: bool | None = None, docx: bool = False,
         progress: Progress = no_progress, cancelled: Cancelled = never):
    """Issue the report on ``directive`` (one requirement, or every one due)
    as PDF and workbook (and .docx with ``docx``) in ``out_dir``, under the
    next number of the register (or ``number``); ``year`` and ``issuer``
    pick the directive among those sharing its number. The texts come from
    the open draft, ``sections`` over it (each optional; ``assessment``, the
    earlier single text, stands for the results when no ``sections`` are
    given); the draft is then filed with the report. ``as_of``, ``period``
    and the recipients default to the draft's. Returns the ``MadeDocument``."""
    from desktop.io.reporting import make_report

    d = _resolve(store, directive, year, issuer, requirement, period, as_of, sections, assessment, recipients)
    return make_report(store.engine, directive_id=d.directive_id, requirement_id=d.requirement_id, period=d.period,
                       as_of=d.as_of, issued_on=issued_on, out_dir=out_dir, number=number, sections=d.sections,
                       recipients=d.recipients or None, annex=annex, docx=docx, actor=store.actor,
                       progress=progress, cancelled=cancelled)


def preview(store: Store, *, directive: int | str, requirement: int | str | None = None, period: int | None = None,
            as_of: date, issued_on: date, path: Path, assessment: str | None = None,
            recipients: list[str] | None = None, sections: dict[str, str] | None = None,
            annex: bool | None = None) -> int:
    """The report as it will print, its number left blank; nothing is
    registered. Returns the page count."""
    from desktop.io.reporting import preview_report

    d = _resolve(store, directive, None, None, requirement, period, as_of, sections, assessment, recipients)
    return preview_report(store.engine, directive_id=d.directive_id, requirement_id=d.requirement_id, period=d.period,
                          as_of=d.as_of, issued_on=issued_on, path=path, sections=d.sections,
                          recipients=d.recipients or None, annex=annex)


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
