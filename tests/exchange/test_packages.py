"""Signed report packages end to end, checked with the real tools: poppler's
pdfsig on the PDF, openssl on the detached signature; every tampering is
refused with its own reason and nothing written."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import subprocess
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from desktop.io.package.format import DATA, MANIFEST, MANIFEST_SIG, PDF, XLSX, XLSX_SIG
from desktop.io.signing import Pkcs12Key, create_office_key, open_signer, sign_detached, verify_pdf
from tests.conftest import db_snapshot, query
from tests.exchange.conftest import LOWER, PASS, members, resign_manifest, write_members

needs = pytest.mark.skipif(not (shutil.which("pdfsig") and shutil.which("openssl")), reason="poppler-utils and openssl")


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    return result.code, result.json


@needs
def test_the_package_verifies_with_pdfsig_and_openssl_without_theodoi(lower_office, export, tmp_path):
    office = lower_office()
    files = members(export(office))
    assert sorted(files) == sorted([MANIFEST, MANIFEST_SIG, PDF, XLSX, XLSX_SIG, DATA])
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    sig = subprocess.run(["pdfsig", tmp_path / PDF], capture_output=True, text=True)
    assert "Signature is Valid" in sig.stdout and "Total document signed" in sig.stdout
    assert "ETSI.CAdES.detached" in sig.stdout
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        der = signer.certificate_der
    pem = tmp_path / "cert.pem"
    subprocess.run(["openssl", "x509", "-inform", "DER", "-out", pem], input=der, check=True)
    for content, p7s in ((XLSX, XLSX_SIG), (MANIFEST, MANIFEST_SIG)):
        done = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", tmp_path / p7s,
                               "-content", tmp_path / content, "-CAfile", pem, "-out", "/dev/null"],
                              capture_output=True, text=True)
        assert done.returncode == 0 and "Verification successful" in done.stderr, done.stderr
    check = subprocess.run(["qpdf", "--check", tmp_path / PDF], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    embedded = verify_pdf(tmp_path / PDF).embedded_files
    assert embedded[XLSX] == files[XLSX] and json.loads(embedded[DATA])["report"]["number"] == "01/BC-LĐLĐ"


def test_keys_create_gives_the_fingerprint_and_a_private_file(cli, tmp_path):
    (tmp_path / "p.txt").write_text("mot-mat-khau-dai\n", encoding="utf-8")
    result = cli("keys", "create", "--org", "LĐLĐ huyện Tam Đường", "--out", tmp_path / "k.p12",
                 "--passphrase-file", tmp_path / "p.txt", "--json")
    assert result.code == 0, result.err
    fp = result.json["fingerprint"]
    assert len(fp) == 64 and int(fp, 16) >= 0
    assert (tmp_path / "k.p12").stat().st_mode & 0o077 == 0
    again = cli("keys", "create", "--org", "X", "--out", tmp_path / "k.p12", "--passphrase-file", tmp_path / "p.txt")
    assert again.code == 2 and "không ghi đè" in again.err
    wrong = tmp_path / "sai.txt"
    wrong.write_text("khong-dung-mat-khau\n", encoding="utf-8")
    with pytest.raises(Exception, match="sai mật khẩu"):
        with open_signer(Pkcs12Key(tmp_path / "k.p12", b"khong-dung-mat-khau")):
            pass


def test_three_offices_report_up_and_the_province_sees_and_sums_them(lower_office, export, upper, cli, tmp_path):
    packages = [export(lower_office(name, sessions)) for name, sessions in zip(LOWER, [(2, 3), (1,), (4, 4, 4)])]
    code, results = _import(cli, upper, *packages)
    assert code == 2 and {r["status"] for r in results} == {"rejected"}  # nobody trusted yet
    assert "so dấu vân tay" in results[0]["reason"]
    # Three first-seen offices in one run: each key is named after the
    # phone call, bare --trust-new pins none of them.
    code, results = _import(cli, upper, *packages, extra=["--trust-new"])
    assert code == 2 and {r["status"] for r in results} == {"rejected"}
    assert all("3 văn phòng gửi lần đầu" in r["reason"] and "--fingerprint" in r["reason"] for r in results)
    named = [x for r in results for x in ("--fingerprint", r["fingerprint"])]
    # The packages came in on a stick on 29/04/2022, typed in now.
    code, results = _import(cli, upper, *packages, extra=[*named, "--received", "29/04/2022"])
    assert code == 0, results
    assert [(r["status"], r["sender"], r["report_number"]) for r in results] == [
        ("accepted", name, "01/BC-LĐLĐ") for name in LOWER]
    assert all(r["trusted_now"] and r["pinned"] == r["fingerprint"] and len(r["fingerprint"]) == 64 for r in results)

    status = cli("status", "--as-of", "30/04/2022", "--json", db=upper).json
    (row,) = status["directives"][0]["requirements"]
    assert (row["applicable"], row["on_time"], row["missing"]) == (3, 3, 0)
    assert row["indicator_totals"] == {"sessions": 5 + 1 + 12}

    made = cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "30/04/2022", "--out", tmp_path / "bc",
               "--json", db=upper)
    assert made.code == 0, made.err
    text = " ".join(subprocess.run(["pdftotext", made.json["pdf"], "-"], capture_output=True, text=True).stdout.split())
    assert all(name in text for name in LOWER), text  # the appendix: one row per office
    assert "18" in text

    trusted = cli("trust", "list", "--json", db=upper).json
    assert sorted(t["office"] for t in trusted) == sorted(LOWER)


def test_importing_the_same_package_again_changes_nothing(lower_office, export, upper, cli):
    package = export(lower_office())
    assert _import(cli, upper, package, extra=["--trust-new"])[0] == 0
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, package)
    assert code == 0 and result["status"] == "duplicate"
    assert db_snapshot(upper) == before


def _two_reports(lower_office, export, run):
    office = lower_office()
    first = export(office)
    run(office.db, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "25/04/2022",
        "--out", office.folder / "bao-cao")
    return first, export(office, report=2)


def test_a_newer_report_supersedes_the_older_which_is_kept(lower_office, export, upper, cli, run):

    first, second = _two_reports(lower_office, export, run)
    assert _import(cli, upper, first, extra=["--trust-new"])[1][0]["status"] == "accepted"
    code, (newer,) = _import(cli, upper, second)
    assert code == 0 and newer["status"] == "superseded" and "gói cũ vẫn được giữ" in newer["reason"]
    rows = query(upper, "SELECT id, report_number, superseded_by_id FROM received_package ORDER BY id")
    doc = query(upper, "SELECT doc_number FROM submission")
    assert rows == [(1, "01/BC-LĐLĐ", 2), (2, "02/BC-LĐLĐ", None)]
    assert doc == [("02/BC-LĐLĐ",)]
    assert _import(cli, upper, first)[1][0]["status"] == "duplicate"


def test_a_report_older_than_the_one_held_is_refused(lower_office, export, upper, cli, run):
    first, second = _two_reports(lower_office, export, run)
    assert _import(cli, upper, second, extra=["--trust-new"])[0] == 0
    before = db_snapshot(upper)
    code, (old,) = _import(cli, upper, first)
    assert code == 2 and old["status"] == "rejected" and "cũ hơn" in old["reason"] and "02/BC-LĐLĐ" in old["reason"]
    assert db_snapshot(upper) == before


# --- tampering ----------------------------------------------------------------------------
def _flip(data: bytes, at: int | None = None) -> bytes:
    at = len(data) // 2 if at is None else at
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def _incremental_update(pdf: bytes) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
    writer.add_metadata({"/Title": "Sửa sau khi ký"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _rehash(files: dict[str, bytes], office, changed: str) -> dict[str, bytes]:
    def change(m):
        m["files"][changed] = {"sha256": hashlib.sha256(files[changed]).hexdigest(), "size": len(files[changed])}
    return resign_manifest(files, office, change)


TAMPERING = {
    "a byte of the PDF": (lambda f, o: {**f, PDF: _flip(f[PDF])}, "tệp bao-cao.pdf đã bị thay đổi"),
    "a byte of the workbook": (lambda f, o: {**f, XLSX: _flip(f[XLSX])}, "tệp bao-cao.xlsx đã bị thay đổi"),
    "a byte of data.json": (lambda f, o: {**f, DATA: f[DATA].replace(b'"total": 5', b'"total": 9')},
                            "tệp data.json đã bị thay đổi"),
    "a byte of the workbook signature": (lambda f, o: {**f, XLSX_SIG: _flip(f[XLSX_SIG], -20)},
                                         "tệp bao-cao.xlsx.p7s đã bị thay đổi"),
    "a byte of the manifest": (lambda f, o: {**f, MANIFEST: f[MANIFEST].replace(b"01/BC", b"09/BC")},
                               "chữ ký của manifest.json không hợp lệ"),
    "the manifest signature": (lambda f, o: {**f, MANIFEST_SIG: _flip(f[MANIFEST_SIG], -30)},
                               "chữ ký của manifest.json không hợp lệ"),
    "a missing file": (lambda f, o: {k: v for k, v in f.items() if k != XLSX_SIG}, "gói thiếu tệp bao-cao.xlsx.p7s"),
    "an extra file": (lambda f, o: {**f, "virus.exe": b"MZ"}, "gói có tệp lạ virus.exe"),
    "a path outside the package": (lambda f, o: {**f, "../../autorun.inf": b"x"}, "đường dẫn ra ngoài"),
    "a manifest that does not match the data": (
        lambda f, o: resign_manifest(f, o, lambda m: m["report"].update(number="99/BC-LĐLĐ")),
        "data.json và manifest.json ghi khác nhau"),
    "a PDF changed after signing by an incremental update": (
        lambda f, o: _rehash({**f, PDF: _incremental_update(f[PDF])}, o, PDF),
        "bao-cao.pdf: tệp PDF đã bị thêm nội dung sau khi ký"),
    "a newer major version": (lambda f, o: resign_manifest(f, o, lambda m: m.update(format_version="2.0")),
                              "phiên bản Theo dõi mới hơn"),
    "a JSON bomb": (lambda f, o: {**f, MANIFEST: b"[" * 100_000 + b"]" * 100_000}, "lồng nhau quá sâu"),
}


@pytest.mark.parametrize("case", list(TAMPERING))
def test_a_tampered_package_is_refused_with_its_reason_and_nothing_written(case, lower_office, export, upper, cli,
                                                                          tmp_path):
    office = lower_office()
    package = export(office)
    assert _import(cli, upper, package, extra=["--trust-new"])[0] == 0  # the office is known and trusted
    tamper, reason = TAMPERING[case]
    bad = write_members(tmp_path / "goi-sua.zip", tamper(members(package), office))
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, bad)
    assert code == 2 and result["status"] == "rejected"
    assert reason in result["reason"], result["reason"]
    assert db_snapshot(upper) == before
    verified = cli("package", "verify", bad, "--json")
    assert verified.code == 2 and verified.json[0]["status"] == "rejected"


def test_a_truncated_package_and_a_zip_bomb_are_refused(lower_office, export, upper, cli, tmp_path):
    package = export(lower_office())
    cut = tmp_path / "cut.zip"
    cut.write_bytes(package.read_bytes()[: package.stat().st_size // 2])
    bomb = write_members(tmp_path / "bom.zip", {**members(package), DATA: b" " * 80_000_000})
    code, results = _import(cli, upper, cut, bomb, extra=["--trust-new"])
    assert code == 2
    assert "bị hỏng" in results[0]["reason"] and "zip bomb" in results[1]["reason"]


def test_a_package_signed_by_another_key_is_refused_until_the_change_is_accepted(
        lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    assert _import(cli, upper, export(office), extra=["--trust-new"])[0] == 0
    office.key.rename(office.folder / "khoa-cu.p12")
    create_office_key(office.name, office.key, PASS.encode())
    cli("report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "22/04/2022",
        "--out", office.folder / "bao-cao", db=office.db)
    new = export(office, report=2)
    code, (refused,) = _import(cli, upper, new, extra=["--trust-new"])
    assert code == 2 and "khóa ký" in refused["reason"] and "đã thay đổi" in refused["reason"]
    code, (accepted,) = _import(cli, upper, new, extra=["--accept-changed-key"])
    assert code == 0 and accepted["status"] == "superseded"


def test_parts_signed_by_different_keys_are_refused(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    files = members(export(office))
    other = tmp_path / "khac.p12"
    create_office_key("Kẻ mạo danh", other, PASS.encode())
    with open_signer(Pkcs12Key(other, PASS.encode())) as signer:
        manifest = json.loads(files[MANIFEST])
        manifest["signer"]["fingerprint"] = signer.fingerprint
        from desktop.io.package.format import dumps

        data = dumps(manifest)
        forged = {**files, MANIFEST: data, MANIFEST_SIG: sign_detached(data, signer)}
    bad = write_members(tmp_path / "mao-danh.zip", forged)
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new"])
    assert code == 2 and "bao-cao.pdf được ký bằng một khóa khác" in result["reason"]


def test_an_expired_or_not_yet_valid_certificate_is_refused(lower_office, export, tmp_path):
    from desktop.io.package.format import PackageProblem
    from desktop.io.package.read import verify_package

    package = export(lower_office())
    verify_package(package)
    with pytest.raises(PackageProblem, match="đã hết hạn"):
        verify_package(package, now=datetime(2040, 1, 1, tzinfo=timezone.utc))
    with pytest.raises(PackageProblem, match="chưa đến ngày hiệu lực"):
        verify_package(package, now=datetime(2020, 1, 1, tzinfo=timezone.utc))


def test_a_package_for_another_office_is_refused(lower_office, export, cli, run, new_db):
    package = export(lower_office())
    elsewhere = new_db("khac")
    run(elsewhere, "init", "--office", "Liên đoàn Lao động tỉnh Điện Biên")
    before = db_snapshot(elsewhere)
    code, (result,) = _import(cli, elsewhere, package, extra=["--trust-new"])
    assert code == 2 and "không phải đơn vị trực thuộc" in result["reason"]
    assert db_snapshot(elsewhere) == before


def test_passphrases_never_reach_the_audit_log_or_the_logs(lower_office, export, tmp_path):

    office = lower_office()
    export(office)
    dump = "\n".join(db_snapshot(office.db))
    assert PASS not in dump
    logs = list((tmp_path / "xdg-data").rglob("*.log")) if (tmp_path / "xdg-data").exists() else []
    assert all(PASS not in p.read_text(errors="replace") for p in logs)


def test_a_signed_receipt_goes_back_and_the_sender_sees_the_report_received(lower_office, export, upper, cli, run,
                                                                             tmp_path):
    office = lower_office()
    package = export(office)
    upper_key = tmp_path / "tinh.p12"
    create_office_key("Liên đoàn Lao động tỉnh Lai Châu", upper_key, PASS.encode())
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--receipts", tmp_path / "bien-nhan",
                                                          "--key", upper_key, "--passphrase-file", office.passfile])
    assert code == 0 and result["status"] == "accepted"
    receipt = Path(result["receipt"])
    assert receipt.parent == tmp_path / "bien-nhan" and receipt.name.startswith("bien-nhan-01-bc-ldld")

    before = cli("register", "list", "--json", db=office.db).json
    assert before[0]["received_on"] is None
    code, (taken,) = _import(cli, office.db, receipt)
    assert code == 2 and "so dấu vân tay" in taken["reason"]  # the office above's key is new here
    code, (taken,) = _import(cli, office.db, receipt, extra=["--trust-new"])
    assert code == 0 and taken["status"] == "accepted" and "đã nhận báo cáo số 01/BC-LĐLĐ" in taken["reason"]
    (doc,) = cli("register", "list", "--json", db=office.db).json
    assert doc["received_by"] == "Liên đoàn Lao động tỉnh Lai Châu" and doc["received_on"] is not None
    assert "(đã nhận " in cli("register", "list", db=office.db).out
    assert _import(cli, office.db, receipt)[1][0]["status"] == "duplicate"

    # The receipt's date moved a day back, every other byte and the
    # signature left as they were.
    raw = members(receipt)["bien-nhan.json"]
    day = json.loads(raw)["received_on"]
    earlier = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    edited, n = re.subn(rb'("received_on":\s*")' + day.encode(), rb"\g<1>" + earlier.encode(), raw)
    assert n == 1
    forged = write_members(tmp_path / "bien-nhan-gia.zip", {**members(receipt), "bien-nhan.json": edited})
    code, (bad,) = _import(cli, office.db, forged)
    assert code == 2 and "chữ ký của biên nhận không hợp lệ" in bad["reason"]


def _issue_from_root(tmp_path: Path, office_name: str, key_out: Path) -> Path:
    """A CA root (as a provider like VGCA has) and an office certificate it
    issued, packed with its key as PKCS#12. Returns the root's PEM file."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "CA thử nghiệm Theo dõi")])
    root = (x509.CertificateBuilder().subject_name(root_name).issuer_name(root_name).public_key(root_key.public_key())
            .serial_number(1).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.KeyUsage(False, False, False, False, False, True, True, False, False), critical=True)
            .sign(root_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, office_name)])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(root_name).public_key(key.public_key())
            .serial_number(2).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(root_key, hashes.SHA256()))
    key_out.write_bytes(pkcs12.serialize_key_and_certificates(b"office", key, cert, [root],
                                                              serialization.BestAvailableEncryption(PASS.encode())))
    pem = tmp_path / "goc.pem"
    pem.write_bytes(root.public_bytes(serialization.Encoding.PEM))
    return pem


def test_a_key_issued_by_an_installed_root_is_trusted_without_pinning(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    office.key.unlink()
    root = _issue_from_root(tmp_path, office.name, office.key)
    package = export(office)
    code, (refused,) = _import(cli, upper, package)
    assert code == 2 and "so dấu vân tay" in refused["reason"]
    added = cli("trust", "add", root, "--json", db=upper)
    assert added.code == 0 and added.json["subject"] == "CA thử nghiệm Theo dõi"
    code, (accepted,) = _import(cli, upper, package)
    assert code == 0 and accepted["status"] == "accepted" and not accepted["trusted_now"]
    assert cli("trust", "remove", added.json["fingerprint"][:16], db=upper).code == 0
    assert [t["kind"] for t in cli("trust", "list", "--json", db=upper).json] == []


def test_an_attachment_carries_the_organisations_signature_top_right_of_page_one(tmp_path):
    from pypdf import PdfReader

    from desktop.io.signing import stamp_attachment
    from tests.io.files import pdf_directive

    src = pdf_directive(tmp_path / "phu-luc.pdf", ["PHỤ LỤC", "Danh sách đơn vị"] + ["dòng"] * 80)
    stamp_attachment(src, tmp_path / "phu-luc-ky.pdf", ["Liên đoàn Lao động huyện Tam Đường", "24.11.2026 09:15:00 +07:00"])
    runs = []
    page = PdfReader(tmp_path / "phu-luc-ky.pdf").pages[0]
    page.extract_text(visitor_text=lambda t, cm, tm, font, size: runs.append((t.strip(), tm[4] * cm[0] + cm[4],
                                                                               tm[5] * cm[3] + cm[5], size)) if t.strip() else None)
    (org,) = [r for r in runs if r[0] == "Liên đoàn Lao động huyện Tam Đường"]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert org[1] > width / 2 and org[2] > height - 60 and org[3] == 10
    assert len(PdfReader(tmp_path / "phu-luc-ky.pdf").pages) == len(PdfReader(src).pages)


def test_a_receipt_signed_by_a_member_office_is_not_taken_for_the_office_above(lower_office, export, cli, run, tmp_path):
    """Office A pins member office B's key for its packages; a receipt
    signed with B's key must not mark A's report as received."""

    from desktop.io.package.read import verify_package
    from desktop.io.package.receipt import write_receipt

    office = lower_office()
    package = export(office)
    member = tmp_path / "thanh-vien.p12"
    create_office_key("Công đoàn Trường số 1 Đường", member, PASS.encode())
    check = verify_package(package)
    with open_signer(Pkcs12Key(member, PASS.encode())) as signer:
        receipt = write_receipt(tmp_path, signer, package_sha256=check.sha256, manifest=check.manifest,
                                receiver="Liên đoàn Lao động tỉnh Lai Châu", status="accepted", received_by="x")
        # As if B's key had been pinned for B's own packages.
        ((org,),) = query(office.db, "SELECT id FROM organization WHERE kind != 'office' ORDER BY id LIMIT 1")
        query(office.db, "INSERT INTO trusted_certificate (fingerprint, kind, organization_id, subject, certificate, "
              "added_at) VALUES (:fp, 'pin', :org, 'B', :der, '2026-01-01')", fp=signer.fingerprint, org=org,
              der=signer.certificate_der)
    code, (result,) = _import(cli, office.db, receipt)
    assert code == 2 and "chưa tin cậy người ký biên nhận" in result["reason"]
