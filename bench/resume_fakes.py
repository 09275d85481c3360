"""Kill ``reportedly ingest`` of FA-KES with SIGKILL at random moments, rerun it,
and compare every table with an uninterrupted run.

Usage: python -m bench.resume_fakes [--shared DIR] [--kills 3] [--seed 0]
"""

from __future__ import annotations

import argparse
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, record, shared_dir, table
from reportedly import open_store
from reportedly.store import TABLES

CSV = "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv"


def _ingest(source: str, db: Path, kill_after: float | None = None) -> bool:
    """Run an ingest; SIGKILL it after ``kill_after`` seconds. Return if killed."""
    cmd = [sys.executable, "-m", "reportedly.cli", "ingest", "--no-progress"]
    proc = subprocess.Popen(
        [*cmd, "--db", str(db), source],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=kill_after)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def _tables(db: Path) -> dict[str, list]:
    with open_store(db, read_only=True) as s:
        return {t: s.sql(f"SELECT * FROM {t} ORDER BY ALL")[1] for t in TABLES}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    source = str(shared_dir(args.shared) / CSV)
    rng = random.Random(args.seed)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        whole, resumed = Path(tmp) / "whole.duckdb", Path(tmp) / "resumed.duckdb"
        t = time.perf_counter()
        _ingest(source, whole)
        full = time.perf_counter() - t
        for k in range(args.kills):
            after = rng.uniform(0.15, 0.35) * full  # each run dies part-way
            killed = _ingest(source, resumed, after)
            with open_store(resumed, read_only=True) as s:
                n = s.counts()["articles"]
            rows.append((f"run {k + 1}: SIGKILL after {after:.0f} s", str(killed), n))
        _ingest(source, resumed)
        want, got = _tables(whole), _tables(resumed)
        same = [t for t in TABLES if want[t] == got[t]]
        rows.append(("completed run", "False", str(len(got["articles"]))))
        rows.append(
            ("tables equal to an uninterrupted run", f"{len(same)}/{len(TABLES)}", "")
        )
        rows.append(
            ("rows in the uninterrupted run", str(sum(map(len, want.values()))), "")
        )
    header = ("FA-KES ingest, killed and resumed", "killed", "articles stored")
    print(table([tuple(map(str, r)) for r in rows], header))
    record("resume_fakes", header, [tuple(map(str, r)) for r in rows])


if __name__ == "__main__":
    main()
