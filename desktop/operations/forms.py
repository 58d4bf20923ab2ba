"""Report forms (phiếu báo cáo) for the units that do not run Theo dõi:
forms out (Excel, paper, a .zip, e-mails through the outbox, a Zalo
message per unit) and forms back (matched, checked, recorded)."""

from __future__ import annotations

import logging
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from desktop.core import clock
from desktop.core.dates import format_date
from desktop.core.errors import UserError
from desktop.core.forms import FilledForm, FormResult, FormSpec, form_specs, received_day, take_in_form
from desktop.core.vntext import fold
from desktop.operations.registry import Cancelled, Changes, Progress, Store, never, no_progress, operation

log = logging.getLogger("theodoi.forms")


@dataclass
class MadeForm:
    unit: str
    unit_code: str
    xlsx: Path
    pdf: Path | None
    email: str | None  # the address it was queued for
    outbox_id: int | None
    zalo: str  # the message to paste into Zalo

    def as_json(self) -> dict:
        return {"unit": self.unit, "unit_code": self.unit_code, "xlsx": str(self.xlsx),
                "pdf": str(self.pdf) if self.pdf else None, "email": self.email, "outbox_id": self.outbox_id,
                "zalo": self.zalo}


@dataclass
class MadeForms:
    requirement: int
    title: str
    period: int
    due: date
    folder: Path
    zip: Path
    files: list[MadeForm] = field(default_factory=list)

    @property
    def queued(self) -> int:
        return sum(1 for f in self.files if f.outbox_id is not None)


def _slug(text: str, limit: int = 40) -> str:
    out = "".join(c if c.isalnum() else "-" for c in fold(text))
    return "-".join(p for p in out.split("-") if p)[:limit].strip("-") or "don-vi"


def zalo_message(spec: FormSpec, file_name: str) -> str:
    """What the clerk pastes into the unit's Zalo chat with the form."""
    return (f"Kính gửi {spec.unit_name}: {spec.office} gửi phiếu báo cáo “{spec.requirement_title}” "
            f"({spec.period_text}). Đề nghị đồng chí Chủ tịch điền số liệu vào các ô màu vàng của tệp {file_name} "
            f"(mở bằng Excel, WPS hoặc điện thoại), lưu lại và gửi lại tệp đó qua Zalo hoặc thư điện tử trước ngày "
            f"{format_date(spec.due)}. Không mở được tệp: in phiếu, điền tay, chụp ảnh rõ nét gửi lại. Xin cảm ơn.")


def _email_body(spec: FormSpec, file_name: str) -> str:
    return (f"Kính gửi: {spec.unit_name}\n\n"
            f"{spec.office} gửi kèm phiếu báo cáo “{spec.requirement_title}” ({spec.period_text}).\n\n"
            f"Đề nghị đồng chí Chủ tịch công đoàn mở tệp {file_name} bằng Excel (hoặc LibreOffice, WPS), điền số liệu "
            "vào các ô màu vàng, lưu lại (giữ dạng .xlsx) rồi trả lời thư này kèm tệp đã điền, hoặc gửi qua Zalo, "
            f"trước ngày {format_date(spec.due)}.\n\nKhông cần cài phần mềm nào. Xin cảm ơn.\n")


@operation("forms.make", "Làm phiếu báo cáo cho các đơn vị", changes=Changes.ALL)
def make(store: Store, *, requirement: int | str, out_dir: str | Path, period: int | None = None, pdf: bool = False,
         email: bool = False, progress: Progress = no_progress, cancelled: Cancelled = never) -> MadeForms:
    """One Excel form (and with ``pdf`` one paper form) per unit the
    requirement applies to for ``period`` (default: the period under
    way), in a folder inside ``out_dir``, with a .zip of them all beside
    it; with ``email`` one message per unit that has an address, queued
    in the outbox. Stopped (``cancelled``), it leaves no form behind."""
    from desktop.io.forms.paper import render_form_pdf
    from desktop.io.forms.workbook import FormTemplate

    req, p, specs = store.read(lambda session: form_specs(session, requirement, period))
    if not specs:
        raise UserError(f"Không có đơn vị nào phải thực hiện yêu cầu số {req.id} ({p.label(bool(req.every_months))}); "
                        "không có phiếu nào để làm.")
    base = Path(out_dir)
    stem = f"phieu-bao-cao-yc{req.id}-ky{p.number}"
    folder = base / stem
    folder.mkdir(parents=True, exist_ok=True)
    made: list[MadeForm] = []
    written: list[Path] = []
    template = FormTemplate(specs[0])
    try:
        for n, spec in enumerate(specs):
            if cancelled():
                raise UserError("Đã dừng theo yêu cầu; các phiếu vừa làm đã được xóa, không có thư nào được gửi.")
            progress(n / len(specs), spec.unit_name)
            name = f"{_slug(spec.unit_code, 20)}-{_slug(spec.unit_name)}"
            xlsx = template.write(spec, folder / f"{name}.xlsx")
            written.append(xlsx)
            paper = None
            if pdf:
                paper = render_form_pdf(spec, folder / f"{name}.pdf")
                written.append(paper)
            made.append(MadeForm(spec.unit_name, spec.unit_code, xlsx, paper, spec.unit_email if email else None, None,
                                 zalo_message(spec, xlsx.name)))
        progress(0.99, "Đóng gói .zip")
        archive = base / f"{stem}.zip"
        from db.files import atomic_path

        with atomic_path(archive) as tmp:
            with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
                for path in written:
                    zf.write(path, f"{stem}/{path.name}")
    except BaseException:
        for path in written:
            path.unlink(missing_ok=True)
        raise
    result = MadeForms(req.id, req.title, p.number, p.due, folder, archive, made)
    wanted = [(m, s) for m, s in zip(made, specs) if email and s.unit_email]
    if wanted:
        from desktop.core.outbox import queue_message

        def work(session):
            for m, spec in wanted:
                msg = queue_message(session, package_path=str(m.xlsx.resolve()), recipients=[spec.unit_email],
                                    subject=f"Phiếu báo cáo: {spec.requirement_title} ({spec.period_text})",
                                    body=_email_body(spec, m.xlsx.name))
                m.outbox_id = msg.id

        store.change(work)
    for m in made:
        if m.outbox_id is None:
            m.email = None
    progress(1.0, "")
    return result


@dataclass
class FormsImport:
    results: list[FormResult]
    dry_run: bool

    def count(self, status: str) -> int:
        return sum(1 for r in self.results if r.status == status)


@operation("forms.import", "Nhận phiếu báo cáo đơn vị gửi về", changes=Changes.SUBMISSIONS)
def import_forms(store: Store, paths: list[str | Path], *, received: date | None = None, dry_run: bool = False,
                 assign: dict[str, int | str] | None = None, requirement: int | str | None = None,
                 period: int | None = None, progress: Progress = no_progress,
                 cancelled: Cancelled = never) -> FormsImport:
    """Take in returned forms (files, folders, .zip files, saved e-mails):
    one result per form, all recorded in one transaction or none.
    ``received`` is the day the clerk says they came (a form in an e-mail
    counts from the e-mail's Date header; else this day; else today).
    ``assign`` gives the unit (id or code) for forms by their shown name;
    they are taken as answers to ``requirement`` and ``period`` (default:
    those of the other forms of the run). ``dry_run`` writes nothing."""
    from desktop.io.attachments import store_file
    from desktop.io.forms.incoming import collect_forms
    from desktop.io.forms.read import read_form

    today = clock.today()
    if received is not None and received > today:
        raise UserError(f"Ngày nhận {received:%d/%m/%Y} ở sau hôm nay ({today:%d/%m/%Y}); hãy ghi ngày văn phòng "
                        "thật sự nhận được phiếu.")
    assign = dict(assign or {})
    with tempfile.TemporaryDirectory(prefix="theodoi-forms-") as unpacked:
        incoming, problems = collect_forms([Path(p) for p in paths], Path(unpacked))
        read: list[tuple[object, FilledForm]] = []
        place = {item.name: n for n, item in enumerate(incoming)}
        for n, item in enumerate(incoming):
            if cancelled():
                raise UserError("Đã dừng theo yêu cầu; không có phiếu nào được ghi.")
            progress(0.8 * n / max(len(incoming), 1), item.name)
            form = read_form(item.path)
            form.file, form.from_email = item.name, item.sender
            read.append((item, form))
        # Earlier answers first, so a later one of the same unit corrects it.
        order = sorted(read, key=lambda pair: (received_day(pair[0].mail_day, received, today), pair[0].name))
        progress(0.85, "Ghi nhận")

        def work(session):
            target = _assigned_target(session, requirement, period, order, assign)
            results = [FormResult(name, "refused", reason) for name, reason in problems]
            for item, form in order:
                chosen = assign.get(item.name)
                keep = None if dry_run else (lambda path=item.path, name=item.name: _stored(store_file, path, store, name))
                results.append(take_in_form(
                    session, form, received_on=received_day(item.mail_day, received, today),
                    assigned=(chosen, *target) if chosen is not None and target else None, today=today, stored=keep))
            # Shown in the order the files were given.
            return results[:len(problems)] + sorted(results[len(problems):], key=lambda r: place.get(r.file, 0))

        results = store.trial(work) if dry_run else store.change(work)
    progress(1.0, "")
    return FormsImport(results, dry_run)


def _stored(store_file, path: Path, store: Store, name: str):
    stored = store_file(path, store.attachments)
    stored.file_name = name.split(" › ")[-1][:500]
    return stored


def _assigned_target(session, requirement, period, order, assign) -> tuple[int, int] | None:
    """(requirement, period) for the forms the clerk assigned a unit to."""
    if not assign:
        return None
    from desktop.core.directives import get_requirement
    from desktop.core.forms import default_period

    if requirement is not None:
        req = get_requirement(session, requirement)
        return req.id, period if period is not None else default_period(req, clock.today()).number
    claims = {(int(f.identity["requirement"]), int(f.identity["period"])) for _i, f in order
              if f.identity and str(f.identity.get("requirement", "")).isdigit() and str(f.identity.get("period", "")).isdigit()}
    if len(claims) == 1:
        return claims.pop()
    raise UserError("Chưa biết các phiếu được gán đơn vị là của yêu cầu nào, kỳ nào; hãy chọn yêu cầu và kỳ.")
