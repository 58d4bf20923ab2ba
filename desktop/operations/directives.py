"""Directives from above and the requirements they place on member units."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from db.models import Directive, Requirement
from desktop.core.directives import Indicator, add_directive, add_requirement, list_directives, requirements_of
from desktop.operations.refs import directive_ref
from desktop.operations.registry import Changes, Store, operation


@dataclass
class RequirementSpec:
    """A requirement to add: one-off (``due``) or recurring
    (``every_months`` from ``first_due``, up to ``until``)."""

    title: str
    due: date | None = None
    every_months: int | None = None
    first_due: date | None = None
    until: date | None = None
    indicators: list[Indicator] = field(default_factory=list)
    applies_kinds: list[str] | None = None
    applies_sectors: list[str] | None = None


def _add_requirement(session, directive: Directive, spec: RequirementSpec) -> Requirement:
    return add_requirement(session, directive, title=spec.title, due=spec.due, every_months=spec.every_months,
                           first_due=spec.first_due, until=spec.until, indicators=spec.indicators,
                           applies_kinds=spec.applies_kinds, applies_sectors=spec.applies_sectors)


@dataclass
class AddedDirective:
    directive: Directive
    requirements: list[Requirement]


@operation("directives.add", "Vào sổ văn bản chỉ đạo", changes=Changes.DIRECTIVES)
def add(store: Store, *, number: str, issuer: str | None, issued_on: date | None, subject: str | None,
        kind: str | None = None, file_name: str | None = None, file_sha256: str | None = None,
        requirements: list[RequirementSpec] = ()) -> AddedDirective:
    """Register a directive, with the requirements it places (those the
    document proposed, as the clerk kept them), all or nothing."""

    def work(session):
        d = add_directive(session, number=number, issuer=issuer, issued_on=issued_on, subject=subject, kind=kind,
                          file_name=file_name, file_sha256=file_sha256)
        return AddedDirective(d, [_add_requirement(session, d, spec) for spec in requirements])

    return store.change(work)


@operation("directives.list", "Danh sách văn bản chỉ đạo")
def listing(store: Store) -> list[Directive]:
    return store.read(list_directives)


@operation("requirements.add", "Thêm yêu cầu của văn bản", changes=Changes.DIRECTIVES)
def add_requirement_to(store: Store, directive: int | str, spec: RequirementSpec, *, year: int | None = None,
                       issuer: str | None = None) -> tuple[Requirement, Directive]:
    """Add one requirement to ``directive`` (its id, or its number with
    ``year``/``issuer`` to pick among directives sharing it)."""

    def work(session):
        d = directive_ref(session, directive, year=year, issuer=issuer)
        return _add_requirement(session, d, spec), d

    return store.change(work)


@operation("requirements.list", "Các yêu cầu")
def requirements(store: Store, directive: int | str | None = None, *, year: int | None = None,
                 issuer: str | None = None) -> list[tuple[Requirement, Directive]]:
    """Every requirement of ``directive`` (or of every directive), with its
    directive."""

    def work(session):
        chosen = [directive_ref(session, directive, year=year, issuer=issuer)] if directive is not None \
            else list_directives(session)
        return [(r, d) for d in chosen for r in requirements_of(session, d)]

    return store.read(work)


@operation("directives.intake", "Đọc văn bản từ tệp")
def read_file(store: Store, path, *, progress=None, cancelled=None):
    """What a directive file says (number, issuer, dates, subject, signer,
    recipients, references, deadlines, each with how sure the reading is)
    and the requirements its deadlines propose; nothing is written. A
    scan is read page by page with ``progress``; ``cancelled`` stops it."""
    from desktop.io.directive_reading import read_directive_file

    return read_directive_file(path, progress, cancelled)
