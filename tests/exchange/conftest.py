"""Offices that exchange packages: lower offices that issue and sign a report,
an upper office whose member units they are. Built through the CLI, each
with its own database file."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
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


def _lower(run, tmp: Path, name: str, sessions: list[int], *, issued: str = "20/04/2022") -> Lower:
    folder = tmp / name.split()[-1].lower()
    folder.mkdir()
    db = folder / "office.sqlite3"
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
def lower_office(run, tmp_path):
    """Builds a lower office: ``lower_office(name, sessions per unit)``."""
    return lambda name=LOWER[0], sessions=(2, 3), **kw: _lower(run, tmp_path, name, list(sessions), **kw)


@pytest.fixture
def export(run):
    def go(office: Lower, report: int = 1, out: Path | None = None) -> Path:
        result = run(office.db, "package", "export", "--report", report, "--key", office.key,
                     "--passphrase-file", office.passfile, "--out", out or office.folder / "goi", "--json")
        return Path(result.json["package"])

    return go


@pytest.fixture
def upper(run, tmp_path):
    db = tmp_path / "tinh" / "office.sqlite3"
    db.parent.mkdir()
    run(db, "init", "--office", UPPER, "--symbol", "LĐLĐ")
    run(db, "units", "import", write_xlsx(db.parent / "dv.xlsx", [["Tên đơn vị"], *([n] for n in LOWER)]))
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
