"""``theodoi keys``, ``theodoi package`` and ``theodoi trust``: office keys,
signed report packages out and in, and whom the office trusts."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

from desktop.cli.common import emit_json, say, store_for, wants_json, warn
from desktop.core.dates import parse_date
from desktop.core.errors import UserError
from desktop.core.trust import NotARoot, grouped
from desktop.io.signing import Pkcs12Key, TokenKey
from desktop.operations import exchange as ops
from desktop.operations import keys as key_ops



def register(sub, parent) -> None:
    keys = sub.add_parser("keys", help="khóa ký số của văn phòng", parents=[parent])
    cmds = keys.add_subparsers(dest="keys_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("create", help="tạo khóa và chứng thư số cho văn phòng (tệp .p12)", parents=[parent])
    p.add_argument("--org", required=True, metavar="TÊN_VĂN_PHÒNG")
    p.add_argument("--out", required=True, metavar="TỆP.p12")
    p.add_argument("--passphrase-file", metavar="TỆP", help="tệp chứa mật khẩu (nếu không, sẽ hỏi)")
    p.set_defaults(func=cmd_keys_create, operation="keys.create")

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
    p.add_argument("--seal-for", metavar="CHỨNG_THƯ",
                   help="niêm phong (mã hóa) gói cho nơi nhận có chứng thư số này (tệp PEM hoặc DER): chỉ nơi đó "
                        "mở được; ghi tệp .p7m thay cho tệp .zip")
    p.add_argument("--seal-for-upper", action="store_true",
                   help="niêm phong gói cho văn phòng cấp trên, bằng khóa đã tin cậy khi nhận biên nhận của họ")
    p.set_defaults(func=cmd_package_export, operation="package.export")
    p = cmds.add_parser("verify", help="kiểm tra một gói báo cáo (không ghi gì)", parents=[parent])
    p.add_argument("files", nargs="+", metavar="TỆP")
    p.add_argument("--key", metavar="TỆP.p12", help="khóa của văn phòng, để mở gói niêm phong")
    p.add_argument("--passphrase-file", metavar="TỆP")
    p.set_defaults(func=cmd_package_verify, operation="package.verify")
    p = cmds.add_parser("sent", help="các gói báo cáo đã gửi lên và cấp trên đã nhận, trả lại hay chấp nhận",
                        parents=[parent])
    p.set_defaults(func=cmd_package_sent, operation="package.sent")
    p = cmds.add_parser("import", help="nhận gói báo cáo của đơn vị trực thuộc, biên nhận và thông báo duyệt của cấp trên",
                        parents=[parent])
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
    p.add_argument("--key", metavar="TỆP.p12", help="khóa của văn phòng: ký biên nhận, mở gói niêm phong")
    p.add_argument("--passphrase-file", metavar="TỆP")
    p.add_argument("--pkcs11-lib", metavar="TỆP")
    p.add_argument("--token-label")
    p.add_argument("--cert-label")
    p.set_defaults(func=cmd_package_import, operation="package.import")

    trust = sub.add_parser("trust", help="chứng thư số được tin cậy", parents=[parent])
    cmds = trust.add_subparsers(dest="trust_command", required=True, metavar="LỆNH")
    p = cmds.add_parser("add", help="cài chứng thư gốc của một tổ chức cấp chứng thư (CA)", parents=[parent])
    p.add_argument("cert", metavar="TỆP_CHỨNG_THƯ")
    p.set_defaults(func=cmd_trust_add, operation="trust.add")
    p = cmds.add_parser("pin", help="tin cậy chứng thư của một văn phòng trực thuộc, cho riêng văn phòng đó",
                        parents=[parent])
    p.add_argument("--office", required=True, metavar="MÃ", help="mã của văn phòng trực thuộc (theodoi units list)")
    p.add_argument("cert", metavar="TỆP_CHỨNG_THƯ")
    p.set_defaults(func=cmd_trust_pin, operation="trust.pin")
    p = cmds.add_parser("list", help="các chứng thư được tin cậy", parents=[parent])
    p.set_defaults(func=cmd_trust_list, operation="trust.list")
    p = cmds.add_parser("remove", help="thôi tin cậy một chứng thư", parents=[parent])
    p.add_argument("fingerprint", metavar="VÂN_TAY")
    p.set_defaults(func=cmd_trust_remove, operation="trust.remove")


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
    made = key_ops.create(store_for(args), args.org, Path(args.out), secret)
    doc = {"fingerprint": made.fingerprint, "file": str(made.file), "subject": made.subject,
           "not_after": made.not_after.date()}
    if wants_json(args):
        emit_json(doc)
        return 0
    say(f"Đã tạo khóa của “{made.subject}” trong {args.out} (hiệu lực đến {made.not_after:%d/%m/%Y}).")
    say(f"Dấu vân tay (đọc qua điện thoại cho văn phòng cấp trên):\n  {grouped(made.fingerprint)}")
    say("Giữ tệp khóa và mật khẩu ở nơi an toàn; mất tệp thì phải tạo khóa mới và báo lại cấp trên.")
    return 0


def _key(args) -> Pkcs12Key | TokenKey:
    if bool(args.key) == bool(args.pkcs11_lib):
        raise UserError("Hãy chọn đúng một nơi có khóa ký: --key TỆP.p12 hoặc --pkcs11-lib THƯ_VIỆN (USB token).")
    if args.key:
        return Pkcs12Key(Path(args.key), _secret(args.passphrase_file, "Mật khẩu của tệp khóa: ").encode("utf-8"))
    pin = _secret(args.passphrase_file, "Mã PIN của USB token: ")
    return TokenKey(Path(args.pkcs11_lib), args.token_label, args.cert_label, pin)


def _unseal_key(args) -> Pkcs12Key | TokenKey | None:
    """The office's key to open sealed packages, when one was named."""
    if not (args.key or getattr(args, "pkcs11_lib", None)):
        return None
    if not hasattr(args, "pkcs11_lib"):
        return Pkcs12Key(Path(args.key), _secret(args.passphrase_file, "Mật khẩu của tệp khóa: ").encode("utf-8"))
    return _key(args)


def cmd_package_export(args) -> int:
    done = ops.export(store_for(args, must_exist=True), args.report, _key(args), Path(args.out),
                      signature_image=Path(args.signature_image) if args.signature_image else None,
                      seal_image=Path(args.seal_image) if args.seal_image else None, email=args.email or None,
                      seal_for=args.seal_for, seal_for_upper=args.seal_for_upper)
    if wants_json(args):
        emit_json({"package": str(done.package), "fingerprint": done.fingerprint, "outbox_id": done.outbox_id,
                   "sealed": done.sealed, "sealed_for": done.sealed_for,
                   "sealed_for_fingerprint": done.sealed_for_fingerprint})
        return 0
    say(f"Đã ký và đóng gói: {done.package}")
    if done.sealed:
        say(f"Gói đã được niêm phong cho “{done.sealed_for}” (vân tay {grouped(done.sealed_for_fingerprint)}): "
            "chỉ nơi đó mở được.")
    if done.outbox_id:
        say(f"Đã đưa vào hộp thư đi (thư số {done.outbox_id}); gửi bằng: theodoi mail send")
    say("Đã đọc lại và kiểm tra gói: an toàn để rút USB.")
    say(f"Vân tay người ký: {grouped(done.fingerprint)}")
    return 0


# What to type about a refusal; the core says what to do in words any front
# end can show (desktop.core.trust.Refused.needs).
HINTS = {
    "trust_new": "Trên dòng lệnh: nhập lại với --trust-new.",
    "fingerprint": "Trên dòng lệnh: nhập lại với --fingerprint VÂN_TAY cho từng khóa (ghi nhiều lần).",
    "accept_changed_key": "Trên dòng lệnh: nhập lại với --accept-changed-key.",
    "untrust_old": "Trên dòng lệnh: theodoi trust remove VÂN_TAY_CŨ, rồi nhập lại với --trust-new.",
    "parent": "Trên dòng lệnh: theodoi init --office … --parent \"Tên văn phòng cấp trên\".",
    "key": "Trên dòng lệnh: nhập lại với --key TỆP.p12 --passphrase-file TỆP.",
}


def _with_hint(result: dict) -> dict:
    if result.get("needs") in HINTS and result.get("reason"):
        result["reason"] = f"{result['reason']}. {HINTS[result['needs']]}"
    return result


def _print_results(results: list[dict]) -> None:
    words = {"accepted": "ĐÃ NHẬN", "superseded": "ĐÃ NHẬN (thay gói cũ)", "duplicate": "ĐÃ CÓ", "rejected": "TỪ CHỐI",
             "valid": "HỢP LỆ"}
    for r in results:
        who = f" — {r['sender']}, báo cáo số {r['report_number']}" if r.get("sender") else ""
        say(f"{words.get(r['status'], r['status'])}: {r['file']}{who}")
        if r.get("sealed"):
            say(f"  Gói niêm phong{' cho ' + r['sealed_for'] if r.get('sealed_for') else ''}.")
        if r.get("reason"):
            say(f"  {r['reason']}")


def cmd_package_verify(args) -> int:
    key = _unseal_key(args)
    results = [_with_hint(r) for r in ops.verify(store_for(args), args.files, key=key)]
    if wants_json(args):
        emit_json(results)
    else:
        _print_results(results)
    return 0 if all(r["status"] != "rejected" for r in results) else 2


def cmd_package_import(args) -> int:
    # One key, asked once: it signs the receipts and opens sealed packages.
    key = _key(args) if args.receipts else _unseal_key(args)
    found = ops.import_packages(
        store_for(args, must_exist=True), args.files, requirement=args.requirement, trust_new=args.trust_new,
        fingerprints=args.fingerprint, accept_changed_key=args.accept_changed_key,
        received=parse_date(args.received) if args.received else None,
        receipt_key=key if args.receipts else None, receipt_dir=args.receipts, unseal_key=key)
    results = [_with_hint(r.as_json()) for r in found]
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


def cmd_trust_add(args) -> int:
    try:
        t = ops.add_trusted_root(store_for(args), args.cert)
    except NotARoot as exc:  # the core's words fit any front end; the command is this one's
        raise UserError(f"{exc.message} Trên dòng lệnh: theodoi trust pin --office {exc.office or 'MÃ'} "
                        "TỆP_CHỨNG_THƯ.") from None
    if wants_json(args):
        emit_json({"fingerprint": t.fingerprint, "subject": t.subject, "kind": "root"})
        return 0
    say(f"Đã cài chứng thư gốc “{t.subject}” (vân tay {grouped(t.fingerprint)}); chứng thư do nó cấp ký được "
        "cho văn phòng có tên ghi trong chứng thư, và chỉ văn phòng đó.")
    return 0


def cmd_trust_pin(args) -> int:
    t = ops.pin(store_for(args), args.office, args.cert)
    if wants_json(args):
        emit_json({"fingerprint": t.fingerprint, "subject": t.subject, "kind": "pin", "office": t.office})
        return 0
    say(f"Đã tin cậy khóa “{t.subject}” (vân tay {grouped(t.fingerprint)}) cho riêng “{t.office}”.")
    return 0


def cmd_trust_list(args) -> int:
    rows = [{"fingerprint": r.fingerprint, "subject": r.subject, "kind": r.kind, "office": r.office,
             "not_after": r.not_after, "added_at": r.added_at} for r in ops.trusted(store_for(args))]
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


def cmd_trust_remove(args) -> int:
    t = ops.untrust(store_for(args), args.fingerprint)
    if wants_json(args):
        emit_json({"fingerprint": t.fingerprint, "subject": t.subject})
        return 0
    say(f"Đã thôi tin cậy chứng thư “{t.subject}”.")
    return 0


def cmd_package_sent(args) -> int:
    from dataclasses import asdict

    from desktop.operations import assignments

    rows = [asdict(r) for r in assignments.sent(store_for(args, must_exist=True))]
    if wants_json(args):
        emit_json(rows)
        return 0
    if not rows:
        say("Chưa gửi gói báo cáo nào.")
    for r in rows:
        state = ("cấp trên trả lại để bổ sung" if r["review"] == "returned" else
                 "cấp trên đã chấp nhận" if r["review"] == "accepted" else
                 f"cấp trên đã nhận {r['received_on']:%d/%m/%Y}" if r["received_on"] else "chưa có biên nhận")
        say(f"{r['created_on']:%d/%m/%Y}  báo cáo số {r['report_number']}: {state}")
        if r["reason"]:
            by = f" (gửi lại trước {r['correct_by']:%d/%m/%Y})" if r["correct_by"] else ""
            say(f"  Lý do: {r['reason']}{by}")
    return 0
