"""Measuring a PDF as a reader's ruler would: text lines with their boxes
(poppler's pdftotext -bbox-layout) and the rules drawn on a page, read from
the content stream's drawing operators. Coordinates are points from the top
left of the page, as pdftotext gives them."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

from tests.documents.conftest import need

MM = 72 / 25.4


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Rule:
    x0: float
    x1: float
    y: float

    @property
    def length(self) -> float:
        return self.x1 - self.x0

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


def text_lines(pdf: Path, page: int) -> list[Line]:
    """Every line of text on ``page`` (1-based), top to bottom."""
    out = subprocess.run([need("pdftotext"), "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    lines = []
    for m in re.finditer(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</line>', out, re.S):
        words = [unescape(w) for w in re.findall(r"<word [^>]*>(.*?)</word>", m.group(5))]
        lines.append(Line(" ".join(words), float(m.group(1)), float(m.group(3)), float(m.group(2)), float(m.group(4))))
    return sorted(lines, key=lambda l: (round(l.top), l.x0))


def words(pdf: Path, page: int) -> list[str]:
    return [w for line in text_lines(pdf, page) for w in line.text.split()]


def _multiply(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def rules(pdf: Path, page: int) -> list[Rule]:
    """The horizontal strokes drawn on ``page`` (1-based), top to bottom."""
    reader = PdfReader(str(pdf))
    p = reader.pages[page - 1]
    height = float(p.mediabox.height)
    ctm, stack, path, out = [1, 0, 0, 1, 0, 0], [], [], []

    def at(x, y):
        return x * ctm[0] + y * ctm[2] + ctm[4], x * ctm[1] + y * ctm[3] + ctm[5]

    for operands, op in ContentStream(p.get_contents(), reader).operations:
        if op == b"q":
            stack.append(ctm)
        elif op == b"Q":
            ctm = stack.pop()
        elif op == b"cm":
            ctm = _multiply([float(v) for v in operands], ctm)
        elif op == b"m":
            path = [at(float(operands[0]), float(operands[1]))]
        elif op == b"l":
            path.append(at(float(operands[0]), float(operands[1])))
        elif op in (b"S", b"s"):
            for (xa, ya), (xb, yb) in zip(path, path[1:]):
                if abs(ya - yb) < 0.01 and abs(xa - xb) > 0.5:
                    out.append(Rule(min(xa, xb), max(xa, xb), height - ya))
            path = []
        elif op == b"n":
            path = []
    return sorted(out, key=lambda r: r.y)


def lines_spelling(lines: list[Line], phrase: str) -> list[Line]:
    """The consecutive lines whose words together read ``phrase``."""
    want = phrase.split()
    for i in range(len(lines)):
        got: list[str] = []
        for j in range(i, len(lines)):
            got += lines[j].text.split()
            if got == want:
                return lines[i:j + 1]
            if got != want[:len(got)]:
                break
    raise AssertionError(f"no lines read {phrase!r}: {[l.text for l in lines]}")


def rule_under(lines_above: list[Line], found: list[Rule]) -> Rule:
    """The first rule below the last of ``lines_above``, centred on them."""
    last = lines_above[-1]
    centre = (min(l.x0 for l in lines_above) + max(l.x1 for l in lines_above)) / 2
    below = [r for r in found if r.y > last.bottom - 1 and abs(r.centre - centre) < 3]
    assert below, f"no rule under {[l.text for l in lines_above]}"
    return below[0]
