"""``theodoi backup`` and ``theodoi audit``: copies of the records, and who
changed what."""

from __future__ import annotations

import sys
from pathlib import Path

from db.engine import resolve_url
from desktop.cli.common import emit_json, say, store_for, wants_json
from desktop.core.errors import UserError
from desktop.operations import Store
from desktop.operations import backups as ops


def register(sub, parent) -> None:
    backup = sub.add_parser("backup", help="sao lưu và khôi phục dữ liệu", parents=[parent])
    cmds = backup.add_subparsers(dest="backup_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("create", help="sao lưu ngay", parents=[parent])
    p.add_argument("--to", metavar="THƯ_MỤC", help="thư mục nhận bản sao (ví dụ ổ USB); mặc định: thư mục sao lưu")
    p.set_defaults(func=cmd_create, operation="backup.create")
    p = cmds.add_parser("list", help="các bản sao lưu", parents=[parent])
    p.add_argument("--from", dest="folder", metavar="THƯ_MỤC", help="thư mục chứa bản sao lưu (mặc định: thư mục sao lưu)")
    p.set_defaults(func=cmd_list, operation="backup.list")
    p = cmds.add_parser("restore", help="khôi phục từ một bản sao lưu", parents=[parent])
    p.add_argument("file", metavar="TỆP_SAO_LƯU")
    p.add_argument("--yes", action="store_true", help="không hỏi lại")
    p.set_defaults(func=cmd_restore, operation="backup.restore")

    audit = sub.add_parser("audit", help="nhật ký thay đổi", parents=[parent])
    cmds = audit.add_subparsers(dest="audit_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("list", help="ai đã thay đổi gì, khi nào", parents=[parent])
    p.add_argument("--entity", help="bảng: organization, directive, requirement, submission, exemption, …")
    p.add_argument("--id", dest="entity_id", metavar="MÃ")
    p.add_argument("--last", type=int, metavar="N", help="chỉ N dòng cuối")
    p.set_defaults(func=cmd_audit, operation="audit.list")


def _backup_json(b) -> dict:
    return {"file": str(b.path), "created": b.created.isoformat(timespec="seconds"), "reason": b.reason, "size": b.size,
            "ok": b.ok, "schema": b.schema, "units": b.units, "submissions": b.submissions, "problem": b.problem}


def _store(args):
    # The file itself is backed up or replaced: it is never opened here.
    return Store(None, resolve_url(getattr(args, "db", None)))


def cmd_create(args) -> int:
    made = ops.create(_store(args), args.to)
    if wants_json(args):
        emit_json({"file": str(made), "size": made.stat().st_size})
    else:
        say(f"Đã sao lưu: {made} ({made.stat().st_size // 1024} KB).")
    return 0


def cmd_list(args) -> int:
    found = ops.listing(_store(args), args.folder)
    if wants_json(args):
        emit_json([_backup_json(b) for b in found])
        return 0
    for b in found:
        state = (f"{b.units} đơn vị, {b.submissions} lượt nộp" if b.units is not None else "PostgreSQL (pg_dump)") \
            if b.ok else f"HỎNG: {b.problem}"
        say(f"{b.created:%d/%m/%Y %H:%M}  {b.size // 1024:>7} KB  {state}  {b.path}")
    if not found:
        say("Chưa có bản sao lưu nào.")
    return 0


def cmd_restore(args) -> int:
    backup = Path(args.file)
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("Khôi phục sẽ thay toàn bộ dữ liệu hiện tại (có sao lưu trước). Thêm --yes để xác nhận.")
        answer = input(f"Thay dữ liệu hiện tại bằng bản sao lưu “{backup.name}”? Dữ liệu hiện tại sẽ được sao lưu trước. [c/K] ")
        if answer.strip().lower() not in ("c", "co", "có", "y", "yes"):
            say("Đã hủy; không có gì thay đổi.")
            return 0
    kept = ops.restore(_store(args), backup)
    if wants_json(args):
        emit_json({"restored": str(backup), "previous_kept_as": str(kept) if kept else None})
    else:
        say(f"Đã khôi phục từ {backup}. Dữ liệu trước đó được giữ ở: {kept}")
    return 0


def cmd_audit(args) -> int:
    entries = ops.audit_log(store_for(args, must_exist=True), entity=args.entity, entity_id=args.entity_id, last=args.last)
    if wants_json(args):
        emit_json([{"id": e.id, "at": e.at, "actor": e.actor, "action": e.action, "entity": e.entity,
                    "entity_id": e.entity_id, "before": e.before, "after": e.after} for e in entries])
        return 0
    for e in entries:
        changed = ", ".join(sorted((e.after or e.before or {}).keys() - {"name_key", "sort_key", "created_at", "updated_at"}))
        say(f"{e.at.astimezone():%d/%m/%Y %H:%M}  {e.actor:<24} {e.action:<6} {e.entity}#{e.entity_id}  {changed}")
    return 0
