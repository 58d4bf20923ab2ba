"""``theodoi status`` and the dashboard: who is on time, late or missing."""

from __future__ import annotations

from datetime import date

from desktop.cli.common import as_of_arg, directive_args, directive_choice, emit_json, say, store_for, wants_json
from desktop.core.dates import format_date
from desktop.core.status import DirectiveStatus, PeriodStatus, Status
from desktop.operations import status as ops

SHOWN_NAMES = 8


def register(sub, parent) -> None:
    p = sub.add_parser("status", help="tình hình thực hiện: đúng hạn, chậm, chưa nộp", parents=[parent])
    directive_args(p)
    p.add_argument("--as-of", metavar="NGÀY", help="tính đến ngày (mặc định: hôm nay)")
    p.add_argument("--upcoming", action="store_true", help="thêm kỳ sắp tới của mỗi yêu cầu")
    p.set_defaults(func=cmd_status, operation="status")

    p = sub.add_parser("dashboard", help="tổng quan: kỳ gần nhất của mỗi yêu cầu và hạn sắp tới", parents=[parent])
    p.add_argument("--as-of", metavar="NGÀY")
    p.set_defaults(func=cmd_dashboard, operation="dashboard")


def _names(ps: PeriodStatus, status: Status) -> list[str]:
    return ps.names(status)


def period_json(ps: PeriodStatus) -> dict:
    c = ps.counts
    r = ps.requirement
    return {
        "id": r.id,
        "title": r.title,
        "period": ps.period.number,
        "period_label": ps.period.label(ps.recurring),
        "due": ps.period.due,
        "applicable": c.applicable,
        "on_time": c.on_time,
        "late": c.late,
        "missing": c.missing,
        "exempt": c.exempt,
        "pending": c.pending,
        "submitted": c.submitted,
        "expected": c.expected,
        "missing_units": _names(ps, Status.MISSING),
        "late_units": _names(ps, Status.LATE),
        "exempt_units": [{"name": name, "reason": reason} for name, reason in ps.exempt_reasons()],
        "pending_units": _names(ps, Status.PENDING),
        "by_sector": [
            {"sector": sector, **counts.as_json()} for sector, counts in ps.by_sector().items()
        ],
        "indicator_totals": ps.indicator_totals(),
    }


def overview_json(as_of: date, overview: list[DirectiveStatus]) -> dict:
    return {
        "as_of": as_of,
        "directives": [
            {
                "number": ds.directive.number,
                "subject": ds.directive.subject,
                # The same number may come back in another year or from
                # another issuer: these tell them apart.
                "id": ds.directive.id,
                "issuer": ds.directive.issuer,
                "date": ds.directive.issued_on,
                "requirements": [period_json(ps) for ps in ds.periods],
            }
            for ds in overview
        ],
    }


def _directive_name(d) -> str:
    """"05/KH-LĐLĐ (10/01/2023)": the date tells apart a number that comes
    back in another year."""
    return f"{d.number} ({format_date(d.issued_on)})" if d.issued_on else d.number


def _short(names: list[str]) -> str:
    head = "; ".join(names[:SHOWN_NAMES])
    return head + (f"; … và {len(names) - SHOWN_NAMES} đơn vị khác" if len(names) > SHOWN_NAMES else "")


def print_period(ps: PeriodStatus, indent: str = "  ") -> None:
    c = ps.counts
    expected = c.expected
    line = (
        f"{indent}[{ps.requirement.id}] {ps.requirement.title} — {ps.period.label(ps.recurring)}: "
        f"{c.submitted}/{expected} đơn vị đã nộp (đúng hạn {c.on_time}, chậm {c.late})"
    )
    if c.missing:
        line += f", chưa nộp {c.missing}"
    if c.pending:
        line += f", chưa đến hạn {c.pending}"
    if c.exempt:
        line += f", miễn {c.exempt}"
    say(line)
    if c.missing:
        say(f"{indent}    Chưa nộp: {_short(_names(ps, Status.MISSING))}")
    if c.late:
        say(f"{indent}    Nộp chậm: {_short(_names(ps, Status.LATE))}")


def cmd_status(args) -> int:
    as_of = as_of_arg(args.as_of)
    overview = ops.overview(store_for(args, must_exist=True), as_of=as_of, upcoming=args.upcoming,
                            **directive_choice(args))
    if wants_json(args):
        emit_json(overview_json(as_of, overview))
        return 0
    say(f"Tình hình thực hiện tính đến ngày {format_date(as_of)}")
    for ds in overview:
        say(f"\nVăn bản {_directive_name(ds.directive)}: {ds.directive.subject or ''}")
        if not ds.periods:
            say("  (chưa có kỳ nào đến hạn)")
        for ps in ds.periods:
            print_period(ps)
    return 0


def cmd_dashboard(args) -> int:
    return show_dashboard(args, as_of_arg(getattr(args, "as_of", None)))


def show_dashboard(args, as_of: date, *, must_exist: bool = True) -> int:
    board = ops.dashboard(store_for(args, must_exist=must_exist), as_of=as_of)
    if wants_json(args):
        doc = overview_json(as_of, board.overview)
        doc["office"] = board.office
        emit_json(doc)
        return 0
    say(f"THEO DÕI — {board.office or 'chưa khai báo văn phòng'}")
    say(f"Tổng quan tính đến ngày {format_date(as_of)}")
    for summary in board.directives:
        say(f"\nVăn bản {_directive_name(summary.directive)}: {summary.directive.subject or ''}")
        for ps in summary.latest:
            print_period(ps)
        if not summary.latest:
            say("  (chưa có kỳ nào đến hạn)")
    if board.upcoming:
        say("\nHạn sắp tới:")
        for ps in board.upcoming:
            c = ps.counts
            say(f"  {format_date(ps.period.due)}  [{ps.requirement.id}] {ps.requirement.title}: đã nộp {c.submitted}/{c.expected}")
    return 0
