"""Making the documents: take the number from the register, write the PDF
and the workbook, and put them in place, all or nothing.

The protocol survives a power cut at any moment: (1) the number is committed
as "pending" with the names its files will have; (2) the files are written
under temporary names and renamed into place; (3) the row is marked
"issued". A pending row found later (``settle_pending``, run at every start)
is issued if all its files are in place, otherwise its files are removed and
the row with them, so the number was never issued and may be given again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Callable

from sqlalchemy.engine import Engine

from db.files import StagedFile, atomic_path, free_path
from db.models import Directive, OutgoingDocument, Requirement
from db.session import run_transaction, unit_of_work
from desktop.core.errors import Cancelled, UserError
from desktop.core.register import take_number
from desktop.core.reports import check_dates, report_facts, urge_facts
from desktop.core.vntext import fold
from desktop.io.documents.report import default_assessment, recipients_for, render_report_pdf, report_subject
from desktop.io.documents.urge import render_call_list_pdf, render_urge_pdf, urge_subject
from desktop.io.documents.workbook import register_table, report_tables, write_workbook

Progress = Callable[[float, str], None]


@dataclass
class MadeDocument:
    report_id: int
    number: str
    files: dict[str, Path]
    pages: int
    units: list[str]


@dataclass
class Plan:
    """What step (1) decided: the register row and, per file, its final
    path and how to write it (``render(path) -> pages or None``)."""

    doc_id: int
    number: str
    targets: dict[str, Path]
    renderers: dict[str, Callable[[Path], int | None]]
    units: list[str]


def _slug(number: str, issued_on: date) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(number)).strip("-") + f"-{issued_on:%Y-%m-%d}"


def _out_dir(out_dir: Path | str) -> Path:
    folder = Path(out_dir)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục “{folder}” để lưu văn bản ({exc.strerror}). Hãy chọn thư mục khác.") from exc
    return folder


def _produce(engine: Engine, actor: str | None, plan_fn, progress: Progress | None, cancelled) -> MadeDocument:
    with unit_of_work(engine, actor) as session:
        plan: Plan = plan_fn(session)
    staged: dict[str, StagedFile] = {}
    published: list[Path] = []
    pages = 0
    try:
        for i, (key, target) in enumerate(plan.targets.items()):
            if cancelled is not None and cancelled():
                raise Cancelled()
            staged[key] = StagedFile(target, overwrite=False)
            pages = plan.renderers[key](staged[key].path) or pages
            if progress:
                progress((i + 1) / (len(plan.targets) + 1), key)
        for f in staged.values():
            published.append(f.publish())
    except BaseException as exc:
        for f in staged.values():
            f.discard()
        for path in published:
            path.unlink(missing_ok=True)
        with unit_of_work(engine, actor) as session:
            row = session.get(OutgoingDocument, plan.doc_id)
            if row is not None:
                session.delete(row)  # never issued: the number is free again
        if isinstance(exc, OSError):
            raise UserError(
                f"Không ghi được tệp vào “{next(iter(plan.targets.values())).parent}” ({exc.strerror}). "
                "Ổ đĩa có thể đã đầy hoặc đã rút ra; không có số văn bản nào bị lấy. Hãy kiểm tra rồi làm lại."
            ) from exc
        raise
    # The files are in place: only this flag is left, retried on its own
    # if another PC holds the row, never by making the document again.
    run_transaction(engine, lambda session: setattr(session.get(OutgoingDocument, plan.doc_id), "state", "issued"),
                    actor=actor)
    if progress:
        progress(1.0, plan.number)
    return MadeDocument(plan.doc_id, plan.number, dict(plan.targets), pages, plan.units)


def _report_facts(session, directive_id: int, requirement_id: int | None, period: int | None, as_of: date):
    directive = session.get(Directive, directive_id)
    requirement = session.get(Requirement, requirement_id) if requirement_id else None
    return report_facts(session, directive, as_of, requirement=requirement, period=period)


def make_report(
    engine: Engine,
    *,
    directive_id: int,
    requirement_id: int | None = None,
    period: int | None = None,
    as_of: date,
    issued_on: date,
    out_dir: Path | str,
    number: str | None = None,
    assessment: str | None = None,
    recipients: list[str] | None = None,
    annex: bool | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MadeDocument:
    """The report as PDF and workbook in ``out_dir``, registered under the
    next number of ``issued_on``'s year (or ``number``). ``annex``: the
    unit-by-unit appendix in the PDF too (None: up to 300 units)."""
    folder = _out_dir(out_dir)

    check_dates(as_of, issued_on)

    def plan(session) -> Plan:
        facts = _report_facts(session, directive_id, requirement_id, period, as_of)
        doc = take_number(
            session, kind="BC", issued_on=issued_on, title=report_subject(facts), symbol=facts.office.symbol,
            number=number, directive_id=directive_id, requirement_id=requirement_id,
            period=facts.sections[0].period.number if requirement_id else None, as_of=as_of,
            recipients=recipients_for(facts.office, recipients), signer_name=facts.office.signer_name,
            state="pending", folder=str(folder.resolve()),
        )
        stem = "bao-cao-" + _slug(doc.number, issued_on)
        targets = {"pdf": free_path(folder, stem, ".pdf"), "xlsx": free_path(folder, stem, ".xlsx")}
        doc.files = [p.name for p in targets.values()]
        n = doc.number
        return Plan(doc.id, n, targets, {
            "pdf": lambda path: render_report_pdf(facts, number_text=n, issued_on=issued_on, path=path,
                                                  assessment=assessment, recipients=recipients, annex=annex),
            "xlsx": lambda path: write_workbook(report_tables(facts, n, issued_on), path, title=report_subject(facts),
                                               author=facts.office.name),
        }, [])

    return _produce(engine, actor, plan, progress, cancelled)


def preview_report(
    engine: Engine,
    *,
    directive_id: int,
    requirement_id: int | None = None,
    period: int | None = None,
    as_of: date,
    issued_on: date,
    path: Path,
    assessment: str | None = None,
    recipients: list[str] | None = None,
    annex: bool | None = None,
) -> int:
    """The report as it will be, with the number left blank as on a paper
    draft; nothing is registered. Returns the page count."""
    with unit_of_work(engine, commit=False) as session:
        facts = _report_facts(session, directive_id, requirement_id, period, as_of)
    draft_number = f"{chr(0xA0) * 8}/BC-{facts.office.symbol or 'LĐLĐ'}"  # room to write the number by hand
    with atomic_path(path) as tmp:
        pages = render_report_pdf(facts, number_text=draft_number, issued_on=issued_on, path=tmp,
                                  assessment=assessment, recipients=recipients, annex=annex)
    return pages


def default_assessment_text(engine: Engine, *, directive_id: int, requirement_id: int | None, period: int | None,
                            as_of: date) -> str:
    """The assessment a report would carry unless the user writes another."""
    with unit_of_work(engine, commit=False) as session:
        return default_assessment(_report_facts(session, directive_id, requirement_id, period, as_of))


def make_urge(
    engine: Engine,
    *,
    requirement_id: int,
    period: int | None = None,
    as_of: date,
    issued_on: date,
    out_dir: Path | str,
    new_due: date | None = None,
    number: str | None = None,
    actor: str | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> MadeDocument:
    """The urging letter and the call list in ``out_dir``; the letter takes
    the next CV number."""
    folder = _out_dir(out_dir)

    def plan(session) -> Plan:
        requirement = session.get(Requirement, requirement_id)
        facts = urge_facts(session, requirement, as_of, period=period, new_due=new_due, issued_on=issued_on)
        doc = take_number(
            session, kind="CV", issued_on=issued_on, title=urge_subject(facts), symbol=facts.office.symbol, number=number,
            directive_id=facts.directive.id, requirement_id=requirement.id, period=facts.requirement.period.number,
            as_of=as_of, recipients=[u.name for u in facts.units], signer_name=facts.office.signer_name,
            state="pending", folder=str(folder.resolve()),
        )
        stem = "cong-van-" + _slug(doc.number, issued_on)
        targets = {"pdf": free_path(folder, stem, ".pdf"), "call_list": free_path(folder, stem + "-danh-sach-goi", ".pdf")}
        doc.files = [p.name for p in targets.values()]
        n = doc.number
        return Plan(doc.id, n, targets, {
            "pdf": lambda path: render_urge_pdf(facts, number_text=n, issued_on=issued_on, path=path),
            "call_list": lambda path: render_call_list_pdf(facts, path=path) and None,
        }, [u.name for u in facts.units])

    return _produce(engine, actor, plan, progress, cancelled)


def preview_urge_letter(engine: Engine, *, requirement_id: int, period: int | None = None, as_of: date,
                        issued_on: date, path: Path, new_due: date | None = None) -> tuple[int, list[str], date]:
    """The urging letter as it will be, its number left blank; nothing is
    registered. Returns (pages, the units it goes to, the new deadline)."""
    with unit_of_work(engine, commit=False) as session:
        requirement = session.get(Requirement, requirement_id)
        facts = urge_facts(session, requirement, as_of, period=period, new_due=new_due, issued_on=issued_on)
    draft_number = f"{chr(0xA0) * 8}/CV-{facts.office.symbol or 'LĐLĐ'}"  # room to write the number by hand
    with atomic_path(path) as tmp:
        pages = render_urge_pdf(facts, number_text=draft_number, issued_on=issued_on, path=tmp)
    return pages, [u.name for u in facts.units], facts.new_due


def export_register(engine: Engine, *, year: int | None, out_dir: Path | str) -> Path:
    """The register of outgoing documents as a workbook in ``out_dir``."""
    from desktop.core.office import get_office
    from desktop.core.register import list_register

    folder = _out_dir(out_dir)
    with unit_of_work(engine, commit=False) as session:
        office = get_office(session)
        docs = list_register(session, year, include_void=True)
    name = office.name if office else "Theo dõi"
    target = free_path(folder, f"so-van-ban-di-{year or 'tat-ca'}", ".xlsx")
    try:
        with atomic_path(target, overwrite=False) as tmp:
            write_workbook([("Sổ văn bản đi", register_table(name, year, docs))], tmp,
                           title=f"Sổ văn bản đi {year or ''}".strip(), author=name)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp vào “{folder}” ({exc.strerror}). Hãy chọn thư mục khác.") from exc
    return target
