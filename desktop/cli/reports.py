"""``theodoi report``, ``theodoi urge`` and ``theodoi register``: the
documents this office issues and its register of outgoing documents."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import as_of_arg, date_arg, directive_args, directive_of, emit_json, engine_for, say, session_for, wants_json, warn
from desktop.core.office import get_office
from desktop.core.dates import format_date
from desktop.core.directives import get_requirement
from desktop.core.errors import UserError
from desktop.core.exchange import receipts_of
from desktop.core.outbox import emailed_reports
from desktop.core.register import VOID, list_register
from desktop.io.reporting import export_register, make_report, make_urge
from desktop.core import clock


def register(sub, parent) -> None:
    report = sub.add_parser("report", help="báo cáo gửi cấp trên", parents=[parent])
    cmds = report.add_subparsers(dest="report_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("make", help="làm báo cáo (PDF và Excel) về một văn bản", parents=[parent])
    directive_args(p, required=True)
    p.add_argument("--requirement", metavar="MÃ_YÊU_CẦU", help="chỉ một yêu cầu (mặc định: mọi yêu cầu đã đến hạn)")
    p.add_argument("--period", type=int, metavar="KỲ")
    p.add_argument("--as-of", metavar="NGÀY", help="số liệu tính đến ngày (mặc định: hôm nay)")
    p.add_argument("--date", metavar="NGÀY", help="ngày ban hành báo cáo (mặc định: hôm nay)")
    p.add_argument("--number", metavar="SỐ", help="số báo cáo (mặc định: số tiếp theo trong sổ văn bản đi)")
    p.add_argument("--assessment-file", metavar="TỆP", help="tệp văn bản UTF-8 thay phần đánh giá chung")
    p.add_argument("--recipient", action="append", default=[], metavar="NƠI_NHẬN", help="thêm nơi nhận (thay nơi nhận mặc định)")
    p.add_argument("--out", default=".", metavar="THƯ_MỤC", help="thư mục lưu tệp (mặc định: thư mục hiện tại)")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("urge", help="công văn đôn đốc và danh sách gọi điện", parents=[parent])
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--period", type=int, metavar="KỲ")
    p.add_argument("--as-of", metavar="NGÀY")
    p.add_argument("--date", metavar="NGÀY", help="ngày ban hành công văn (mặc định: hôm nay)")
    p.add_argument("--new-due", metavar="NGÀY", help="hạn mới cho đơn vị (mặc định: 7 ngày sau ngày ban hành công văn)")
    p.add_argument("--number", metavar="SỐ", help="số công văn (mặc định: số tiếp theo trong sổ văn bản đi)")
    p.add_argument("--out", default=".", metavar="THƯ_MỤC", help="thư mục lưu tệp (mặc định: thư mục hiện tại)")
    p.set_defaults(func=cmd_urge)

    reg = sub.add_parser("register", help="sổ văn bản đi", parents=[parent])
    cmds = reg.add_subparsers(dest="register_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("list", help="các văn bản đi", parents=[parent])
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_register_list)
    p = cmds.add_parser("export", help="xuất sổ văn bản đi ra Excel", parents=[parent])
    p.add_argument("--year", type=int)
    p.add_argument("--out", default=".", metavar="THƯ_MỤC")
    p.set_defaults(func=cmd_register_export)


def _read_text(path: str | None) -> str | None:
    if not path:
        return None
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(
            f"Tệp “{path}” không phải văn bản UTF-8. Hãy mở bằng Notepad và lưu lại dạng .txt với mã hóa UTF-8 "
            "(không dùng tệp Word)."
        ) from exc
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{path}” ({exc.strerror}). Hãy kiểm tra đường dẫn.") from exc


def _ids(args):
    with session_for(args, commit=False) as session:
        directive = directive_of(session, args)
        requirement = get_requirement(session, args.requirement) if args.requirement else None
        return directive.id, requirement.id if requirement else None


def _warn_identity(args) -> None:
    """Documents from an office set up with its name only come out without
    a place, a signer or the right symbol: say so, they are still made."""
    with session_for(args, commit=False, must_exist=True) as session:
        office = get_office(session)
    if office is None:
        return
    missing = [label for label, value in (("địa danh (--place)", office.place), ("người ký (--signer-name)", office.signer_name),
                                          ("chức vụ người ký (--signer-title)", office.signer_title),
                                          ("ký hiệu trong số văn bản (--symbol)", office.symbol)) if not value]
    if missing:
        warn("Lưu ý: văn phòng chưa khai báo " + ", ".join(missing) + "; bổ sung bằng theodoi init --office … rồi làm lại văn bản nếu cần.")


def cmd_report(args) -> int:
    as_of, issued_on = as_of_arg(args.as_of), date_arg(args.date) or clock.today()
    assessment = _read_text(args.assessment_file)
    _warn_identity(args)
    directive_id, requirement_id = _ids(args)
    engine = engine_for(args)
    try:
        made = make_report(engine, directive_id=directive_id, requirement_id=requirement_id, period=args.period,
                           as_of=as_of, issued_on=issued_on, out_dir=args.out, number=args.number,
                           assessment=assessment, recipients=args.recipient or None)
    finally:
        engine.dispose()
    if wants_json(args):
        emit_json({"report_id": made.report_id, "number": made.number, "pdf": str(made.files["pdf"]),
                   "xlsx": str(made.files["xlsx"]), "pages": made.pages})
    else:
        say(f"Đã làm báo cáo số {made.number} ({made.pages} trang):\n  {made.files['pdf']}\n  {made.files['xlsx']}")
    return 0


def cmd_urge(args) -> int:
    as_of, issued_on = as_of_arg(args.as_of), date_arg(args.date) or clock.today()
    new_due = date_arg(args.new_due)
    _warn_identity(args)
    with session_for(args, commit=False) as session:
        requirement_id = get_requirement(session, args.requirement).id
    engine = engine_for(args)
    try:
        made = make_urge(engine, requirement_id=requirement_id, period=args.period, as_of=as_of, issued_on=issued_on,
                         out_dir=args.out, new_due=new_due, number=args.number)
    finally:
        engine.dispose()
    if wants_json(args):
        emit_json({"report_id": made.report_id, "number": made.number, "pdf": str(made.files["pdf"]),
                   "call_list": str(made.files["call_list"]), "units": made.units})
    else:
        say(f"Đã làm công văn đôn đốc số {made.number} gửi {len(made.units)} đơn vị:\n  {made.files['pdf']}\n"
            f"  Danh sách gọi điện: {made.files['call_list']}")
    return 0


def cmd_register_list(args) -> int:
    with session_for(args, commit=False, must_exist=True) as session:
        docs = list_register(session, args.year, include_void=True)
        received = receipts_of(session, [d.id for d in docs])
        emailed = emailed_reports(session, [d.id for d in docs])
    if wants_json(args):
        emit_json([
            {"id": d.id, "number": d.number, "kind": d.kind, "year": d.year, "seq": d.seq, "date": d.issued_on,
             "title": d.title, "directive_id": d.directive_id, "requirement_id": d.requirement_id, "period": d.period,
             "as_of": d.as_of, "recipients": d.recipients or [], "files": d.files or [], "signer": d.signer_name,
             "received_on": received[d.id][0] if d.id in received else None,
             "received_by": received[d.id][1] if d.id in received else None, "emailed_at": emailed.get(d.id),
             "state": d.state, "void": d.state == VOID}
            for d in docs
        ])
        return 0
    for d in docs:
        got = f"  (đã gửi thư {emailed[d.id].astimezone():%d/%m/%Y})" if d.id in emailed else ""
        got += f"  (đã nhận {format_date(received[d.id][0])})" if d.id in received else ""
        if d.state == VOID:
            got += "  (SỐ ĐÃ HỦY: văn bản làm dở, số không dùng lại)"
        say(f"{d.number:<16} {format_date(d.issued_on)}  {d.title}{got}")
    void = sum(d.state == VOID for d in docs)
    say(f"Tổng: {len(docs) - void} văn bản" + (f", {void} số đã hủy." if void else "."))
    return 0


def cmd_register_export(args) -> int:
    engine = engine_for(args)
    try:
        path = export_register(engine, year=args.year, out_dir=args.out)
    finally:
        engine.dispose()
    if wants_json(args):
        emit_json({"xlsx": str(path)})
    else:
        say(f"Đã xuất sổ văn bản đi: {path}")
    return 0
