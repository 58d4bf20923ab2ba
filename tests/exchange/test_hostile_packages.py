"""Every input ends in a result: a package, receipt or e-mail made to
break the reader is refused with a reason (exit 2), never "Lỗi ngoài dự
kiến" (exit 1), and a batch tells each file's fate truthfully."""

from __future__ import annotations

import io
import json
import re
from email.message import EmailMessage
from pathlib import Path

import pytest

from desktop.io.package.format import DATA, MANIFEST, MANIFEST_SIG, PDF, dumps
from desktop.io.signing import Pkcs12Key, create_office_key, open_signer, sign_detached
from tests.conftest import db_snapshot
from tests.exchange.conftest import PASS, UPPER, make_cert, members, package_signed_by, write_members

HUGE = b"9" * 5000  # past Python's limit for turning digits into an integer


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    assert result.code in (0, 2), (result.code, result.err)
    assert "Traceback" not in result.err and "ngoài dự kiến" not in result.out + result.err, result.err
    return result.code, result.json


def _verify(cli, *files):
    result = cli("package", "verify", *files, "--json")
    assert result.code in (0, 2) and "Traceback" not in result.err, (result.code, result.err)
    return result.code, result.json


def _sign_manifest_bytes(files: dict, office, manifest: bytes) -> dict:
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        return {**files, MANIFEST: manifest, MANIFEST_SIG: sign_detached(manifest, signer)}


def _own(office):
    return Pkcs12Key(office.key, PASS.encode())


def test_a_5000_digit_integer_in_the_manifest_is_refused(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    files = members(export(office))
    manifest, n = re.subn(rb'("size": )\d+', rb"\g<1>" + HUGE, files[MANIFEST], count=1)
    assert n == 1
    bad = write_members(tmp_path / "so-dai.zip", _sign_manifest_bytes(files, office, manifest))
    assert _verify(cli, bad)[0] == 2
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new"])
    assert code == 2 and "số quá dài" in result["reason"]


def test_a_5000_digit_integer_in_the_data_is_refused(lower_office, export, upper, cli, tmp_path, monkeypatch):
    import desktop.io.package.build as build

    office = lower_office()
    export(office)
    plain = build.dumps
    monkeypatch.setattr(build, "dumps", lambda doc: plain(doc).replace(b"987654321", HUGE))
    with open_signer(_own(office)) as signer:
        bad = package_signed_by(office, signer, tmp_path / "so-dai",
                                change=lambda d: d["sections"][0]["indicators"][0].update(total=987654321))
    assert HUGE in members(bad)[DATA]
    assert _verify(cli, bad)[0] == 2
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new"])
    assert code == 2 and "data.json có số quá dài" in result["reason"]


@pytest.mark.parametrize("field, value", [("issued_on", "2022-02-30"), ("as_of", "hôm qua"),
                                          ("issued_on", "20220420"), ("directive_issued_on", "2022-13-01")])
def test_an_impossible_date_signed_by_the_sender_is_refused_by_verify_and_import(field, value, lower_office, export,
                                                                                  upper, cli, tmp_path):
    office = lower_office()
    export(office)

    def change(data):
        if field == "as_of":
            data["as_of"] = value
        elif field == "directive_issued_on":
            data["directive"]["issued_on"] = value
        else:
            data["report"]["issued_on"] = value

    with open_signer(_own(office)) as signer:
        bad = package_signed_by(office, signer, tmp_path / "ngay", change=change)
    code, (verified,) = _verify(cli, bad)
    assert code == 2 and verified["status"] == "rejected" and "không đúng lược đồ" in verified["reason"]
    before = db_snapshot(upper)
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new"])
    assert code == 2 and result["status"] == "rejected" and value in result["reason"]
    assert db_snapshot(upper) == before


def test_not_a_number_in_the_data_is_refused(lower_office, export, upper, cli, tmp_path, monkeypatch):
    import desktop.io.package.build as build

    office = lower_office()
    export(office)
    plain = build.dumps
    monkeypatch.setattr(build, "dumps", lambda doc: plain(doc).replace(b"987654321", b"NaN"))
    with open_signer(_own(office)) as signer:
        bad = package_signed_by(office, signer, tmp_path / "nan",
                                change=lambda d: d["sections"][0]["indicators"][0].update(total=987654321))
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new"])
    assert code == 2 and "số không hợp lệ" in result["reason"]


def test_a_signer_certificate_with_a_duplicated_extension_is_refused(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    export(office)
    bad = package_signed_by(office, make_cert(office.name, duplicate_extension=True).signer(), tmp_path / "trung")
    code, (verified,) = _verify(cli, bad)
    assert code == 2 and verified["status"] == "rejected"
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new"])
    assert code == 2 and "chứng thư" in result["reason"]


def test_a_period_far_beyond_any_due_date_is_refused(lower_office, export, upper, cli, run, tmp_path):
    run(upper, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo 6 tháng", "--every", "6m",
        "--first-due", "30/06/2022", "--indicator", "sessions:Số buổi")
    office = lower_office()
    export(office)
    with open_signer(_own(office)) as signer:
        bad = package_signed_by(office, signer, tmp_path / "ky", period=100000, requirement="Báo cáo 6 tháng")
    code, (result,) = _import(cli, upper, bad, extra=["--trust-new", "--requirement", "2"])
    assert code == 2 and result["status"] == "rejected" and "period" in result["reason"]


# --- receipts -------------------------------------------------------------------------------------
def _receipt_edited(office, export, tmp_path, edit) -> Path:
    """A receipt for the office's package, its JSON text changed by
    ``edit(text)`` and signed again by the office above's key."""
    from desktop.io.package.read import verify_package
    from desktop.io.package.receipt import RECEIPT, RECEIPT_SIG, write_receipt

    package = export(office)
    upper_key = tmp_path / "tinh.p12"
    if not upper_key.exists():
        create_office_key(UPPER, upper_key, PASS.encode())
    check = verify_package(package)
    with open_signer(Pkcs12Key(upper_key, PASS.encode())) as signer:
        receipt = write_receipt(tmp_path / "bn", signer, package_sha256=check.sha256, manifest=check.manifest,
                                receiver=UPPER, status="accepted", received_by="x")
        data = edit(members(receipt)[RECEIPT])
        return write_members(receipt, {RECEIPT: data, RECEIPT_SIG: sign_detached(data, signer)})


@pytest.mark.parametrize("case, edit", [
    ("a 5000-digit integer", lambda t: t.replace(b'"received_by": "x"', b'"received_by": ' + HUGE)),
    ("a signer that is a string", lambda t: dumps({**json.loads(t), "signer": "x"})),
    ("a list where a name belongs", lambda t: dumps({**json.loads(t), "receiver": {"name": ["Lai Châu"]}})),
    ("a package that is a number", lambda t: dumps({**json.loads(t), "package": 7})),
    ("an impossible date", lambda t: dumps({**json.loads(t), "received_on": "2026-02-30"})),
])
def test_a_malformed_receipt_is_refused_with_a_reason(case, edit, lower_office, export, cli, tmp_path):
    office = lower_office()
    receipt = _receipt_edited(office, export, tmp_path, edit)
    before = db_snapshot(office.db)
    code, (result,) = _import(cli, office.db, receipt, extra=["--trust-new"])
    assert code == 2 and result["status"] == "rejected" and "bien-nhan.json" in result["reason"], (case, result)
    assert db_snapshot(office.db) == before


# --- e-mail and batches --------------------------------------------------------------------------
def test_an_attachment_name_holding_a_nul_is_read_safely(lower_office, export, upper, cli, tmp_path):
    package = export(lower_office())
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "huyen@example.vn", "tinh@example.vn", "Báo cáo"
    msg["Date"] = "Fri, 29 Apr 2022 09:00:00 +0700"
    msg.set_content("Gửi báo cáo.")
    msg.add_attachment(package.read_bytes(), maintype="application", subtype="zip", filename="goi.zip")
    raw = msg.as_bytes()
    raw = re.sub(rb'filename="goi.zip"', b"filename*=utf-8''..%2F..%2Fgoi%00bao-cao.zip", raw)
    eml = tmp_path / "thu.eml"
    eml.write_bytes(raw)
    code, (result,) = _import(cli, upper, eml, extra=["--trust-new"])
    assert code == 0 and result["status"] == "accepted", result
    assert "\x00" not in result["file"] and "/" not in result["file"]


def test_a_batch_reports_each_files_fate_and_goes_on_after_a_bad_file(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    good = export(office)
    files = members(good)
    manifest = re.sub(rb'("size": )\d+', rb"\g<1>" + HUGE, files[MANIFEST], count=1)
    bad = write_members(tmp_path / "hong.zip", _sign_manifest_bytes(files, office, manifest))
    garbage = tmp_path / "rac.zip"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    code, results = _import(cli, upper, good, bad, garbage, extra=["--trust-new"])
    assert code == 2
    assert [(r["file"], r["status"]) for r in results] == [
        (good.name, "accepted"), ("hong.zip", "rejected"), ("rac.zip", "rejected")]
    assert all(r["reason"] for r in results[1:])
    assert cli("status", "--json", db=upper).json["directives"][0]["requirements"][0][
        "indicator_totals"] == {"sessions": 5}


def test_an_unexpected_fault_on_one_file_is_a_refusal_and_the_files_before_it_stay_accepted(
        lower_office, export, upper, cli, tmp_path, monkeypatch):
    import desktop.io.package.exchange as exchange

    first = export(lower_office())
    second = write_members(tmp_path / "ban-sao.zip", dict(reversed(list(members(first).items()))))
    real = exchange.accept_report
    calls = []

    def fails_second_time(*args, **kw):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("hỏng")
        return real(*args, **kw)

    monkeypatch.setattr(exchange, "accept_report", fails_second_time)
    result = cli("package", "import", first, second, "--trust-new", "--json", db=upper)
    assert result.code == 2 and "Traceback" not in result.err
    assert [(r["status"]) for r in result.json] == ["accepted", "rejected"]
    assert "lỗi ngoài dự kiến" in result.json[1]["reason"] and "không có gì được ghi cho tệp này" in result.json[1]["reason"]


def test_pyhanko_says_nothing_on_stderr_about_a_pdf_updated_after_signing(lower_office, export, upper, cli, tmp_path):
    from pypdf import PdfReader, PdfWriter

    office = lower_office()
    files = members(export(office))
    writer = PdfWriter(PdfReader(io.BytesIO(files[PDF])), incremental=True)
    writer.pages[0].rotate(90)  # a change pyHanko's difference analysis calls suspicious, with a traceback
    out = io.BytesIO()
    writer.write(out)
    import hashlib

    def change(m):
        m["files"][PDF] = {"sha256": hashlib.sha256(out.getvalue()).hexdigest(), "size": len(out.getvalue())}

    from tests.exchange.conftest import resign_manifest

    bad = write_members(tmp_path / "sua.zip", resign_manifest({**files, PDF: out.getvalue()}, office, change))
    # In its own process: pytest's log capture would swallow what a user sees.
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "package", "verify", str(bad)], capture_output=True,
                          text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)}, timeout=120)
    assert done.returncode == 2 and "thêm nội dung sau khi ký" in done.stdout, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "diff operation" not in done.stderr, done.stderr


def test_a_period_written_as_a_decimal_is_the_same_period(lower_office, export, upper, cli, run, tmp_path):
    run(upper, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo 6 tháng", "--every", "6m",
        "--first-due", "30/06/2022", "--indicator", "sessions:Số buổi")
    office = lower_office()
    export(office)
    with open_signer(_own(office)) as signer:
        package = package_signed_by(office, signer, tmp_path / "ky", period=2.0, requirement="Báo cáo 6 tháng")
    assert b'"period": 2.0' in members(package)[MANIFEST]
    code, (result,) = _import(cli, upper, package, extra=["--trust-new", "--requirement", "2"])
    assert code == 0 and result["status"] == "accepted", result
