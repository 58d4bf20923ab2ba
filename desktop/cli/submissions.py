"""``theodoi submissions``: record what a unit sent, or excuse it."""

from __future__ import annotations

from desktop.cli.common import attachment_store, date_arg, emit_json, say, session_for, wants_json, warn
from desktop.core.dates import format_date, parse_date
from desktop.core.directives import get_requirement
from desktop.core.errors import UserError
from desktop.core.submissions import add_attachments, exempt_unit, parse_indicator_values, record_submission
from desktop.core.units import find_unit
from desktop.io.attachments import store_file


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


def cmd_record(args) -> int:
    received = parse_date(args.received)
    doc_date = date_arg(args.doc_date)
    pairs = _pairs(args.set)
    with session_for(args) as session:
        unit = find_unit(session, args.unit)
        requirement = get_requirement(session, args.requirement)
        values = parse_indicator_values(requirement, pairs)
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
        }
    if wants_json(args):
        emit_json(doc)
        return 0
    late = "đúng hạn" if status == "on_time" else "chậm hạn"
    verb = "Đã ghi nhận" if rec.created else "Đã cập nhật"
    say(f"{verb}: “{unit.name}” nộp ngày {format_date(received)} cho kỳ hạn {format_date(rec.period.due)} ({late}).")
    for w in rec.warnings:
        warn(f"Lưu ý: {w}")
    return 0


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
