"""``theodoi keys``, ``theodoi package`` and ``theodoi trust``: office keys,
signed report packages out and in, and whom the office trusts."""

from __future__ import annotations

import getpass
import logging
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

from db.engine import resolve_url
from desktop.cli.common import emit_json, engine_for, retried, say, session_for, wants_json, warn
from desktop.core.errors import UserError
from desktop.core.dates import parse_date
from desktop.core.trust import add_root, grouped, list_trusted, pin_office_key, remove_trusted
from desktop.io.mail import collect_incoming_dated
from desktop.io.package.exchange import UNEXPECTED, ImportResult, export_package, import_packages, package_store_for
from desktop.io.package.read import verify_package
from desktop.io.signing import (
    CertificateProblem,
    Pkcs12Key,
    TokenKey,
    certificate_info,
    create_office_key,
    load_certificate,
    open_signer,
    root_problem,
    signing_problem,
)

log = logging.getLogger("theodoi.exchange")


def register(sub, parent) -> None:
    keys = sub.add_parser("keys", help="khóa ký số của văn phòng", parents=[parent])
    cmds = keys.add_subparsers(dest="keys_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("create", help="tạo khóa và chứng thư số cho văn phòng (tệp .p12)", parents=[parent])
    p.add_argument("--org", required=True, metavar="TÊN_VĂN_PHÒNG")
    p.add_argument("--out", required=True, metavar="TỆP.p12")
    p.add_argument("--passphrase-file", metavar="TỆP", help="tệp chứa mật khẩu (nếu không, sẽ hỏi)")
    p.set_defaults(func=cmd_keys_create)

    package = sub.add_parser("package", help="gói báo cáo ký số: xuất, kiểm tra, nhập", parents=[parent])
    cmds = package.add_subparsers(dest="package_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("export", help="ký một báo cáo đã ban hành và đóng gói để gửi lên", parents=[parent])
    p.add_argument("--report", required=True, metavar="MÃ", help="mã báo cáo trong sổ văn bản đi (theodoi register list)")
    p.add_argument("--key", metavar="TỆP.p12")
    p.add_argument("--passphrase-file", metavar="TỆP")
    p.add_argument("--pkcs11-lib", metavar="TỆP", help="thư viện PKCS#11 của USB token (.dll/.so)")
    p.add_argument("--token-label")
    p.add_argument("--cert-label")
    p.add_argument("--signature-image", metavar="PNG", help="ảnh chữ ký (màu xanh, nền trong suốt)")
    p.add_argument("--seal-image", metavar="PNG", help="ảnh con dấu (màu đỏ, nền trong suốt, đúng kích thước)")
    p.add_argument("--out", required=True, metavar="THƯ_MỤC")
    p.add_argument("--email", action="append", default=[], metavar="ĐỊA_CHỈ",
                   help="đưa gói vào hộp thư đi, gửi tới địa chỉ này (gửi bằng: theodoi mail send)")
    p.set_defaults(func=cmd_package_export)
    p = cmds.add_parser("verify", help="kiểm tra một gói báo cáo (không ghi gì)", parents=[parent])
    p.add_argument("files", nargs="+", metavar="TỆP")
    p.set_defaults(func=cmd_package_verify)
    p = cmds.add_parser("import", help="nhận các gói báo cáo của đơn vị trực thuộc", parents=[parent])
    p.add_argument("files", nargs="+", metavar="TỆP")
    p.add_argument("--requirement", metavar="MÃ_YÊU_CẦU")
    p.add_argument("--trust-new", action="store_true",
                   help="tin cậy khóa của văn phòng gửi lần đầu (sau khi đã so vân tay); chỉ khi lô có một văn phòng mới")
    p.add_argument("--fingerprint", action="append", default=[], metavar="VÂN_TAY",
                   help="tin cậy khóa có vân tay này (đã so qua điện thoại); ghi nhiều lần cho nhiều văn phòng mới")
    p.add_argument("--received", metavar="NGÀY",
                   help="ngày văn phòng nhận được gói (dd/mm/yyyy), khi nhập sau ngày nhận; mặc định: hôm nay, "
                        "hoặc ngày của thư với tệp .eml")
    p.add_argument("--accept-changed-key", action="store_true", help="chấp nhận khóa mới của văn phòng đã đổi khóa")
    p.add_argument("--receipts", metavar="THƯ_MỤC", help="ghi biên nhận có ký số cho mỗi gói nhận được vào thư mục này")
    p.add_argument("--key", metavar="TỆP.p12", help="khóa ký biên nhận")
    p.add_argument("--passphrase-file", metavar="TỆP")
    p.add_argument("--pkcs11-lib", metavar="TỆP")
    p.add_argument("--token-label")
    p.add_argument("--cert-label")
    p.set_defaults(func=cmd_package_import)

    trust = sub.add_parser("trust", help="chứng thư số được tin cậy", parents=[parent])
    cmds = trust.add_subparsers(dest="trust_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("add", help="cài chứng thư gốc của một tổ chức cấp chứng thư (CA)", parents=[parent])
    p.add_argument("cert", metavar="TỆP_CHỨNG_THƯ")
    p.set_defaults(func=cmd_trust_add)
    p = cmds.add_parser("pin", help="tin cậy chứng thư của một văn phòng trực thuộc, cho riêng văn phòng đó",
                        parents=[parent])
    p.add_argument("--office", required=True, metavar="MÃ", help="mã của văn phòng trực thuộc (theodoi units list)")
    p.add_argument("cert", metavar="TỆP_CHỨNG_THƯ")
    p.set_defaults(func=cmd_trust_pin)
    p = cmds.add_parser("list", help="các chứng thư được tin cậy", parents=[parent])
    p.set_defaults(func=cmd_trust_list)
    p = cmds.add_parser("remove", help="thôi tin cậy một chứng thư", parents=[parent])
    p.add_argument("fingerprint", metavar="VÂN_TAY")
    p.set_defaults(func=cmd_trust_remove)


def _secret(path: str | None, prompt: str, *, twice: bool = False) -> str:
    """From a file (first line), else asked at the terminal; never echoed,
    never logged."""
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").splitlines()[0] if Path(path).stat().st_size else ""
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"Không đọc được tệp mật khẩu “{path}”.") from exc
    if not sys.stdin.isatty():
        raise UserError("Không có bàn phím để hỏi mật khẩu; hãy dùng --passphrase-file TỆP.")
    first = getpass.getpass(prompt)
    if twice and getpass.getpass("Nhập lại: ") != first:
        raise UserError("Hai lần nhập mật khẩu không giống nhau; không có gì được tạo.")
    return first


def cmd_keys_create(args) -> int:
    secret = _secret(args.passphrase_file, "Mật khẩu cho tệp khóa: ", twice=True)
    info = create_office_key(args.org, Path(args.out), secret.encode("utf-8"))
    doc = {"fingerprint": info.fingerprint, "file": str(Path(args.out)), "subject": info.subject,
           "not_after": info.not_after.date()}
    if wants_json(args):
        emit_json(doc)
        return 0
    say(f"Đã tạo khóa của “{info.subject}” trong {args.out} (hiệu lực đến {info.not_after:%d/%m/%Y}).")
    say(f"Dấu vân tay (đọc qua điện thoại cho văn phòng cấp trên):\n  {grouped(info.fingerprint)}")
    say("Giữ tệp khóa và mật khẩu ở nơi an toàn; mất tệp thì phải tạo khóa mới và báo lại cấp trên.")
    return 0


def _key(args) -> Pkcs12Key | TokenKey:
    if bool(args.key) == bool(args.pkcs11_lib):
        raise UserError("Hãy chọn đúng một nơi có khóa ký: --key TỆP.p12 hoặc --pkcs11-lib THƯ_VIỆN (USB token).")
    if args.key:
        return Pkcs12Key(Path(args.key), _secret(args.passphrase_file, "Mật khẩu của tệp khóa: ").encode("utf-8"))
    pin = _secret(args.passphrase_file, "Mã PIN của USB token: ")
    return TokenKey(Path(args.pkcs11_lib), args.token_label, args.cert_label, pin)


def cmd_package_export(args) -> int:
    path, fingerprint = export_package(
        engine_for(args, must_exist=True), args.report, _key(args), Path(args.out),
        signature_image=Path(args.signature_image) if args.signature_image else None,
        seal_image=Path(args.seal_image) if args.seal_image else None,
    )
    queued = None
    if args.email:
        from desktop.cli.mail import _subject_for
        from desktop.core.outbox import queue_message

        with session_for(args) as session:
            queued = queue_message(session, package_path=str(path.resolve()), recipients=args.email,
                                   subject=_subject_for(session, int(args.report), path),
                                   outgoing_document_id=int(args.report)).id
    if wants_json(args):
        emit_json({"package": str(path), "fingerprint": fingerprint, "outbox_id": queued})
        return 0
    say(f"Đã ký và đóng gói: {path}")
    if queued:
        say(f"Đã đưa vào hộp thư đi (thư số {queued}); gửi bằng: theodoi mail send")
    say("Đã đọc lại và kiểm tra gói: an toàn để rút USB.")
    say(f"Vân tay người ký: {grouped(fingerprint)}")
    return 0


def _print_results(results: list[dict]) -> None:
    words = {"accepted": "ĐÃ NHẬN", "superseded": "ĐÃ NHẬN (thay gói cũ)", "duplicate": "ĐÃ CÓ", "rejected": "TỪ CHỐI",
             "valid": "HỢP LỆ"}
    for r in results:
        who = f" — {r['sender']}, báo cáo số {r['report_number']}" if r.get("sender") else ""
        say(f"{words.get(r['status'], r['status'])}: {r['file']}{who}")
        if r.get("reason"):
            say(f"  {r['reason']}")


def cmd_package_verify(args) -> int:
    results = []
    for name in args.files:
        path = Path(name)
        try:
            check = verify_package(path)
        except UserError as exc:
            results.append(_refused(path.name, exc.message))
            continue
        except Exception as exc:  # noqa: BLE001 - every file ends in a result, the batch goes on
            log.warning("verifying %s failed", path.name, exc_info=True)
            results.append(_refused(path.name, UNEXPECTED.format(type(exc).__name__)))
            continue
        m = check.manifest
        results.append({"file": path.name, "status": "valid", "reason": None, "sender": m["sender"]["name"],
                        "report_number": m["report"]["number"], "signer": check.signer_subject,
                        "fingerprint": check.fingerprint, "report_date": check.report_date})
    if wants_json(args):
        emit_json(results)
    else:
        _print_results(results)
    return 0 if all(r["status"] != "rejected" for r in results) else 2


def _refused(file: str, reason: str) -> dict:
    return {"file": file, "status": "rejected", "reason": reason, "sender": None, "report_number": None,
            "signer": None, "fingerprint": None, "report_date": None}


def cmd_package_import(args) -> int:
    engine = engine_for(args, must_exist=True)
    received = parse_date(args.received) if args.received else None
    options = dict(store_dir=package_store_for(resolve_url(getattr(args, "db", None))), requirement_id=args.requirement,
                   trust_new=args.trust_new, fingerprints=args.fingerprint, accept_changed_key=args.accept_changed_key,
                   received_on=received)
    with tempfile.TemporaryDirectory() as unpacked:
        files, problems, mail_dates = collect_incoming_dated([Path(f) for f in args.files], Path(unpacked))
        if args.receipts:
            with open_signer(_key(args)) as signer:
                found = import_packages(engine, files, receipt_signer=signer, receipt_dir=Path(args.receipts),
                                        mail_dates=mail_dates, **options)
        else:
            found = import_packages(engine, files, mail_dates=mail_dates, **options)
    results = [ImportResult(name, "rejected", reason).as_json() for name, reason in problems] + [r.as_json() for r in found]
    if wants_json(args):
        emit_json(results)
    else:
        _print_results(results)
        for r in results:
            if r["received_on"] and r["status"] in ("accepted", "superseded") and r["report_date"]:
                say(f"  Báo cáo ngày {r['report_date']:%d/%m/%Y}, nhận ngày {r['received_on']:%d/%m/%Y}.")
            if r["receipt"]:
                say(f"  Biên nhận gửi lại: {r['receipt']}")
            if r["pinned"]:
                say(f"  Đã ghi nhận tin cậy khóa của “{r['sender']}” (vân tay {grouped(r['pinned'])}).")
    rejected = [r for r in results if r["status"] == "rejected"]
    if rejected:
        kept = len(results) - len(rejected)
        warn(f"Lỗi: {len(rejected)}/{len(results)} tệp bị từ chối; các tệp đó không được ghi gì"
             + (" (các tệp còn lại đã được xử lý như trên)." if kept else "."))
    return 2 if rejected else 0


def _certificate(path: Path):
    """(DER bytes, what it says) of a certificate file; refusals name the file."""
    der = load_certificate(path)
    try:
        return der, certificate_info(der)
    except CertificateProblem as exc:
        raise UserError(f"Tệp “{path.name}”: {exc.message}.") from exc


@retried
def cmd_trust_add(args) -> int:
    der, info = _certificate(Path(args.cert))
    with session_for(args) as session:
        add_root(session, der, fingerprint=info.fingerprint, subject=info.subject, names=info.names,
                 not_after=info.not_after, problem=root_problem(info, datetime.now(timezone.utc)))
    if wants_json(args):
        emit_json({"fingerprint": info.fingerprint, "subject": info.subject, "kind": "root"})
        return 0
    say(f"Đã cài chứng thư gốc “{info.subject}” (vân tay {grouped(info.fingerprint)}); chứng thư do nó cấp ký được "
        "cho văn phòng có tên ghi trong chứng thư, và chỉ văn phòng đó.")
    return 0


@retried
def cmd_trust_pin(args) -> int:
    der, info = _certificate(Path(args.cert))
    with session_for(args) as session:
        _row, unit = pin_office_key(session, args.office, der, fingerprint=info.fingerprint, subject=info.subject,
                                    not_after=info.not_after, problem=signing_problem(info, datetime.now(timezone.utc)))
        office = unit.name
    if wants_json(args):
        emit_json({"fingerprint": info.fingerprint, "subject": info.subject, "kind": "pin", "office": office})
        return 0
    say(f"Đã tin cậy khóa “{info.subject}” (vân tay {grouped(info.fingerprint)}) cho riêng “{office}”.")
    return 0


def cmd_trust_list(args) -> int:
    with session_for(args, commit=False) as session:
        rows = [{"fingerprint": r.fingerprint, "subject": r.subject, "kind": r.kind, "office": office,
                 "not_after": r.not_after, "added_at": r.added_at} for r, office in list_trusted(session)]
    if wants_json(args):
        emit_json(rows)
        return 0
    if not rows:
        say("Chưa tin cậy chứng thư nào.")
    for r in rows:
        what = ("chứng thư gốc" if r["kind"] != "pin" else
                f"khóa của “{r['office']}”" if r["office"] else "khóa của văn phòng cấp trên, ký biên nhận")
        say(f"{grouped(r['fingerprint'])[:39]}…  {r['subject']} ({what})")
    return 0


@retried
def cmd_trust_remove(args) -> int:
    with session_for(args) as session:
        row = remove_trusted(session, args.fingerprint)
        doc = {"fingerprint": row.fingerprint, "subject": row.subject}
    if wants_json(args):
        emit_json(doc)
        return 0
    say(f"Đã thôi tin cậy chứng thư “{row.subject}”.")
    return 0
