"""Text that does not fit its column is refused the same way on every back
end, in words the clerk can act on. (SQLite would keep any length;
PostgreSQL refuses a string longer than its column with an error that names
neither the field nor what to do.)"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, event
from sqlalchemy.orm import Session

from db.errors import StoreError

# The columns a clerk types or a file brings, by their name in any table.
_LABELS = {
    "name": "tên", "code": "mã", "number": "số, ký hiệu", "doc_number": "số văn bản", "note": "ghi chú",
    "reason": "lý do", "title": "tiêu đề", "subject": "trích yếu", "issuer": "cơ quan ban hành",
    "file_name": "tên tệp", "value": "giá trị", "sector": "khối", "chair": "chủ tịch", "phone": "điện thoại",
    "email": "thư điện tử", "address": "địa chỉ", "signer_name": "người ký",
}


class TooLong(StoreError):
    """A text longer than its column allows; nothing was written."""


_TEXT_LIMITS: dict[Table, list[tuple[str, int]]] = {}


def text_limits(table: Table) -> list[tuple[str, int]]:
    """(column, longest text) of each text column of ``table`` with a
    limit; read once per table, since a 100,000-row import asks every row."""
    found = _TEXT_LIMITS.get(table)
    if found is None:
        found = _TEXT_LIMITS[table] = [(c.key, c.type.length) for c in table.columns if getattr(c.type, "length", None)]
    return found


def overlong(table: Table, values: dict[str, Any]) -> tuple[str, int, int] | None:
    """The first text of ``values`` (a row for ``table``) longer than its
    column: (column, its length, the limit), or None."""
    for key, limit in text_limits(table):
        value = values.get(key)
        if isinstance(value, str) and len(value) > limit:
            return key, len(value), limit
    return None


def too_long(table: Table, values: dict[str, Any]) -> str | None:
    """Why ``values`` (a row for ``table``) does not fit, or None."""
    found = overlong(table, values)
    if found is None:
        return None
    key, length, limit = found
    return f"“{_LABELS.get(key, key)}” dài {length} ký tự, quá {limit} ký tự cho phép; hãy rút gọn"


@event.listens_for(Session, "before_flush")
def _check_lengths(session: Session, _ctx, _instances) -> None:
    for obj in list(session.new) + list(session.dirty):
        table = getattr(obj, "__table__", None)
        if table is None:
            continue
        problem = too_long(table, {c.key: getattr(obj, c.key, None) for c in table.columns})
        if problem:
            raise TooLong(f"Không lưu được: {problem}.")
