"""Signing with a PKCS#11 USB token, for real, against SoftHSM2: the way
offices sign with their VGCA, Viettel-CA, VNPT-CA … tokens. The PIN is
used, never stored."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop.core.errors import UserError
from desktop.io.signing import TokenKey, find_pkcs11_modules, open_signer, sign_pdf, verify_pdf
from tests.io.files import pdf_directive

from tests.conftest import LIB, PIN

pytestmark = pytest.mark.skipif(LIB is None or not shutil.which("softhsm2-util"), reason="softhsm2 is not installed")


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


def test_the_certificates_on_the_token_are_listed_without_the_pin(token):
    from desktop.io.signing import list_token_certificates

    from cryptography.hazmat.primitives import serialization

    from desktop.io.signing import fingerprint

    # The PKCS#11 library stays loaded for the whole test run, so tokens of
    # earlier tests may still be listed beside this one.
    mine = fingerprint(token.public_bytes(serialization.Encoding.DER))
    (cert,) = [c for c in list_token_certificates(LIB) if c.fingerprint == mine]
    assert (cert.token_label, cert.cert_label, cert.subject) == ("theodoi", "van-phong", "Công đoàn xã Bình Lư")
