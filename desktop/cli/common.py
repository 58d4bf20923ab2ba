"""What every command shares: the database option, opening the store, and
printing for people or as one JSON document."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, datetime
from typing import Any

from sqlalchemy.engine import Engine

from db.engine import resolve_url, sqlite_path
from desktop.core.dates import parse_date, parse_optional_date
from desktop.core.errors import UserError
from desktop.operations import Store
from desktop.operations.opening import open_office
from desktop.core import clock


def db_parent() -> argparse.ArgumentParser:
    """Options every subcommand accepts (``--db`` and ``--json``)."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="ĐƯỜNG_DẪN",
        help="tệp cơ sở dữ liệu hoặc URL SQLAlchemy (mặc định: $THEODOI_DB hoặc thư mục dữ liệu người dùng)",
    )
    parent.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="in kết quả dạng JSON")
    return parent


def directive_args(parser: argparse.ArgumentParser, *, required: bool = False) -> None:
    """``--directive`` and what picks one among directives sharing a number:
    ``--year`` and ``--issuer`` (the id, "#12", picks one too)."""
    parser.add_argument("--directive", required=required, metavar="SỐ_VĂN_BẢN",
                        help="số, ký hiệu văn bản (hoặc mã văn bản, ví dụ #12)")
    parser.add_argument("--year", type=int, metavar="NĂM", help="năm ban hành, khi nhiều văn bản cùng số")
    parser.add_argument("--issuer", metavar="CƠ_QUAN", help="cơ quan ban hành, khi nhiều văn bản cùng số")


def directive_choice(args: argparse.Namespace) -> dict:
    """What ``directive_args`` named, as an operation takes it
    (``directive``, ``year``, ``issuer``); the directive None when none was
    given, and then no year or issuer either."""
    if not getattr(args, "directive", None):
        if args.year is not None or args.issuer:
            raise UserError("--year và --issuer dùng để chọn văn bản của --directive; hãy cho thêm --directive SỐ_VĂN_BẢN.")
        return {"directive": None, "year": None, "issuer": None}
    return {"directive": args.directive, "year": args.year, "issuer": args.issuer}


def wants_json(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "json", False))


def engine_for(args: argparse.Namespace, *, must_exist: bool = False) -> Engine:
    """The database, upgraded if needed, with documents a crash interrupted
    settled, and backed up at the first use of the day. ``must_exist``
    refuses a file that is not there (a mistyped --db for a command that only
    reads must not look like an office whose data vanished)."""
    url = resolve_url(getattr(args, "db", None))
    path = sqlite_path(url)
    if must_exist and path is not None and not path.exists():
        raise UserError(
            f"Không tìm thấy tệp dữ liệu “{path}”. Hãy kiểm tra đường dẫn --db (hoặc biến THEODOI_DB); "
            "muốn bắt đầu mới thì dùng theodoi init hoặc theodoi demo."
        )
    engine, notes = open_office(url)
    for note in notes:
        warn(f"Lưu ý: {note}")
    return engine


def store_for(args: argparse.Namespace, *, must_exist: bool = False) -> Store:
    """The store the user chose, for an operation; opened once per command
    and closed by ``desktop.cli.main`` when the command ends."""
    store = getattr(args, "_store", None)
    if store is None:
        store = Store(None, resolve_url(getattr(args, "db", None)), opener=lambda: engine_for(args, must_exist=must_exist))
        args._store = store
    return store


def close_store(args: argparse.Namespace) -> None:
    store = getattr(args, "_store", None)
    if store is not None:
        store.dispose()
        args._store = None


def date_arg(value: str | None) -> date | None:
    return parse_optional_date(value)


def as_of_arg(value: str | None) -> date:
    return parse_date(value) if value else clock.today()


def _default(obj: Any) -> Any:
    if isinstance(obj, (date, datetime)):
        return obj.isoformat()
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def emit_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, default=_default) + "\n")


def say(text: str = "") -> None:
    print(text)


def warn(text: str) -> None:
    print(text, file=sys.stderr)
