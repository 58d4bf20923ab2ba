"""Benchmark (not a test): reading directives as `directives intake` does,
against the goals of issue 21: a 10-page PDF with a text layer in under a
second, a scanned one-page directive (OCR) in under ten seconds. Run with
`python scripts/bench_intake.py`."""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    from desktop.io.directive_reading import read_directive_file
    from tests.io.directive_corpus import DOCS, pdf_file, scanned_pdf

    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        base = DOCS[1]
        long_doc = replace(base, body=base.body * 30)  # about ten pages
        pdf = pdf_file(long_doc, tmp / "muoi-trang.pdf")
        start = time.perf_counter()
        reading = read_directive_file(pdf)
        seconds = time.perf_counter() - start
        from pypdf import PdfReader

        pages = len(PdfReader(pdf).pages)
        print(f"PDF có lớp chữ, {pages} trang: {seconds:.2f} s (mục tiêu < 1 s)")
        scan = scanned_pdf(base, tmp)
        start = time.perf_counter()
        reading = read_directive_file(scan)
        print(f"Bản quét một trang (OCR): {time.perf_counter() - start:.2f} s (mục tiêu < 10 s); "
              f"số {reading.fields.number}, độ tin cậy {reading.fields.confidence['number']:.2f}")


if __name__ == "__main__":
    main()
