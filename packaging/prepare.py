"""What the bundle ships that is made, not kept in git: compiled
translations, the user guide as PDF, the third-party licences. Written to
build/dist-extra/ for packaging/theodoi.spec."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "packaging"))
OUT = ROOT / "build" / "dist-extra"


def main() -> None:
    from guide_pdf import build as build_guide

    from desktop.ui.dialogs.help import licences_text

    shutil.rmtree(OUT, ignore_errors=True)
    (OUT / "i18n").mkdir(parents=True)
    (OUT / "docs").mkdir(parents=True)
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    for ts in sorted((ROOT / "resources" / "i18n").glob("*.ts")):
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(OUT / "i18n" / ts.with_suffix(".qm").name)], check=True)
        shutil.copy(ts, OUT / "i18n" / ts.name)
    build_guide(ROOT / "docs" / "huong-dan-su-dung.md", OUT / "docs" / "huong-dan-su-dung.pdf")
    (OUT / "docs" / "third-party-licences.txt").write_text(licences_text() + "\n", encoding="utf-8")
    shutil.copy(ROOT / "resources" / "fonts" / "OFL-1.1.txt", OUT / "docs" / "OFL-1.1.txt")
    print(f"prepared {OUT}")


if __name__ == "__main__":
    main()
