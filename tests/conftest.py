"""Shared fixtures: a fresh database per test (a SQLite file, and a
PostgreSQL database too when ``THEODOI_TEST_PG`` names a server), the CLI
run in-process as a user runs it, and small workbooks written by the tests
themselves.

Every test that uses ``db_url`` (or ``engine``, ``session``, ``cli``) runs
once per back end, its id ending in ``[sqlite]`` or ``[postgresql]``. A
test that asks for ``db_path`` is about the SQLite file itself (backups,
damage, the file's mode) and runs on SQLite only."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from sqlalchemy import create_engine, inspect, text

from db.engine import make_engine, resolve_url, with_driver
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


PG_SERVER = os.environ.get("THEODOI_TEST_PG")
BACKENDS = ["sqlite", "postgresql"] if PG_SERVER else ["sqlite"]


# The office's "today" in every test: a suite that reads the computer's
# calendar passes only in the year it was written. Tests about dates pass
# their own; this one is for the code that asks ``clock.today()``.
TODAY = dt.date(2026, 11, 24)


@pytest.fixture(autouse=True)
def private_folders(tmp_path, monkeypatch):
    """Backups, attachments and settings of every test inside its own
    folder, no database chosen from outside, and today fixed (also for the
    processes a test starts)."""
    monkeypatch.setenv("THEODOI_TODAY", TODAY.isoformat())
    monkeypatch.delenv("THEODOI_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    """The SQLite file of a test about the file itself."""
    return tmp_path / "office.sqlite3"


class PostgresServer:
    """The server named by ``THEODOI_TEST_PG``: one database migrated once,
    then a copy of it per test (CREATE DATABASE … TEMPLATE is quick). The
    databases use an ICU Vietnamese collation, as a server set up for a
    Vietnamese office would, so nothing may lean on byte-order defaults."""

    def __init__(self, url: str):
        self.url = with_driver(url)
        self.admin = create_engine(self.url, isolation_level="AUTOCOMMIT")
        self.prefix = f"theodoi_test_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.create(self.template, template="template0")
        open_database(self.url_of(self.template)).dispose()

    def url_of(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as conn:
            if template == "template0":
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\' '
                                  "LOCALE_PROVIDER icu ICU_LOCALE 'vi-VN' LOCALE 'C.UTF-8'"))
            else:
                conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template or self.template}"'))
        return self.url_of(name)

    def fresh(self, empty: bool = False) -> str:
        """A new database at head (``empty``: with no tables at all)."""
        name = f"{self.prefix}_{uuid.uuid4().hex[:10]}"
        return self.create(name, template="template0" if empty else None)

    def drop_all(self, keep_template: bool = True) -> None:
        with self.admin.connect() as conn:
            names = conn.execute(text("SELECT datname FROM pg_database WHERE datname LIKE :p"),
                                 {"p": f"{self.prefix}_%"}).scalars().all()
            for name in names:
                if keep_template and name == self.template:
                    continue
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def pg_server():
    if not PG_SERVER:
        pytest.skip("THEODOI_TEST_PG names no PostgreSQL server")
    server = PostgresServer(PG_SERVER)
    yield server
    server.drop_all(keep_template=False)
    server.admin.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    return request.param


@pytest.fixture
def new_db(backend, tmp_path, request):
    """``new_db(name)``: the URL of another fresh database on this test's
    back end (an office of its own: the province above, a copy)."""
    made: list[str] = []

    def make(name: str = "office", *, empty: bool = False) -> str:
        if backend == "sqlite":
            return resolve_url(tmp_path / f"{name}.sqlite3")
        url = request.getfixturevalue("pg_server").fresh(empty=empty)
        made.append(url)
        return url

    yield make
    if made:
        from sqlalchemy.engine import make_url

        server = request.getfixturevalue("pg_server")
        with server.admin.connect() as conn:
            for url in made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))


@pytest.fixture
def db_url(new_db) -> str:
    """This test's database: a SQLite file, or a PostgreSQL database."""
    return new_db("office")


@pytest.fixture
def engine(db_url):
    eng = open_database(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def session(engine):
    with unit_of_work(engine, actor="tester@pc") as s:
        yield s


@pytest.fixture
def cli(db_url, capsys):
    """Run ``theodoi ARGS --db <test db>`` in-process."""

    def run(*args: str, db: Path | str | None = db_url) -> CliResult:
        argv = [str(a) for a in args] + (["--db", str(db)] if db is not None else [])
        code = main(argv)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


def db_snapshot(db: Path | str) -> list[str]:
    """Every row of every table (a SQLite file or any database URL), one
    line each, to compare a database before and after."""
    engine = make_engine(resolve_url(db))
    try:
        lines = []
        with engine.connect() as conn:
            for table in sorted(inspect(conn).get_table_names()):
                for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY 1')):
                    lines.append(f"{table}: {tuple(row)!r}")
        return lines
    finally:
        engine.dispose()


def query(db: Path | str, sql: str, **params) -> list[tuple]:
    """Rows of ``sql`` run on a SQLite file or any database URL."""
    engine = make_engine(resolve_url(db))
    try:
        with engine.begin() as conn:
            result = conn.execute(text(sql), params)
            return [tuple(r) for r in result] if result.returns_rows else []
    finally:
        engine.dispose()


def upgrade_to(url: str, revision: str) -> None:
    """The database at ``url`` migrated to ``revision`` only (an office
    still on an older Theo dõi)."""
    from alembic import command

    from db.migrate import alembic_config

    engine = make_engine(url)
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


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




# In CI every tool the tests use is installed (.ci/run), so a test that
# skips there would pass by not running: one guard, for every skip, turns it
# into a failure naming what was missing. Off CI a missing tool still skips.
IN_CI = os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if IN_CI and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped in CI, where nothing may be skipped: {reason}"


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only: about SQLite itself (PRAGMAs, the file); not run on a server")


def pytest_runtest_logreport(report):
    # The back end a test ran on, named by its id; summed up at the end.
    if report.when == "call" and report.passed:
        for backend in ("sqlite", "postgresql"):
            if f"[{backend}" in report.nodeid or f"-{backend}]" in report.nodeid or f"-{backend}-" in report.nodeid:
                _BACKENDS_RAN.add(backend)


_BACKENDS_RAN: set[str] = set()


def pytest_terminal_summary(terminalreporter):
    ran = sorted(_BACKENDS_RAN, key=["sqlite", "postgresql"].index)
    line = "database back ends tested: " + (", ".join(ran) if ran else "none")
    if "postgresql" not in ran:
        line += " (set THEODOI_TEST_PG=postgresql://… to test PostgreSQL too)"
    terminalreporter.write_line(line)
    if out := os.environ.get("THEODOI_BACKENDS_FILE"):
        Path(out).write_text(line + "\n", encoding="utf-8")


def pytest_collection_modifyitems(config, items):
    # A test about the SQLite file itself has nothing to check on a server.
    kept, dropped = [], []
    for item in items:
        on_server = getattr(item, "callspec", None) and item.callspec.params.get("backend") == "postgresql"
        sqlite_only = "db_path" in item.fixturenames or item.get_closest_marker("sqlite_only")
        (dropped if on_server and sqlite_only else kept).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept
