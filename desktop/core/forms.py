"""Report forms (phiếu báo cáo): what goes on the form a grassroots union
fills in without Theo dõi, and taking a returned form in.

A form names its unit, requirement and period twice: in a hidden sheet
(the identity) and in visible cells. Both are claims: a form is matched
only when its unit exists, owes that requirement and period, and the two
agree. ``template_hash`` covers what the form asks (requirement, period,
indicator labels in order), so a form made before the requirement's
indicators changed (an old template) and a form whose rows were edited (an
edited structure) are told apart from a good one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlmodel import Session, select

from db.models import Organization, ReceivedForm, Requirement, Submission
from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.directives import get_requirement
from desktop.core.errors import UserError
from desktop.core.numbers import parse_number
from desktop.core.periods import Period, get_period, next_period, periods_through
from desktop.core.status import Status, period_status
from desktop.core.submissions import record_submission
from desktop.core.vntext import fold

FORM_FORMAT = "theodoi-phieu-bao-cao"
FORM_VERSION = 1
# A figure larger than this is a typing slip (a phone number, a date), not a
# count of sessions or members.
MAX_FIGURE = 10_000_000


@dataclass(frozen=True)
class FormIndicator:
    key: str
    label: str


@dataclass
class FormSpec:
    """Everything written on one unit's form; dates are ``datetime.date``."""

    office: str
    unit_code: str
    unit_name: str
    unit_email: str | None
    requirement_id: int
    requirement_title: str
    directive: str
    period: int
    recurring: bool
    due: date
    indicators: list[FormIndicator]
    version: int = FORM_VERSION

    @property
    def template_hash(self) -> str:
        return template_hash(self.requirement_id, self.period, [i.label for i in self.indicators], self.version)

    @property
    def period_text(self) -> str:
        return f"kỳ {self.period}, hạn {format_date(self.due)}" if self.recurring else f"hạn {format_date(self.due)}"


def template_hash(requirement_id: int, period: int, labels: list[str], version: int = FORM_VERSION) -> str:
    """SHA-256 (hex) of what a form asks: the same for every unit's form of
    one requirement and period, different once a label, the order of the
    indicators or the form's version changes."""
    doc = [FORM_FORMAT, int(version), int(requirement_id), int(period), [str(x) for x in labels]]
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False).encode()).hexdigest()


def default_period(requirement: Requirement, today: date) -> Period:
    """The period forms are made for when none is named: the first one not
    yet past its due date, else the last one."""
    upcoming = next_period(requirement, today)
    if upcoming is not None:
        return upcoming
    done = periods_through(requirement, today)
    return done[-1] if done else get_period(requirement, 1)


def form_specs(session: Session, requirement_id: int | str, period: int | None = None, *,
               today: date | None = None) -> tuple[Requirement, Period, list[FormSpec]]:
    """One spec per unit the requirement applies to for ``period`` (default
    ``default_period``), units excused from it left out, in Vietnamese
    order. Units without a code get none: the code is the form's identity."""
    from desktop.core.office import get_office

    today = today or clock.today()
    requirement = get_requirement(session, requirement_id)
    p = get_period(requirement, period) if period is not None else default_period(requirement, today)
    if not requirement.indicators:
        raise UserError(f"Yêu cầu số {requirement.id} (“{requirement.title}”) không có chỉ tiêu nào để điền; "
                        "hãy thêm chỉ tiêu cho yêu cầu trước khi làm phiếu báo cáo.")
    office = get_office(session)
    from db.models import Directive

    directive = session.get(Directive, requirement.directive_id)
    status = period_status(session, requirement, p.number, max(today, p.due))
    indicators = [FormIndicator(i["key"], i.get("label") or i["key"]) for i in requirement.indicators]
    specs = []
    for us in status.units:
        if us.status is Status.EXEMPT:
            continue
        specs.append(FormSpec(
            office=office.name if office else "", unit_code=form_code(us.unit), unit_name=us.unit.name,
            unit_email=us.unit.email, requirement_id=requirement.id, requirement_title=requirement.title,
            directive=directive.number if directive else "", period=p.number, recurring=bool(requirement.every_months),
            due=p.due, indicators=indicators,
        ))
    return requirement, p, specs


# --- a returned form ------------------------------------------------------
@dataclass
class FormRow:
    """One indicator row as the form shows it: its label, the value in its
    figure cell (as read: None, int, float, str; a formula as its text
    starting with "=") and the cell's address ("C17")."""

    label: str
    value: Any
    cell: str
    formula: bool = False


@dataclass
class FilledForm:
    """What a reader found in a returned form; ``identity`` is the hidden
    sheet's key/value pairs (None when the sheet is gone), the ``visible_*``
    fields the visible cells (None when not there). ``table_at_layout``
    says the indicator table sits where the form put it."""

    file: str
    sha256: str
    identity: dict[str, str] | None = None
    visible_code: str | None = None
    visible_name: str | None = None
    visible_requirement: str | None = None
    visible_period: str | None = None
    rows: list[FormRow] = field(default_factory=list)
    table_at_layout: bool = False
    note: str | None = None
    problem: str | None = None  # the file is not a readable form at all
    from_email: str | None = None  # the sender of the e-mail it came in


@dataclass
class FormResult:
    """The fate of one returned file. ``status``: recorded, superseded
    (a correction: the earlier answer is kept), duplicate (changes
    nothing), unmatched (no unit could be read: the clerk may assign one),
    refused."""

    file: str
    status: str
    reason: str | None = None
    unit: str | None = None
    unit_code: str | None = None
    requirement: int | None = None
    period: int | None = None
    values: dict[str, int] = field(default_factory=dict)
    received_on: date | None = None
    labels: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"file": self.file, "unit": self.unit, "unit_code": self.unit_code, "status": self.status,
                "reason": self.reason, "requirement": self.requirement, "period": self.period,
                "values": self.values, "received_on": self.received_on.isoformat() if self.received_on else None}


class _Refused(Exception):
    def __init__(self, status: str, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def _int_or_none(text: Any) -> int | None:
    try:
        return int(str(text).strip())
    except (TypeError, ValueError):
        return None


def form_code(unit: Organization) -> str:
    """The code a form names its unit by: the unit's own code, else "#" and
    its number in this office's database (many unit lists have no codes,
    and "#" begins no code a list gives)."""
    return unit.code or f"#{unit.id}"


def _unit_by_code(session: Session, code: str | None) -> Organization | None:
    if not code:
        return None
    code = str(code).strip()
    if code.startswith("#"):
        number = _int_or_none(code[1:])
        return session.get(Organization, number) if number else None
    found = session.exec(select(Organization).where(Organization.code == code)).first()
    if found is None:
        key = fold(code)
        found = next((u for u in session.exec(select(Organization).where(Organization.code.is_not(None)))
                      if fold(u.code) == key), None)
    return found


def _figures(form: FilledForm, keys_by_row: list[str | None]) -> tuple[dict[str, int], list[str]]:
    """Typed figures by indicator key, and the indicators left blank;
    refuses formulas and values that are not whole numbers in range."""
    values: dict[str, int] = {}
    blank: list[str] = []
    for row, key in zip(form.rows, keys_by_row):
        if key is None:
            continue
        where = f"ô {row.cell} (“{row.label}”)"
        if row.formula or (isinstance(row.value, str) and row.value.strip().startswith("=")):
            raise _Refused("refused", f"{where} chứa công thức; phiếu chỉ nhận số gõ trực tiếp. Hãy đề nghị đơn vị "
                                      "gõ số vào ô rồi gửi lại.")
        if row.value is None or (isinstance(row.value, str) and not row.value.strip()):
            blank.append(row.label)
            continue
        try:
            number = parse_number(row.value, what=where)
        except UserError as exc:
            raise _Refused("refused", f"{exc.message.rstrip('.')}; hãy đề nghị đơn vị sửa rồi gửi lại.") from None
        if isinstance(number, float) or number < 0 or number > MAX_FIGURE:
            largest = f"{MAX_FIGURE:,}".replace(",", ".")
            raise _Refused("refused", f"{where} ghi “{row.value}”, ngoài khoảng cho phép (số nguyên từ 0 đến "
                                      f"{largest}); hãy đề nghị đơn vị sửa rồi gửi lại.")
        values[key] = number
    return values, blank


def _keys_by_label(form: FilledForm, requirement: Requirement) -> tuple[list[str | None], list[str]]:
    known = {fold(i.get("label") or i["key"]): i["key"] for i in requirement.indicators or []}
    keys = [known.get(fold(r.label)) for r in form.rows]
    unknown = [r.label for r, k in zip(form.rows, keys) if k is None]
    return keys, unknown


def match_form(session: Session, form: FilledForm, *, assigned: tuple[int | str, int | str, int] | None = None) -> tuple[Organization, Requirement, Period, dict[str, int], str, str | None]:
    """(unit, requirement, period, figures by key, matched_by, a note) of a
    returned form, every claim checked against the database; raises
    ``_Refused`` with status "unmatched" or "refused" and the reason.
    ``assigned`` is (unit, requirement, period) as the clerk chose them for
    a form that could not be matched."""
    if form.problem:
        raise _Refused("refused", form.problem)
    ident = form.identity
    notes: list[str] = []
    if assigned is not None:
        unit_ref, req_ref, period_no = assigned
        unit = session.get(Organization, unit_ref) if isinstance(unit_ref, int) else _unit_by_code(session, unit_ref)
        if unit is None:
            raise _Refused("unmatched", f"không có đơn vị “{unit_ref}” để gán phiếu này")
        requirement = session.get(Requirement, int(req_ref))
        if requirement is None:
            raise _Refused("refused", f"không có yêu cầu số {req_ref}")
        matched_by = "clerk"
        notes.append("văn phòng tự gán đơn vị")
    elif ident is not None:
        if ident.get("format") != FORM_FORMAT:
            raise _Refused("refused", "trang nhận dạng của phiếu không phải của Theo dõi; hãy gửi lại đúng phiếu đã phát")
        unit = _unit_by_code(session, ident.get("unit_code"))
        req_id = _int_or_none(ident.get("requirement"))
        requirement = session.get(Requirement, req_id) if req_id else None
        period_no = _int_or_none(ident.get("period"))
        if unit is None:
            raise _Refused("refused", f"phiếu ghi mã đơn vị “{ident.get('unit_code')}” nhưng không có đơn vị nào mang "
                                      "mã đó; hãy kiểm tra phiếu có đúng của văn phòng này không")
        if requirement is None or period_no is None:
            raise _Refused("refused", f"phiếu ghi yêu cầu số “{ident.get('requirement')}” kỳ “{ident.get('period')}” "
                                      "không có trong sổ; hãy kiểm tra phiếu có đúng của văn phòng này không")
        if form.visible_code is not None and fold(form.visible_code) != fold(form_code(unit)):
            other = _unit_by_code(session, form.visible_code)
            named = f"“{other.name}” ({form_code(other)})" if other else f"mã “{form.visible_code}”"
            raise _Refused("refused", f"phiếu của đơn vị khác: phiếu được phát cho “{unit.name}” ({form_code(unit)}) nhưng "
                                      f"ô Mã đơn vị ghi {named}; mỗi đơn vị phải điền phiếu của chính mình")
        for shown, claimed, what in ((form.visible_requirement, requirement.id, "yêu cầu"),
                                     (form.visible_period, period_no, "kỳ")):
            if shown is not None and _int_or_none(shown) != claimed:
                raise _Refused("refused", f"ô {what} trên phiếu ghi “{shown}” khác với phiếu đã phát ({claimed}); "
                                          "phiếu đã bị sửa, hãy gửi lại phiếu gốc")
        matched_by = "identity"
    else:
        code, req_id, period_no = form.visible_code, _int_or_none(form.visible_requirement), _int_or_none(form.visible_period)
        if not code or req_id is None or period_no is None:
            missing = [w for w, v in (("mã đơn vị", code), ("yêu cầu số", req_id), ("kỳ", period_no)) if not v]
            raise _Refused("unmatched", "không có trang nhận dạng và không đọc được " + ", ".join(missing)
                           + " trên phiếu; hãy chọn đơn vị cho tệp này")
        unit = _unit_by_code(session, code)
        requirement = session.get(Requirement, req_id)
        if unit is None:
            raise _Refused("unmatched", f"không có trang nhận dạng và mã đơn vị “{code}” ghi trên phiếu không có trong "
                                        "sổ; hãy chọn đơn vị cho tệp này")
        if requirement is None:
            raise _Refused("unmatched", f"không có trang nhận dạng và yêu cầu số {req_id} không có trong sổ")
        matched_by = "visible"
        notes.append("phiếu không còn trang nhận dạng (đã chép sang tệp khác); khớp theo mã đơn vị ghi trên phiếu")
    try:
        period = get_period(requirement, int(period_no))
    except UserError as exc:
        raise _Refused("refused", exc.message) from None

    current_labels = [i.get("label") or i["key"] for i in requirement.indicators or []]
    current_hash = template_hash(requirement.id, period.number, current_labels)
    visible_hash = (template_hash(requirement.id, period.number, [r.label for r in form.rows],
                                  _int_or_none((ident or {}).get("version")) or FORM_VERSION)
                    if form.table_at_layout else None)
    if not form.rows:
        raise _Refused("refused", "không tìm thấy bảng chỉ tiêu (cột “Chỉ tiêu”, “Số liệu”) trên phiếu")
    if matched_by == "identity" and visible_hash != ident.get("template"):
        raise _Refused("refused", "cấu trúc phiếu đã bị sửa (thêm, bớt, chuyển dòng hoặc sửa tên chỉ tiêu); "
                                  "không nhận số liệu từ phiếu bị sửa, hãy đề nghị đơn vị điền lại phiếu gốc")
    if matched_by == "identity" and ident.get("template") == current_hash:
        keys = [i["key"] for i in requirement.indicators][: len(form.rows)]
    else:
        keys, unknown = _keys_by_label(form, requirement)
        if unknown:
            old = "mẫu phiếu cũ: " if matched_by == "identity" else ""
            raise _Refused("refused", f"{old}chỉ tiêu “{unknown[0]}” không còn trong yêu cầu số {requirement.id}; "
                                      "hãy gửi phiếu mới cho đơn vị")
        if matched_by == "identity":
            notes.append("mẫu phiếu cũ; số liệu khớp theo tên chỉ tiêu")
    values, blank = _figures(form, keys)
    if not values:
        raise _Refused("refused", "phiếu trống: chưa điền số liệu nào; hãy đề nghị đơn vị điền rồi gửi lại")
    if blank:
        notes.append("để trống: " + ", ".join(blank))
    return unit, requirement, period, values, matched_by, "; ".join(notes) or None


def content_key(unit: Organization, requirement: Requirement, period: Period, values: dict[str, int]) -> str:
    doc = [unit.code or unit.id, requirement.id, period.number, sorted(values.items())]
    return hashlib.sha256(json.dumps(doc, ensure_ascii=False).encode()).hexdigest()


def received_day(mail_day: date | None, given: date | None, today: date) -> date:
    """The day a form counts as received: its e-mail's Date header (a date
    after today is a wrong clock and is not used), else the day the clerk
    gives, else today."""
    if mail_day is not None and mail_day <= today:
        return mail_day
    return given or today


def take_in_form(session: Session, form: FilledForm, *, received_on: date,
                 assigned: tuple[int | str, int | str, int] | None = None, today: date | None = None,
                 stored=None) -> FormResult:
    """Match ``form`` and record its figures as the unit's submission (a
    correction of an earlier answer supersedes it and keeps it). Never
    raises for the form's own faults: they come back as the result's
    status and reason. ``stored`` (a ``StoredFile``-like callable taking
    nothing) keeps the file with the submission."""
    today = today or clock.today()
    result = FormResult(form.file, "refused")
    try:
        unit, requirement, period, values, matched_by, note = match_form(session, form, assigned=assigned)
    except _Refused as exc:
        result.status, result.reason = exc.status, exc.reason
        result.unit_code = (form.identity or {}).get("unit_code") or form.visible_code
        claimed = _unit_by_code(session, result.unit_code) if result.unit_code and exc.status == "refused" else None
        result.unit = claimed.name if claimed is not None else None
        return result
    if form.from_email:
        # A chair may send a neighbour's form: said, not refused.
        sender = session.exec(select(Organization).where(Organization.email == form.from_email)).first()
        if sender is not None and sender.id != unit.id:
            note = "; ".join(x for x in (note, f"thư gửi từ địa chỉ của “{sender.name}”") if x)
    result.unit, result.unit_code, result.requirement, result.period = unit.name, form_code(unit), requirement.id, period.number
    result.values = values
    result.labels = {i["key"]: i.get("label") or i["key"] for i in requirement.indicators or []}
    key = content_key(unit, requirement, period, values)
    current = session.exec(select(ReceivedForm).where(
        ReceivedForm.organization_id == unit.id, ReceivedForm.requirement_id == requirement.id,
        ReceivedForm.period == period.number, ReceivedForm.superseded_by_id.is_(None))).first()
    if current is not None and current.content_key == key:
        result.status, result.received_on = "duplicate", current.received_on
        result.reason = f"đã nhận phiếu này ngày {format_date(current.received_on)}; không có gì thay đổi"
        return result
    held = session.exec(select(Submission).where(
        Submission.organization_id == unit.id, Submission.requirement_id == requirement.id,
        Submission.period == period.number)).first()
    # A correction replaces the figures, not the day the office first had
    # the answer: an on-time answer corrected later stays on time.
    counted = min(held.received_on, received_on) if held is not None else received_on
    try:
        rec = record_submission(session, unit, requirement, received_on=counted, period=period.number,
                                values=values, note=form.note, today=today)
    except UserError as exc:
        result.status, result.reason = "refused", exc.message
        return result
    row = ReceivedForm(sha256=form.sha256, content_key=key, organization_id=unit.id, requirement_id=requirement.id,
                       period=period.number, submission_id=rec.submission.id, file_name=form.file[:500],
                       figures=values, matched_by=matched_by, template_hash=(form.identity or {}).get("template"),
                       received_on=received_on, received_by=session.info.get("actor"))
    session.add(row)
    session.flush()
    if current is not None:
        current.superseded_by_id = row.id
        session.flush()
    if stored is not None:
        from desktop.core.submissions import add_attachments

        add_attachments(session, rec.submission, [stored()])
    result.received_on = counted
    if held is not None:
        result.status = "superseded"
        was = f"phiếu nhận ngày {format_date(current.received_on)}" if current is not None else "số liệu đã ghi trước"
        note = "; ".join(x for x in (f"đính chính, thay cho {was} (bản cũ vẫn được giữ)", note) if x)
    else:
        result.status = "recorded"
    result.reason = note
    return result
