"""The returned forms in what the clerk drops: .xlsx files, folders of
them, .zip files holding them, saved e-mails (.eml) carrying them (with
the day each e-mail was sent and who sent it)."""

from __future__ import annotations

import itertools
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.core.errors import UserError

from desktop.io.limits import MAX_FORM_BYTES, WORKBOOK_ZIP, ZipBudget
from desktop.io.mail import email_attachments
from desktop.io.safety import check_zip

FORM_SUFFIXES = (".xlsx", ".xlsm", ".ods", ".xls", ".pdf", ".jpg", ".jpeg", ".png")
# A .zip of returned forms: checked as a whole without holding it, then
# each form taken out is no bigger than a form may be.
_ZIP_OF_FORMS = ZipBudget(total_bytes=WORKBOOK_ZIP.total_bytes, member_bytes=MAX_FORM_BYTES)


@dataclass
class Incoming:
    """One file to read as a form. ``name`` is what the clerk knows it by
    ("thu-cd01.eml › phieu.xlsx"); ``mail_day`` the e-mail's Date header."""

    path: Path
    name: str
    mail_day: date | None = None
    sender: str | None = None


_taken = itertools.count()


def _safe_name(raw: str) -> str:
    name = Path(raw.replace("\\", "/")).name
    return "".join(c for c in name if c.isprintable() and c not in '<>:"/\\|?*')[:120] or "phieu.xlsx"


def _from_zip(path: Path, folder: Path, prefix: str = "") -> tuple[list[Incoming], list[tuple[str, str]]]:
    try:
        names = check_zip(path, budget=_ZIP_OF_FORMS)
    except UserError as exc:
        return [], [(prefix + path.name, exc.message)]
    if any(n.startswith("xl/") for n in names):  # an .xlsx named .zip
        return [Incoming(path, prefix + path.name)], []
    found: list[Incoming] = []
    with zipfile.ZipFile(path) as zf:
        for n, info in enumerate(zf.infolist()):
            if info.is_dir() or not info.filename.lower().endswith((".xlsx", ".xlsm")):
                continue
            name = _safe_name(info.filename)
            target = folder / f"z{next(_taken)}-{name}"
            with zf.open(info) as src:
                target.write_bytes(src.read(MAX_FORM_BYTES + 1))
            found.append(Incoming(target, f"{prefix}{path.name} › {name}"))
    if not found:
        return [], [(prefix + path.name, "tệp nén không có phiếu báo cáo (.xlsx) nào")]
    return found, []


def collect_forms(paths: list[Path | str], folder: Path) -> tuple[list[Incoming], list[tuple[str, str]]]:
    """The forms to read, in a stable order, and (name, reason) for what
    held none. Files taken out of a .zip or an e-mail are written into
    ``folder``."""
    listed: list[Path] = []
    problems: list[tuple[str, str]] = []
    for path in map(Path, paths):
        if path.is_dir():
            inside = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith((".", "~$"))
                            and p.suffix.lower() in FORM_SUFFIXES + (".zip", ".eml"))
            if not inside:
                problems.append((path.name, "thư mục không có phiếu báo cáo (.xlsx), tệp nén (.zip) hay thư (.eml) nào"))
            listed += inside
        elif not path.is_file():
            problems.append((path.name, "không tìm thấy tệp"))
        else:
            listed.append(path)
    out: list[Incoming] = []
    for path in listed:
        suffix = path.suffix.lower()
        if suffix == ".eml":
            try:
                files, day, sender = email_attachments(path, folder, (".xlsx", ".xlsm", ".zip"))
            except (UserError, OSError, ValueError) as exc:
                problems.append((path.name, getattr(exc, "message", "không đọc được thư")))
                continue
            if not files:
                problems.append((path.name, "thư không có phiếu báo cáo (.xlsx) đính kèm"))
            for f in files:
                shown = f.name.split("-", 2)[-1]
                if f.suffix.lower() == ".zip":
                    inner, bad = _from_zip(f, folder, prefix=f"{path.name} › ")
                    problems += bad
                    out += [Incoming(i.path, i.name, day, sender) for i in inner]
                else:
                    out.append(Incoming(f, f"{path.name} › {shown}", day, sender))
        elif suffix == ".zip":
            inner, bad = _from_zip(path, folder)
            out += inner
            problems += bad
        else:
            out.append(Incoming(path, path.name))
    return out, problems
