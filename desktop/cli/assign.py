"""``theodoi assign`` and ``theodoi review``: assignments down to member
offices and in from the office above; review of the reports that came up
(accept, or return for correction with a signed notice)."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from desktop.cli.common import date_arg, directive_args, directive_choice, emit_json, say, store_for, wants_json, warn
from desktop.cli.exchange import HINTS, _key, _unseal_key
from desktop.core.dates import parse_date
from desktop.core.trust import grouped
from desktop.operations import assignments as ops



def _key_args(p, *, required: bool = False) -> None:
    p.add_argument("--key", metavar="TỆP.p12", required=False, help="khóa ký số của văn phòng")
    p.add_argument("--passphrase-file", metavar="TỆP")
    p.add_argument("--pkcs11-lib", metavar="TỆP", help="thư viện PKCS#11 của USB token (.dll/.so)")
    p.add_argument("--token-label")
    p.add_argument("--cert-label")


def register(sub, parent) -> None:
    assign = sub.add_parser("assign", help="giao nhiệm vụ: gửi xuống đơn vị trực thuộc, nhận từ cấp trên",
                            parents=[parent])
    cmds = assign.add_subparsers(dest="assign_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("export", help="ký văn bản cùng các yêu cầu thành gói giao nhiệm vụ", parents=[parent])
    directive_args(p, required=True)
    _key_args(p)
    p.add_argument("--out", required=True, metavar="THƯ_MỤC")
    p.set_defaults(func=cmd_export, operation="assign.export")
    p = cmds.add_parser("import", help="nhận gói giao nhiệm vụ của văn phòng cấp trên", parents=[parent])
    p.add_argument("files", nargs="+", metavar="TỆP")
    p.add_argument("--trust-new", action="store_true",
                   help="tin cậy khóa của văn phòng cấp trên lần đầu (sau khi đã so vân tay qua điện thoại)")
    p.add_argument("--key", metavar="TỆP.p12", help="khóa của văn phòng, để mở gói niêm phong")
    p.add_argument("--passphrase-file", metavar="TỆP")
    p.set_defaults(func=cmd_import, operation="assign.import")
    p = cmds.add_parser("list", help="các gói giao nhiệm vụ đã nhận và đã giao", parents=[parent])
    p.set_defaults(func=cmd_list, operation="assign.list")
    p = cmds.add_parser("deadline", help="hạn riêng của văn phòng (sớm hơn hạn cấp trên) cho một yêu cầu được giao",
                        parents=[parent])
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--due", required=True, metavar="NGÀY", help="dd/mm/yyyy")
    p.set_defaults(func=cmd_deadline, operation="assign.deadline")

    review = sub.add_parser("review", help="duyệt báo cáo của đơn vị trực thuộc: chấp nhận hoặc trả lại",
                            parents=[parent])
    cmds = review.add_subparsers(dest="review_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("list", help="các báo cáo chờ duyệt", parents=[parent])
    p.add_argument("--all", action="store_true", help="mọi báo cáo đã nhận, cả đã duyệt và đã bị thay")
    p.set_defaults(func=cmd_review_list, operation="review.list")
    p = cmds.add_parser("accept", help="chấp nhận một báo cáo", parents=[parent])
    p.add_argument("id", metavar="MÃ")
    p.add_argument("--out", metavar="THƯ_MỤC", help="ghi thông báo chấp nhận có ký số vào thư mục này")
    _key_args(p)
    p.set_defaults(func=cmd_accept, operation="review.accept")
    p = cmds.add_parser("return", help="trả lại một báo cáo để bổ sung, kèm thông báo ký số gửi đơn vị",
                        parents=[parent])
    p.add_argument("id", metavar="MÃ")
    p.add_argument("--reason", required=True, metavar="LÝ_DO")
    p.add_argument("--by", metavar="NGÀY", help="hạn gửi lại bản sửa (dd/mm/yyyy)")
    p.add_argument("--out", required=True, metavar="THƯ_MỤC")
    _key_args(p)
    p.set_defaults(func=cmd_return, operation="review.return")
    p = cmds.add_parser("rule", help="ngày nhận nào được tính cho báo cáo sửa lại sau khi bị trả lại",
                        parents=[parent])
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("rule", choices=["by_date", "first", "correction"],
                   help="by_date: ngày nhận bản đầu nếu bản sửa đến đúng hạn gửi lại (mặc định); first: luôn ngày "
                        "nhận bản đầu; correction: ngày nhận bản sửa")
    p.set_defaults(func=cmd_rule, operation="review.rule")


def cmd_export(args) -> int:
    done = ops.export(store_for(args, must_exist=True), key=_key(args), out_dir=Path(args.out),
                      **directive_choice(args))
    if wants_json(args):
        emit_json({"package": str(done.package), "fingerprint": done.fingerprint, "version": done.version,
                   "directive": done.directive, "requirements": done.requirements})
        return 0
    say(f"Đã ký gói giao nhiệm vụ văn bản {done.directive} (phiên bản {done.version}, {done.requirements} yêu cầu): "
        f"{done.package}")
    say("Đã đọc lại và kiểm tra gói: an toàn để rút USB.")
    say(f"Vân tay người ký (đọc cho văn phòng trực thuộc khi họ gọi hỏi): {grouped(done.fingerprint)}")
    return 0


def _hinted(result: dict) -> dict:
    if result.get("needs") in HINTS and result.get("reason"):
        extra = "Trên dòng lệnh: nhập lại với --trust-new." if result["needs"] in ("trust_new", "fingerprint") \
            else HINTS[result["needs"]]
        result["reason"] = f"{result['reason']}. {extra}"
    return result


def cmd_import(args) -> int:
    found = ops.take_in(store_for(args, must_exist=True), args.files, trust_new=args.trust_new,
                        unseal_key=_unseal_key(args))
    results = [_hinted(r.as_json()) for r in found]
    if wants_json(args):
        emit_json(results)
    else:
        words = {"accepted": "ĐÃ NHẬN", "updated": "ĐÃ CẬP NHẬT", "duplicate": "ĐÃ CÓ", "rejected": "TỪ CHỐI"}
        for r in results:
            say(f"{words[r['status']]}: {r['file']}" + (f" — {r['issuer']}, văn bản {r['directive']}" if r["issuer"] else ""))
            if r["reason"]:
                say(f"  {r['reason']}")
            if r["pinned"]:
                say(f"  Đã ghi nhận tin cậy khóa của văn phòng cấp trên (vân tay {grouped(r['pinned'])}).")
    rejected = [r for r in results if r["status"] == "rejected"]
    if rejected:
        warn(f"Lỗi: {len(rejected)}/{len(results)} tệp bị từ chối; các tệp đó không được ghi gì.")
    return 2 if rejected else 0


def cmd_list(args) -> int:
    rows = [asdict(r) for r in ops.listed(store_for(args))]
    if wants_json(args):
        emit_json(rows)
        return 0
    if not rows:
        say("Chưa giao hoặc nhận gói giao nhiệm vụ nào.")
    for r in rows:
        way = "NHẬN từ" if r["direction"] == "in" else "GIAO, ký bởi"
        say(f"{r['recorded_on']:%d/%m/%Y}  {way} {r['issuer']}: văn bản {r['directive']} phiên bản {r['version']} "
            f"({r['requirements']} yêu cầu)")
    return 0


def cmd_deadline(args) -> int:
    done = ops.deadline(store_for(args, must_exist=True), args.requirement, parse_date(args.due))
    if wants_json(args):
        emit_json(asdict(done))
        return 0
    upper = f" (hạn cấp trên {done.upper_due:%d/%m/%Y})" if done.upper_due else ""
    say(f"Hạn của văn phòng cho yêu cầu {done.requirement} “{done.title}”: {done.due:%d/%m/%Y}{upper}.")
    return 0


def _row(r) -> dict:
    return {"id": r.id, "office": r.office, "requirement": r.requirement, "period": r.period,
            "received_on": r.received_on, "state": r.state, "report_number": r.report_number,
            "report_date": r.report_date, "reason": r.reason, "correct_by": r.correct_by,
            "reviewed_on": r.reviewed_on, "superseded": r.superseded}


STATES = {"waiting": "chờ duyệt", "accepted": "đã chấp nhận", "returned": "đã trả lại để bổ sung"}


def cmd_review_list(args) -> int:
    rows = [_row(r) for r in ops.waiting(store_for(args, must_exist=True), every=args.all)]
    if wants_json(args):
        emit_json(rows)
        return 0
    if not rows:
        say("Không có báo cáo nào chờ duyệt." if not args.all else "Chưa nhận báo cáo nào.")
    for r in rows:
        received = f"nhận {r['received_on']:%d/%m/%Y}" if r["received_on"] else ""
        say(f"{r['id']:>4}  {r['office']} — {r['requirement']} kỳ {r['period']}, báo cáo số {r['report_number']}, "
            f"{received}: {STATES.get(r['state'], r['state'])}" + (" (đã có bản thay)" if r["superseded"] else ""))
        if r["reason"]:
            say(f"      Lý do: {r['reason']}")
    return 0


def _optional_key(args):
    return _key(args) if args.key or args.pkcs11_lib else None


def cmd_accept(args) -> int:
    done = ops.accept(store_for(args, must_exist=True), args.id, key=_optional_key(args) if args.out else None,
                      out_dir=args.out)
    if wants_json(args):
        emit_json({"id": done.id, "state": done.state, "office": done.office, "report_number": done.report_number,
                   "package": str(done.notice) if done.notice else None})
        return 0
    say(f"Đã chấp nhận báo cáo số {done.report_number} của “{done.office}”.")
    if done.notice:
        say(f"Thông báo gửi đơn vị: {done.notice}")
    return 0


def cmd_return(args) -> int:
    done = ops.give_back(store_for(args, must_exist=True), args.id, reason=args.reason, correct_by=date_arg(args.by),
                         key=_key(args), out_dir=args.out)
    if wants_json(args):
        emit_json({"id": done.id, "state": done.state, "office": done.office, "report_number": done.report_number,
                   "package": str(done.notice)})
        return 0
    say(f"Đã trả lại báo cáo số {done.report_number} của “{done.office}” để bổ sung; báo cáo này không được tính "
        "cho đến khi nhận bản sửa.")
    say(f"Thông báo trả lại (gửi cho đơn vị): {done.notice}")
    return 0


def cmd_rule(args) -> int:
    done = ops.correction_rule(store_for(args, must_exist=True), args.requirement, args.rule)
    if wants_json(args):
        emit_json(asdict(done))
        return 0
    say(f"Yêu cầu {done.requirement} “{done.title}”: {done.rule}.")
    return 0
