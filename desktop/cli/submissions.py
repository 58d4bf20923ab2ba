"""``theodoi submissions``: record what a unit sent, or excuse it."""

from __future__ import annotations

import contextlib
from dataclasses import asdict

from desktop.cli.common import date_arg, emit_json, say, store_for, wants_json, warn
from desktop.core.dates import format_date, parse_date
from desktop.core.errors import UserError
from desktop.core.submissions import PeriodNeeded, SubmissionImport
from desktop.operations import submissions as ops


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
    p.set_defaults(func=cmd_record, operation="submissions.record")

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
    p.set_defaults(func=cmd_import, operation="submissions.import")

    p = cmds.add_parser("exempt", help="miễn cho đơn vị một yêu cầu hoặc một kỳ", parents=[parent])
    p.add_argument("--unit", required=True, metavar="TÊN_HOẶC_MÃ")
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--period", type=int, metavar="KỲ", help="chỉ kỳ này (mặc định: mọi kỳ)")
    p.add_argument("--reason", required=True, help="lý do, ví dụ “không phát sinh”")
    p.set_defaults(func=cmd_exempt, operation="submissions.exempt")


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


def cmd_record(args) -> int:
    with _period_flag_hint():
        r = ops.record(store_for(args), unit=args.unit, requirement=args.requirement,
                       received=parse_date(args.received), period=args.period, doc_number=args.doc_number,
                       doc_date=date_arg(args.doc_date), values=_pairs(args.set), note=args.note, files=args.attach)
    if wants_json(args):
        emit_json({
            "id": r.id, "unit": r.unit, "requirement": r.requirement, "period": r.period.number, "due": r.period.due,
            "received": r.received, "status": r.status, "created": r.created, "values": r.values,
            "attachments": r.attachments, "warnings": r.warnings, "previous": r.previous,
        })
        return 0
    late = "đúng hạn" if r.status == "on_time" else "chậm hạn"
    verb = "Đã ghi nhận" if r.created else "Đã cập nhật"
    say(f"{verb}: “{r.unit}” nộp ngày {format_date(r.received)} cho kỳ hạn {format_date(r.period.due)} ({late}).")
    if r.previous:
        say(f"  (bản ghi trước: nhận ngày {format_date(r.previous['received_on'])}"
            + (f", văn bản số {r.previous['doc_number']}" if r.previous["doc_number"] else "") + ")")
    for w in r.warnings:
        warn(f"Lưu ý: {w}")
    return 0


def cmd_exempt(args) -> int:
    (e,) = ops.exempt(store_for(args), requirement=args.requirement, reason=args.reason,
                      entries=[(args.unit, args.period)])
    if wants_json(args):
        emit_json({"id": e.id, "unit": e.unit, "requirement": e.requirement, "period": e.period, "reason": e.reason})
    else:
        scope = f"kỳ {e.period}" if e.period else "mọi kỳ"
        say(f"Đã miễn cho “{e.unit}” yêu cầu số {e.requirement} ({scope}): {e.reason}.")
    return 0


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


def cmd_import(args) -> int:
    try:
        with _period_flag_hint():
            done = ops.import_tracking_sheet(store_for(args), args.file, requirement=args.requirement,
                                             period=args.period, columns=_columns(args.column),
                                             skip_unmatched=args.skip_unmatched, dry_run=args.dry_run)
    except ops.UnmatchedNames as refused:
        doc = _import_doc(refused.result, refused.sheet, args.dry_run)
        message = f"{refused.message} Trên dòng lệnh: chạy lại với --skip-unmatched để bỏ qua các dòng không khớp."
        if wants_json(args):
            emit_json({**doc, "error": message, "exit_code": 2})
        else:
            _print_unmatched(refused.result)
        warn(f"Lỗi: {message}")
        return 2
    result = done.result
    doc = _import_doc(result, done.sheet, args.dry_run)
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
