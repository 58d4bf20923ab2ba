"""``theodoi init`` and ``theodoi demo``."""

from __future__ import annotations

from dataclasses import asdict

from desktop.cli.common import emit_json, say, store_for, wants_json
from desktop.operations import office as ops


def register(sub, parent) -> None:
    p = sub.add_parser("init", help="khai báo văn phòng này (tên, cấp trên, nơi ban hành, người ký)", parents=[parent])
    p.add_argument("--office", required=True, metavar="TÊN", help="tên văn phòng, ví dụ Liên đoàn Lao động huyện Tam Đường")
    p.add_argument("--code", metavar="MÃ")
    p.add_argument("--parent", metavar="TÊN", help="cơ quan cấp trên, ví dụ LĐLĐ TỈNH LAI CHÂU")
    p.add_argument("--place", metavar="ĐỊA_DANH", help="địa danh ghi trên văn bản, ví dụ Tam Đường")
    p.add_argument("--symbol", metavar="KÝ_HIỆU", help="chữ viết tắt trong số văn bản, ví dụ LĐLĐ")
    p.add_argument("--signer-name", metavar="HỌ_TÊN")
    p.add_argument("--signer-title", metavar="CHỨC_VỤ", help="ví dụ CHỦ TỊCH")
    p.add_argument("--signing-authority", metavar="THẨM_QUYỀN", help="ví dụ TM. BAN THƯỜNG VỤ")
    p.set_defaults(func=cmd_init, operation="init")

    p = sub.add_parser("demo", help="tạo văn phòng mẫu để xem thử", parents=[parent])
    p.add_argument("--force", action="store_true", help="xóa dữ liệu đang có và thay bằng dữ liệu mẫu")
    p.set_defaults(func=cmd_demo, operation="demo")


def cmd_init(args) -> int:
    info = ops.declare(
        store_for(args), args.office, code=args.code, parent_name=args.parent, place=args.place, symbol=args.symbol,
        signer_name=args.signer_name, signer_title=args.signer_title, signing_authority=args.signing_authority,
    )
    if wants_json(args):
        emit_json(asdict(info))
    else:
        say(f"Đã khai báo văn phòng: {info.name}.")
    return 0


def cmd_demo(args) -> int:
    made = ops.demo(store_for(args), force=args.force)
    if wants_json(args):
        emit_json(made)
    else:
        say(
            f"Đã tạo dữ liệu mẫu: {made['office']}, {made['units']} đơn vị, {made['directives']} văn bản, "
            f"{made['requirements']} yêu cầu, {made['submissions']} lượt nộp. Xem: theodoi dashboard"
        )
    return 0
