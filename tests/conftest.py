"""Shared fixtures: a fresh SQLite file per test, the CLI run in-process as
a user runs it, and small workbooks written by the tests themselves."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.engine import resolve_url
from db.migrate import open_database
from db.session import unit_of_work
from desktop.cli import main


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    @property
    def json(self):
        return json.loads(self.out)


@pytest.fixture
def db_path(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("THEODOI_DB", raising=False)
    # Keeps backups and attachments of every test inside its own folder.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    return tmp_path / "office.sqlite3"


@pytest.fixture
def engine(db_path):
    eng = open_database(resolve_url(db_path))
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    with unit_of_work(engine, actor="tester@pc") as s:
        yield s


@pytest.fixture
def cli(db_path, capsys):
    """Run ``theodoi ARGS --db <test db>`` in-process."""

    def run(*args: str, db: Path | None = db_path) -> CliResult:
        argv = [str(a) for a in args] + (["--db", str(db)] if db is not None else [])
        code = main(argv)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def db_snapshot(path: Path) -> list[str]:
    """Every row of every table, to compare a database before and after."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def write_xlsx(path: Path, rows: list[list]) -> Path:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def memory_keyring():
    """A keyring that keeps passwords in a dict for the test: the SMTP
    password's only home, inspected by the tests."""
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 1

        def __init__(self):
            super().__init__()
            self.store = {}

        def get_password(self, service, username):
            return self.store.get((service, username))

        def set_password(self, service, username, password):
            self.store[(service, username)] = password

        def delete_password(self, service, username):
            self.store.pop((service, username), None)

    previous, backend = keyring.get_keyring(), Memory()
    keyring.set_keyring(backend)
    yield backend.store
    keyring.set_keyring(previous)


# --- a PKCS#11 USB token, played by SoftHSM2 -------------------------------------
TOKEN_LIBS = [Path(p) for p in ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                                "/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so")]
LIB = next((p for p in TOKEN_LIBS if p.exists()), None)
PIN, SO_PIN = "2468", "97531"


@pytest.fixture(scope="session")
def token(tmp_path_factory):
    """A SoftHSM token "theodoi" holding the office's key and certificate,
    one per test run: the PKCS#11 library, once loaded, keeps reading the
    token folder it was first given."""
    import os

    if LIB is None or not shutil.which("softhsm2-util"):
        pytest.skip("softhsm2 is not installed")
    tmp_path = tmp_path_factory.mktemp("softhsm")
    import pkcs11
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID
    from pkcs11 import Attribute, CertificateType, ObjectClass

    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\nlog.level = ERROR\n")
    os.environ["SOFTHSM2_CONF"] = str(conf)
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


