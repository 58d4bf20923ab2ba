"""Smoke test of a built bundle (Linux here, Windows in CI): --version,
doctor, the demo office, a report to PDF, and the window started offscreen
for a few seconds. Usage: python packaging/smoke_test.py dist/theodoi"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(bundle: Path) -> int:
    exe = ".exe" if os.name == "nt" else ""
    cli, app = bundle / f"theodoi{exe}", bundle / f"theodoi-app{exe}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(Path(tmp) / "data"),
               "APPDATA": str(Path(tmp) / "appdata"), "LOCALAPPDATA": str(Path(tmp) / "localappdata")}
        db = str(Path(tmp) / "thu.sqlite3")

        def run(*args, ok=(0,)):
            done = subprocess.run([str(cli), *args], env=env, capture_output=True, text=True, encoding="utf-8",
                                  timeout=300)
            print(f"$ theodoi {' '.join(args)} -> {done.returncode}")
            if done.returncode not in ok:
                print(done.stdout[-2000:], done.stderr[-3000:])
                raise SystemExit(1)
            return done

        print(run("--version").stdout.strip())
        run("demo", "--db", db)
        doctor = run("doctor", "--db", db, ok=(0, 2)).stdout
        print(doctor)
        if "[CẦN XỬ LÝ] Ký số thử" in doctor or "[CẦN XỬ LÝ] Phông chữ" in doctor:
            return 1
        out = Path(tmp) / "bao-cao"
        run("report", "make", "--directive", "314/KH-LĐLĐ", "--out", str(out), "--db", db)
        pdfs = list(out.glob("*.pdf"))
        if not pdfs or pdfs[0].stat().st_size < 10_000:
            print("no report PDF")
            return 1
        started = time.monotonic()
        window = subprocess.Popen([str(app), "--db", db], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(8)
        alive = window.poll() is None
        window.terminate()
        out_text, err_text = window.communicate(timeout=30)
        print(f"window ran {time.monotonic() - started:.1f} s offscreen: {'OK' if alive else 'exited early'}")
        if not alive:
            print(err_text.decode(errors="replace")[-3000:])
            return 1
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/theodoi")))
