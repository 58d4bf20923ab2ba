"""``theodoi forms``: report forms (phiếu báo cáo) out to the units and
back in."""

from __future__ import annotations

from desktop.cli.common import date_arg, emit_json, say, store_for, wants_json, warn
from desktop.core.dates import format_date
from desktop.core.errors import UserError
from desktop.operations import forms as ops


def register(sub, parent) -> None:
    forms = sub.add_parser("forms", help="phiếu báo cáo Excel/giấy cho đơn vị không dùng Theo dõi", parents=[parent])
    cmds = forms.add_subparsers(dest="forms_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("make", help="làm phiếu báo cáo cho mọi đơn vị phải thực hiện một yêu cầu", parents=[parent])
    p.add_argument("--requirement", required=True, metavar="MÃ_YÊU_CẦU")
    p.add_argument("--period", type=int, metavar="KỲ", help="kỳ (mặc định: kỳ đang đến hạn)")
    p.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục ghi phiếu và tệp .zip")
    p.add_argument("--pdf", action="store_true", help="làm thêm phiếu giấy (PDF, một trang) cho mỗi đơn vị")
    p.add_argument("--email", action="store_true", help="đưa vào hộp thư đi một thư cho mỗi đơn vị có địa chỉ thư")
    p.set_defaults(func=cmd_make, operation="forms.make")

    p = cmds.add_parser("import", help="nhận phiếu đã điền (.xlsx, thư mục, .zip, thư .eml)", parents=[parent])
    p.add_argument("paths", nargs="+", metavar="TỆP")
    p.add_argument("--received", metavar="NGÀY",
                   help="ngày nhận (phiếu trong thư lấy ngày của thư; mặc định: hôm nay)")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    p.add_argument("--assign", action="append", default=[], metavar="TỆP=MÃ_ĐƠN_VỊ",
                   help="gán đơn vị cho một phiếu không nhận ra được")
    p.add_argument("--requirement", metavar="MÃ_YÊU_CẦU", help="yêu cầu của các phiếu được gán đơn vị")
    p.add_argument("--period", type=int, metavar="KỲ", help="kỳ của các phiếu được gán đơn vị")
    p.set_defaults(func=cmd_import, operation="forms.import")


def cmd_make(args) -> int:
    made = ops.make(store_for(args), requirement=args.requirement, period=args.period, out_dir=args.out,
                    pdf=args.pdf, email=args.email)
    if wants_json(args):
        emit_json({"requirement": made.requirement, "period": made.period, "due": made.due, "folder": str(made.folder),
                   "zip": str(made.zip), "queued": made.queued, "files": [f.as_json() for f in made.files]})
        return 0
    say(f"Đã làm {len(made.files)} phiếu báo cáo “{made.title}” (kỳ {made.period}, hạn {format_date(made.due)}) "
        f"trong thư mục {made.folder}")
    say(f"Tất cả trong một tệp nén: {made.zip}")
    if args.email:
        say(f"Đã đưa {made.queued} thư vào hộp thư đi (gửi bằng: theodoi mail send); "
            f"{len(made.files) - made.queued} đơn vị không có địa chỉ thư.")
    return 0


def _assignments(items: list[str]) -> dict[str, str]:
    out = {}
    for item in items:
        name, sep, unit = item.rpartition("=")
        if not sep or not name.strip() or not unit.strip():
            raise UserError(f"“{item}” không đúng dạng TỆP=MÃ_ĐƠN_VỊ, ví dụ --assign phieu.xlsx=CĐ012.")
        out[name.strip()] = unit.strip()
    return out


_WORDS = {"recorded": "ĐÃ GHI", "superseded": "ĐÃ GHI (đính chính)", "duplicate": "ĐÃ CÓ", "unmatched": "CHƯA KHỚP",
          "refused": "TỪ CHỐI"}


def cmd_import(args) -> int:
    done = ops.import_forms(store_for(args), args.paths, received=date_arg(args.received), dry_run=args.dry_run,
                            assign=_assignments(args.assign), requirement=args.requirement, period=args.period)
    bad = [r for r in done.results if r.status in ("unmatched", "refused")]
    if wants_json(args):
        emit_json({"dry_run": done.dry_run, "results": [r.as_json() for r in done.results]})
    else:
        for r in done.results:
            figures = ", ".join(f"{r.labels.get(k, k)}: {v}" for k, v in r.values.items())
            unit = f" — {r.unit}" if r.unit else ""
            tail = f" ({figures})" if figures else ""
            say(f"{_WORDS.get(r.status, r.status)}: {r.file}{unit}{tail}" + (f". {r.reason}" if r.reason else ""))
        counts = ", ".join(f"{_WORDS[s].lower()} {done.count(s)}" for s in _WORDS if done.count(s))
        say(("Xem trước, chưa ghi gì: " if done.dry_run else "Kết quả: ") + (counts or "không có phiếu nào") + ".")
    if bad and not wants_json(args):
        warn(f"{len(bad)} tệp chưa được ghi: xem lý do từng tệp ở trên; phiếu chưa khớp có thể gán đơn vị rồi nhập lại.")
    return 2 if bad else 0
