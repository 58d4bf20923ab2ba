"""``theodoi directives`` and ``theodoi requirements``."""

from __future__ import annotations

from dataclasses import asdict

from db.models import Directive, Requirement
from desktop.operations import directives as ops
from desktop.cli.common import store_for, date_arg, directive_args, directive_choice, emit_json, say, wants_json, warn
from desktop.core.dates import format_date, parse_date
from desktop.core.directives import (
    parse_indicators,
)
from desktop.core.errors import UserError
from desktop.core.intake import (
    DirectiveFields,
    propose_requirements,
    register_issuer,
)
from desktop.core.intake.kinds import document_kind
from desktop.core.periods import parse_every
from desktop.core.vntext import clean


def register(sub, parent) -> None:
    directives = sub.add_parser("directives", help="văn bản chỉ đạo", parents=[parent])
    cmds = directives.add_subparsers(dest="directives_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("add", help="vào sổ một văn bản chỉ đạo", parents=[parent])
    p.add_argument("--number", required=True, help="số, ký hiệu, ví dụ 314/KH-LĐLĐ")
    p.add_argument("--issuer", required=True, help="cơ quan ban hành")
    p.add_argument("--date", required=True, help="ngày ban hành")
    p.add_argument("--subject", required=True, help="trích yếu")
    p.add_argument("--kind", help="loại văn bản (NQ, CTr, KH, TB, CV, HD, QĐ, BC); mặc định lấy từ số")
    p.set_defaults(func=cmd_add_directive, operation="directives.add")
    p = cmds.add_parser("list", help="các văn bản đã vào sổ", parents=[parent])
    p.set_defaults(func=cmd_list_directives, operation="directives.list")
    p = cmds.add_parser(
        "intake", help="đọc một văn bản (.txt, .pdf kể cả bản quét, .docx, .doc): số, ngày, trích yếu, người ký, các hạn…",
        parents=[parent]
    )
    p.add_argument("file", metavar="TỆP")
    p.add_argument("--save", action="store_true", help="vào sổ văn bản và thêm các yêu cầu đề xuất từ các hạn")
    p.add_argument("--number", help="số, ký hiệu (khi văn bản không ghi số hoặc đọc sai)")
    p.add_argument("--date", help="ngày ban hành (thay cho ngày đọc được)")
    p.add_argument("--issuer", help="cơ quan ban hành (thay cho tên đọc được)")
    p.add_argument("--subject", help="trích yếu (thay cho trích yếu đọc được)")
    p.set_defaults(func=cmd_intake, operation="directives.intake")

    requirements = sub.add_parser("requirements", help="yêu cầu đối với đơn vị", parents=[parent])
    cmds = requirements.add_subparsers(dest="requirements_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("add", help="thêm một yêu cầu của văn bản", parents=[parent])
    directive_args(p, required=True)
    p.add_argument("--title", required=True)
    p.add_argument("--due", metavar="NGÀY", help="hạn (yêu cầu một lần)")
    p.add_argument("--every", metavar="CHU_KỲ", help="định kỳ: 6m (6 tháng/lần), 1y (hằng năm)")
    p.add_argument("--first-due", metavar="NGÀY", help="hạn của kỳ đầu (với --every)")
    p.add_argument("--until", metavar="NGÀY", help="kỳ cuối không sau ngày này (với --every)")
    p.add_argument("--indicator", action="append", default=[], metavar="KHÓA:TÊN", help="chỉ tiêu: tên (khóa tự đặt từ tên), ví dụ \"Số buổi\", hoặc KHÓA:Tên, ví dụ sessions:Số buổi")
    p.add_argument("--applies-sector", action="append", default=[], metavar="KHỐI", help="chỉ áp dụng cho khối này")
    p.add_argument("--applies-kind", action="append", default=[], choices=["grassroots", "upper"])
    p.set_defaults(func=cmd_add_requirement, operation="requirements.add")
    p = cmds.add_parser("list", help="các yêu cầu", parents=[parent])
    directive_args(p)
    p.set_defaults(func=cmd_list_requirements, operation="requirements.list")


def directive_json(d: Directive) -> dict:
    return {"id": d.id, "number": d.number, "kind": d.kind, "issuer": d.issuer, "date": d.issued_on, "subject": d.subject,
            "year": d.year or None}


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
    d = ops.add(store_for(args), number=args.number, issuer=args.issuer, issued_on=issued_on, subject=args.subject,
                kind=args.kind).directive
    if wants_json(args):
        emit_json(directive_json(d))
    else:
        say(f"Đã vào sổ văn bản số {d.number} ngày {format_date(issued_on)} (mã {d.id}).")
    return 0


def cmd_list_directives(args) -> int:
    docs = [directive_json(d) for d in ops.listing(store_for(args))]
    if wants_json(args):
        emit_json(docs)
        return 0
    for d in docs:
        say(f"{d['number']:<20} {format_date(d['date']) if d['date'] else '':<10}  {d['subject'] or ''}")
    return 0


def cmd_add_requirement(args) -> int:
    every = parse_every(args.every) if args.every else None
    spec = ops.RequirementSpec(
        title=args.title, due=date_arg(args.due), every_months=every, first_due=date_arg(args.first_due),
        until=date_arg(args.until), indicators=parse_indicators(args.indicator),
        applies_kinds=args.applies_kind, applies_sectors=args.applies_sector,
    )
    r, directive = ops.add_requirement_to(store_for(args), args.directive, spec, year=args.year, issuer=args.issuer)
    if wants_json(args):
        emit_json(requirement_json(r, directive))
    else:
        when = f"hạn {format_date(r.first_due)}" if not every else f"{every} tháng/lần, kỳ đầu hạn {format_date(r.first_due)}"
        say(f"Đã thêm yêu cầu số {r.id}: {r.title} ({when}).")
    return 0


def cmd_list_requirements(args) -> int:
    choice = directive_choice(args)
    pairs = ops.requirements(store_for(args), choice.pop("directive"), **choice)
    docs = [requirement_json(r, d) for r, d in pairs]
    if wants_json(args):
        emit_json(docs)
        return 0
    for r in docs:
        when = f"hạn {format_date(r['due'])}" if r["due"] else f"{r['every_months']} tháng/lần từ {format_date(r['first_due'])}"
        say(f"[{r['id']}] {r['directive']}: {r['title']} ({when})")
    return 0


def _apply_overrides(fields: DirectiveFields, args) -> None:
    # What the clerk typed is sure.
    if args.number:
        fields.number = clean(args.number)
        fields.kind = document_kind(fields.number, fields.title, fields.subject)[0] or fields.kind
        fields.confidence["number"] = 1.0
    if args.date:
        fields.issued_on = parse_date(args.date)
        fields.confidence["issued_on"] = 1.0
    if args.issuer:
        fields.issuer, fields.parent_issuer = clean(args.issuer), None
        fields.confidence["issuer"], fields.confidence["parent_issuer"] = 1.0, 0.0
    if args.subject:
        fields.subject = clean(args.subject)
        fields.confidence["subject"] = 1.0


def cmd_intake(args) -> int:
    reading = ops.read_file(store_for(args), args.file)
    doc, fields = reading.document, reading.fields
    _apply_overrides(fields, args)
    proposals, notes = propose_requirements(fields)
    out = asdict(fields)
    out.pop("warnings")
    out["missing"] = fields.missing()
    out["doubtful"] = fields.doubtful()
    out["warnings"] = doc.warnings + fields.warnings + notes
    if "number" in out["missing"]:  # the core's words fit any front end; the flag is this one's
        out["warnings"].append("Trên dòng lệnh, ghi số, ký hiệu bằng --number khi lưu (--save).")
    out["file"] = doc.file_name
    out["file_format"] = doc.file_format
    out["encoding"] = doc.encoding
    out["proposed_requirements"] = [
        {"title": p.title, "due": p.due, "every_months": p.every_months, "first_due": p.first_due} for p in proposals
    ]
    out["saved"] = None
    if args.save:
        if not fields.number:
            raise UserError(
                f"Văn bản “{doc.file_name}” không ghi số, ký hiệu nên chưa vào sổ được; không có gì được ghi. "
                "Hãy xem lại văn bản rồi chạy lại với --number \"số/ký hiệu\" (ví dụ --number \"15-KH/ĐUK\")."
            )
        added = ops.add(store_for(args), number=fields.number, issuer=register_issuer(fields),
                        issued_on=fields.issued_on, subject=fields.subject, kind=fields.kind, file_name=doc.file_name,
                        file_sha256=doc.sha256,
                        requirements=[ops.RequirementSpec(title=p.title, due=p.due, every_months=p.every_months,
                                                          first_due=p.first_due) for p in proposals])
        d = added.directive
        out["saved"] = {"directive": directive_json(d), "requirements": [requirement_json(r, d) for r in added.requirements]}
    if wants_json(args):
        emit_json(out)
        return 0
    _print_intake(out)
    return 0


def _show(value) -> str:
    if value is None or value == []:
        return "— (không tìm thấy)"
    return format_date(value) if hasattr(value, "year") else str(value)


def _print_intake(out: dict) -> None:
    say(f"Văn bản: {out['file']}" + (f" (bảng mã {out['encoding']})" if out["encoding"] not in ("unicode", "utf-8") else ""))
    rows = [
        ("Số, ký hiệu", out["number"]), ("Loại", out["kind"]), ("Cơ quan ban hành", out["issuer"]),
        ("Cơ quan cấp trên", out["parent_issuer"]), ("Địa danh", out["place"]), ("Ngày ban hành", out["issued_on"]),
        ("Trích yếu", out["subject"]), ("Thẩm quyền ký", out["signing_authority"]), ("Chức vụ người ký", out["signer_title"]),
        ("Người ký", out["signer_name"]),
    ]
    for label, value in rows:
        say(f"{label + ':':<20} {_show(value)}")
    say(f"{'Nơi nhận:':<20} {'; '.join(out['recipients']) or _show(None)}")
    say(f"{'Văn bản viện dẫn:':<20} {', '.join(out['referenced_documents']) or _show(None)}")
    for d in out["deadlines"]:
        say(f"  Hạn {_show(d['date'])}: {d['text']}")
    if out["recurrence"]:
        say(f"  Chu kỳ báo cáo: {out['recurrence']['text']} ({out['recurrence']['every_months']} tháng/lần)")
    labels = {
        "number": "Số, ký hiệu", "kind": "Loại", "issuer": "Cơ quan ban hành", "parent_issuer": "Cơ quan cấp trên",
        "place": "Địa danh", "issued_on": "Ngày ban hành", "subject": "Trích yếu", "signing_authority": "Thẩm quyền ký",
        "signer_title": "Chức vụ người ký", "signer_name": "Người ký", "recipients": "Nơi nhận",
        "referenced_documents": "Văn bản viện dẫn", "deadlines": "Các hạn", "recurrence": "Chu kỳ báo cáo",
    }
    if out["doubtful"]:
        warn("Cần kiểm tra lại (đọc chưa chắc): " + ", ".join(labels.get(n, n) for n in out["doubtful"]) + ".")
    for w in out["warnings"]:
        warn(f"Lưu ý: {w}")
    saved = out["saved"]
    if saved is None:
        for p in out["proposed_requirements"]:
            when = f"hạn {format_date(p['due'])}" if p["due"] else f"{p['every_months']} tháng/lần, kỳ đầu hạn {format_date(p['first_due'])}"
            say(f"  Đề xuất yêu cầu: {p['title']} ({when})")
        say("Chưa ghi gì. Thêm --save để vào sổ văn bản và các yêu cầu đề xuất.")
        return
    d = saved["directive"]
    say(f"Đã vào sổ văn bản số {d['number']} (mã {d['id']}).")
    for r in saved["requirements"]:
        when = f"hạn {format_date(r['due'])}" if r["due"] else f"{r['every_months']} tháng/lần, kỳ đầu hạn {format_date(r['first_due'])}"
        say(f"  Đã thêm yêu cầu số {r['id']}: {r['title']} ({when})")
    if saved["requirements"]:
        say("Hãy xem lại các yêu cầu (tên, hạn, chỉ tiêu) trước khi theo dõi.")
