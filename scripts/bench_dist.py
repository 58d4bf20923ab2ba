"""Benchmark of the built bundle (make dist runs it): its size on disk and
the time `theodoi --version` and the window take to start from it."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def main(bundle: Path) -> None:
    exe = ".exe" if os.name == "nt" else ""
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        subprocess.run([str(bundle / f"theodoi{exe}"), "--version"], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    print(f"bundle {bundle}: {size_mb(bundle):.0f} MB on disk", flush=True)
    tarball = bundle.parent / "theodoi-linux.tar.gz"
    if tarball.exists():
        print(f"{tarball.name}: {tarball.stat().st_size / 2**20:.0f} MB")
    print(f"theodoi --version from the bundle: median {statistics.median(times):.2f} s over 5")
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": tmp}
        db = str(Path(tmp) / "demo.sqlite3")
        subprocess.run([str(bundle / f"theodoi{exe}"), "demo", "--db", db], env=env, check=True, capture_output=True)
        shown = []
        for _ in range(3):
            done = subprocess.run([str(bundle / f"theodoi-app{exe}"), "--db", db], capture_output=True, text=True,
                                  env={**env, "THEODOI_BENCH_START": f"{time.time():.6f}"}, timeout=120)
            shown.append(float(done.stdout.strip().splitlines()[-1]))
        print(f"window shown from the bundle on the demo office: median {statistics.median(shown):.2f} s over 3")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist/theodoi"))
