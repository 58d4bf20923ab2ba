"""Member units: find them, list them as of a date, take in a list of them,
retire or merge them. History is kept: a retired unit keeps its row with the
day it ceased, so statistics for earlier dates still count it."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Iterable

from sqlmodel import Session, select

from db.bulk import insert_rows, without_gc
from db.limits import overlong
from db.models import Organization, OrgKind, utcnow
from desktop.core.errors import Cancelled, NotFound, UserError
from desktop.core.vntext import clean, fold, matches, sort_key
from desktop.core import clock

# Fields a unit list may carry, with their types.
TEXT_FIELDS = ("code", "name", "sector", "kind", "chair", "phone", "email", "address", "note")
COUNT_FIELDS = ("members", "female_members", "workers")
DATE_FIELDS = ("active_from",)
UNIT_FIELDS = TEXT_FIELDS + COUNT_FIELDS + DATE_FIELDS
FIELD_LABELS = {
    "code": "Mã đơn vị", "name": "Tên đơn vị", "sector": "Khối", "kind": "Loại đơn vị", "chair": "Chủ tịch",
    "phone": "Điện thoại", "email": "Thư điện tử", "address": "Địa chỉ", "note": "Ghi chú",
    "members": "Số đoàn viên", "female_members": "Đoàn viên nữ", "workers": "Số lao động",
    "active_from": "Ngày thành lập",
}


@dataclass
class UnitRow:
    """One row of a unit list, already typed by the reader: counts are ints,
    dates are ``date``; ``row`` is the row number in the source file."""

    row: int
    values: dict[str, Any]


@dataclass
class Skipped:
    row: int
    reason: str


@dataclass
class UnitImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_active(unit: Organization, on: date) -> bool:
    """Whether the unit existed on ``on``: founded on or before it and not
    yet ceased (it is not active on the day it ceased)."""
    if unit.active_from is not None and unit.active_from > on:
        return False
    if unit.active_to is not None and unit.active_to <= on:
        return False
    return True


def member_units(session: Session) -> list[Organization]:
    """Every member unit ever recorded (retired ones too), in Vietnamese order."""
    stmt = select(Organization).where(Organization.kind != OrgKind.OFFICE).order_by(Organization.sort_key)
    return list(session.exec(stmt))


def list_units(
    session: Session, *, search: str | None = None, as_of: date | None = None, include_retired: bool = False
) -> list[Organization]:
    """Member units in Vietnamese order. ``as_of`` keeps those active that
    day (default today) unless ``include_retired``; ``search`` ignores
    diacritics and case and looks in name, code, sector and chairperson."""
    on = as_of or clock.today()
    units = member_units(session)
    if not include_retired:
        units = [u for u in units if is_active(u, on)]
    if search:
        units = [u for u in units if matches(search, " ".join(filter(None, (u.name, u.code, u.sector, u.chair))))]
    return units


def find_unit(session: Session, ref: str) -> Organization:
    """The member unit named by code or by name (diacritics and case
    ignored). Raises ``NotFound`` with the closest names, or ``UserError``
    when the name fits several units."""
    text = clean(ref) or ""
    if not text:
        raise UserError("Chưa nhập tên hoặc mã đơn vị.")
    base = select(Organization).where(Organization.kind != OrgKind.OFFICE)
    by_code = session.exec(base.where(Organization.code == text)).first()
    if by_code is not None:
        return by_code
    key = fold(text)
    found = list(session.exec(base.where(Organization.name_key == key)))
    if len(found) == 1:
        return found[0]
    if len(found) > 1:
        codes = ", ".join(f"{u.name} (mã {u.code or 'chưa có'})" for u in found)
        raise UserError(f"Có nhiều đơn vị cùng tên “{text}”: {codes}. Hãy chỉ rõ bằng mã đơn vị.")
    by_code_folded = [u for u in session.exec(base.where(Organization.code.is_not(None))) if fold(u.code) == key]
    if len(by_code_folded) == 1:
        return by_code_folded[0]
    # Words that fit one unit alone are enough ("tieu hoc binh lu"); among
    # units with the same words, only a current one is taken.
    fitting = [u for u in member_units(session) if matches(text, u.name)]
    current = [u for u in fitting if u.active_to is None]
    if len(fitting) == 1 or len(current) == 1:
        return fitting[0] if len(fitting) == 1 else current[0]
    if len(fitting) > 1:
        listed = "; ".join(f"“{u.name}”" for u in fitting[:5]) + (" …" if len(fitting) > 5 else "")
        raise UserError(f"“{text}” khớp với {len(fitting)} đơn vị: {listed}. Hãy gõ thêm chữ hoặc dùng mã đơn vị.")
    raise NotFound(f"Không tìm thấy đơn vị “{text}”.{suggestion_text(session, text)}")


def suggestions(session: Session, text: str, limit: int = 3) -> list[str]:
    """The names of existing units closest to ``text``."""
    names = {u.name_key: u.name for u in member_units(session)}
    close = difflib.get_close_matches(fold(text), list(names), n=limit, cutoff=0.5)
    return [names[k] for k in close]


def suggestion_text(session: Session, text: str) -> str:
    close = suggestions(session, text)
    if not close:
        return " Hãy kiểm tra lại tên hoặc mã (xem: theodoi units list)."
    return " Có phải là: " + "; ".join(f"“{n}”" for n in close) + "?"


# How sheets shorten "Công đoàn (cơ sở)" in front of a unit's name.
_UNION_PREFIX = re.compile(r"^(?:cong doan co so|cong doan|cdcs|cd)\b\s*")


def name_stem(name: str) -> str:
    """The folded name without its "Công đoàn", "CĐCS", "CĐ" prefix: "CĐ
    Trường Tiểu học Hồ Thầu" and "Công đoàn Trường Tiểu học Hồ Thầu" share
    one stem."""
    return _UNION_PREFIX.sub("", fold(name)).strip()


def _set_name(unit: Organization, name: str) -> None:
    unit.name, unit.name_key, unit.sort_key = name, fold(name), sort_key(name)


def _validate(values: dict[str, Any]) -> str | None:
    # The longest text each field takes is the schema's (SQLite would not
    # enforce it, PostgreSQL would refuse the whole import).
    too_long = overlong(Organization.__table__, values)
    if too_long:
        key, length, limit = too_long
        return f"ô “{FIELD_LABELS.get(key, key)}” dài {length:,} ký tự, quá {limit:,} ký tự"
    members, female = values.get("members"), values.get("female_members")
    if members is not None and female is not None and female > members:
        return f"số đoàn viên nữ ({female}) lớn hơn tổng số đoàn viên ({members})"
    kind = values.get("kind")
    if kind is not None and kind not in OrgKind.ALL:
        return f"loại đơn vị “{kind}” không hợp lệ"
    return None


def _better_name(stored: str, given: str) -> bool:
    """Whether an imported name should replace the stored one: a real
    rename, or the same name written with fuller diacritics; never "CONG
    DOAN DIEN LUC" over "Công đoàn Điện lực"."""
    if stored == given:
        return False
    if fold(stored) != fold(given):
        return True
    marks = lambda s: sum(1 for c in unicodedata.normalize("NFD", s) if unicodedata.combining(c) or c in "đĐ")  # noqa: E731
    return marks(given) > marks(stored)


def import_units(
    session: Session,
    rows: Iterable[UnitRow],
    *,
    parent_id: int | None = None,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> UnitImportResult:
    """Create or update units from typed rows, matched by code, else by
    folded name. Blank values never erase what is stored. Rows without a
    name, or that repeat an earlier row, are skipped with their reason. The
    caller's transaction makes the whole import all or nothing; ``cancelled``
    returning True raises ``Cancelled`` so the caller rolls back."""
    with without_gc():
        return _import_units(session, list(rows), parent_id, progress, cancelled)


def _import_units(session: Session, rows: list[UnitRow], parent_id: int | None, progress, cancelled) -> UnitImportResult:
    result = UnitImportResult()
    # The stored units as plain dicts of the columns an import compares:
    # building an ORM object for each of 100,000 units that mostly do not
    # change costs more than the whole comparison. The few that change are
    # loaded as objects at the end, so their update is audited as usual.
    existing = _stored_units(session)
    by_code = {u["code"]: u for u in existing if u["code"]}
    by_key: dict[str, list[dict[str, Any]]] = {}
    for u in existing:
        by_key.setdefault(u["name_key"], []).append(u)
    seen: dict[str, int] = {}
    # New units stay plain dicts and go in with one executemany.
    fresh: list[dict[str, Any]] = []
    changes: dict[int, dict[str, Any]] = {}

    for done, row in enumerate(rows):
        if done % 200 == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(done / max(len(rows), 1), f"{done}/{len(rows)}")
        values = {k: (clean(v) if isinstance(v, str) else v) for k, v in row.values.items() if k in UNIT_FIELDS}
        values = {k: v for k, v in values.items() if v not in (None, "")}
        name = values.get("name")
        if not name:
            result.skipped.append(Skipped(row.row, "thiếu tên đơn vị"))
            continue
        problem = _validate(values)
        if problem:
            result.skipped.append(Skipped(row.row, problem))
            continue
        name_key = fold(name)
        identity = f"code:{values['code']}" if values.get("code") else f"name:{name_key}"
        if identity in seen:
            result.skipped.append(Skipped(row.row, f"trùng với dòng {seen[identity]}"))
            continue
        seen[identity] = row.row

        unit = by_code.get(values.get("code")) if values.get("code") else None
        if unit is None:
            candidates = [u for u in by_key.get(name_key, []) if not values.get("code") or not u.get("code")]
            if len(candidates) > 1:
                result.skipped.append(Skipped(row.row, f"có nhiều đơn vị cùng tên “{name}”, hãy thêm mã đơn vị"))
                continue
            unit = candidates[0] if candidates else None

        if unit is None:
            fresh_row = {**values, "name_key": name_key, "parent_id": parent_id}
            fresh.append(fresh_row)
            result.created += 1
            if fresh_row.get("code"):
                by_code[fresh_row["code"]] = fresh_row
            by_key.setdefault(fresh_row["name_key"], []).append(fresh_row)
            continue
        if not _better_name(unit["name"], name):
            values.pop("name")
        changed = {k: v for k, v in values.items() if unit.get(k) != v}
        unit.update(changed)
        if "id" in unit and changed:  # a stored unit (the others are created below)
            changes.setdefault(unit["id"], {}).update(changed)
        if changed:
            result.updated += 1
        else:
            result.unchanged += 1
    session.flush()
    _update_units(session, changes)
    _insert_units(session, fresh)
    return result


_COMPARED = ("id", "name_key", *UNIT_FIELDS)


def _stored_units(session: Session) -> list[dict[str, Any]]:
    columns = [getattr(Organization, c) for c in _COMPARED]
    stmt = select(*columns).where(Organization.kind != OrgKind.OFFICE)
    return [dict(zip(_COMPARED, r)) for r in session.execute(stmt)]


def _update_units(session: Session, changes: dict[int, dict[str, Any]]) -> None:
    ids = list(changes)
    now = utcnow()
    for start in range(0, len(ids), 500):
        for unit in session.exec(select(Organization).where(Organization.id.in_(ids[start:start + 500]))):
            for key, value in changes[unit.id].items():
                if key == "name":
                    _set_name(unit, value)
                else:
                    setattr(unit, key, value)
            unit.updated_at = now
        session.flush()


def _insert_units(session: Session, fresh: list[dict[str, Any]]) -> None:
    if not fresh:
        return
    now = utcnow()
    defaults = {"kind": OrgKind.GRASSROOTS, "created_at": now, "updated_at": now, "carry_over": False}
    rows = []
    for values in fresh:
        row = {**defaults, **values}
        row["sort_key"] = sort_key(row["name"])
        rows.append(row)
    insert_rows(session, Organization.__table__, rows, what=(r["name"] for r in rows))


def retire_unit(session: Session, unit: Organization, on: date, merged_into: Organization | None = None,
                *, carry_over: bool = False) -> Organization:
    """Mark ``unit`` as ceased on ``on`` (dissolved, or merged into another
    unit). Its submissions and history stay. ``carry_over`` (only with
    ``merged_into``) says the unit it merged into takes over the periods it
    still owed: see rule 4 in ``desktop.core.status``."""
    if unit.active_to is not None:
        raise UserError(f"Đơn vị “{unit.name}” đã thôi hoạt động từ ngày {unit.active_to:%d/%m/%Y}.")
    if unit.active_from is not None and on <= unit.active_from:
        raise UserError(
            f"Ngày thôi hoạt động ({on:%d/%m/%Y}) phải sau ngày thành lập của “{unit.name}” "
            f"({unit.active_from:%d/%m/%Y})."
        )
    if carry_over and merged_into is None:
        raise UserError(
            f"Chỉ chuyển được phần việc còn nợ của “{unit.name}” khi đơn vị được sáp nhập vào một đơn vị khác; "
            "hãy chọn đơn vị nhận sáp nhập."
        )
    if merged_into is not None:
        if merged_into.id == unit.id:
            raise UserError(f"Không thể sáp nhập “{unit.name}” vào chính nó.")
        if not is_active(merged_into, on):
            raise UserError(f"Đơn vị nhận sáp nhập “{merged_into.name}” không hoạt động vào ngày {on:%d/%m/%Y}.")
        unit.merged_into_id = merged_into.id
    unit.carry_over = carry_over
    unit.active_to = on
    unit.updated_at = utcnow()
    session.flush()
    return unit


def save_unit(session: Session, values: dict[str, Any], unit: Organization | None = None, *, parent_id: int | None = None) -> Organization:
    """Create a unit (``unit`` None) or edit one, from typed form values.
    Raises ``UserError`` naming the field that is wrong."""
    values = {k: (clean(v) if isinstance(v, str) else v) for k, v in values.items() if k in UNIT_FIELDS}
    values = {k: (None if v == "" else v) for k, v in values.items()}
    name = values.get("name") if "name" in values else (unit.name if unit else None)
    if not name:
        raise UserError("Tên đơn vị không được để trống.")
    problem = _validate(values)
    if problem:
        raise UserError(problem[0].upper() + problem[1:] + ".")
    code = values.get("code")
    if code:
        other = session.exec(select(Organization).where(Organization.code == code)).first()
        if other is not None and (unit is None or other.id != unit.id):
            raise UserError(f"Mã “{code}” đã dùng cho đơn vị “{other.name}”. Hãy chọn mã khác.")
    if unit is None:
        unit = Organization(name=name, name_key="", sort_key="", parent_id=parent_id)
        session.add(unit)
    for key, value in values.items():
        if key == "name":
            _set_name(unit, value)
        else:
            setattr(unit, key, value)
    unit.updated_at = utcnow()
    session.flush()
    return unit


def sectors(session: Session) -> list[str]:
    """The sectors in use, in Vietnamese order."""
    names = {u.sector for u in member_units(session) if u.sector}
    return sorted(names, key=sort_key)
