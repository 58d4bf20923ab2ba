"""The ``theodoi`` command line: parses arguments, calls core and io, prints.

Exit status: 0 success, 2 bad usage or refused input (nothing written),
1 anything else. With ``--json`` stdout holds one JSON document only.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from db.errors import StoreError
from db.session import saved_mark, saved_since
from desktop import __version__
from desktop.cli import (argparse_vi, assign, backup, database, directives, doctor, exchange, forms, mail, office, reports,
                         status, submissions, units)
from desktop.cli.common import close_store, db_parent, emit_json, say, store_for, wants_json
from desktop.core.errors import UserError
from desktop.core import clock

log = logging.getLogger("theodoi")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own words, after ours
        self.print_usage(sys.stderr)
        self.exit(2, f"Lỗi: {message}. Xem hướng dẫn: {self.prog} --help\n")


def build_parser() -> argparse.ArgumentParser:
    argparse_vi.install()
    parent = db_parent()
    parser = _Parser(
        prog="theodoi",
        description="Theo dõi: sổ theo dõi văn bản chỉ đạo, yêu cầu và báo cáo của các công đoàn cơ sở.",
        parents=[parent],
    )
    parser.add_argument("--version", action="version", version=f"theodoi {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=_Parser)
    office.register(sub, parent)
    units.register(sub, parent)
    directives.register(sub, parent)
    submissions.register(sub, parent)
    status.register(sub, parent)
    reports.register(sub, parent)
    backup.register(sub, parent)
    exchange.register(sub, parent)
    assign.register(sub, parent)
    forms.register(sub, parent)
    mail.register(sub, parent)
    doctor.register(sub, parent)
    database.register(sub, parent)
    gui = sub.add_parser("gui", help="mở cửa sổ Theo dõi", parents=[parent])
    gui.set_defaults(func=cmd_gui)
    return parser


def _no_screen() -> bool:
    env = os.environ
    return (
        sys.platform.startswith("linux")
        and not env.get("DISPLAY")
        and not env.get("WAYLAND_DISPLAY")
        and not env.get("QT_QPA_PLATFORM")
    )


def cmd_gui(args) -> int:
    if _no_screen():
        # Qt would abort without a display; the text dashboard still helps.
        print("Không tìm thấy màn hình đồ họa (DISPLAY); hiển thị tổng quan dạng chữ.", file=sys.stderr)
        return start(args)
    from desktop.ui.app import run  # Qt is loaded only for the window

    return run(getattr(args, "db", None), [sys.argv[0]])


def start(args) -> int:
    """No command: what ``make run`` shows until the window exists: the
    dashboard, with the demo office offered on an empty database."""
    from desktop.operations.office import is_empty

    if is_empty(store_for(args)):
        say("Cơ sở dữ liệu còn trống.")
        answer = "k"
        if sys.stdin.isatty():
            answer = input("Tạo văn phòng mẫu (dữ liệu demo) để xem thử? [C/k] ").strip().lower() or "c"
        if answer not in ("c", "co", "có", "y", "yes"):
            say("Bắt đầu bằng: theodoi init --office \"Tên văn phòng\"  hoặc xem thử: theodoi demo")
            return 0
        args.force = False
        office.cmd_demo(args)
        say("")
    return status.show_dashboard(args, clock.today(), must_exist=False)


# How a change reads in the message that says what was saved.
_TABLES = {
    "organization": "đơn vị", "directive": "văn bản chỉ đạo", "requirement": "yêu cầu",
    "submission": "báo cáo của đơn vị", "exemption": "miễn nộp", "attachment": "tệp đính kèm",
    "outgoing_document": "văn bản đi", "setting": "thiết lập", "trusted_certificate": "chứng thư tin cậy",
    "received_package": "gói báo cáo nhận", "sent_package": "gói báo cáo gửi", "outbox_message": "thư chờ gửi",
    "report_draft": "bản thảo báo cáo",
    "received_form": "phiếu báo cáo nhận",
}
_ACTIONS = {"create": "thêm", "update": "sửa", "delete": "xóa"}


def saved_text(changes: list[tuple[str, str, str | None]]) -> str:
    """"thêm 1 yêu cầu (mã 5); sửa 2 đơn vị (mã 3, 4)"."""
    groups: dict[tuple[str, str], list[str]] = {}
    for action, table, row_id in changes:
        groups.setdefault((action, table), []).append(row_id or "?")
    parts = []
    for (action, table), ids in groups.items():
        shown = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
        parts.append(f"{_ACTIONS.get(action, action)} {len(ids)} {_TABLES.get(table, table)} (mã {shown})")
    return "; ".join(parts)


def _report_failure(args, message: str, code: int, mark: int, *, unexpected: bool = False,
                    json_error: str | None = None) -> None:
    """Say what went wrong and what is in the database now: nothing, or
    what this command had already committed (only printing the result may
    have failed: running it again would record it twice)."""
    saved = saved_since(mark)
    if saved:
        tail = (f" Tuy vậy, những thay đổi sau ĐÃ được ghi: {saved_text(saved)}. "
                "Đừng chạy lại lệnh; hãy xem lại kết quả trong danh sách tương ứng.")
    elif unexpected:
        tail = " Không có thay đổi nào được ghi."
    else:
        tail = ""
    if wants_json(args):
        doc = {"error": json_error or message, "exit_code": code}
        if saved:
            doc["saved"] = [{"action": a, "entity": t, "id": i} for a, t, i in saved]
        try:
            emit_json(doc)
        except Exception:  # stdout itself may be what failed
            log.debug("could not print the error as JSON", exc_info=True)
    print(f"Lỗi: {message}{tail}" if not unexpected else message + tail + _DEBUG_HINT, file=sys.stderr)


_DEBUG_HINT = " Hãy chạy lại với THEODOI_DEBUG=1 để xem chi tiết và gửi cho người hỗ trợ."


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    mark = saved_mark()
    try:
        if not getattr(args, "func", None):
            return start(args)
        return args.func(args)
    except (UserError, StoreError) as exc:
        _report_failure(args, exc.message, 2, mark)
        return 2
    except KeyboardInterrupt:
        saved = saved_since(mark)
        if saved:
            print(f"Đã dừng theo yêu cầu; những thay đổi sau đã được ghi trước đó: {saved_text(saved)}.", file=sys.stderr)
        else:
            print("Đã dừng theo yêu cầu; không có gì được ghi.", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: never a traceback at the user
        log.debug("unexpected error", exc_info=True)
        _report_failure(args, f"Lỗi ngoài dự kiến ({type(exc).__name__}: {exc}).", 1, mark, unexpected=True,
                        json_error=str(exc))
        if os.environ.get("THEODOI_DEBUG"):
            raise
        return 1
    finally:
        close_store(args)


if __name__ == "__main__":
    sys.exit(main())
