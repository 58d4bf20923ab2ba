"""Sealed packages: a package encrypted for the office above (CMS
AuthEnvelopedData, AES-256-GCM, RSA-OAEP), opened by it alone, by Theo dõi
or by openssl; one sealed for another office, changed or cut short is
refused in words with nothing written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12

from desktop.io.package.read import verify_package
from desktop.io.package.seal import SealProblem, is_sealed, open_sealed_if_needed, seal, sealed_for, unseal
from desktop.io.signing import Pkcs12Key, create_office_key
from tests.conftest import db_snapshot
from tests.exchange.conftest import PASS, UPPER, make_cert

needs_openssl = pytest.mark.skipif(not shutil.which("openssl"), reason="openssl")


@pytest.fixture
def upper_key(tmp_path):
    """The office above's own key (made by Theo dõi, as offices do):
    (P12 path, certificate PEM path, certificate DER path, key PEM path)."""
    p12 = tmp_path / "tinh.p12"
    create_office_key(UPPER, p12, PASS.encode())
    key, cert, _ = pkcs12.load_key_and_certificates(p12.read_bytes(), PASS.encode())
    pem, der, key_pem = tmp_path / "tinh.pem", tmp_path / "tinh.cer", tmp_path / "tinh-key.pem"
    pem.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    der.write_bytes(cert.public_bytes(serialization.Encoding.DER))
    key_pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                          serialization.NoEncryption()))
    return p12, pem, der, key_pem


def _p12(path: Path) -> tuple[object, bytes]:
    key, cert, _ = pkcs12.load_key_and_certificates(path.read_bytes(), PASS.encode())
    return key, cert.public_bytes(serialization.Encoding.DER)


def _export_sealed(run, office, cert: Path) -> dict:
    return run(office.db, "package", "export", "--report", 1, "--key", office.key, "--passphrase-file", office.passfile,
               "--out", office.folder / "niem-phong", "--seal-for", cert, "--json").json


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    return result.code, result.json


def _stored(upper_db) -> list[Path]:
    from desktop.io.package.exchange import package_store_for

    folder = package_store_for(str(upper_db))
    return sorted(folder.iterdir()) if folder.is_dir() else []


# --- round trip ---------------------------------------------------------------------------------
def test_a_sealed_package_goes_up_is_opened_with_the_office_key_and_its_receipt_comes_back(
        lower_office, upper, upper_key, run, cli, tmp_path):
    office = lower_office()
    p12, pem, _der, _ = upper_key
    made = _export_sealed(run, office, pem)
    sealed = Path(made["package"])
    assert made["sealed"] is True and made["sealed_for"] == UPPER and len(made["sealed_for_fingerprint"]) == 64
    # Only the sealed file is written, and its name says nothing of the report.
    assert [p.name for p in sealed.parent.iterdir()] == [sealed.name]
    assert sealed.suffix == ".p7m" and sealed.name.startswith("goi-niem-phong-")
    raw = sealed.read_bytes()
    assert is_sealed(raw) and b"bao-cao" not in raw and "Tam Đường".encode() not in raw

    # Without the key: said to be sealed, for whom, and how to open it.
    result = cli("package", "verify", sealed, "--json", db=upper)
    (checked,) = result.json
    assert result.code == 2 and checked["sealed"] is True and checked["needs"] == "key"
    assert UPPER in checked["sealed_for"] and "niêm phong cho" in checked["reason"] and "--key" in checked["reason"]
    result = cli("package", "verify", sealed, "--key", p12, "--passphrase-file", office.passfile, "--json", db=upper)
    assert result.code == 0 and result.json[0]["status"] == "valid" and result.json[0]["sealed"] is True
    assert result.json[0]["report_number"] == "01/BC-LĐLĐ"
    text = cli("package", "verify", sealed, "--key", p12, "--passphrase-file", office.passfile, db=upper).out
    assert "HỢP LỆ" in text and f"Gói niêm phong cho chứng thư số “{UPPER}”" in text

    code, (taken,) = _import(cli, upper, sealed, extra=["--trust-new", "--key", p12, "--passphrase-file",
                                                        office.passfile, "--receipts", tmp_path / "bien-nhan"])
    assert code == 0 and taken["status"] == "accepted" and taken["sealed"] is True, taken
    assert taken["sender"] == office.name and taken["file"] == sealed.name
    assert Path(taken["receipt"]).is_file()
    # The office keeps the package it opened, checked as any other.
    (kept,) = _stored(upper)
    assert kept.suffix == ".zip" and verify_package(kept).manifest["report"]["number"] == "01/BC-LĐLĐ"

    # The receipt names the package inside: the sender sees its report received.
    code, (receipt,) = _import(cli, office.db, taken["receipt"], extra=["--trust-new"])
    assert code == 0 and receipt["status"] == "accepted" and receipt["sealed"] is False
    (doc,) = cli("register", "list", "--json", db=office.db).json
    assert doc["received_by"] == UPPER and doc["received_on"] is not None

    # Now the office above's key is pinned here: the next package is sealed for it without a file.
    again = run(office.db, "package", "export", "--report", 1, "--key", office.key, "--passphrase-file",
                office.passfile, "--out", tmp_path / "lan-2", "--seal-for-upper", "--json").json
    assert again["sealed"] is True and again["sealed_for_fingerprint"] == made["sealed_for_fingerprint"]
    code, (second,) = _import(cli, upper, again["package"], extra=["--key", p12, "--passphrase-file", office.passfile])
    assert code == 0 and second["status"] == "superseded" and second["sealed"] is True


def test_seal_for_takes_a_der_certificate_and_unsealed_packages_still_travel(lower_office, upper, upper_key, run,
                                                                                export, cli):
    office = lower_office()
    p12, _pem, der, _ = upper_key
    made = _export_sealed(run, office, der)
    assert made["sealed"] is True and made["package"].endswith(".p7m")
    plain = export(office)
    assert plain.suffix == ".zip"
    result = cli("package", "verify", plain, "--json", db=upper)
    assert result.code == 0 and result.json[0]["sealed"] is False and result.json[0]["sealed_for"] is None
    # A folder holding the sealed file: found, opened, taken in.
    folder = Path(made["package"]).parent
    code, (taken,) = _import(cli, upper, folder, extra=["--trust-new", "--key", p12, "--passphrase-file",
                                                        office.passfile])
    assert code == 0 and taken["status"] == "accepted" and taken["sealed"] is True, taken
    # The plain package made after it is the newer one: it replaces the sealed one's figures.
    code, (taken,) = _import(cli, upper, plain)
    assert code == 0 and taken["status"] == "superseded" and taken["sealed"] is False and taken["sealed_for"] is None


def test_export_refuses_a_certificate_it_cannot_seal_for_and_writes_nothing(lower_office, run, cli, tmp_path):
    office = lower_office()
    expired = make_cert("Cũ", days=(-30, -1)).write_pem(tmp_path / "cu.pem")
    not_a_cert = tmp_path / "khong-phai.pem"
    not_a_cert.write_bytes(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    for cert, words in ((expired, "đã hết hạn"), (not_a_cert, "không phải chứng thư số")):
        result = cli("package", "export", "--report", 1, "--key", office.key, "--passphrase-file", office.passfile,
                     "--out", tmp_path / "ra", "--seal-for", cert, db=office.db)
        assert result.code == 2 and words in result.err and "Traceback" not in result.err
        assert cert.name in result.err
        assert not (tmp_path / "ra").exists() or not list((tmp_path / "ra").iterdir())
    result = cli("package", "export", "--report", 1, "--key", office.key, "--passphrase-file", office.passfile,
                 "--out", tmp_path / "ra", "--seal-for-upper", db=office.db)
    assert result.code == 2 and "Chưa có khóa của văn phòng cấp trên" in result.err


# --- interoperability with openssl -----------------------------------------------------------------
@needs_openssl
def test_openssl_opens_a_sealed_package_with_the_recipients_key(lower_office, upper_key, run, tmp_path):
    office = lower_office()
    _p12path, pem, _der, key_pem = upper_key
    sealed = Path(_export_sealed(run, office, pem)["package"])
    printed = subprocess.run(["openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", sealed],
                             capture_output=True, text=True, check=True).stdout
    assert "id-smime-ct-authEnvelopedData" in printed and "rsaesOaep" in printed and "aes-256-gcm" in printed
    out = tmp_path / "mo.zip"
    done = subprocess.run(["openssl", "cms", "-decrypt", "-inform", "DER", "-in", sealed, "-inkey", key_pem,
                           "-recip", pem, "-out", out], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    check = verify_package(out)
    assert check.manifest["sender"]["name"] == office.name


@needs_openssl
@pytest.mark.parametrize("options", [
    ["-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256"],
    [],  # OAEP with its SHA-1 defaults
    ["-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256", "-stream"],  # BER, indefinite lengths
    ["-keyopt", "rsa_oaep_md:sha256", "-keyopt", "rsa_mgf1_md:sha256", "-keyid"],  # named by subjectKeyIdentifier
], ids=["sha256", "sha1-defaults", "streamed", "key-id"])
def test_a_package_openssl_sealed_is_taken_in(lower_office, upper, upper_key, export, cli, tmp_path, options):
    office = lower_office()
    p12, pem, _der, _ = upper_key
    package = export(office)
    sealed = tmp_path / "openssl.p7m"
    subprocess.run(["openssl", "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", package, "-recip", pem,
                    "-keyopt", "rsa_padding_mode:oaep", *options, "-outform", "DER", "-out", sealed],
                   check=True, capture_output=True)
    code, (taken,) = _import(cli, upper, sealed, extra=["--trust-new", "--key", p12, "--passphrase-file",
                                                        office.passfile])
    assert code == 0 and taken["status"] == "accepted" and taken["sealed"] is True, taken


@needs_openssl
def test_a_content_key_wrapped_the_old_pkcs1_way_is_refused(lower_office, upper, upper_key, export, cli, tmp_path):
    office = lower_office()
    p12, pem, _der, _ = upper_key
    sealed = tmp_path / "cu.p7m"
    subprocess.run(["openssl", "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", export(office), "-recip", pem,
                    "-outform", "DER", "-out", sealed], check=True, capture_output=True)
    before = db_snapshot(upper)
    code, (taken,) = _import(cli, upper, sealed, extra=["--trust-new", "--key", p12, "--passphrase-file",
                                                        office.passfile])
    assert code == 2 and taken["status"] == "rejected" and "PKCS#1 v1.5" in taken["reason"]
    assert db_snapshot(upper) == before


# --- refusals: nothing written ---------------------------------------------------------------------
def test_a_package_sealed_for_another_office_is_refused_with_whom_it_is_for(lower_office, upper, upper_key, run,
                                                                              cli, tmp_path):
    office = lower_office()
    p12, _pem, _der, _ = upper_key
    other = tmp_path / "tinh-khac.p12"
    create_office_key("Liên đoàn Lao động tỉnh Điện Biên", other, PASS.encode())
    _key, other_der = _p12(other)
    cert = tmp_path / "dien-bien.cer"
    cert.write_bytes(other_der)
    sealed = _export_sealed(run, office, cert)["package"]
    before = db_snapshot(upper)
    code, (taken,) = _import(cli, upper, sealed, extra=["--trust-new", "--key", p12, "--passphrase-file",
                                                        office.passfile])
    assert code == 2 and taken["status"] == "rejected" and taken["sealed"] is True
    assert "được niêm phong cho chứng thư số “Liên đoàn Lao động tỉnh Điện Biên”" in taken["reason"]
    assert "không phải đơn vị này" in taken["reason"]
    assert db_snapshot(upper) == before
    assert _stored(upper) == []


def test_a_sealed_package_without_the_key_is_refused_asking_for_it(lower_office, upper, upper_key, run, cli):
    office = lower_office()
    sealed = _export_sealed(run, office, upper_key[1])["package"]
    before = db_snapshot(upper)
    result = cli("package", "import", sealed, "--trust-new", db=upper)
    assert result.code == 2 and "niêm phong cho" in result.out and "--key TỆP.p12" in result.out
    wrong = Path(sealed).parent / "sai.txt"
    wrong.write_text("mat-khau-sai\n", encoding="utf-8")
    code, (taken,) = _import(cli, upper, sealed, extra=["--key", upper_key[0], "--passphrase-file", wrong])
    assert code == 2 and "sai mật khẩu" in taken["reason"] and taken["sealed"] is True
    assert db_snapshot(upper) == before


@pytest.fixture(scope="module")
def recipient():
    cert = make_cert(UPPER, usage="encipher")
    return cert.key, cert.der


def _flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def _envelope_offsets(data: bytes) -> dict[str, int]:
    from asn1crypto import cms

    info = cms.ContentInfo.load(data)
    env = info["content"]
    content = env["auth_encrypted_content_info"]["encrypted_content"]
    ktri = env["recipient_infos"][0].chosen
    tail = len(data)
    return {"tag": tail - 1, "ciphertext": data.index(content.contents) + 5,
            "wrapped key": data.index(ktri["encrypted_key"].contents) + 7}


@pytest.mark.parametrize("where", ["tag", "ciphertext", "wrapped key"])
def test_a_changed_byte_anywhere_in_the_envelope_is_refused(recipient, where):
    key, der = recipient
    data = seal(b"PK\x03\x04 a package" * 500, der)
    changed = _flip(data, _envelope_offsets(data)[where])
    with pytest.raises(SealProblem) as refused:
        unseal(changed, key, der)
    assert "bị thay đổi" in refused.value.message or "bị sửa" in refused.value.message


def _tlv(tag: bytes, body: bytes) -> bytes:
    return tag + b"\x84" + len(body).to_bytes(4, "big") + body


def _many_recipients(sealed: bytes) -> bytes:
    """``sealed`` with its recipient set replaced by a million empty members."""
    from asn1crypto import cms

    env = cms.ContentInfo.load(sealed)["content"]
    rest = env["auth_encrypted_content_info"].dump() + env["mac"].dump()
    envelope = _tlv(b"\x30", b"\x02\x01\x00" + _tlv(b"\x31", b"\x30\x00" * 1_000_000) + rest)
    return _tlv(b"\x30", bytes.fromhex("060b2a864886f70d0109100117") + _tlv(b"\xa0", envelope))


def test_truncated_garbage_and_huge_lengths_are_refused_in_words(recipient):
    key, der = recipient
    data = seal(b"PK\x03\x04" + bytes(4000), der)
    oid = bytes.fromhex("060b2a864886f70d0109100117")
    hostile = {
        **{f"cut at {n}": data[:n] for n in (20, 40, 200, len(data) // 2, len(data) - 17, len(data) - 1)},
        "huge declared length": b"\x30\x84\x7f\xff\xff\xff" + oid + b"\xa0\x84\x7f\xff\xff\xf0" + bytes(64),
        "indefinite, never closed": b"\x30\x80" + oid + b"\xa0\x80\x30\x80" + bytes(50),
        "header then garbage": b"\x30\x82\x01\x00" + oid + bytes(range(256))[:243],
        "trailing bytes": data + b"\x00\x00",
        "deep nesting": b"\x30\x80" + oid + b"\xa0\x80" + b"\x30\x80" * 5000,
        "a million empty recipients": _many_recipients(data),
    }
    for name, blob in hostile.items():
        assert is_sealed(blob), name
        with pytest.raises(SealProblem) as refused:
            unseal(blob, key, der)
        assert refused.value.message, name
    for blob in (b"", b"PK\x03\x04", b"not CMS at all", bytes(100)):
        assert not is_sealed(blob)
        assert open_sealed_if_needed(blob, None) == (blob, None)


def test_the_envelope_says_whom_it_is_for_without_any_key(recipient):
    _key, der = recipient
    info = sealed_for(seal(b"x", der))
    (who,) = info.recipients
    assert who.issuer == UPPER and who.serial is not None and info.algorithm == "aes256_gcm"
    assert UPPER in info.describe()


def test_a_hostile_sealed_file_through_the_import_is_a_reason_not_a_traceback(lower_office, upper, upper_key, run,
                                                                              cli, tmp_path):
    office = lower_office()
    p12 = upper_key[0]
    data = Path(_export_sealed(run, office, upper_key[1])["package"]).read_bytes()
    files = []
    for name, blob in {"cut.p7m": data[: len(data) // 2], "tag.p7m": _flip(data, len(data) - 3),
                       "rac.p7m": b"\x30\x84\x7f\xff\xff\xff" + bytes.fromhex("060b2a864886f70d0109100117")}.items():
        (tmp_path / name).write_bytes(blob)
        files.append(tmp_path / name)
    before = db_snapshot(upper)
    result = cli("package", "import", *files, "--trust-new", "--key", p12, "--passphrase-file", office.passfile,
                 "--json", db=upper)
    assert result.code == 2 and "Traceback" not in result.err
    assert [r["status"] for r in result.json] == ["rejected"] * 3
    assert all(r["sealed"] is True and r["reason"] for r in result.json)
    assert "bị thay đổi" in result.json[1]["reason"]
    assert db_snapshot(upper) == before


def test_open_sealed_if_needed_passes_other_files_through_and_opens_sealed_ones(recipient, tmp_path):
    key, der = recipient
    from tests.exchange.conftest import Cert

    p12 = Cert(key, der, UPPER).write_p12(tmp_path / "k.p12")
    assert open_sealed_if_needed(b"PK\x03\x04 plain", None) == (b"PK\x03\x04 plain", None)
    inner, info = open_sealed_if_needed(seal(b"PK inner", der), Pkcs12Key(p12, PASS.encode()))
    assert inner == b"PK inner" and info is not None and info.recipients[0].issuer == UPPER
    with pytest.raises(SealProblem) as refused:
        open_sealed_if_needed(seal(b"PK inner", der), None)
    assert refused.value.needs == "key" and refused.value.info is not None


_PLAIN = b"PK\x03\x04" + bytes(range(256)) * 8


@pytest.fixture(scope="module")
def sealed_sample(recipient):
    return seal(_PLAIN, recipient[1])


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_any_changed_or_cut_sealed_file_opens_to_the_original_or_is_refused_in_words(recipient, sealed_sample, data):
    """Bytes flipped, cut or added anywhere: the content that comes out is
    the original (a change to a field nothing depends on) or nothing, and
    the refusal is a SealProblem, never another exception."""
    key, der = recipient
    blob = bytearray(sealed_sample)
    for _ in range(data.draw(st.integers(1, 4))):
        kind = data.draw(st.sampled_from(["flip", "cut", "insert"]))
        at = data.draw(st.integers(0, len(blob) - 1))
        if kind == "flip":
            blob[at] ^= data.draw(st.integers(1, 255))
        elif kind == "cut":
            del blob[at:at + data.draw(st.integers(1, 64))]
        else:
            blob[at:at] = data.draw(st.binary(min_size=1, max_size=8))
        if not blob:
            return
    try:
        assert sealed_for(bytes(blob)).recipients
    except SealProblem as exc:
        assert exc.message
    try:
        assert unseal(bytes(blob), key, der) == _PLAIN
    except SealProblem as exc:
        assert exc.message


# --- the office's key on a USB token (SoftHSM2) ------------------------------------------------------
def _token_ready() -> bool:
    from tests.conftest import LIB

    return LIB is not None and shutil.which("softhsm2-util") is not None and shutil.which("openssl") is not None


@pytest.mark.skipif(not _token_ready(), reason="softhsm2 and openssl")
def test_a_sealed_package_opens_on_the_usb_token_where_the_token_can(token, tmp_path):
    """The key never leaves the token: it opens what its mechanism allows
    (SoftHSM 2.6 does RSA-OAEP with SHA-1 only) and says so in words for
    the rest; a wrong PIN is a refusal, not a traceback."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from desktop.io.signing import TokenKey
    from tests.conftest import LIB, PIN

    inner = b"PK\x03\x04 a package on its way" * 100
    (tmp_path / "goi.zip").write_bytes(inner)
    pem = tmp_path / "token.pem"
    pem.write_bytes(token.public_bytes(Encoding.PEM))
    subprocess.run(["openssl", "cms", "-encrypt", "-binary", "-aes-256-gcm", "-in", tmp_path / "goi.zip", "-recip", pem,
                    "-keyopt", "rsa_padding_mode:oaep", "-outform", "DER", "-out", tmp_path / "sha1.p7m"],
                   check=True, capture_output=True)
    key = TokenKey(LIB, "theodoi", "van-phong", PIN)
    opened, info = open_sealed_if_needed((tmp_path / "sha1.p7m").read_bytes(), key)
    assert opened == inner and "Công đoàn xã Bình Lư" in info.describe()

    ours = seal(inner, token.public_bytes(Encoding.DER))
    try:
        assert open_sealed_if_needed(ours, key)[0] == inner  # a token that does OAEP with SHA-256
    except SealProblem as refused:
        assert "không hỗ trợ" in refused.message and ".p12" in refused.message
    with pytest.raises(SealProblem, match="PIN"):
        open_sealed_if_needed(ours, TokenKey(LIB, "theodoi", "van-phong", "0000"))


def test_a_sealed_package_attached_to_a_saved_email_is_found_with_the_emails_day(recipient, tmp_path):
    import datetime as dt
    from email.message import EmailMessage

    from desktop.io.mail import collect_incoming_dated

    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "huyen@example.vn", "tinh@example.vn", "Gói niêm phong"
    msg["Date"] = "Fri, 29 Apr 2022 10:00:00 +0700"
    msg.set_content("Gửi gói niêm phong.")
    msg.add_attachment(seal(b"PK inner", recipient[1]), maintype="application", subtype="pkcs7-mime",
                       filename="goi-niem-phong-abc.p7m")
    eml = tmp_path / "thu.eml"
    eml.write_bytes(msg.as_bytes())
    (tmp_path / "ra").mkdir()
    files, problems, days = collect_incoming_dated([eml], tmp_path / "ra")
    (found,) = files
    assert problems == [] and found.name.endswith(".p7m") and is_sealed(found.read_bytes())
    assert days[found] == dt.date(2022, 4, 29)
