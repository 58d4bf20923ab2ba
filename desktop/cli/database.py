"""``theodoi db``: the database itself: which one is in use, and moving an
office's data between a SQLite file and a PostgreSQL server."""

from __future__ import annotations

from db.engine import backend_name, display_url, resolve_url
from desktop.cli.common import emit_json, say, wants_json, warn
from desktop.io.attachments import store_dir_for
from desktop.operations import Store
from desktop.operations import database as ops


def register(sub, parent) -> None:
    db = sub.add_parser("db", help="cơ sở dữ liệu: chép dữ liệu giữa tệp SQLite và máy chủ PostgreSQL", parents=[parent])
    cmds = db.add_subparsers(dest="db_command", required=True, metavar="LỆNH")
    p = cmds.add_parser(
        "copy", parents=[parent],
        help="chép toàn bộ dữ liệu sang một cơ sở dữ liệu khác còn trống (tất cả hoặc không gì cả)",
        description="Chép toàn bộ dữ liệu của văn phòng sang một cơ sở dữ liệu còn trống, ví dụ từ tệp SQLite lên "
                    "máy chủ PostgreSQL: theodoi db copy --from theodoi.sqlite3 --to postgresql://nguoidung@maychu/theodoi. "
                    "Mỗi bảng được đếm và băm ở cả hai đầu; chỉ khi tất cả khớp mới ghi.",
    )
    p.add_argument("--from", dest="source", required=True, metavar="NGUỒN", help="tệp SQLite hoặc URL cơ sở dữ liệu nguồn")
    p.add_argument("--to", dest="target", required=True, metavar="ĐÍCH",
                   help="tệp SQLite mới hoặc URL cơ sở dữ liệu đích (phải còn trống)")
    p.set_defaults(func=cmd_copy, operation="db.copy")


def cmd_copy(args) -> int:
    quiet = wants_json(args)
    done = ops.copy(Store(None, resolve_url(args.source)), args.target,
                    **({} if quiet else {"progress": lambda _f, m: warn(m)}))
    doc = {
        "from": display_url(done.source), "to": display_url(done.target),
        "from_backend": backend_name(done.source), "to_backend": backend_name(done.target),
        "rows": done.rows,
        "attachment_files": done.attachment_files,
        "tables": [{"table": t.table, "rows": t.rows, "sha256": t.sha256} for t in done.tables],
    }
    if quiet:
        emit_json(doc)
        return 0
    say(f"Đã chép {doc['rows']} dòng của {len(done.tables)} bảng từ “{doc['from']}” sang “{doc['to']}”; "
        "số dòng và mã băm từng bảng khớp ở cả hai đầu:")
    for t in done.tables:
        say(f"  {t.table:<22} {t.rows:>9}  {t.sha256[:16]}")
    if done.attachment_files:
        say(f"Đã chép {done.attachment_files} tệp đính kèm sang {store_dir_for(done.target)}.")
    return 0
