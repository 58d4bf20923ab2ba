"""``theodoi units``: import, list and retire member units."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from db.models import Organization
from desktop.cli.common import as_of_arg, emit_json, say, store_for, wants_json
from desktop.core.dates import format_date, parse_date
from desktop.core.errors import UserError
from desktop.core.units import UNIT_FIELDS
from desktop.io.unit_sheet import HeaderNotFound
from desktop.operations import units as ops


def register(sub, parent: argparse.ArgumentParser) -> None:
    units = sub.add_parser("units", help="đơn vị trực thuộc", parents=[parent])
    cmds = units.add_subparsers(dest="units_command", required=True, metavar="LỆNH")

    p = cmds.add_parser("import", help="nhập danh sách đơn vị từ tệp .xlsx, .xls, .ods hoặc .csv", parents=[parent])
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument(
        "--column", action="append", default=[], metavar="TIÊU_ĐỀ=TRƯỜNG",
        help="gán cột cho trường khi tiêu đề không được nhận ra, ví dụ \"Tên CĐCS=name\" (để trống trường để bỏ cột)",
    )
    p.set_defaults(func=cmd_import, operation="units.import")

    p = cmds.add_parser("list", help="danh sách đơn vị theo thứ tự chữ cái tiếng Việt", parents=[parent])
    p.add_argument("--search", metavar="CHỮ")
    p.add_argument("--as-of", metavar="NGÀY")
    p.add_argument("--all", action="store_true", help="gồm cả đơn vị đã thôi hoạt động")
    p.set_defaults(func=cmd_list, operation="units.list")

    p = cmds.add_parser("retire", help="đơn vị thôi hoạt động hoặc sáp nhập", parents=[parent])
    p.add_argument("unit", metavar="TÊN_HOẶC_MÃ")
    p.add_argument("--on", required=True, metavar="NGÀY")
    p.add_argument("--merged-into", metavar="TÊN_HOẶC_MÃ")
    p.add_argument(
        "--carry-over", action="store_true",
        help="đơn vị nhận sáp nhập chịu trách nhiệm các kỳ báo cáo đơn vị này còn nợ (xem docs/counting-rules.md)",
    )
    p.set_defaults(func=cmd_retire, operation="units.retire")


def unit_json(u: Organization) -> dict:
    return {
        "id": u.id,
        "code": u.code,
        "name": u.name,
        "sector": u.sector,
        "chair": u.chair,
        "phone": u.phone,
        "workers": u.workers,
        "members": u.members,
        "female_members": u.female_members,
        "active_from": u.active_from,
        "active_to": u.active_to,
        "kind": u.kind,
        "merged_into_id": u.merged_into_id,
        "carry_over": u.carry_over,
    }


def _column_overrides(items: list[str]) -> dict[str, str]:
    overrides = {}
    for item in items:
        header, sep, fld = item.rpartition("=")
        fld = fld.strip()
        if not sep or not header.strip() or (fld and fld not in UNIT_FIELDS):
            raise UserError(
                f"--column “{item}” không đúng dạng TIÊU_ĐỀ=TRƯỜNG. Các trường: {', '.join(UNIT_FIELDS)}."
            )
        overrides[header.strip()] = fld
    return overrides


def cmd_import(args) -> int:
    try:
        done = ops.import_list(store_for(args), args.file, columns=_column_overrides(args.column), dry_run=args.dry_run)
    except HeaderNotFound as exc:  # the reader's words fit any front end; the flag is this one's
        raise HeaderNotFound(f"{exc.message} Trên dòng lệnh: --column \"Tiêu đề cột=name\".", exc.headers) from None
    sheet, result = done.sheet, done.result
    skipped = sorted(sheet.skipped + result.skipped, key=lambda s: s.row)
    if wants_json(args):
        emit_json(
            {
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
                "skipped": [asdict(s) for s in skipped],
                "warnings": sheet.warnings + result.warnings,
                "dry_run": args.dry_run,
                "encoding": sheet.encoding,
                "columns": sheet.columns,
            }
        )
        return 0
    head = "Xem trước (chưa ghi gì): " if args.dry_run else ""
    if sheet.header_rows > 1 or sheet.header_row > 1:
        say(f"Dòng tiêu đề cột: {sheet.header_row}" + (f"–{sheet.header_row + 1}" if sheet.header_rows > 1 else "") + ".")
    say(f"{head}thêm mới {result.created}, cập nhật {result.updated}, không đổi {result.unchanged}, bỏ qua {len(skipped)} dòng.")
    for s in skipped:
        say(f"  dòng {s.row}: {s.reason}")
    for w in sheet.warnings + result.warnings:
        say(f"  lưu ý: {w}")
    return 0


def cmd_list(args) -> int:
    units = ops.listing(store_for(args), search=args.search, as_of=as_of_arg(args.as_of), include_retired=args.all)
    if wants_json(args):
        emit_json([unit_json(u) for u in units])
        return 0
    for i, u in enumerate(units, 1):
        extra = f" — thôi hoạt động từ {format_date(u.active_to)}" if u.active_to else ""
        say(f"{i:>4}. {u.name}{f' [{u.code}]' if u.code else ''}{f' ({u.sector})' if u.sector else ''}{extra}")
    say(f"Tổng: {len(units)} đơn vị.")
    return 0


def cmd_retire(args) -> int:
    on = parse_date(args.on)
    unit = ops.retire(store_for(args), args.unit, on=on, merged_into=args.merged_into, carry_over=args.carry_over)
    doc = unit_json(unit)
    target = ops.find(store_for(args), args.merged_into) if args.merged_into else None
    if wants_json(args):
        emit_json(doc)
    else:
        into = f", sáp nhập vào “{target.name}”" if target else ""
        into += " (đơn vị này nhận các kỳ báo cáo còn nợ)" if args.carry_over else ""
        say(f"Đã ghi: “{unit.name}” thôi hoạt động từ ngày {format_date(on)}{into}.")
    return 0
