"""Ingest FA-KES into a fresh store: speed against ``analyze --format jsonl``, size,
incidents, and a re-ingest that must add zero rows.

Usage: python -m bench.ingest_speed [--shared DIR] [--keep DB]
Each run is a fresh process (model load included), one after the other.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, record, shared_dir, table
from reportedly import open_store

CSV = "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv"


def _timed(args: list[str]) -> float:
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "reportedly.cli", *args]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


SPACY_ONLY = """
import sys
from reportedly import RawDocument, analyze_documents  # noqa: F401 (same imports)
from reportedly.annotate import load
from reportedly.clean import clean
from reportedly.ingest import read_sources
texts = [clean(d).text for d in read_sources([sys.argv[1]]) if hasattr(d, "content")]
for _ in load().pipe(texts, batch_size=32):
    pass
"""


def _spacy_only(source: str) -> float:
    """Time a fresh process that reads, cleans and runs spaCy alone on ``source``."""
    t = time.perf_counter()
    cmd = [sys.executable, "-c", SPACY_ONLY, source]
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--keep", default=None, help="write the store here and keep it")
    args = ap.parse_args()
    source = str(shared_dir(args.shared) / CSV)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.keep or Path(tmp) / "fakes.duckdb")
        db.unlink(missing_ok=True)
        t_ingest = _timed(["ingest", "--no-progress", "--db", str(db), source])
        with open_store(db, read_only=True) as s:
            first, summary = s.counts(), s.summary()
        size = db.stat().st_size
        t_again = _timed(["ingest", "--no-progress", "--db", str(db), source])
        with open_store(db, read_only=True) as s:
            second = s.counts()
        out = Path(tmp) / "out.jsonl"
        t_base = _timed(["analyze", "--format", "jsonl", "-o", str(out), source])
        t_spacy = _spacy_only(source)
    n = 804
    rows = [
        ("ingest (fresh store)", f"{n / t_ingest:.1f} docs/s", f"{t_ingest:.0f} s"),
        ("analyze --format jsonl", f"{n / t_base:.1f} docs/s", f"{t_base:.0f} s"),
        ("spaCy only (read, clean, nlp.pipe)", f"{n / t_spacy:.1f} docs/s", ""),
        ("ingest / spaCy-only throughput", f"{t_spacy / t_ingest:.2f}", ">= 0.75"),
        ("ingest / analyze throughput", f"{t_base / t_ingest:.2f}", ""),
        ("re-ingest (all skipped)", f"{n / t_again:.1f} docs/s", f"{t_again:.0f} s"),
        (
            "rows added by re-ingest",
            str(sum(second.values()) - sum(first.values())),
            "0",
        ),
        ("DB size", f"{size / 2**20:.1f} MiB", ""),
        ("articles (unique) / events", f"{first['articles']} / {first['events']}", ""),
        (
            "incidents / with 2+ outlets",
            f"{summary['incidents']} / {summary['multi_outlet']}",
            "",
        ),
        ("contradictions flagged", str(summary["contradictions"]), ""),
    ]
    header = ("FA-KES 804 articles", "figure", "note")
    print(table(rows, header))
    record("ingest_speed", header, rows)


if __name__ == "__main__":
    main()
