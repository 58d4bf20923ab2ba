"""What a certificate may do: sign documents (key usage, extended key
usage, validity), issue office certificates as a root (CA, keyCertSign,
validity); a certificate that cannot be read is a refusal, never a crash."""

from __future__ import annotations

import datetime as dt

import pytest
from cryptography.x509.oid import ExtendedKeyUsageOID, ObjectIdentifier

from desktop.io.signing import CertificateProblem, certificate_info, chains_to, root_problem, signing_problem
from tests.exchange.conftest import CA, SIGN, make_cert

NOW = dt.datetime.now(dt.timezone.utc)
DOCUMENT_SIGNING = ObjectIdentifier("1.3.6.1.5.5.7.3.36")


@pytest.mark.parametrize("usage, eku, allowed", [
    (SIGN, None, True),
    (None, None, True),  # no keyUsage: every use allowed
    ("encipher", None, False),
    (SIGN, [ExtendedKeyUsageOID.SERVER_AUTH], False),
    (SIGN, [ExtendedKeyUsageOID.CODE_SIGNING], False),
    (SIGN, [ExtendedKeyUsageOID.CLIENT_AUTH], False),
    (SIGN, [ExtendedKeyUsageOID.CLIENT_AUTH, ExtendedKeyUsageOID.EMAIL_PROTECTION], True),
    (SIGN, [DOCUMENT_SIGNING], True),
    (SIGN, [ObjectIdentifier("2.5.29.37.0")], True),
])
def test_a_certificate_signs_documents_only_if_its_usages_allow_it(usage, eku, allowed):
    info = certificate_info(make_cert("Văn phòng", usage=usage, eku=eku).der)
    assert (signing_problem(info, NOW) is None) == allowed


def test_a_certificate_outside_its_validity_signs_nothing():
    assert "đã hết hạn" in signing_problem(certificate_info(make_cert("A", days=(-30, -1)).der), NOW)
    assert "chưa đến ngày hiệu lực" in signing_problem(certificate_info(make_cert("A", days=(1, 30)).der), NOW)


def test_a_root_is_a_valid_ca_certificate_allowed_to_issue():
    assert root_problem(certificate_info(make_cert("CA", ca=True, usage=CA).der), NOW) is None
    assert "không phải chứng thư của tổ chức cấp chứng thư" in root_problem(certificate_info(make_cert("A").der), NOW)
    assert "keyCertSign" in root_problem(certificate_info(make_cert("CA", ca=True, usage=SIGN).der), NOW)
    assert "đã hết hạn" in root_problem(certificate_info(make_cert("CA", ca=True, usage=CA, days=(-9, -1)).der), NOW)


def test_only_a_valid_ca_root_vouches_for_what_it_issued():
    good = make_cert("CA", ca=True, usage=CA)
    assert chains_to(make_cert("Văn phòng", issuer=good).der, [good.der])
    expired = make_cert("CA cũ", ca=True, usage=CA, days=(-400, -1))
    assert not chains_to(make_cert("Văn phòng", issuer=expired).der, [expired.der])
    plain = make_cert("Không phải CA")
    assert not chains_to(make_cert("Văn phòng", issuer=plain).der, [plain.der])
    assert not chains_to(plain.der, [plain.der])  # not even itself


def test_the_names_of_a_certificate_are_its_common_and_organisation_names():
    info = certificate_info(make_cert("LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG", organization="Tỉnh Lai Châu").der)
    assert info.names == ("LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG", "Tỉnh Lai Châu")


def test_a_duplicated_extension_is_a_refusal_in_words():
    der = make_cert("Văn phòng", duplicate_extension=True).der
    with pytest.raises(CertificateProblem, match="bị hỏng hoặc sai cấu trúc"):
        certificate_info(der)
    with pytest.raises(CertificateProblem):
        certificate_info(b"\x30\x03\x02\x01\x00")
