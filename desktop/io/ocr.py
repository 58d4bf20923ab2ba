"""Scanned directives (a PDF of page images, no text layer) read by OCR:
each page rasterised by poppler's ``pdftoppm`` and recognised by the
``tesseract`` program with its Vietnamese data (Debian: tesseract-ocr,
tesseract-ocr-vie; bundled by the Windows installer), one page at a time,
with progress and cancel.

Tesseract's TSV output gives every word with its box and how sure it is;
lines are rebuilt from the boxes the same way as a PDF's text layer (the
two header columns side by side come out as columns), and each word's
certainty goes to the intake so the clerk checks the doubtful fields. The
recognised text is kept as it is: the document's own quotes and dashes."""

from __future__ import annotations

import csv
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import UserError
from desktop.core.vntext import fold
from desktop.io.limits import OCR_MAX_PAGES, OCR_PAGE_SECONDS
from desktop.io.pdf_text import layout_lines
from desktop.io.safety import where

DPI = 300
_TOKEN = re.compile(r"[\wĐđ]+")
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})


@dataclass
class ScannedText:
    pages: list[str] = field(default_factory=list)
    word_confidence: dict[str, float] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)


def _program(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    # The Windows installer puts Tesseract (and poppler's pdftoppm) in a
    # folder of its own and names it in THEODOI_TESSERACT_DIR.
    folder = os.environ.get("THEODOI_TESSERACT_DIR")
    if folder:
        bundled = Path(folder) / f"{name}.exe"
        if bundled.is_file():
            return str(bundled)
    return None


def ocr_available() -> str | None:
    """Why OCR cannot run here (a sentence for the user), or None."""
    if not _program("tesseract"):
        return "chưa cài chương trình nhận dạng chữ Tesseract (gói tesseract-ocr và tesseract-ocr-vie)"
    if not _program("pdftoppm"):
        return "chưa cài poppler (pdftoppm) để chuyển trang PDF thành ảnh"
    try:
        langs = subprocess.run([_program("tesseract"), "--list-langs"], capture_output=True, text=True, timeout=20,
                               check=False).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "không chạy được Tesseract"
    if "vie" not in langs.split():
        return "Tesseract chưa có dữ liệu tiếng Việt (gói tesseract-ocr-vie)"
    return None


def _run(args: list[str], seconds: float, cancelled: Callable[[], bool] | None) -> subprocess.CompletedProcess:
    """A child program, killed when it outlives ``seconds`` or the user cancels."""
    # One thread: Tesseract's OpenMP threads on a busy two-core PC run
    # several times slower than one (measured 13 s against 2.4 s a page).
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    start = time.monotonic()
    try:
        while True:
            try:
                out, err = process.communicate(timeout=0.1)
                return subprocess.CompletedProcess(args, process.returncode, out, err)
            except subprocess.TimeoutExpired:
                if cancelled is not None and cancelled():
                    raise _Cancelled from None
                if time.monotonic() - start > seconds:
                    raise
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(5)


class _Cancelled(Exception):
    pass


def _page_count(path: Path) -> int:
    from pypdf import PdfReader

    try:
        return len(PdfReader(path).pages)
    except Exception:  # noqa: BLE001 - the rasteriser will say what is wrong
        return 1


def tsv_lines(tsv: str, image_width_px: int, dpi: int = DPI) -> tuple[list[str], dict[str, float]]:
    """Lines and word certainties from Tesseract's TSV output of one page."""
    scale = 72.0 / dpi
    rows = list(csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE))
    line_boxes: dict[tuple, tuple[float, float]] = {}
    for r in rows:
        if r.get("level") == "4":
            key = (r["page_num"], r["block_num"], r["par_num"], r["line_num"])
            line_boxes[key] = (float(r["top"]), float(r["height"]))
    pieces = []
    sure: dict[str, float] = {}
    for r in rows:
        if r.get("level") != "5" or not (r.get("text") or "").strip():
            continue
        key = (r["page_num"], r["block_num"], r["par_num"], r["line_num"])
        top, height = line_boxes.get(key, (float(r["top"]), float(r["height"])))
        size = max(height / 1.25, 1.0) * scale
        baseline = top + height
        # Tesseract writes Đ as the Icelandic Ð (a look-alike): put right.
        text = r["text"].translate(_LOOKALIKES)
        pieces.append((float(r["left"]) * scale, -baseline * scale, size, text, float(r["width"]) * scale))
        conf = max(0.0, min(100.0, float(r.get("conf") or 0))) / 100
        for token in _TOKEN.findall(text):
            k = fold(token)
            sure[k] = max(sure.get(k, 0.0), conf)  # a word read well anywhere is known
    return layout_lines(pieces, image_width_px * scale), sure


def read_scanned_pdf(
    path: Path,
    *,
    progress: Callable[[float, str], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ScannedText:
    """The text of a scanned PDF by OCR, page by page; ``UserError`` when
    OCR is not installed, is cancelled, or finds no text."""
    missing = ocr_available()
    if missing:
        raise UserError(
            f"{where(path)} là PDF không có lớp chữ (bản quét/ảnh chụp); muốn đọc phải nhận dạng chữ (OCR) nhưng máy này "
            f"{missing}. Hãy xin bản .docx hoặc PDF gốc, hoặc vào sổ bằng tay (theodoi directives add)."
        )
    count = _page_count(path)
    pages = min(count, OCR_MAX_PAGES)
    result = ScannedText()
    if count > pages:
        result.warnings.append(f"{where(path)} có {count} trang ảnh; chỉ nhận dạng {pages} trang đầu.")
    try:
        with tempfile.TemporaryDirectory(prefix="theodoi-ocr-") as folder:
            for number in range(1, pages + 1):
                if progress:
                    progress((number - 1) / pages, f"Đang nhận dạng chữ trang {number}/{pages}…")
                image = Path(folder) / f"trang-{number}"
                _run([_program("pdftoppm"), "-f", str(number), "-l", str(number), "-r", str(DPI), "-gray", "-png",
                      "-singlefile", str(path), str(image)], OCR_PAGE_SECONDS, cancelled)
                png = image.with_suffix(".png")
                if not png.is_file():
                    raise UserError(f"{where(path)}: không chuyển được trang {number} thành ảnh để nhận dạng chữ.")
                done = _run([_program("tesseract"), str(png), "stdout", "-l", "vie", "--psm", "3", "tsv"],
                            OCR_PAGE_SECONDS, cancelled)
                width = _png_width(png)
                png.unlink()
                lines, sure = tsv_lines(done.stdout.decode("utf-8", "replace"), width)
                result.pages.append("\n".join(lines))
                for k, v in sure.items():
                    result.word_confidence[k] = max(result.word_confidence.get(k, 0.0), v)
    except _Cancelled:
        raise UserError(f"Đã dừng nhận dạng chữ {where(path).lower()} theo yêu cầu. Không có gì được ghi.") from None
    except subprocess.TimeoutExpired:
        raise UserError(f"{where(path)}: nhận dạng chữ một trang quá {OCR_PAGE_SECONDS:g} giây; đã dừng.") from None
    if progress:
        progress(1.0, "Đã nhận dạng xong.")
    if len(result.text.strip()) < 20:
        raise UserError(
            f"{where(path)} là PDF không có lớp chữ (bản quét/ảnh chụp) và nhận dạng chữ không đọc được chữ nào. "
            "Hãy xin bản .docx hoặc PDF gốc, hoặc vào sổ bằng tay (theodoi directives add)."
        )
    result.warnings.append(
        f"{where(path)} là bản quét: chữ được nhận dạng tự động (OCR); hãy đối chiếu các trường được đánh dấu cần kiểm tra."
    )
    return result


def _png_width(path: Path) -> int:
    with path.open("rb") as f:
        head = f.read(24)
    return int.from_bytes(head[16:20], "big") if head[:8] == b"\x89PNG\r\n\x1a\n" else 2480
