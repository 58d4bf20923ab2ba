"""Documents are checked through the real tools: poppler (pdftotext,
pdffonts, pdfinfo), qpdf and, for workbooks, LibreOffice and calamine."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest

from db.session import unit_of_work
from desktop.core.directives import Indicator, add_directive, add_requirement
from desktop.core.office import init_office
from desktop.core.submissions import exempt_unit, record_submission
from desktop.core.units import UnitRow, find_unit, import_units

SECTORS = ["Hành chính sự nghiệp", "Doanh nghiệp nhà nước", "Doanh nghiệp ngoài nhà nước", "Doanh nghiệp có vốn đầu tư nước ngoài"]


def need(tool: str) -> str:
    """The tool's path; skipped where it is missing (a failure in CI, see
    tests/conftest.py)."""
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (apt-get install poppler-utils qpdf)")
    return path


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    args = [need("pdftotext"), "-raw", "-enc", "UTF-8"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_fonts(path: Path) -> list[list[str]]:
    out = subprocess.run([need("pdffonts"), str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:]]


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of every page."""
    out = subprocess.run([need("pdfinfo"), "-f", "1", "-l", "9999", str(path)], capture_output=True, text=True, check=True).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def qpdf_ok(path: Path) -> bool:
    return subprocess.run([need("qpdf"), "--check", str(path)], capture_output=True, text=True).returncode == 0


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


@pytest.fixture
def office_db(engine):
    """An office with units in every sector, one directive, two requirements
    and submissions in every state."""

    def build(units: int = 6, name_length: int = 0):
        with unit_of_work(engine, actor="test") as s:
            init_office(s, "Liên đoàn Lao động huyện Tam Đường", parent_name="LĐLĐ tỉnh Lai Châu", place="Tam Đường",
                        symbol="LĐLĐ", signer_name="Lò Văn Minh", signer_title="Chủ tịch", signing_authority="TM. Ban Thường vụ")
            rows = []
            for i in range(units):
                name = f"Công đoàn cơ sở Trường Tiểu học số {i + 1} xã Bản Giang"
                if name_length:
                    name = (name + " — " + "Đơn vị có tên rất dài " * 20)[:name_length]
                rows.append(UnitRow(i + 1, {"code": f"U{i + 1:03d}", "name": name, "sector": SECTORS[i % 4],
                                            "chair": f"Nguyễn Văn {chr(65 + i % 26)}", "phone": f"09{i:08d}", "members": 20 + i}))
            import_units(s, rows)
            d = add_directive(s, number="314/KH-LĐLĐ", issuer="Liên đoàn Lao động tỉnh Lai Châu", issued_on=date(2022, 2, 16),
                              subject="Đẩy mạnh công tác tuyên truyền, quán triệt Nghị quyết số 02-NQ/TW")
            r = add_requirement(s, d, title="Báo cáo kết quả tuyên truyền, quán triệt", due=date(2022, 3, 31),
                                indicators=[Indicator("sessions", "Số buổi"), Indicator("participants", "Số người tham dự")])
            add_requirement(s, d, title="Xây dựng kế hoạch thực hiện", due=date(2022, 3, 15))
            for i in range(units):
                unit = find_unit(s, f"U{i + 1:03d}")
                if i % 5 == 0:
                    continue  # missing
                if i % 5 == 4:
                    exempt_unit(s, unit, r, reason="không phát sinh")
                    continue
                received = date(2022, 3, 20) if i % 5 in (1, 2) else date(2022, 4, 5)
                record_submission(s, unit, r, received_on=received, doc_number=f"{i:02d}/BC-CĐCS", doc_date=received,
                                  values={"sessions": 2, "participants": 20 + i}, today=date(2022, 12, 31))
            return d.id, r.id

    return build


@pytest.fixture(autouse=True)
def _no_system_fonts(tmp_path_factory, monkeypatch):
    """Documents set in the bundled Liberation Serif whatever this PC has
    installed, so that measured positions do not depend on it."""
    from desktop.io.documents.fonts import DIRS_VARIABLE

    monkeypatch.setenv(DIRS_VARIABLE, str(tmp_path_factory.mktemp("no-fonts")))
