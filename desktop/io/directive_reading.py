"""Reading a directive from its file, the one sequence the command line
and the window share: the file's text (OCR for a scan), the fields, the
requirements its deadlines call for."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.intake import (
    DirectiveFields,
    ProposedRequirement,
    extract_directive,
    propose_requirements,
)
from desktop.io.document_text import DocumentText, read_document_text


@dataclass
class DirectiveReading:
    document: DocumentText
    fields: DirectiveFields
    proposals: list[ProposedRequirement]
    notes: list[str] = field(default_factory=list)  # why some requirements were not proposed

    @property
    def warnings(self) -> list[str]:
        return self.document.warnings + self.fields.warnings + self.notes


def read_directive_file(
    path: Path | str,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DirectiveReading:
    """Everything a clerk checks before registering the directive in
    ``path``; ``UserError`` for a file that cannot be read (or a reading
    cancelled). ``progress(fraction, message)`` is called page by page
    when a scan is recognised."""
    doc = read_document_text(path, progress=progress, cancelled=cancelled)
    fields = extract_directive(doc.text, wrapped=doc.wrapped, word_confidence=doc.word_confidence)
    proposals, notes = propose_requirements(fields)
    return DirectiveReading(doc, fields, proposals, notes)
