"""``theodoi directives`` and ``theodoi requirements``."""

from __future__ import annotations

from db.models import Directive, Requirement
from desktop.cli.common import date_arg, emit_json, say, session_for, wants_json
from desktop.core.dates import format_date, parse_date
from desktop.core.directives import (
    add_directive,
    add_requirement,
    find_directive,
    list_directives,
    parse_indicator,
    requirements_of,
)
from desktop.core.periods import parse_every


def register(sub, parent) -> None:
    directives = sub.add_parser("directives", help="văn bản chỉ đạo", parents=[parent])
    cmds = directives.add_subparsers(dest="directives_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("add", help="vào sổ một văn bản chỉ đạo", parents=[parent])
    p.add_argument("--number", required=True, help="số, ký hiệu, ví dụ 314/KH-LĐLĐ")
    p.add_argument("--issuer", required=True, help="cơ quan ban hành")
    p.add_argument("--date", required=True, help="ngày ban hành")
    p.add_argument("--subject", required=True, help="trích yếu")
    p.add_argument("--kind", help="loại văn bản (NQ, CTr, KH, TB, CV, HD, QĐ, BC); mặc định lấy từ số")
    p.set_defaults(func=cmd_add_directive)
    p = cmds.add_parser("list", help="các văn bản đã vào sổ", parents=[parent])
    p.set_defaults(func=cmd_list_directives)

    requirements = sub.add_parser("requirements", help="yêu cầu đối với đơn vị", parents=[parent])
    cmds = requirements.add_subparsers(dest="requirements_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("add", help="thêm một yêu cầu của văn bản", parents=[parent])
    p.add_argument("--directive", required=True, metavar="SỐ_VĂN_BẢN")
    p.add_argument("--title", required=True)
    p.add_argument("--due", metavar="NGÀY", help="hạn (yêu cầu một lần)")
    p.add_argument("--every", metavar="CHU_KỲ", help="định kỳ: 6m (6 tháng/lần), 1y (hằng năm)")
    p.add_argument("--first-due", metavar="NGÀY", help="hạn của kỳ đầu (với --every)")
    p.add_argument("--until", metavar="NGÀY", help="kỳ cuối không sau ngày này (với --every)")
    p.add_argument("--indicator", action="append", default=[], metavar="KHÓA:TÊN", help="chỉ tiêu, ví dụ sessions:Số buổi")
    p.add_argument("--applies-sector", action="append", default=[], metavar="KHỐI", help="chỉ áp dụng cho khối này")
    p.add_argument("--applies-kind", action="append", default=[], choices=["grassroots", "upper"])
    p.set_defaults(func=cmd_add_requirement)
    p = cmds.add_parser("list", help="các yêu cầu", parents=[parent])
    p.add_argument("--directive", metavar="SỐ_VĂN_BẢN")
    p.set_defaults(func=cmd_list_requirements)


def directive_json(d: Directive) -> dict:
    return {"id": d.id, "number": d.number, "kind": d.kind, "issuer": d.issuer, "date": d.issued_on, "subject": d.subject}


def requirement_json(r: Requirement, directive: Directive) -> dict:
    return {
        "id": r.id,
        "directive": directive.number,
        "title": r.title,
        "due": None if r.every_months else r.first_due,
        "every_months": r.every_months,
        "first_due": r.first_due,
        "until": r.until,
        "indicators": r.indicators or [],
        "applies_kinds": r.applies_kinds or [],
        "applies_sectors": r.applies_sectors or [],
    }


def cmd_add_directive(args) -> int:
    issued_on = parse_date(args.date)
    with session_for(args) as session:
        d = add_directive(session, number=args.number, issuer=args.issuer, issued_on=issued_on, subject=args.subject, kind=args.kind)
        doc = directive_json(d)
    if wants_json(args):
        emit_json(doc)
    else:
        say(f"Đã vào sổ văn bản số {d.number} ngày {format_date(issued_on)} (mã {d.id}).")
    return 0


def cmd_list_directives(args) -> int:
    with session_for(args) as session:
        docs = [directive_json(d) for d in list_directives(session)]
    if wants_json(args):
        emit_json(docs)
        return 0
    for d in docs:
        say(f"{d['number']:<20} {format_date(d['date']) if d['date'] else '':<10}  {d['subject'] or ''}")
    return 0


def cmd_add_requirement(args) -> int:
    due = date_arg(args.due)
    every = parse_every(args.every) if args.every else None
    first_due = date_arg(args.first_due)
    until = date_arg(args.until)
    indicators = [parse_indicator(text) for text in args.indicator]
    with session_for(args) as session:
        directive = find_directive(session, args.directive)
        r = add_requirement(
            session,
            directive,
            title=args.title,
            due=due,
            every_months=every,
            first_due=first_due,
            until=until,
            indicators=indicators,
            applies_kinds=args.applies_kind,
            applies_sectors=args.applies_sector,
        )
        doc = requirement_json(r, directive)
    if wants_json(args):
        emit_json(doc)
    else:
        when = f"hạn {format_date(r.first_due)}" if not every else f"{every} tháng/lần, kỳ đầu hạn {format_date(r.first_due)}"
        say(f"Đã thêm yêu cầu số {r.id}: {r.title} ({when}).")
    return 0


def cmd_list_requirements(args) -> int:
    with session_for(args) as session:
        directives = [find_directive(session, args.directive)] if args.directive else list_directives(session)
        docs = [requirement_json(r, d) for d in directives for r in requirements_of(session, d)]
    if wants_json(args):
        emit_json(docs)
        return 0
    for r in docs:
        when = f"hạn {format_date(r['due'])}" if r["due"] else f"{r['every_months']} tháng/lần từ {format_date(r['first_due'])}"
        say(f"[{r['id']}] {r['directive']}: {r['title']} ({when})")
    return 0
