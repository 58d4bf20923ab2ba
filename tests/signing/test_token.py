"""Signing with a PKCS#11 USB token, for real, against SoftHSM2: the way
offices sign with their VGCA, Viettel-CA, VNPT-CA … tokens. The PIN is
used, never stored."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.core.errors import UserError
from desktop.io.signing import TokenKey, find_pkcs11_modules, open_signer, sign_pdf, verify_pdf
from tests.io.files import pdf_directive

LIBS = [Path(p) for p in ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                          "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")]
LIB = next((p for p in LIBS if p.exists()), None)
pytestmark = pytest.mark.skipif(LIB is None or not shutil.which("softhsm2-util"), reason="softhsm2 is not installed")
PIN, SO_PIN = "2468", "97531"


@pytest.fixture
def token(tmp_path, monkeypatch):
    """A SoftHSM token "theodoi" holding the office's key and certificate."""
    import pkcs11
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pkcs11 import Attribute, CertificateType, ObjectClass

    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", "theodoi", "--pin", PIN, "--so-pin", SO_PIN],
                   check=True, capture_output=True)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Công đoàn xã Bình Lư"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Công đoàn xã Bình Lư")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
            .add_extension(x509.KeyUsage(True, True, False, False, False, False, False, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    pem = tmp_path / "key.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    subprocess.run(["softhsm2-util", "--import", str(pem), "--token", "theodoi", "--label", "van-phong", "--id", "01",
                    "--pin", PIN], check=True, capture_output=True)
    pem.unlink()
    with pkcs11.lib(str(LIB)).get_token(token_label="theodoi").open(rw=True, user_pin=PIN) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: "van-phong", Attribute.ID: b"\x01",
            Attribute.SUBJECT: name.public_bytes(), Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER),
        })
    return cert


def test_a_pdf_signed_on_the_token_is_valid_for_pdfsig(token, tmp_path):
    src = pdf_directive(tmp_path / "bao-cao.pdf", ["BÁO CÁO", "Kết quả quán triệt Nghị quyết 02-NQ/TW"])
    with open_signer(TokenKey(LIB, "theodoi", "van-phong", PIN)) as signer:
        assert signer.subject_name == "Công đoàn xã Bình Lư"
        sign_pdf(src, tmp_path / "da-ky.pdf", signer)
    check = verify_pdf(tmp_path / "da-ky.pdf")
    assert check.ok and check.signer_name == "Công đoàn xã Bình Lư"
    if shutil.which("pdfsig"):
        out = subprocess.run(["pdfsig", tmp_path / "da-ky.pdf"], capture_output=True, text=True).stdout
        assert "Signature is Valid" in out and "Total document signed" in out


def test_a_wrong_pin_or_label_is_explained(token):
    with pytest.raises(UserError, match="PIN"):
        with open_signer(TokenKey(LIB, "theodoi", "van-phong", "0000")):
            pass
    with pytest.raises(UserError, match="token"):
        with open_signer(TokenKey(LIB, "khong-co", "van-phong", PIN)):
            pass
    with pytest.raises(UserError, match="chứng thư"):
        with open_signer(TokenKey(LIB, "theodoi", "nhan-khac", PIN)):
            pass


def test_the_module_is_found_where_softhsm_installs_it():
    assert LIB in find_pkcs11_modules()
