"""What a careful clerk reads off an official document (Nghị định
30/2020/NĐ-CP layout, and the Party's): number and symbol, kind, issuing
body, place and date, subject, signer, recipients, the documents it refers
to, every deadline with its sentence and the reporting cycle. Text in,
dataclass out: no files, no database. A field that is not in the text is
None, never guessed.

One module per thing read: ``layout`` (lines and columns), ``header``, ``subject``,
``kinds``, ``signature`` (with Nơi nhận), ``deadlines``, ``references``;
``document`` puts them together."""

from __future__ import annotations

import re

from desktop.core.intake.deadlines import sentences
from desktop.core.intake.document import extract_directive
from desktop.core.intake.fields import (
    CHECKED_FIELDS,
    Deadline,
    DirectiveFields,
    ProposedRequirement,
    Recurrence,
)
from desktop.core.intake.layout import KIND_TITLES, repair_lines
from desktop.core.intake.references import read_doc_reference, split_doc_reference
from desktop.core.intake.requirements import first_period_end, propose_requirements

_SUB_BODY = re.compile(r"^(BAN|ĐẢNG ĐOÀN|THƯỜNG TRỰC|VĂN PHÒNG|ĐOÀN CHỦ TỊCH|ỦY BAN KIỂM TRA|UỶ BAN KIỂM TRA)\b")


def register_issuer(fields: DirectiveFields) -> str | None:
    """The issuer as the register of directives names it: a body inside an
    organisation ("BAN THƯỜNG VỤ") with the organisation after it."""
    if fields.issuer and fields.parent_issuer and _SUB_BODY.match(fields.issuer):
        return f"{fields.issuer} {fields.parent_issuer}"
    return fields.issuer


__all__ = [
    "CHECKED_FIELDS",
    "KIND_TITLES",
    "Deadline",
    "DirectiveFields",
    "ProposedRequirement",
    "Recurrence",
    "extract_directive",
    "first_period_end",
    "propose_requirements",
    "read_doc_reference",
    "register_issuer",
    "repair_lines",
    "sentences",
    "split_doc_reference",
]
