"""Offices that exchange packages: lower offices that issue and sign a report,
an upper office whose member units they are. Built through the CLI, each
with its own database file."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.io.package.format import MANIFEST, MANIFEST_SIG, dumps
from desktop.io.signing import Pkcs12Key, open_signer, sign_detached
from tests.conftest import write_xlsx

PASS = "mat-khau-van-phong"
LOWER = ["Liên đoàn Lao động huyện Tam Đường", "Liên đoàn Lao động huyện Sìn Hồ", "Liên đoàn Lao động huyện Phong Thổ"]
UPPER = "Liên đoàn Lao động tỉnh Lai Châu"


@dataclass
class Lower:
    name: str
    db: Path
    key: Path
    passfile: Path
    folder: Path


@pytest.fixture
def run(cli):
    def go(db: Path, *args):
        result = cli(*args, db=db)
        assert result.code == 0, result.err
        return result

    return go


def _lower(run, tmp: Path, name: str, sessions: list[int], *, issued: str = "20/04/2022", db=None) -> Lower:
    """``db``: the office's database (a URL on the test's back end), by
    default a SQLite file in its folder."""
    folder = tmp / name.split()[-1].lower()
    folder.mkdir()
    db = db or folder / "office.sqlite3"
    run(db, "init", "--office", name, "--parent", UPPER, "--symbol", "LĐLĐ", "--signer-name", "Lò Văn Minh",
        "--signer-title", "CHỦ TỊCH")
    units = [f"Công đoàn Trường số {i} {name.split()[-1]}" for i in range(1, len(sessions) + 1)]
    run(db, "units", "import", write_xlsx(folder / "dv.xlsx", [["Tên đơn vị"], *([u] for u in units)]))
    run(db, "directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", UPPER, "--date", "16/02/2022",
        "--subject", "Tuyên truyền Nghị quyết 02")
    run(db, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo kết quả quán triệt",
        "--due", "31/03/2022", "--indicator", "sessions:Số buổi")
    for unit, n in zip(units, sessions):
        run(db, "submissions", "record", "--unit", unit, "--requirement", "1", "--received", "25/03/2022",
            "--set", f"sessions={n}")
    run(db, "report", "make", "--directive", "314/KH-LĐLĐ", "--as-of", "15/04/2022", "--date", issued,
        "--out", folder / "bao-cao")
    passfile = folder / "pass.txt"
    passfile.write_text(PASS + "\n", encoding="utf-8")
    key = folder / "khoa.p12"
    run(db, "keys", "create", "--org", name, "--out", key, "--passphrase-file", passfile)
    return Lower(name, db, key, passfile, folder)


@pytest.fixture
def lower_office(run, tmp_path, new_db):
    """Builds a lower office on the test's back end: ``lower_office(name,
    sessions per unit)``."""
    return lambda name=LOWER[0], sessions=(2, 3), **kw: _lower(run, tmp_path, name, list(sessions),
                                                               db=new_db(name.split()[-1].lower()), **kw)


@pytest.fixture
def export(run):
    def go(office: Lower, report: int = 1, out: Path | None = None) -> Path:
        result = run(office.db, "package", "export", "--report", report, "--key", office.key,
                     "--passphrase-file", office.passfile, "--out", out or office.folder / "goi", "--json")
        return Path(result.json["package"])

    return go


@pytest.fixture
def upper(run, tmp_path, new_db):
    """The province, on the test's back end."""
    db = new_db("tinh")
    run(db, "init", "--office", UPPER, "--symbol", "LĐLĐ")
    run(db, "units", "import", write_xlsx(tmp_path / "dv-tinh.xlsx", [["Tên đơn vị"], *([n] for n in LOWER)]))
    run(db, "directives", "add", "--number", "314/KH-LĐLĐ", "--issuer", UPPER, "--date", "16/02/2022",
        "--subject", "Tuyên truyền Nghị quyết 02")
    run(db, "requirements", "add", "--directive", "314/KH-LĐLĐ", "--title", "Báo cáo kết quả của LĐLĐ huyện",
        "--due", "30/04/2022", "--indicator", "sessions:Số buổi")
    return db


def members(package: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(package) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def write_members(target: Path, files: dict[str, bytes]) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    target.write_bytes(buf.getvalue())
    return target


def resign_manifest(files: dict[str, bytes], office: Lower, change) -> dict[str, bytes]:
    """The package's manifest changed by ``change(manifest)`` and signed
    again with the office's own key: what a buggy or dishonest sender could
    make, as opposed to a change on the way."""
    manifest = json.loads(files[MANIFEST])
    change(manifest)
    data = dumps(manifest)
    with open_signer(Pkcs12Key(office.key, PASS.encode())) as signer:
        return {**files, MANIFEST: data, MANIFEST_SIG: sign_detached(data, signer)}


# --- certificates and packages of any shape ---------------------------------------------------
@dataclass
class Cert:
    key: object = field(repr=False)  # a cryptography private key
    der: bytes = field(repr=False)
    name: str = ""

    @property
    def pem(self) -> bytes:
        from cryptography.x509 import load_der_x509_certificate
        from cryptography.hazmat.primitives.serialization import Encoding

        return load_der_x509_certificate(self.der).public_bytes(Encoding.PEM)

    def write_pem(self, path: Path) -> Path:
        path.write_bytes(self.pem)
        return path

    def write_p12(self, path: Path, chain: list["Cert"] = ()) -> Path:
        from cryptography import x509
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import pkcs12

        path.write_bytes(pkcs12.serialize_key_and_certificates(
            b"office", self.key, x509.load_der_x509_certificate(self.der),
            [x509.load_der_x509_certificate(c.der) for c in chain] or None,
            serialization.BestAvailableEncryption(PASS.encode())))
        return path

    def signer(self):
        """An OfficeSigner over this key and certificate, built without
        reading the certificate the way Theo dõi does (so a certificate it
        refuses can still sign)."""
        from asn1crypto import keys as asn1_keys, x509 as asn1_x509
        from cryptography.hazmat.primitives import serialization
        from pyhanko.sign import signers
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        from desktop.io.signing import OfficeSigner
        from desktop.io.signing.keys import fingerprint

        cert = asn1_x509.Certificate.load(self.der)
        key = asn1_keys.PrivateKeyInfo.load(self.key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
        hanko = signers.SimpleSigner(signing_cert=cert, signing_key=key,
                                     cert_registry=SimpleCertificateStore.from_certs([cert]))
        return OfficeSigner(hanko, self.der, fingerprint(self.der), self.name, None)


SIGN = "sign"  # digitalSignature + nonRepudiation
CA = "ca"  # keyCertSign + cRLSign


def make_cert(name: str, *, issuer: Cert | None = None, ca: bool = False, usage: str | None = SIGN,
              eku: list | None = None, days: tuple[int, int] = (-1, 365), organization: str | None = None,
              duplicate_extension: bool = False) -> Cert:
    """A certificate for ``name`` (its CN), self-signed or issued by
    ``issuer``; ``usage`` SIGN, CA, "encipher" (keyEncipherment only) or
    None (no keyUsage); ``eku`` a list of OIDs; valid from ``days[0]`` to
    ``days[1]`` days from now."""
    import datetime as dt

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from cryptography.x509.oid import NameOID

    now = dt.datetime.now(dt.timezone.utc)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    attrs = [x509.NameAttribute(NameOID.COMMON_NAME, name)]
    if organization:
        attrs.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organization))
    subject = x509.Name(attrs)
    builder = (x509.CertificateBuilder().subject_name(subject)
               .issuer_name(x509.load_der_x509_certificate(issuer.der).subject if issuer else subject)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now + dt.timedelta(days=days[0])).not_valid_after(now + dt.timedelta(days=days[1])))
    if ca:
        builder = builder.add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
    flags = {SIGN: (True, True, False, False, False, False, False, False, False),
             CA: (False, False, False, False, False, True, True, False, False),
             "encipher": (False, False, True, False, False, False, False, False, False)}
    if usage is not None:
        builder = builder.add_extension(x509.KeyUsage(*flags[usage]), critical=True)
    if eku is not None:
        builder = builder.add_extension(x509.ExtendedKeyUsage(eku), critical=False)
    builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    signing_key = issuer.key if issuer else key
    der = builder.sign(signing_key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
    if duplicate_extension:
        from asn1crypto import x509 as asn1_x509

        cert = asn1_x509.Certificate.load(der)
        tbs = cert["tbs_certificate"]
        extensions = list(tbs["extensions"])
        tbs["extensions"] = asn1_x509.Extensions(extensions + [extensions[-1]])
        tbs_der = tbs.dump(force=True)
        signature = signing_key.sign(tbs_der, padding.PKCS1v15(), hashes.SHA256())
        der = asn1_x509.Certificate({"tbs_certificate": asn1_x509.TbsCertificate.load(tbs_der),
                                     "signature_algorithm": cert["signature_algorithm"],
                                     "signature_value": signature}).dump()
    return Cert(key, der, name)


def report_files(office: Lower) -> tuple[Path, Path]:
    """The office's issued report, unsigned: (PDF, workbook)."""
    folder = office.folder / "bao-cao"
    return sorted(folder.glob("*.pdf"))[0], sorted(folder.glob("*.xlsx"))[0]


def package_signed_by(office: Lower, signer, out: Path, *, change=None, period: int | None = None,
                      requirement: str | None = None) -> Path:
    """The office's report packaged and signed by ``signer`` (any
    OfficeSigner), its data first changed by ``change(data)``: what a
    sender holding that key can make."""
    from desktop.io.package.build import build_package

    pdf, xlsx = report_files(office)
    package = next((office.folder / "goi").glob("*.zip"), None)
    data = json.loads(members(package)["data.json"]) if package else None
    assert data is not None, "export the office's report first"
    if change:
        change(data)
    out.mkdir(parents=True, exist_ok=True)
    return build_package(pdf, xlsx, data, signer, out, requirement=requirement, period=period)
