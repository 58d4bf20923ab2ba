"""``theodoi mail``: the e-mail outbox of packages going up."""

from __future__ import annotations

from pathlib import Path

from desktop.cli.common import emit_json, say, store_for, wants_json
from desktop.operations import mail as ops

STATES = {"queued": "chờ gửi", "sending": "đang gửi (bị ngắt?)", "sent": "đã gửi", "failed": "lỗi"}


def register(sub, parent) -> None:
    mail = sub.add_parser("mail", help="gửi gói báo cáo qua thư điện tử", parents=[parent])
    cmds = mail.add_subparsers(dest="mail_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("settings", help="máy chủ thư gửi đi (SMTP)", parents=[parent])
    p.add_argument("--host")
    p.add_argument("--port", type=int)
    p.add_argument("--security", choices=["ssl", "starttls", "none"])
    p.add_argument("--user")
    p.add_argument("--from", dest="sender", metavar="ĐỊA_CHỈ")
    p.add_argument("--password-file", metavar="TỆP", help="mật khẩu thư, cất vào keyring của máy")
    p.set_defaults(func=cmd_settings, operation="mail.settings")
    p = cmds.add_parser("queue", help="đưa một gói báo cáo vào hộp thư đi", parents=[parent])
    p.add_argument("--package", required=True, metavar="TỆP.zip")
    p.add_argument("--to", required=True, action="append", metavar="ĐỊA_CHỈ")
    p.add_argument("--report", type=int, metavar="MÃ", help="mã báo cáo trong sổ văn bản đi")
    p.set_defaults(func=cmd_queue, operation="mail.queue")
    p = cmds.add_parser("send", help="gửi các thư đang chờ (thử lại thư lỗi mạng khi đến giờ)", parents=[parent])
    p.set_defaults(func=cmd_send, operation="mail.send")
    p = cmds.add_parser("list", help="hộp thư đi", parents=[parent])
    p.set_defaults(func=cmd_list, operation="mail.list")
    p = cmds.add_parser("retry", help="đưa lại một thư lỗi vào hàng đợi", parents=[parent])
    p.add_argument("id", type=int, metavar="SỐ_THƯ")
    p.set_defaults(func=cmd_retry, operation="mail.retry")


def cmd_settings(args) -> int:
    password = Path(args.password_file).read_text(encoding="utf-8").splitlines()[0] if args.password_file else None
    saved = ops.settings(store_for(args), host=args.host, port=args.port, security=args.security, user=args.user,
                         sender=args.sender, password=password)
    current = saved.settings
    doc = {"host": current.host, "port": current.port, "security": current.security, "user": current.user,
           "from": current.sender, "password_saved": saved.password_saved}
    if wants_json(args):
        emit_json(doc)
    else:
        say(f"Máy chủ thư: {current.host}:{current.port} ({current.security}), gửi từ {current.sender}"
            + ("; mật khẩu đã cất vào keyring." if doc["password_saved"] else "."))
    return 0


def cmd_queue(args) -> int:
    m = ops.queue(store_for(args), args.package, to=args.to, report=args.report)
    doc = {"id": m.id, "to": m.recipients, "subject": m.subject, "state": m.state}
    if wants_json(args):
        emit_json(doc)
    else:
        say(f"Đã đưa vào hộp thư đi (thư số {doc['id']}): {doc['subject']} → {', '.join(doc['to'])}.")
        say("Gửi bằng: theodoi mail send")
    return 0


def cmd_send(args) -> int:
    results = ops.send(store_for(args, must_exist=True))
    doc = [{"id": r.id, "state": r.state, "to": r.recipients, "error": r.error, "next_attempt_at": r.next_attempt_at}
           for r in results]
    if wants_json(args):
        emit_json(doc)
    else:
        if not results:
            say("Không có thư nào cần gửi lúc này.")
        for r in results:
            line = f"Thư số {r.id} → {', '.join(r.recipients)}: {STATES.get(r.state, r.state)}"
            if r.error:
                line += f" — {r.error}"
            say(line)
    return 2 if any(r.state == "failed" for r in results) else 0


def cmd_list(args) -> int:
    doc = [{"id": m.id, "state": m.state, "to": m.recipients, "subject": m.subject, "attempts": m.attempts,
            "next_attempt_at": m.next_attempt_at, "sent_at": m.sent_at, "error": m.last_error,
            "report_id": m.outgoing_document_id, "package": m.package_path} for m in ops.outbox(store_for(args))]
    if wants_json(args):
        emit_json(doc)
        return 0
    if not doc:
        say("Hộp thư đi trống.")
    for m in doc:
        say(f"[{m['id']}] {STATES.get(m['state'], m['state'])}: {m['subject']} → {', '.join(m['to'])}"
            + (f" — {m['error']}" if m["error"] and m["state"] != "sent" else ""))
    return 0


def cmd_retry(args) -> int:
    m = ops.retry(store_for(args), args.id)
    if wants_json(args):
        emit_json({"id": m.id, "state": m.state})
    else:
        say(f"Thư số {m.id} đã vào lại hàng đợi.")
    return 0
