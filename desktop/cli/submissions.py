"""``theodoi submissions``: record what a unit sent, or excuse it."""

from __future__ import annotations

import contextlib
from dataclasses import asdict

from desktop.cli.common import attachment_store, date_arg, emit_json, retried, say, session_for, wants_json, warn
from desktop.core.dates import format_date, parse_date
from desktop.core.directives import get_requirement
from desktop.core.errors import UserError
from desktop.core.submissions import (
    PeriodNeeded,
    SubmissionImport,
    add_attachments,
    exempt_unit,
    import_submissions,
    parse_indicator_values,
    record_submission,
)
from desktop.core.units import find_unit
from desktop.io.attachments import store_file
from desktop.io.tracking_sheet import read_tracking_sheet


def register(sub, parent) -> None:
    submissions = sub.add_parser("submissions", help="báo cáo, kế hoạch đơn vị gửi về", parents=[parent])
    cmds = submissions.add_subparsers(dest="submissions_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("record", help="ghi nhận văn bản một đơn vị gửi về", parents=[parent])
    p.add_argument("--unit", required=True, metavar="TÊN_HOẶC_MÃ")
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--received", required=True, metavar="NGÀY", help="ngày nhận")
    p.add_argument("--period", type=int, metavar="KỲ")
    p.add_argument("--doc-number", metavar="SỐ", help="số, ký hiệu văn bản của đơn vị")
    p.add_argument("--doc-date", metavar="NGÀY", help="ngày văn bản của đơn vị")
    p.add_argument("--set", action="append", default=[], metavar="KHÓA=GIÁ_TRỊ", help="giá trị chỉ tiêu")
    p.add_argument("--attach", action="append", default=[], metavar="TỆP", help="tệp đính kèm (bản chụp)")
    p.add_argument("--note")
    p.set_defaults(func=cmd_record)

    p = cmds.add_parser("import", help="nhập bảng theo dõi (.xlsx, .xls, .ods, .csv) cho một yêu cầu", parents=[parent])
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--period", type=int, metavar="KỲ", help="kỳ của bảng (bắt buộc với yêu cầu định kỳ)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument(
        "--skip-unmatched", action="store_true",
        help="vẫn nhập khi có tên đơn vị không khớp (bỏ qua các dòng đó)",
    )
    p.add_argument(
        "--column", action="append", default=[], metavar="TIÊU_ĐỀ=TRƯỜNG",
        help="gán cột: unit, code, received, doc_ref, doc_date, note hoặc value:KHÓA_CHỈ_TIÊU (để trống để bỏ cột)",
    )
    p.set_defaults(func=cmd_import)

    p = cmds.add_parser("exempt", help="miễn cho đơn vị một yêu cầu hoặc một kỳ", parents=[parent])
    p.add_argument("--unit", required=True, metavar="TÊN_HOẶC_MÃ")
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--period", type=int, metavar="KỲ", help="chỉ kỳ này (mặc định: mọi kỳ)")
    p.add_argument("--reason", required=True, help="lý do, ví dụ “không phát sinh”")
    p.set_defaults(func=cmd_exempt)


def _pairs(items: list[str]) -> dict[str, str]:
    pairs = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UserError(f"“{item}” không đúng dạng KHÓA=GIÁ_TRỊ, ví dụ --set sessions=2.")
        pairs[key.strip()] = value.strip()
    return pairs


@contextlib.contextmanager
def _period_flag_hint():
    """The core asks for the period in words; here the user names it with
    a flag."""
    try:
        yield
    except PeriodNeeded as exc:
        raise PeriodNeeded(f"{exc.message} Trên dòng lệnh: --period <kỳ>.") from None


@retried
def cmd_record(args) -> int:
    received = parse_date(args.received)
    doc_date = date_arg(args.doc_date)
    pairs = _pairs(args.set)
    with session_for(args) as session:
        unit = find_unit(session, args.unit)
        requirement = get_requirement(session, args.requirement)
        values = parse_indicator_values(requirement, pairs)
        with _period_flag_hint():
            rec = record_submission(
                session,
                unit,
                requirement,
                received_on=received,
                period=args.period,
                doc_number=args.doc_number,
                doc_date=doc_date,
                values=values,
                note=args.note,
            )
        # Copied only once the record is known to be valid; the store is
        # content-addressed, so a copy left by a later failure is harmless.
        files = [store_file(path, attachment_store(args)) for path in args.attach]
        add_attachments(session, rec.submission, files)
        status = "on_time" if received <= rec.period.due else "late"
        doc = {
            "id": rec.submission.id,
            "unit": unit.name,
            "requirement": requirement.id,
            "period": rec.period.number,
            "due": rec.period.due,
            "received": received,
            "status": status,
            "created": rec.created,
            "values": rec.submission.indicator_values or {},
            "attachments": [f.sha256 for f in files],
            "warnings": rec.warnings,
            "previous": rec.previous and {k: rec.previous[k] for k in ("received_on", "doc_number", "indicator_values")},
        }
    if wants_json(args):
        emit_json(doc)
        return 0
    late = "đúng hạn" if status == "on_time" else "chậm hạn"
    verb = "Đã ghi nhận" if rec.created else "Đã cập nhật"
    say(f"{verb}: “{unit.name}” nộp ngày {format_date(received)} cho kỳ hạn {format_date(rec.period.due)} ({late}).")
    if rec.previous:
        say(f"  (bản ghi trước: nhận ngày {format_date(rec.previous['received_on'])}"
            + (f", văn bản số {rec.previous['doc_number']}" if rec.previous["doc_number"] else "") + ")")
    for w in rec.warnings:
        warn(f"Lưu ý: {w}")
    return 0


@retried
def cmd_exempt(args) -> int:
    with session_for(args) as session:
        unit = find_unit(session, args.unit)
        requirement = get_requirement(session, args.requirement)
        e = exempt_unit(session, unit, requirement, reason=args.reason, period=args.period)
        doc = {"id": e.id, "unit": unit.name, "requirement": requirement.id, "period": e.period, "reason": e.reason}
    if wants_json(args):
        emit_json(doc)
    else:
        scope = f"kỳ {e.period}" if e.period else "mọi kỳ"
        say(f"Đã miễn cho “{unit.name}” yêu cầu số {requirement.id} ({scope}): {e.reason}.")
    return 0


class _Refused(UserError):
    """Units that match nothing: the import is rolled back."""

    def __init__(self, message: str, result: SubmissionImport):
        super().__init__(message)
        self.result = result


def _import_doc(result: SubmissionImport, sheet, dry_run: bool) -> dict:
    return {
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "skipped": [asdict(s) for s in sorted(sheet.skipped + result.skipped, key=lambda s: s.row)],
        "unmatched": [asdict(u) for u in result.unmatched],
        "warnings": sheet.warnings + result.warnings,
        "dry_run": dry_run,
        "encoding": sheet.encoding,
        "columns": sheet.columns,
    }


def _columns(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        header, sep, fld = item.rpartition("=")
        if not sep or not header.strip():
            raise UserError(f"--column “{item}” không đúng dạng TIÊU_ĐỀ=TRƯỜNG, ví dụ \"Tên CĐCS=unit\".")
        out[header.strip()] = fld.strip()
    return out


@retried
def cmd_import(args) -> int:
    overrides = _columns(args.column)
    try:
        with session_for(args, commit=not args.dry_run, writes=True) as session:
            requirement = get_requirement(session, args.requirement)
            sheet = read_tracking_sheet(args.file, requirement.indicators or [], overrides)
            with _period_flag_hint():
                result = import_submissions(session, requirement, sheet.rows, period=args.period)
            if result.unmatched and not args.skip_unmatched:
                names = "; ".join(f"dòng {u.row}: “{u.name}”" for u in result.unmatched[:10])
                more = f" và {len(result.unmatched) - 10} dòng khác" if len(result.unmatched) > 10 else ""
                raise _Refused(
                    f"Không nhập gì: {len(result.unmatched)} tên đơn vị không khớp với đơn vị nào ({names}{more}). "
                    "Hãy sửa tên trong tệp (xem gợi ý), thêm cột mã đơn vị, hoặc chạy lại với --skip-unmatched "
                    "để bỏ qua các dòng đó.",
                    result,
                )
    except _Refused as refused:
        doc = _import_doc(refused.result, sheet, args.dry_run)
        if wants_json(args):
            emit_json({**doc, "error": refused.message, "exit_code": 2})
        else:
            _print_unmatched(refused.result)
        warn(f"Lỗi: {refused.message}")
        return 2
    doc = _import_doc(result, sheet, args.dry_run)
    if wants_json(args):
        emit_json(doc)
        return 0
    head = "Xem trước (chưa ghi gì): " if args.dry_run else ""
    say(
        f"{head}thêm mới {result.created}, cập nhật {result.updated}, không đổi {result.unchanged}, "
        f"bỏ qua {len(doc['skipped'])} dòng, không khớp {len(result.unmatched)} dòng."
    )
    for s in doc["skipped"]:
        say(f"  dòng {s['row']}: {s['reason']}")
    _print_unmatched(result)
    for w in doc["warnings"]:
        say(f"  lưu ý: {w}")
    return 0


def _print_unmatched(result: SubmissionImport) -> None:
    for u in result.unmatched:
        hint = f" — có phải: {'; '.join(f'“{n}”' for n in u.suggestions)}?" if u.suggestions else ""
        say(f"  dòng {u.row}: không tìm thấy đơn vị “{u.name}”{hint}")
