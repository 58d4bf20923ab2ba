"""The schema: SQLModel tables for organisations, directives, requirements,
submissions, exemptions, attachments, settings and the audit log.

Dates are ``datetime.date``; instants are aware UTC ``datetime``. Text is
stored NFC (the services clean it on the way in). ``name_key`` and
``sort_key`` are stored so that search and Vietnamese ordering work the same
on every database back end.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import JSON, Column, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from db.dialects import sort_key_type
from db.types import UTCDateTime


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class OrgKind:
    """Values of ``Organization.kind``."""

    OFFICE = "office"  # this office: the one running Theo dõi
    GRASSROOTS = "grassroots"  # công đoàn cơ sở, nghiệp đoàn
    UPPER = "upper"  # a member office with members of its own

    ALL = (OFFICE, GRASSROOTS, UPPER)


class Organization(SQLModel, table=True):
    __tablename__ = "organization"
    __table_args__ = (
        Index("ix_organization_sort_key", "sort_key"),
        Index("ix_organization_name_key", "name_key"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    code: Optional[str] = Field(default=None, max_length=64, unique=True)
    name: str = Field(max_length=500)
    name_key: str = Field(max_length=500)
    sort_key: str = Field(sa_type=sort_key_type(4000))
    kind: str = Field(default=OrgKind.GRASSROOTS, max_length=32)
    sector: Optional[str] = Field(default=None, max_length=200)
    parent_id: Optional[int] = Field(default=None, foreign_key="organization.id")
    chair: Optional[str] = Field(default=None, max_length=200)
    phone: Optional[str] = Field(default=None, max_length=64)
    email: Optional[str] = Field(default=None, max_length=200)
    address: Optional[str] = Field(default=None, max_length=500)
    members: Optional[int] = None
    female_members: Optional[int] = None
    workers: Optional[int] = None
    active_from: Optional[date] = None
    # The day the unit ceased (dissolved, merged, moved away); it is not
    # active on that day.
    active_to: Optional[date] = None
    merged_into_id: Optional[int] = Field(default=None, foreign_key="organization.id")
    # The user said the unit it merged into takes over what it still owed
    # (see desktop.core.status); never assumed.
    carry_over: bool = False
    note: Optional[str] = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Setting(SQLModel, table=True):
    """Office identity and preferences, one value per key."""

    __tablename__ = "setting"

    key: str = Field(primary_key=True, max_length=100)
    value: Optional[str] = Field(default=None, max_length=2000)


class Directive(SQLModel, table=True):
    """A directive is identified by issuer, year and number: official
    numbers restart every year and differ from one issuer to another."""

    __tablename__ = "directive"
    __table_args__ = (
        UniqueConstraint("issuer_key", "year", "number_key", name="uq_directive_issuer_year_number"),
        Index("ix_directive_number_key", "number_key"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    number: str = Field(max_length=100)
    # Folded number, so "314/KH-LDLD" finds "314/KH-LĐLĐ".
    number_key: str = Field(max_length=100)
    # Folded issuer ("" when unknown) and the year of issue (0 when the date
    # is unknown): never NULL, so the unique constraint holds for them too.
    issuer_key: str = Field(default="", max_length=500)
    year: int = 0
    kind: Optional[str] = Field(default=None, max_length=16)
    issuer: Optional[str] = Field(default=None, max_length=500)
    issued_on: Optional[date] = None
    subject: Optional[str] = Field(default=None, max_length=2000)
    file_name: Optional[str] = Field(default=None, max_length=500)
    file_sha256: Optional[str] = Field(default=None, max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # The directive's identity across offices: given once by the office
    # that first issues it as an assignment, kept by every office below
    # that registers it from the assignment package (docs/package-format.md).
    uid: Optional[str] = Field(default=None, max_length=36, index=True)
    # The office above that assigned it (its name), None for a directive
    # this office registered itself.
    assigned_by: Optional[str] = Field(default=None, max_length=500)


class Requirement(SQLModel, table=True):
    """What a directive asks of member units.

    ``first_due`` is the due date of period 1; with ``every_months`` set, period
    n is due ``every_months * (n - 1)`` months later (month-end anchored), up to
    ``until`` when given. ``applies_kinds`` / ``applies_sectors`` (lists; empty or
    null means all) filter the units it applies to. ``indicators`` is a list of
    ``{"key", "label"}``.
    """

    __tablename__ = "requirement"

    id: Optional[int] = Field(default=None, primary_key=True)
    directive_id: int = Field(foreign_key="directive.id", index=True)
    title: str = Field(max_length=1000)
    first_due: date
    every_months: Optional[int] = None
    until: Optional[date] = None
    applies_kinds: Optional[list[str]] = Field(default=None, sa_column=Column(JSON))
    applies_sectors: Optional[list[str]] = Field(default=None, sa_column=Column(JSON))
    indicators: Optional[list[dict[str, Any]]] = Field(default=None, sa_column=Column(JSON))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    uid: Optional[str] = Field(default=None, max_length=36, index=True)  # as Directive.uid
    # The first period's due date the office above gave, when the
    # requirement came in an assignment; ``first_due`` is then this
    # office's own (earlier or equal) deadline for its units.
    upper_due: Optional[date] = None
    # Which received date counts for a report corrected after a return:
    # "by_date" (default: the first version's, if the correction came by
    # the date the return gave), "first" (always the first version's),
    # "correction" (always the correction's).
    correction_rule: Optional[str] = Field(default=None, max_length=16)


class Submission(SQLModel, table=True):
    """One unit's answer to one requirement for one period."""

    __tablename__ = "submission"
    __table_args__ = (
        UniqueConstraint("requirement_id", "organization_id", "period", name="uq_submission_unit_period"),
        # The status counts read a period's answers from this index alone.
        Index("ix_submission_status", "requirement_id", "period", "received_on", "organization_id"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    requirement_id: int = Field(foreign_key="requirement.id", index=True)
    organization_id: int = Field(foreign_key="organization.id", index=True)
    period: int = 1
    received_on: date
    doc_number: Optional[str] = Field(default=None, max_length=100)
    doc_date: Optional[date] = None
    indicator_values: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    note: Optional[str] = Field(default=None, max_length=2000)
    recorded_by: Optional[str] = Field(default=None, max_length=200)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Attachment(SQLModel, table=True):
    """A file attached to a submission, stored once by content hash."""

    __tablename__ = "attachment"

    id: Optional[int] = Field(default=None, primary_key=True)
    submission_id: int = Field(foreign_key="submission.id", index=True)
    sha256: str = Field(max_length=64, index=True)
    file_name: str = Field(max_length=500)
    size: int
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class Exemption(SQLModel, table=True):
    """A unit excused from a requirement (``period`` null: every period)."""

    __tablename__ = "exemption"
    __table_args__ = (Index("ix_exemption_req_org", "requirement_id", "organization_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    requirement_id: int = Field(foreign_key="requirement.id")
    organization_id: int = Field(foreign_key="organization.id")
    period: Optional[int] = None
    reason: str = Field(max_length=1000)
    created_by: Optional[str] = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AuditLog(SQLModel, table=True):
    """Every change to every other table, written in the same transaction."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    actor: str = Field(max_length=200)
    action: str = Field(max_length=16)  # create, update, delete
    entity: str = Field(max_length=64)
    entity_id: Optional[str] = Field(default=None, max_length=100)
    before: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    after: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))


class OutgoingDocument(SQLModel, table=True):
    """The register of outgoing documents (sổ văn bản đi): every report and
    letter this office issues takes the next number of the year for its kind;
    rows are never deleted, so numbers are never reused."""

    __tablename__ = "outgoing_document"
    __table_args__ = (
        UniqueConstraint("year", "kind", "seq", name="uq_outgoing_year_kind_seq"),
        # "01/BC-LĐLĐ" comes back every year; within a year it is unique.
        UniqueConstraint("year", "number_key", name="uq_outgoing_year_number"),
    )

    id: Optional[int] = Field(default=None, primary_key=True)
    year: int
    kind: str = Field(max_length=16)  # BC (báo cáo), CV (công văn), …
    seq: Optional[int] = None  # None for a number typed by hand that fits no series
    number: str = Field(max_length=100)  # "05/BC-LĐLĐ"
    number_key: str = Field(max_length=100)
    issued_on: date
    title: str = Field(max_length=2000)  # trích yếu
    directive_id: Optional[int] = Field(default=None, foreign_key="directive.id")
    requirement_id: Optional[int] = Field(default=None, foreign_key="requirement.id")
    period: Optional[int] = None
    as_of: Optional[date] = None
    recipients: Optional[list[str]] = Field(default=None, sa_column=Column(JSON))
    files: Optional[list[str]] = Field(default=None, sa_column=Column(JSON))
    signer_name: Optional[str] = Field(default=None, max_length=200)
    # "pending" while its files are being written, "issued" once they are in
    # place; a pending row left by a crash is settled at the next start:
    # "issued" if its files made it, else "void" (kept, so the number is
    # never handed out again).
    state: str = Field(default="issued", max_length=16)
    folder: Optional[str] = Field(default=None, max_length=1000)
    created_by: Optional[str] = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class TrustedCertificate(SQLModel, table=True):
    """A certificate this office trusts: a root installed by the user (any
    certificate it issued is trusted), or a sending office's own key pinned
    after its fingerprint was compared over the phone."""

    __tablename__ = "trusted_certificate"

    id: Optional[int] = Field(default=None, primary_key=True)
    fingerprint: str = Field(max_length=64, unique=True)  # SHA-256 of the DER certificate, lowercase hex
    kind: str = Field(max_length=8)  # "root" or "pin"
    organization_id: Optional[int] = Field(default=None, foreign_key="organization.id")  # for a pin
    subject: str = Field(max_length=500)
    not_after: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    certificate: bytes
    added_by: Optional[str] = Field(default=None, max_length=200)
    added_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # A pin stays on record when the office changes its key; only the
    # newest unretired pin of an office is trusted.
    retired_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)


class ReceivedPackage(SQLModel, table=True):
    """A signed report package taken in from a member office; kept even when
    a newer one supersedes it."""

    __tablename__ = "received_package"

    id: Optional[int] = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True)
    organization_id: int = Field(foreign_key="organization.id")
    submission_id: Optional[int] = Field(default=None, foreign_key="submission.id")
    requirement_id: Optional[int] = Field(default=None, foreign_key="requirement.id")
    period: Optional[int] = None
    report_number: str = Field(max_length=100)
    report_date: date
    directive_number: str = Field(max_length=100)
    as_of: Optional[date] = None
    fingerprint: str = Field(max_length=64)
    file_name: str = Field(max_length=500)
    stored_path: Optional[str] = Field(default=None, max_length=1000)
    superseded_by_id: Optional[int] = Field(default=None, foreign_key="received_package.id")
    received_by: Optional[str] = Field(default=None, max_length=200)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # SHA-256 of the signed manifest.json: the same package in another zip
    # is the same package. NULL for packages taken in before it was kept.
    manifest_sha256: Optional[str] = Field(default=None, max_length=64, index=True)
    created_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)  # as the sender signed it
    received_on: Optional[date] = None  # when this office got it: what "on time" is judged by
    # The review beside the import status: "waiting" (chờ duyệt) until a
    # person accepts it ("accepted") or returns it for correction
    # ("returned", with a reason and the date the correction is due by).
    review: Optional[str] = Field(default=None, max_length=16)
    review_reason: Optional[str] = Field(default=None, max_length=2000)
    correct_by: Optional[date] = None
    reviewed_on: Optional[date] = None
    reviewed_by: Optional[str] = Field(default=None, max_length=200)
    # The member office's own units as its package reported them (name,
    # code, sector, status, received_on, values): the drill-down and the
    # totals by sector one level up.
    units: Optional[list[dict[str, Any]]] = Field(default=None, sa_column=Column(JSON))


class SentPackage(SQLModel, table=True):
    """A package this office made of one of its reports, and the signed
    receipt (biên nhận) the office above sent back for it."""

    __tablename__ = "sent_package"

    id: Optional[int] = Field(default=None, primary_key=True)
    outgoing_document_id: int = Field(foreign_key="outgoing_document.id")
    sha256: str = Field(max_length=64, unique=True)
    file_name: str = Field(max_length=500)
    fingerprint: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    received_on: Optional[date] = None  # from the receipt
    received_by: Optional[str] = Field(default=None, max_length=500)  # the office that signed the receipt
    receipt_fingerprint: Optional[str] = Field(default=None, max_length=64)
    # The office above's review, from its signed notice: "returned" with
    # its reason and the date to correct by, or "accepted".
    review: Optional[str] = Field(default=None, max_length=16)
    review_reason: Optional[str] = Field(default=None, max_length=2000)
    correct_by: Optional[date] = None
    reviewed_on: Optional[date] = None


class OutboxMessage(SQLModel, table=True):
    """A package waiting to go up by e-mail. Moved to "sending" in its own
    transaction before the SMTP conversation, so a crash mid-send leaves a
    message marked uncertain rather than sent twice."""

    __tablename__ = "outbox_message"

    id: Optional[int] = Field(default=None, primary_key=True)
    outgoing_document_id: Optional[int] = Field(default=None, foreign_key="outgoing_document.id")
    package_path: str = Field(max_length=1000)
    recipients: list[str] = Field(sa_column=Column(JSON, nullable=False))
    subject: str = Field(max_length=500)
    message_id: str = Field(max_length=200, unique=True)
    state: str = Field(default="queued", max_length=16)  # queued, sending, sent, failed
    attempts: int = 0
    next_attempt_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    last_error: Optional[str] = Field(default=None, max_length=2000)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    sent_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)
    # The message's own text (a form sent down to a unit); None: the
    # package wording.
    body: Optional[str] = Field(default=None, max_length=4000)



class ReportDraft(SQLModel, table=True):
    """A report being written: what it is about (directive, requirement,
    period, dates, recipients) and the texts the clerk writes (``sections``:
    results, shortcomings, proposals, closing; desktop.io.documents.sections).
    One open draft per directive and requirement; issuing the report ties
    the draft to its row of the register (``document_id``) and freezes it,
    so the text a report was issued with is kept with it."""

    __tablename__ = "report_draft"

    id: Optional[int] = Field(default=None, primary_key=True)
    directive_id: int = Field(foreign_key="directive.id", index=True)
    requirement_id: Optional[int] = Field(default=None, foreign_key="requirement.id")
    period: Optional[int] = None
    as_of: Optional[date] = None
    issued_on: Optional[date] = None
    recipients: Optional[list[str]] = Field(default=None, sa_column=Column(JSON))
    sections: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    document_id: Optional[int] = Field(default=None, foreign_key="outgoing_document.id", unique=True)
    updated_by: Optional[str] = Field(default=None, max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class AssignmentPackage(SQLModel, table=True):
    """An assignment package (gói giao nhiệm vụ) this office issued to its
    member offices ("out") or took in from the office above ("in"): which
    directive, which version, signed by whom."""

    __tablename__ = "assignment_package"

    id: Optional[int] = Field(default=None, primary_key=True)
    direction: str = Field(max_length=8)  # "out" or "in"
    directive_id: int = Field(foreign_key="directive.id", index=True)
    version: int
    sha256: str = Field(max_length=64, unique=True)  # of the signed assignment document
    issuer: str = Field(max_length=500)
    fingerprint: str = Field(max_length=64)
    file_name: str = Field(max_length=500)
    created_at: Optional[datetime] = Field(default=None, sa_type=UTCDateTime)  # as the issuer signed it
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    recorded_by: Optional[str] = Field(default=None, max_length=200)


class ReceivedForm(SQLModel, table=True):
    """A report form (phiếu báo cáo) a unit filled in and sent back, kept
    even when a later form for the same period supersedes it."""

    __tablename__ = "received_form"
    __table_args__ = (Index("ix_received_form_unit_period", "organization_id", "requirement_id", "period"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, index=True)  # the file as it came
    # What the form says (unit, requirement, period, figures): the same
    # answer saved again, renamed or re-zipped is the same answer.
    content_key: str = Field(max_length=64)
    organization_id: int = Field(foreign_key="organization.id")
    requirement_id: int = Field(foreign_key="requirement.id")
    period: int
    submission_id: Optional[int] = Field(default=None, foreign_key="submission.id")
    file_name: str = Field(max_length=500)
    figures: Optional[dict[str, Any]] = Field(default=None, sa_column=Column(JSON))
    matched_by: str = Field(max_length=16)  # "identity" (hidden sheet), "visible" (cells), "clerk"
    template_hash: Optional[str] = Field(default=None, max_length=64)
    received_on: date
    superseded_by_id: Optional[int] = Field(default=None, foreign_key="received_form.id")
    received_by: Optional[str] = Field(default=None, max_length=200)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
