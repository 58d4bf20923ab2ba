"""What the benchmarks share: one printed line per measure (Theo dõi's
figure, the bare libraries doing the same work in the same run, and the
ratio), a job run in a fresh process for its peak memory, and a PostgreSQL
database made and dropped for one run."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def line(label: str, ours: float, bare: float | None, unit: str = "s", goal: float | None = None) -> str:
    """``label  ours  bare  ratio`` (and the goal's ratio when given);
    seconds print with two decimals, milliseconds with one."""
    def fmt(v: float) -> str:
        return f"{v * 1000:8.1f} ms" if unit == "ms" else (f"{v:8.2f} s " if unit == "s" else f"{v:8.0f} {unit}")

    if bare is None:
        return f"  {label:<66}{fmt(ours)}"
    ratio = ours / bare if bare else float("inf")
    verdict = "" if goal is None else (f"  (goal ≤ {goal:g}×: {'met' if ratio <= goal else 'NOT met'})")
    return f"  {label:<66}{fmt(ours)}   bare {fmt(bare)}   ×{ratio:5.2f}{verdict}"


def header(title: str) -> str:
    return f"{title}\n  {'':<66}{'Theo dõi':>11}   {'bare libraries':>16}   ratio"


def peak_rss_mb() -> float:
    """The peak resident memory of this process and of the children it
    waited for (the bounded reader is one), in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def run_job(script: Path, *args: str, env: dict | None = None) -> dict:
    """Run ``script --job …`` in a fresh interpreter; the JSON it prints last."""
    out = subprocess.run([sys.executable, str(script), "--job", *args], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})})
    if out.returncode != 0:
        raise RuntimeError(f"{script.name} {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def pg_server() -> str | None:
    return os.environ.get("THEODOI_BENCH_PG") or os.environ.get("THEODOI_TEST_PG")


def server_db(server: str):
    """A fresh database on ``server``: (its URL, a function that drops it)."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from db.engine import with_driver

    admin = create_engine(with_driver(server), isolation_level="AUTOCOMMIT")
    name = f"theodoi_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\''))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return make_url(with_driver(server)).set(database=name).render_as_string(hide_password=False), drop
