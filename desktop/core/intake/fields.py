"""What intake reads off a directive: plain dataclasses, no parsing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Deadline:
    date: date | None
    text: str  # the sentence that sets it
    problem: str | None = None  # why ``date`` is None: "31/02/2022" is no date


@dataclass
class Recurrence:
    every_months: int
    text: str  # as written: "6 tháng/lần"
    sentence: str


# The fields a clerk checks, in the order the form shows them; each gets a
# confidence in ``DirectiveFields.confidence``.
CHECKED_FIELDS = (
    "number", "kind", "issuer", "parent_issuer", "place", "issued_on", "subject", "signer_name", "signer_title",
    "signing_authority", "recipients", "referenced_documents", "deadlines", "recurrence",
)


@dataclass
class DirectiveFields:
    number: str | None = None
    kind: str | None = None
    title: str | None = None  # "KẾ HOẠCH"
    issuer: str | None = None
    parent_issuer: str | None = None
    place: str | None = None
    issued_on: date | None = None
    subject: str | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    signing_authority: str | None = None
    recipients: list[str] = field(default_factory=list)
    referenced_documents: list[str] = field(default_factory=list)
    deadlines: list[Deadline] = field(default_factory=list)
    recurrence: Recurrence | None = None
    warnings: list[str] = field(default_factory=list)
    # How sure each reading is, 0..1 (a field not found: 0). Text read by
    # OCR carries the recogniser's own certainty of its words.
    confidence: dict[str, float] = field(default_factory=dict)

    def missing(self) -> list[str]:
        """The single-valued fields the text did not give."""
        names = ("number", "kind", "issuer", "place", "issued_on", "subject", "signer_name", "signer_title")
        return [n for n in names if getattr(self, n) is None]

    def doubtful(self, threshold: float = 0.75) -> list[str]:
        """The fields found but read with a confidence below ``threshold``."""
        return [n for n, c in self.confidence.items() if c < threshold and getattr(self, n) not in (None, [])]


@dataclass
class ProposedRequirement:
    title: str
    due: date | None = None  # one-off
    every_months: int | None = None  # recurring
    first_due: date | None = None
    source: str = ""  # the sentence it came from
