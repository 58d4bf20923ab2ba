"""``theodoi report``, ``theodoi urge`` and ``theodoi register``: the
documents this office issues and its register of outgoing documents."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import as_of_arg, date_arg, directive_args, directive_choice, emit_json, say, store_for, wants_json, warn
from desktop.core.dates import format_date
from desktop.core.errors import UserError
from desktop.core.register import VOID
from desktop.operations import reports as ops
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
    p.add_argument("--sections", metavar="TỆP.json", help='các mục người viết: {"results": "…", "shortcomings": "…", '
                   '"proposals": "…", "closing": "…"}, mỗi mục không bắt buộc (mặc định: bản thảo đã lưu, '
                   'hoặc lời văn tạo từ số liệu)')
    p.add_argument("--recipient", action="append", default=[], metavar="NƠI_NHẬN", help="thêm nơi nhận (thay nơi nhận mặc định)")
    p.add_argument("--annex", action="store_true", default=None,
                   help="đưa phụ lục từng đơn vị vào PDF cả khi quá 300 đơn vị (tệp Excel luôn có)")
    p.add_argument("--docx", action="store_true", help="làm thêm tệp Word (.docx) bên cạnh PDF và Excel")
    p.add_argument("--out", default=".", metavar="THƯ_MỤC", help="thư mục lưu tệp (mặc định: thư mục hiện tại)")
    p.set_defaults(func=cmd_report, operation="report.make")

    drafts = cmds.add_parser("draft", help="bản thảo báo cáo: các mục người viết, lưu đến khi ban hành",
                             parents=[parent])
    dcmds = drafts.add_subparsers(dest="draft_command", required=True, metavar="LỆNH")
    p = dcmds.add_parser("show", help="xem bản thảo (lời văn đã lưu hoặc tạo từ số liệu)", parents=[parent])
    _draft_args(p)
    p.add_argument("--as-of", metavar="NGÀY", help="số liệu tính đến ngày (mặc định: của bản thảo, hoặc hôm nay)")
    p.set_defaults(func=cmd_draft_show, operation="report.draft.show")
    p = dcmds.add_parser("save", help="lưu các mục người viết vào bản thảo", parents=[parent])
    _draft_args(p)
    p.add_argument("--sections", required=True, metavar="TỆP.json",
                   help='{"results": "…", "shortcomings": "…", "proposals": "…", "closing": "…"}; mục để trống '
                        'trở lại lời văn tạo từ số liệu')
    p.add_argument("--as-of", metavar="NGÀY")
    p.add_argument("--date", metavar="NGÀY", help="ngày ban hành dự kiến")
    p.add_argument("--recipient", action="append", default=[], metavar="NƠI_NHẬN")
    p.set_defaults(func=cmd_draft_save, operation="report.draft.save")
    p = dcmds.add_parser("discard", help="bỏ bản thảo đã lưu, viết lại từ số liệu", parents=[parent])
    _draft_args(p)
    p.set_defaults(func=cmd_draft_discard, operation="report.draft.discard")
    p = dcmds.add_parser("docx", help="xuất bản thảo ra Word (.docx), số để trống", parents=[parent])
    _draft_args(p)
    p.add_argument("--sections", metavar="TỆP.json", help="các mục thay cho bản thảo đã lưu")
    p.add_argument("--as-of", metavar="NGÀY")
    p.add_argument("--date", metavar="NGÀY", help="ngày ban hành dự kiến (mặc định: của bản thảo, hoặc hôm nay)")
    p.add_argument("--recipient", action="append", default=[], metavar="NƠI_NHẬN")
    p.add_argument("--annex", action="store_true", default=None, help="kèm phụ lục từng đơn vị cả khi quá 300 đơn vị")
    p.add_argument("--out", default=".", metavar="THƯ_MỤC")
    p.set_defaults(func=cmd_draft_docx, operation="report.draft.docx")

    p = sub.add_parser("urge", help="công văn đôn đốc và danh sách gọi điện", parents=[parent])
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--period", type=int, metavar="KỲ")
    p.add_argument("--as-of", metavar="NGÀY")
    p.add_argument("--date", metavar="NGÀY", help="ngày ban hành công văn (mặc định: hôm nay)")
    p.add_argument("--new-due", metavar="NGÀY", help="hạn mới cho đơn vị (mặc định: 7 ngày sau ngày ban hành công văn)")
    p.add_argument("--number", metavar="SỐ", help="số công văn (mặc định: số tiếp theo trong sổ văn bản đi)")
    p.add_argument("--out", default=".", metavar="THƯ_MỤC", help="thư mục lưu tệp (mặc định: thư mục hiện tại)")
    p.set_defaults(func=cmd_urge, operation="urge")

    reg = sub.add_parser("register", help="sổ văn bản đi", parents=[parent])
    cmds = reg.add_subparsers(dest="register_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("list", help="các văn bản đi", parents=[parent])
    p.add_argument("--year", type=int)
    p.set_defaults(func=cmd_register_list, operation="register.list")
    p = cmds.add_parser("export", help="xuất sổ văn bản đi ra Excel", parents=[parent])
    p.add_argument("--year", type=int)
    p.add_argument("--out", default=".", metavar="THƯ_MỤC")
    p.set_defaults(func=cmd_register_export, operation="register.export")


def _draft_args(p) -> None:
    directive_args(p, required=True)
    p.add_argument("--requirement", metavar="MÃ_YÊU_CẦU", help="chỉ một yêu cầu (mặc định: mọi yêu cầu đã đến hạn)")
    p.add_argument("--period", type=int, metavar="KỲ")


def _show_draft(d) -> None:
    from desktop.io.documents.sections import SECTION_KEYS, SECTION_NAMES

    state = f"đã lưu ({d.updated_by or '?'})" if d.saved else "chưa lưu: lời văn tạo từ số liệu"
    say(f"Bản thảo báo cáo, số liệu tính đến {format_date(d.as_of)}; {state}.")
    for key in SECTION_KEYS:
        mark = "" if d.sections[key] == d.defaults[key] else " (đã sửa)"
        say(f"\n[{key}] {SECTION_NAMES[key]}{mark}\n{d.sections[key]}")


def _sections(path: str | None) -> dict | None:
    if not path:
        return None
    from desktop.io.documents.sections import read_sections_file

    return read_sections_file(path)


def cmd_draft_show(args) -> int:
    d = ops.draft(store_for(args, must_exist=True), **directive_choice(args), requirement=args.requirement,
                  period=args.period, as_of=date_arg(args.as_of))
    emit_json(d.as_json()) if wants_json(args) else _show_draft(d)
    return 0


def cmd_draft_save(args) -> int:
    d = ops.save_draft(store_for(args), **directive_choice(args), requirement=args.requirement,
                       sections=_sections(args.sections), period=args.period, as_of=date_arg(args.as_of),
                       issued_on=date_arg(args.date), recipients=args.recipient or None)
    if wants_json(args):
        emit_json(d.as_json())
    else:
        edited = [k for k in d.sections if d.sections[k] != d.defaults[k]]
        say("Đã lưu bản thảo" + (f" (các mục đã sửa: {', '.join(edited)})." if edited else " (chưa mục nào khác lời văn tạo từ số liệu)."))
    return 0


def cmd_draft_discard(args) -> int:
    dropped = ops.discard_draft(store_for(args), **directive_choice(args), requirement=args.requirement)
    if wants_json(args):
        emit_json({"discarded": dropped})
    else:
        say("Đã bỏ bản thảo; báo cáo sẽ dùng lời văn tạo từ số liệu." if dropped else "Không có bản thảo nào đã lưu.")
    return 0


def cmd_draft_docx(args) -> int:
    path = ops.draft_docx(store_for(args), **directive_choice(args), requirement=args.requirement,
                          period=args.period, as_of=date_arg(args.as_of), issued_on=date_arg(args.date),
                          out_dir=args.out, sections=_sections(args.sections), recipients=args.recipient or None,
                          annex=args.annex)
    if wants_json(args):
        emit_json({"docx": str(path)})
    else:
        say(f"Đã xuất bản thảo ra Word (số để trống): {path}")
    return 0


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


def _warn_identity(args) -> None:
    """Documents from an office set up with its name only come out without
    a place, a signer or the right symbol: say so, they are still made."""
    missing = ops.missing_identity(store_for(args, must_exist=True))
    if missing:
        warn("Lưu ý: văn phòng chưa khai báo " + ", ".join(missing) + " (--place, --signer-name, --signer-title, "
             "--symbol); bổ sung bằng theodoi init --office … rồi làm lại văn bản nếu cần.")


def cmd_report(args) -> int:
    as_of, issued_on = date_arg(args.as_of), date_arg(args.date) or clock.today()
    assessment = _read_text(args.assessment_file)
    sections = _sections(args.sections)
    if sections is not None and assessment is not None:
        warn("Lưu ý: đã cho cả --sections và --assessment-file; dùng các mục trong --sections, bỏ qua "
             "--assessment-file.")
        assessment = None
    _warn_identity(args)
    made = ops.make(store_for(args), directive=args.directive, year=args.year, issuer=args.issuer,
                    requirement=args.requirement, period=args.period,
                    as_of=as_of, issued_on=issued_on, out_dir=args.out, number=args.number, assessment=assessment,
                    recipients=args.recipient or None, sections=sections, annex=args.annex, docx=args.docx)
    if wants_json(args):
        result = {"report_id": made.report_id, "number": made.number, "pdf": str(made.files["pdf"]),
                  "xlsx": str(made.files["xlsx"]), "pages": made.pages}
        if "docx" in made.files:
            result["docx"] = str(made.files["docx"])
        emit_json(result)
    else:
        files = "".join(f"\n  {made.files[k]}" for k in ("pdf", "xlsx", "docx") if k in made.files)
        say(f"Đã làm báo cáo số {made.number} ({made.pages} trang):{files}")
    return 0


def cmd_urge(args) -> int:
    as_of, issued_on = as_of_arg(args.as_of), date_arg(args.date) or clock.today()
    _warn_identity(args)
    made = ops.urge(store_for(args), requirement=args.requirement, period=args.period, as_of=as_of, issued_on=issued_on,
                    out_dir=args.out, new_due=date_arg(args.new_due), number=args.number)
    if wants_json(args):
        emit_json({"report_id": made.report_id, "number": made.number, "pdf": str(made.files["pdf"]),
                   "call_list": str(made.files["call_list"]), "units": made.units})
    else:
        say(f"Đã làm công văn đôn đốc số {made.number} gửi {len(made.units)} đơn vị:\n  {made.files['pdf']}\n"
            f"  Danh sách gọi điện: {made.files['call_list']}")
    return 0


def cmd_register_list(args) -> int:
    entries = ops.register(store_for(args, must_exist=True), year=args.year, include_void=True)
    if wants_json(args):
        emit_json([
            {"id": d.id, "number": d.number, "kind": d.kind, "year": d.year, "seq": d.seq, "date": d.issued_on,
             "title": d.title, "directive_id": d.directive_id, "requirement_id": d.requirement_id, "period": d.period,
             "as_of": d.as_of, "recipients": d.recipients or [], "files": d.files or [], "signer": d.signer_name,
             "received_on": e.received[0] if e.received else None,
             "received_by": e.received[1] if e.received else None, "emailed_at": e.emailed_at,
             "state": d.state, "void": d.state == VOID}
            for e in entries for d in [e.document]
        ])
        return 0
    for e in entries:
        d = e.document
        got = f"  (đã gửi thư {e.emailed_at.astimezone():%d/%m/%Y})" if e.emailed_at else ""
        got += f"  (đã nhận {format_date(e.received[0])})" if e.received else ""
        if d.state == VOID:
            got += "  (SỐ ĐÃ HỦY: văn bản làm dở, số không dùng lại)"
        say(f"{d.number:<16} {format_date(d.issued_on)}  {d.title}{got}")
    void = sum(e.document.state == VOID for e in entries)
    say(f"Tổng: {len(entries) - void} văn bản" + (f", {void} số đã hủy." if void else "."))
    return 0


def cmd_register_export(args) -> int:
    path = ops.export_register(store_for(args), year=args.year, out_dir=args.out)
    if wants_json(args):
        emit_json({"xlsx": str(path)})
    else:
        say(f"Đã xuất sổ văn bản đi: {path}")
    return 0
