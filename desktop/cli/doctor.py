"""``theodoi doctor``: is this PC ready? Each line OK or what to do."""

from __future__ import annotations

from db.engine import resolve_url
from desktop import __version__
from desktop.cli.common import emit_json, say, wants_json
from desktop.operations import Store
from desktop.operations import database as ops


def register(sub, parent) -> None:
    p = sub.add_parser("doctor", help="kiểm tra máy: dữ liệu, sao lưu, phông chữ, máy in, token, ký thử",
                       parents=[parent])
    p.set_defaults(func=cmd_doctor, operation="doctor")


def _printers() -> list[str]:
    try:
        from desktop.ui.printers import system_printers
    except ImportError:  # a build without Qt's print support
        return []
    return system_printers()


def cmd_doctor(args) -> int:
    checks = ops.doctor(Store(None, resolve_url(getattr(args, "db", None))), printers=_printers)
    if wants_json(args):
        emit_json({"version": __version__, "ok": all(c.ok for c in checks), "checks": [c.as_json() for c in checks]})
    else:
        for c in checks:
            mark = "CẦN XỬ LÝ" if not c.ok else ("LƯU Ý" if c.warning else "OK")
            say(f"[{mark}] {c.name}: {c.detail}")
            if c.advice:
                say(f"      → {c.advice}")
    return 0 if all(c.ok for c in checks) else 2
