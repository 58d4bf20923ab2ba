"""``theodoi keys``, ``theodoi package`` and ``theodoi trust``: office keys,
signed report packages out and in, and whom the office trusts."""

from __future__ import annotations

import getpass
import sys
import tempfile
from pathlib import Path

from db.engine import resolve_url
from desktop.cli.common import emit_json, engine_for, retried, say, session_for, wants_json, warn
from desktop.core.errors import UserError
from desktop.core.exchange import add_trusted, grouped, list_trusted, remove_trusted
from desktop.io.mail import collect_incoming
from desktop.io.package.exchange import ImportResult, export_package, import_packages, package_store_for
from desktop.io.package.format import PackageProblem
from desktop.io.package.read import verify_package
from desktop.io.signing import Pkcs12Key, TokenKey, certificate_info, create_office_key, load_certificate, open_signer


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
    p.add_argument("--trust-new", action="store_true", help="tin cậy khóa của văn phòng gửi lần đầu (sau khi đã so vân tay)")
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
    p = cmds.add_parser("add", help="tin cậy một chứng thư gốc (CA) hoặc chứng thư của văn phòng", parents=[parent])
    p.add_argument("cert", metavar="TỆP_CHỨNG_THƯ")
    p.set_defaults(func=cmd_trust_add)
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
        except PackageProblem as exc:
            results.append({"file": path.name, "status": "rejected", "reason": exc.message, "sender": None,
                            "report_number": None, "signer": None, "fingerprint": None})
            continue
        m = check.manifest
        results.append({"file": path.name, "status": "valid", "reason": None, "sender": m["sender"]["name"],
                        "report_number": m["report"]["number"], "signer": check.signer_subject,
                        "fingerprint": check.fingerprint})
    if wants_json(args):
        emit_json(results)
    else:
        _print_results(results)
    return 0 if all(r["status"] != "rejected" for r in results) else 2


def cmd_package_import(args) -> int:
    engine = engine_for(args, must_exist=True)
    options = dict(store_dir=package_store_for(resolve_url(getattr(args, "db", None))), requirement_id=args.requirement, trust_new=args.trust_new,
                   accept_changed_key=args.accept_changed_key)
    with tempfile.TemporaryDirectory() as unpacked:
        files, problems = collect_incoming([Path(f) for f in args.files], Path(unpacked))
        if args.receipts:
            with open_signer(_key(args)) as signer:
                found = import_packages(engine, files, receipt_signer=signer, receipt_dir=Path(args.receipts), **options)
        else:
            found = import_packages(engine, files, **options)
    results = [ImportResult(name, "rejected", reason).as_json() for name, reason in problems] + [r.as_json() for r in found]
    if wants_json(args):
        emit_json(results)
    else:
        _print_results(results)
        for r in results:
            if r["receipt"]:
                say(f"  Biên nhận gửi lại: {r['receipt']}")
            if r["trusted_now"]:
                say(f"  Đã ghi nhận tin cậy khóa của “{r['sender']}” (vân tay {grouped(r['fingerprint'])}).")
    rejected = [r for r in results if r["status"] == "rejected"]
    if rejected:
        warn(f"Lỗi: {len(rejected)}/{len(results)} gói bị từ chối; các gói đó không được ghi gì.")
    return 2 if rejected else 0


@retried
def cmd_trust_add(args) -> int:
    der = load_certificate(Path(args.cert))
    info = certificate_info(der)
    with session_for(args) as session:
        add_trusted(session, der, fingerprint=info.fingerprint, subject=info.subject, not_after=info.not_after)
    if wants_json(args):
        emit_json({"fingerprint": info.fingerprint, "subject": info.subject, "kind": "root"})
        return 0
    say(f"Đã tin cậy chứng thư “{info.subject}” (vân tay {grouped(info.fingerprint)}).")
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
        what = f"khóa của “{r['office']}”" if r["kind"] == "pin" else "chứng thư gốc"
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
