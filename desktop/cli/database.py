"""``theodoi db``: the database itself: which one is in use, and moving an
office's data between a SQLite file and a PostgreSQL server."""

from __future__ import annotations

from db.copy import copy_office_data
from db.engine import backend_name, display_url, resolve_url
from desktop.cli.common import emit_json, say, wants_json, warn
from desktop.io.attachments import store_dir_for, store_file


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
    p.set_defaults(func=cmd_copy)


def cmd_copy(args) -> int:
    source, target = resolve_url(args.source), resolve_url(args.target)
    quiet = wants_json(args)
    copied = copy_office_data(source, target, progress=None if quiet else lambda _f, m: warn(m))
    files = _copy_attachments(source, target)
    doc = {
        "from": display_url(source), "to": display_url(target),
        "from_backend": backend_name(source), "to_backend": backend_name(target),
        "rows": sum(t.rows for t in copied),
        "attachment_files": files,
        "tables": [{"table": t.table, "rows": t.rows, "sha256": t.sha256} for t in copied],
    }
    if quiet:
        emit_json(doc)
        return 0
    say(f"Đã chép {doc['rows']} dòng của {len(copied)} bảng từ “{doc['from']}” sang “{doc['to']}”; "
        "số dòng và mã băm từng bảng khớp ở cả hai đầu:")
    for t in copied:
        say(f"  {t.table:<22} {t.rows:>9}  {t.sha256[:16]}")
    if files:
        say(f"Đã chép {files} tệp đính kèm sang {store_dir_for(target)}.")
    return 0


def _copy_attachments(source: str, target: str) -> int:
    """The attachment files go with the rows that name them (the store is
    content-addressed: a file already there is the same file)."""
    src, dst = store_dir_for(source), store_dir_for(target)
    if src == dst or not src.is_dir():
        return 0
    missing = [p for p in src.glob("*/*") if p.is_file() and not (dst / p.relative_to(src)).exists()]
    for path in missing:
        store_file(path, dst)
    return len(missing)
