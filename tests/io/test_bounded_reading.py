"""Every file reader works inside a budget: a file small on disk and huge
once decompressed (a zip of a report package, a workbook's sheet or its
shared strings) is refused by name, the reading process stays under 300 MB
at its peak, and a reader that runs away is stopped. Peaks are measured in a
separate Python process (``ru_maxrss`` of it and of its children)."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import UserError
from desktop.io import grid
from desktop.io.limits import IN_MEMORY_ZIP, READ_MEMORY_BYTES, WORKBOOK_ZIP
from desktop.io.package.format import MEMBERS, PDF, XLSX
from desktop.io.unit_sheet import read_unit_sheet
from tests.io.files import xlsx

REPO = Path(__file__).resolve().parents[2]
CEILING_MB = 300
pytestmark = pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peaks are read from Linux's /proc")


def _noisy_block(seed: int) -> bytes:
    # A megabyte that deflates about 100 times: under the ratio a zip-bomb
    # check refuses, so only the sizes can stop it.
    rng = random.Random(seed)
    block = bytearray(1 << 20)
    for i in range(0, len(block), 200):
        block[i : i + 2] = rng.randbytes(2)
    return bytes(block)


def _zip(path: Path, members: dict[str, int | bytes]) -> Path:
    """``members`` maps a name to its content, or to a size in megabytes of
    noisy filler."""
    block = _noisy_block(1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, content in members.items():
            if isinstance(content, bytes):
                zf.writestr(name, content)
                continue
            with zf.open(name, "w", force_zip64=True) as member:
                for _ in range(content):
                    member.write(block)
    return path


def package_bomb(tmp: Path) -> Path:
    """A few MB on disk, 510 MB inflated: within the old limits of 256 MB a
    member and 512 MB in all, each member under the refused ratio."""
    return _zip(tmp / "goi-bom.zip", {name: (255 if name in (PDF, XLSX) else b"{}") for name in MEMBERS})


def package_just_within(tmp: Path) -> Path:
    """Inflates to just under what a package may hold in memory, then fails
    its checks: the most a hostile package makes the reader hold."""
    each = (IN_MEMORY_ZIP.total_bytes >> 20) // 2 - 1
    return _zip(tmp / "goi-vua-du.zip", {name: (each if name in (PDF, XLSX) else b"{}") for name in MEMBERS})


def sheet_bomb(tmp: Path) -> Path:
    """3 MB on disk: a sheet of twelve million cells (184 MB of XML, every
    row and column within a list's bounds, deflating only 60 times)."""
    book = xlsx(tmp / "bang-bom.xlsx", [["Tên đơn vị"], ["x"]])
    with zipfile.ZipFile(book) as zf:
        files = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    rng = random.Random(2)
    head, tail = files["xl/worksheets/sheet1.xml"].split(b"</sheetData>")
    head = head.split(b"<sheetData>")[0] + b"<sheetData>"
    out = tmp / "bang-bom.xlsx"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in files.items():
            if name != "xl/worksheets/sheet1.xml":
                zf.writestr(name, data)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(head)
            for _ in range(999_000 // 9_990):
                member.write(b"".join(b"<row><c><v>%d</v></c>" % rng.randrange(1000) + b"<c><v>1</v></c>" * 11 + b"</row>"
                                      for _ in range(9_990)))
            member.write(b"</sheetData>" + tail)
    return out


def shared_strings_bomb(tmp: Path) -> Path:
    """7 MB on disk: three million distinct shared strings (190 MB)."""
    book = xlsx(tmp / "chuoi-bom.xlsx", [["Tên đơn vị"], ["x"]])
    with zipfile.ZipFile(book) as zf:
        files = {i.filename: zf.read(i.filename) for i in zf.infolist()}
    count = 3_000_000
    out = tmp / "chuoi-bom.xlsx"
    item = "<si><t>Công đoàn cơ sở Trường học số %d</t></si>".encode()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in files.items():
            if name != "xl/sharedStrings.xml":
                zf.writestr(name, data)
        with zf.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                         b'spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (count, count))
            for start in range(10**6, 10**6 + count, 100_000):
                member.write(b"".join(item % i for i in range(start, start + 100_000)))
            member.write(b"</sst>")
    return out


_MEASURE = """
import json, resource, sys
if __name__ == "__main__":
    from desktop.core.errors import UserError
    kind, path = sys.argv[1:3]
    if kind == "package":
        from desktop.io.package.read import verify_package as read
    else:
        from desktop.io.unit_sheet import read_unit_sheet as read
    try:
        read(path)
        outcome, message = "read", ""
    except UserError as exc:
        outcome, message = "refused", exc.message
    # This process's own peak from /proc: its ru_maxrss would start from the
    # size of the pytest process that started it (Linux carries the peak
    # across exec). Its children's ru_maxrss starts from this process's
    # size instead, which can only overstate them.
    with open("/proc/self/status") as fh:
        own = next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) // 1024
    print(json.dumps({"outcome": outcome, "message": message, "self": own,
                      "children": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}))
"""


def _measure(kind: str, path: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _MEASURE, kind, str(path)], capture_output=True, text=True,
                          timeout=300, cwd=REPO, env=env, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bounded")
    made: dict[str, Path] = {}

    def get(make) -> Path:
        if make.__name__ not in made:
            made[make.__name__] = make(tmp)
        return made[make.__name__]

    return get


def test_the_hostile_files_are_small_on_disk_and_huge_inflated(hostile):
    for make in (package_bomb, sheet_bomb, shared_strings_bomb):
        path = hostile(make)
        with zipfile.ZipFile(path) as zf:
            inflated = sum(i.file_size for i in zf.infolist())
        assert path.stat().st_size < 12 * 2**20 and inflated > 90 * 2**20, (path.name, path.stat().st_size, inflated)


@pytest.mark.parametrize("make, words", [
    (package_bomb, "giải nén ra hơn"),
    (package_just_within, "manifest.json"),
], ids=["package inflating to 510 MB", "package inflating to just within its budget"])
def test_a_hostile_package_is_refused_under_the_memory_ceiling(hostile, make, words):
    result = _measure("package", hostile(make))
    assert result["outcome"] == "refused" and words in result["message"], result
    assert result["self"] < CEILING_MB, result


def million_row_csv(tmp: Path) -> Path:
    path = tmp / "trieu-dong.csv"
    path.write_text("Tên đơn vị,Số đoàn viên\n" + "Công đoàn Xã Bản Bo,12\n" * 1_000_001, encoding="utf-8")
    return path


@pytest.mark.parametrize("make, words", [
    (sheet_bomb, f"cần hơn {READ_MEMORY_BYTES // 2**20} MB bộ nhớ"),
    (shared_strings_bomb, f"cần hơn {READ_MEMORY_BYTES // 2**20} MB bộ nhớ"),
    (million_row_csv, "vượt giới hạn 1,000,000 dòng"),
], ids=["twelve million cells", "three million shared strings", "a million-row CSV"])
def test_a_hostile_sheet_is_refused_by_name_under_the_memory_ceiling(hostile, make, words):
    path = hostile(make)
    result = _measure("sheet", path)
    assert result["outcome"] == "refused" and path.name in result["message"] and words in result["message"], result
    assert result["self"] < CEILING_MB and result["children"] < CEILING_MB, result


def test_a_large_genuine_list_still_reads_within_the_budget(tmp_path):
    rows = [["STT", "Tên đơn vị", "Khối", "Số đoàn viên", "Chủ tịch", "Điện thoại", "Địa chỉ"]]
    rows += [[i, f"Công đoàn Trường Tiểu học số {i}", "Hành chính sự nghiệp", 20 + i % 50, f"Nguyễn Văn {i}",
              f"0912{i:06d}", f"Xã {i % 300}, huyện Tam Đường"] for i in range(1, 20_001)]
    book = xlsx(tmp_path / "danh-sach-lon.xlsx", rows)
    sheet = read_unit_sheet(book)
    assert len(sheet.rows) == 20_000


def test_the_workbook_budget_is_the_larger_one():
    # Workbooks are parsed in a bounded child; everything read in-process
    # must stay small enough to keep the process under the ceiling.
    assert IN_MEMORY_ZIP.total_bytes + IN_MEMORY_ZIP.member_bytes < 200 * 2**20
    assert WORKBOOK_ZIP.total_bytes > IN_MEMORY_ZIP.total_bytes


# --- the child process the sheet is read in ------------------------------------------------
# The child is forked on Linux, so a reader replaced here is the one it runs.
def _spin(path):
    while True:
        pass


def _sleep(path):
    time.sleep(60)


def _grab(path):
    return bytearray(2 * 2**30)


def _abort(path):
    import faulthandler

    faulthandler.disable()  # as calamine aborts: without Python's crash report
    os.abort()


def _refuse(path):
    raise UserError(f"Tệp “{Path(path).name}” bị từ chối vì lý do riêng.")


def _broken(path):
    return {}["missing"]


@pytest.mark.parametrize("reader", [_spin, _sleep], ids=["busy", "asleep"])
def test_a_sheet_whose_reading_runs_away_is_stopped_and_refused_by_name(tmp_path, monkeypatch, reader):
    monkeypatch.setattr(grid, "_read_grid", reader)
    monkeypatch.setattr(grid, "READ_SECONDS", 2.0)
    with pytest.raises(UserError, match="quá 2 giây") as refused:
        grid.read_grid(tmp_path / "cham.xlsx")
    assert "cham.xlsx" in refused.value.message


@pytest.mark.parametrize("reader", [_grab, _abort], ids=["MemoryError", "abort"])
def test_a_sheet_whose_reading_exhausts_its_memory_or_dies_is_refused_by_name(tmp_path, monkeypatch, reader):
    monkeypatch.setattr(grid, "_read_grid", reader)
    monkeypatch.setattr(grid, "READ_MEMORY_BYTES", 64 * 2**20)
    with pytest.raises(UserError, match="cần hơn 64 MB bộ nhớ") as refused:
        grid.read_grid(tmp_path / "lon.xlsx")
    assert "lon.xlsx" in refused.value.message


def test_the_readers_own_refusal_comes_back_and_a_bug_stays_a_bug(tmp_path, monkeypatch):
    monkeypatch.setattr(grid, "_read_grid", _refuse)
    with pytest.raises(UserError, match="lý do riêng"):
        grid.read_grid(tmp_path / "a.xlsx")
    monkeypatch.setattr(grid, "_read_grid", _broken)
    with pytest.raises(RuntimeError, match="KeyError") as bug:
        grid.read_grid(tmp_path / "c.xlsx")
    assert not isinstance(bug.value, UserError)


def test_a_sheet_scanned_in_small_pieces_finds_every_formula_and_legacy_font(tmp_path, monkeypatch):
    from desktop.io import xlsx_structure

    rows = [["Tên đơn vị", "Số đoàn viên", "Tổng"]]
    rows += [[f"Cong doan so {i}", i, f"=B{i + 2}*2"] for i in range(400)]
    book = xlsx(tmp_path / "cong-thuc.xlsx", rows, fonts={str(r): ".VnTime" for r in range(2, 402, 7)})
    whole = grid._read_grid(book)
    monkeypatch.setattr(xlsx_structure, "PIECE_BYTES", 300)
    pieces = grid._read_grid(book)
    assert len(whole.formulas) == 400 and pieces.formulas == whole.formulas
    assert whole.legacy_fonts and pieces.legacy_fonts == whole.legacy_fonts
