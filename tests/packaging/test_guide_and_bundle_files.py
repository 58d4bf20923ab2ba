"""What the bundle is made from: the guide's PDF, the translations it
compiles, the resources the frozen program looks up."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils")
def test_the_user_guide_is_set_as_a_pdf_with_its_pictures_and_vietnamese_text(tmp_path):
    from guide_pdf import build

    pdf = build(ROOT / "docs" / "huong-dan-su-dung.md", tmp_path / "hd.pdf")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    for heading in ("Hướng dẫn sử dụng Theo dõi", "Nhập danh sách đơn vị", "Làm, ký và gửi báo cáo lên cấp trên",
                    "Nhận gói báo cáo ở văn phòng cấp trên", "Sao lưu và khôi phục"):
        assert heading in text
    images = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True).stdout
    assert len(images.splitlines()) > 2 + 5  # the screenshots are in it
    fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True).stdout
    assert "LiberationSerif" in fonts


def test_every_picture_the_guide_names_exists():
    import re

    guide = (ROOT / "docs" / "huong-dan-su-dung.md").read_text(encoding="utf-8")
    pictures = re.findall(r"!\[.*?\]\((.+?)\)", guide)
    assert pictures and all((ROOT / "docs" / p).is_file() for p in pictures)


def test_the_frozen_program_finds_resources_inside_its_bundle(monkeypatch, tmp_path):
    from desktop import resources

    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource("fonts", "x.ttf") == tmp_path / "resources" / "fonts" / "x.ttf"
