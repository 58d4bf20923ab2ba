"""Trust tied to identity: a pinned key answers for its own office, a root
only for the office its certificates name, receipts only from the office
above; --trust-new never pins a key nobody compared."""

from __future__ import annotations

from pathlib import Path

from cryptography.x509.oid import ExtendedKeyUsageOID

from desktop.io.package.receipt import write_receipt
from desktop.io.package.read import verify_package
from desktop.io.signing import Pkcs12Key, create_office_key, load_certificate, open_signer
from tests.conftest import db_snapshot, query
from tests.exchange.conftest import CA, LOWER, SIGN, PASS, UPPER, make_cert, package_signed_by


def _import(cli, db, *files, extra=()):
    result = cli("package", "import", *files, *extra, "--json", db=db)
    assert result.code in (0, 2), result.err
    return result.code, result.json


def _install_root_behind_the_rules(db: Path, der: bytes, subject: str) -> None:
    """A root row as an older Theo dõi let anyone install (trust add took
    any certificate then)."""
    from desktop.io.signing.keys import fingerprint

    query(db, "INSERT INTO trusted_certificate (fingerprint, kind, subject, certificate, added_at) "
          "VALUES (:fp, 'root', :subject, :der, '2026-01-01')", fp=fingerprint(der), subject=subject, der=der)


def _office_key_der(office) -> bytes:
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        return signer.certificate_der


def test_a_certificate_from_an_installed_root_signs_only_for_the_office_it_names(lower_office, export, upper, cli,
                                                                                tmp_path):
    root = make_cert("CA thử nghiệm Theo dõi", ca=True, usage=CA, days=(-1, 3650))
    assert cli("trust", "add", root.write_pem(tmp_path / "goc.pem"), db=upper).code == 0
    tam_duong = make_cert(LOWER[0], issuer=root)
    office, other = lower_office(LOWER[0]), lower_office(LOWER[1], (1,))
    export(office), export(other)
    own = package_signed_by(office, tam_duong.signer(), tmp_path / "dung")
    forged = package_signed_by(other, tam_duong.signer(), tmp_path / "gia")  # "from Sìn Hồ", Tam Đường's certificate

    before = db_snapshot(upper)
    code, (refused,) = _import(cli, upper, forged)
    assert code == 2 and refused["status"] == "rejected"
    assert "chưa tin cậy người ký của “Liên đoàn Lao động huyện Sìn Hồ”" in refused["reason"]
    assert f"ghi tên “{LOWER[0]}”" in refused["reason"]
    assert db_snapshot(upper) == before
    code, (accepted,) = _import(cli, upper, own)
    assert code == 0 and accepted["status"] == "accepted" and not accepted["trusted_now"]


def test_an_office_certificate_or_an_expired_root_installed_earlier_vouches_for_nobody_else(
        lower_office, export, upper, cli, tmp_path):
    office, other = lower_office(LOWER[0]), lower_office(LOWER[1], (1,))
    export(office), export(other)
    _install_root_behind_the_rules(upper, _office_key_der(office), LOWER[0])
    expired = make_cert("CA đã hết hạn", ca=True, usage=CA, days=(-800, -1))
    _install_root_behind_the_rules(upper, expired.der, "CA đã hết hạn")
    not_ca = make_cert("Chứng thư thường", usage=SIGN)
    _install_root_behind_the_rules(upper, not_ca.der, "Chứng thư thường")
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        as_other = package_signed_by(other, signer, tmp_path / "a")
    by_expired = package_signed_by(other, make_cert(LOWER[1], issuer=expired, days=(-10, 300)).signer(), tmp_path / "b")
    by_not_ca = package_signed_by(other, make_cert(LOWER[1], issuer=not_ca).signer(), tmp_path / "c")
    code, results = _import(cli, upper, as_other, by_expired, by_not_ca)
    assert code == 2 and [r["status"] for r in results] == ["rejected"] * 3
    assert "được ký bằng chứng thư gốc (CA) đã cài" in results[0]["reason"]
    assert all("chưa tin cậy người ký" in r["reason"] for r in results[1:]), results



def test_trust_add_takes_only_a_valid_ca_certificate_allowed_to_issue(lower_office, upper, cli, tmp_path):
    office = lower_office()
    office_pem = tmp_path / "van-phong.pem"
    office_pem.write_bytes(make_cert("x").pem)  # replaced below by the office's own certificate
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    office_pem.write_bytes(x509.load_der_x509_certificate(_office_key_der(office)).public_bytes(Encoding.PEM))
    cases = {
        "thuong.pem": (make_cert("Chứng thư thường"), "không phải chứng thư của tổ chức cấp chứng thư"),
        "ca-khong-ky-cap.pem": (make_cert("CA thiếu quyền", ca=True, usage=SIGN), "thiếu keyCertSign"),
        "ca-het-han.pem": (make_cert("CA hết hạn", ca=True, usage=CA, days=(-800, -1)), "đã hết hạn"),
        "ca-chua-hieu-luc.pem": (make_cert("CA tương lai", ca=True, usage=CA, days=(30, 900)), "chưa đến ngày hiệu lực"),
    }
    for name, (cert, reason) in cases.items():
        result = cli("trust", "add", cert.write_pem(tmp_path / name), db=upper)
        assert result.code == 2 and reason in result.err, (name, result.err)
    # A member office's own certificate (a self-made one is a CA certificate
    # too): pinned for that office, never installed as a root.
    result = cli("trust", "add", office_pem, db=upper)
    assert result.code == 2 and "trust pin --office" in result.err and LOWER[0] in result.err
    assert cli("trust", "list", "--json", db=upper).json == []


def test_trust_pin_ties_an_office_certificate_to_that_office(lower_office, export, upper, cli, tmp_path):
    office, other = lower_office(LOWER[0]), lower_office(LOWER[1], (1,))
    package = export(office)
    export(other)
    units = {u["name"]: u for u in cli("units", "list", "--json", db=upper).json}
    pem = tmp_path / "td.pem"
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    pem.write_bytes(x509.load_der_x509_certificate(_office_key_der(office)).public_bytes(Encoding.PEM))
    pinned = cli("trust", "pin", "--office", units[LOWER[0]]["id"], pem, "--json", db=upper)
    assert pinned.code == 0, pinned.err
    assert pinned.json["kind"] == "pin" and pinned.json["office"] == LOWER[0] and len(pinned.json["fingerprint"]) == 64
    code, (accepted,) = _import(cli, upper, package)
    assert code == 0 and accepted["status"] == "accepted"

    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        as_other = package_signed_by(other, signer, tmp_path / "gia")
    code, (refused,) = _import(cli, upper, as_other, extra=["--trust-new"])
    assert code == 2 and f"được ký bằng khóa của “{LOWER[0]}”" in refused["reason"]
    again = cli("trust", "pin", "--office", units[LOWER[1]]["id"], pem, db=upper)
    assert again.code == 2 and "đã được tin cậy từ trước" in again.err
    assert [(t["kind"], t["office"]) for t in cli("trust", "list", "--json", db=upper).json] == [("pin", LOWER[0])]


def test_a_certificate_not_allowed_to_sign_documents_signs_no_package(lower_office, export, upper, cli, tmp_path):
    office = lower_office()
    export(office)
    packages = {
        "encipher": package_signed_by(office, make_cert(LOWER[0], usage="encipher").signer(), tmp_path / "a"),
        "server": package_signed_by(office, make_cert(LOWER[0], eku=[ExtendedKeyUsageOID.SERVER_AUTH]).signer(),
                                    tmp_path / "b"),
        "code": package_signed_by(office, make_cert(LOWER[0], eku=[ExtendedKeyUsageOID.CODE_SIGNING,
                                                                    ExtendedKeyUsageOID.SERVER_AUTH]).signer(),
                                  tmp_path / "c"),
    }
    reasons = {"encipher": "không được phép dùng để ký", "server": "không được cấp để ký văn bản",
               "code": "không được cấp để ký văn bản"}
    for case, package in packages.items():
        verified = cli("package", "verify", package, "--json")
        assert verified.code == 2 and reasons[case] in verified.json[0]["reason"], (case, verified.json)
        code, (result,) = _import(cli, upper, package, extra=["--trust-new"])
        assert code == 2 and reasons[case] in result["reason"], (case, result)
    # A token certificate for e-mail protection (S/MIME) signs documents.
    smime = package_signed_by(office, make_cert(LOWER[0], eku=[ExtendedKeyUsageOID.CLIENT_AUTH,
                                                              ExtendedKeyUsageOID.EMAIL_PROTECTION]).signer(),
                              tmp_path / "d")
    assert cli("package", "verify", smime, "--json").json[0]["status"] == "valid"


# --- --trust-new over a batch ---------------------------------------------------------------------
def test_trust_new_pins_nothing_when_a_batch_holds_two_new_offices(lower_office, export, upper, cli, tmp_path):
    genuine = export(lower_office(LOWER[0]))
    other = lower_office(LOWER[1], (1,))
    export(other)
    forged = package_signed_by(other, make_cert(LOWER[1]).signer(), tmp_path / "gia")  # the attacker's own key
    before = db_snapshot(upper)
    code, results = _import(cli, upper, genuine, forged, extra=["--trust-new"])
    assert code == 2 and [r["status"] for r in results] == ["rejected", "rejected"]
    assert all("2 văn phòng gửi lần đầu" in r["reason"] for r in results)
    assert db_snapshot(upper) == before

    fp = results[0]["fingerprint"]
    code, results = _import(cli, upper, genuine, forged, extra=["--fingerprint", fp[:16]])
    assert code == 2
    assert (results[0]["status"], results[0]["pinned"]) == ("accepted", fp)
    assert results[1]["status"] == "rejected" and "--fingerprint" in results[1]["reason"] and not results[1]["pinned"]
    assert [t["fingerprint"] for t in cli("trust", "list", "--json", db=upper).json] == [fp]


def test_trust_new_still_pins_the_one_new_office_of_a_batch(lower_office, export, upper, cli, run, tmp_path):
    office = lower_office(LOWER[0])
    first = export(office)
    run(office.db, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "25/04/2022",
        "--out", office.folder / "bao-cao")
    second = export(office, report=2)
    code, results = _import(cli, upper, first, second, extra=["--trust-new"])
    assert code == 0 and [r["status"] for r in results] == ["accepted", "superseded"]
    assert results[0]["pinned"] == results[0]["fingerprint"] and results[1]["pinned"] is None


# --- receipts ----------------------------------------------------------------------------------------
def _receipt_for(package: Path, signer, out: Path) -> Path:
    check = verify_package(package)
    return write_receipt(out, signer, package_sha256=check.sha256, manifest=check.manifest, receiver=UPPER,
                         status="accepted", received_by="x")


def test_a_receipt_signed_with_the_member_offices_own_key_is_refused_even_with_trust_new(
        lower_office, export, cli, tmp_path):
    office = lower_office()
    package = export(office)
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        receipt = _receipt_for(package, signer, tmp_path / "bn")
    before = db_snapshot(office.db)
    code, (result,) = _import(cli, office.db, receipt, extra=["--trust-new"])
    assert code == 2 and "không phải của văn phòng cấp trên" in result["reason"]
    assert db_snapshot(office.db) == before
    assert cli("register", "list", "--json", db=office.db).json[0]["received_on"] is None


def test_a_receipt_from_a_certificate_that_does_not_name_the_office_above_is_refused(
        lower_office, export, cli, tmp_path):
    office = lower_office()
    package = export(office)
    stranger = make_cert("Văn phòng lạ")
    code, (result,) = _import(cli, office.db, _receipt_for(package, stranger.signer(), tmp_path / "bn"),
                              extra=["--trust-new"])
    assert code == 2 and "không phải của văn phòng cấp trên “Liên đoàn Lao động tỉnh Lai Châu”" in result["reason"]


def test_a_strangers_receipt_never_adds_a_second_receipt_key(lower_office, export, cli, run, tmp_path):
    office = lower_office()
    package = export(office)
    upper_key = tmp_path / "tinh.p12"
    create_office_key(UPPER, upper_key, PASS.encode())
    with open_signer(Pkcs12Key(upper_key, PASS.encode())) as signer:
        genuine = _receipt_for(package, signer, tmp_path / "that")
    code, (taken,) = _import(cli, office.db, genuine, extra=["--trust-new"])
    assert code == 0 and taken["status"] == "accepted" and taken["pinned"] == taken["fingerprint"]

    run(office.db, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", "25/04/2022",
        "--out", office.folder / "bao-cao")
    second = export(office, report=2)
    impostor = make_cert(UPPER)  # names the office above, but is not its key
    forged = _receipt_for(second, impostor.signer(), tmp_path / "gia")
    before = db_snapshot(office.db)
    for extra in ([], ["--trust-new"]):
        code, (result,) = _import(cli, office.db, forged, extra=extra)
        assert code == 2 and "khóa khác với khóa của văn phòng cấp trên" in result["reason"]
    assert db_snapshot(office.db) == before
    keys = cli("trust", "list", "--json", db=office.db).json
    assert [(k["kind"], k["office"]) for k in keys] == [("pin", None)]
    assert "văn phòng cấp trên" in cli("trust", "list", db=office.db).out


def test_trust_pin_refuses_a_certificate_that_may_not_sign(lower_office, upper, cli, tmp_path):
    lower_office()
    units = {u["name"]: u for u in cli("units", "list", "--json", db=upper).json}
    pem = make_cert(LOWER[0], eku=[ExtendedKeyUsageOID.SERVER_AUTH]).write_pem(tmp_path / "c.pem")
    assert load_certificate(pem)
    result = cli("trust", "pin", "--office", units[LOWER[0]]["id"], pem, db=upper)
    assert result.code == 2 and "không được cấp để ký văn bản" in result.err


def test_a_forgery_signed_by_a_known_key_does_not_count_as_a_second_new_office(lower_office, export, upper, cli,
                                                                              tmp_path):
    known, new, third = lower_office(LOWER[0]), lower_office(LOWER[1], (1,)), lower_office(LOWER[2], (4,))
    assert _import(cli, upper, export(known), extra=["--trust-new"])[0] == 0
    genuine = export(new)
    export(third)
    with open_signer(Pkcs12Key(known.key, PASS.encode())) as signer:
        forged = package_signed_by(third, signer, tmp_path / "gia")  # "from Phong Thổ", Tam Đường's key
    code, results = _import(cli, upper, genuine, forged, extra=["--trust-new"])
    assert code == 2 and [r["status"] for r in results] == ["accepted", "rejected"]
    assert results[0]["pinned"] == results[0]["fingerprint"]
    assert f"được ký bằng khóa của “{LOWER[0]}”" in results[1]["reason"]


def test_a_fingerprint_too_short_to_tell_keys_apart_is_refused(lower_office, export, upper, cli):
    package = export(lower_office())
    before = db_snapshot(upper)
    result = cli("package", "import", package, "--fingerprint", "AB12 CD34", db=upper)
    assert result.code == 2 and "ít nhất 16 ký tự" in result.err
    assert db_snapshot(upper) == before


def test_names_tie_to_an_office_letter_for_letter_case_and_spacing_aside():
    from desktop.core.trust import names_office

    assert names_office(["LIÊN ĐOÀN LAO ĐỘNG HUYỆN TAM ĐƯỜNG"], "Liên đoàn Lao động  huyện Tam Đường")
    assert not names_office(["Lien doan Lao dong huyen Tam Duong"], "Liên đoàn Lao động huyện Tam Đường")
    assert not names_office(["Liên đoàn Lao động huyện Tâm Dương"], "Liên đoàn Lao động huyện Tam Đường")
    assert not names_office([], "Liên đoàn Lao động huyện Tam Đường") and not names_office(["x"], None)


def test_an_unreadable_certificate_is_refused_naming_its_file(upper, cli, tmp_path):
    pem = make_cert("CA hỏng", ca=True, usage=CA, duplicate_extension=True).write_pem(tmp_path / "ca-hong.pem")
    for args in (["trust", "add", pem], ["trust", "pin", "--office", "2", pem]):
        result = cli(*args, db=upper)
        assert result.code == 2 and "“ca-hong.pem”" in result.err and "sai cấu trúc" in result.err, result.err
