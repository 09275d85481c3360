"""Measure every core and Spark against spaCy alone, on the same real articles.

Each run is a fresh process over the same N articles (FA-KES topped up from
BBC, as ``bench.speed``), written once to a temporary JSONL file outside the
project; wall time includes start-up (model loads, the JVM) in every row:

- spaCy-only: read, clean, load the model, ``nlp.pipe`` (one process);
- ``reportedly ingest --workers 1`` and ``--workers 2`` into a fresh store;
- ``reportedly ingest --engine spark --master local[1]`` and ``local[2]``
  (Parquet datasets), then ``reportedly load`` of the local[2] datasets;
- with ``--cluster``: the same job on a standalone master + worker on loopback.

Memory: ``--workers 2`` over 1k and 5k articles, peak RSS of each worker
(``PoolStats``), in a fresh process each (``--rss-only N``).

Example: python -m bench.scale --shared ../shared --n 1000
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, machine_basics, record, shared_dir, table
from bench.speed import corpus_files, stream

OUT = ROOT / "bench" / "out" / "scale_runs.json"
WARC = Path("data") / "corpora" / "warc" / "scrapinghub_aeb_derived.warc.gz"
TARGET_WORKERS = 1.6  # --workers 2 over single-process spaCy-only, at work
TARGET_SPARK = 1.6  # local[2] over local[1]
TARGET_GAP = 0.25  # local[2] within 25% of --workers 2

SPACY_ONLY = """
import json, sys, time
t0 = time.perf_counter()
from reportedly.annotate import load
from reportedly.clean import clean
from reportedly.ingest import read_sources
texts = [clean(d).text for d in read_sources([sys.argv[1]]) if hasattr(d, "content")]
nlp = load()
for _ in nlp.pipe(texts[:8], batch_size=32):
    pass  # warm-up, as the workers' start-up
t1 = time.perf_counter()
for _ in nlp.pipe(texts, batch_size=32):
    pass
t2 = time.perf_counter()
print(json.dumps({"startup": t1 - t0, "work": t2 - t1}))
"""

INGEST = """
import json, sys, time
t0 = time.perf_counter()
from reportedly import batch
stats = batch.PoolStats()
s = batch.ingest([sys.argv[1]], db=sys.argv[2], workers=int(sys.argv[3]), stats=stats)
wall = time.perf_counter() - t0
start = stats.startup_seconds
out = {"startup": start, "work": wall - start, "stored": s.stored}
print(json.dumps({**out, "peak_rss_mb": stats.peak_rss_mb}))
"""

SPARK = """
import json, sys, time
from reportedly.batch import spark
job = spark.run([sys.argv[1]], sys.argv[2], master=sys.argv[3])
print(json.dumps(job.to_dict()))
"""


def write_input(shared: Path, n: int, path: Path, *, guardian: bool = False) -> Path:
    """Write ``n`` articles as JSONL (text and metadata), a temporary input."""
    with open(path, "w", encoding="utf-8") as f:
        for d in stream(corpus_files(shared, guardian=guardian), n, mixed=guardian):
            rec = {"text": d.content, "title": d.title, "outlet": d.outlet}
            rec |= {"url": d.url, "published": d.published}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def timed(script: str, *args: str) -> dict[str, Any]:
    """Run a script in a fresh process; return what it prints (JSON) and its
    wall time in seconds as ``wall``."""
    env = {**os.environ, "SPARK_LOCAL_IP": "127.0.0.1"}
    t = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    wall = time.perf_counter() - t
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "wall": wall}


def runs(src: Path, tmp: Path, cluster: bool) -> dict[str, dict[str, Any]]:
    """Time every mode once on ``src``, one after the other; return by mode."""
    out: dict[str, dict[str, Any]] = {}
    tag = f"{time.monotonic_ns()}"
    out["spacy"] = timed(SPACY_ONLY, str(src))
    for w in (1, 2):
        db = tmp / f"w{w}-{tag}.duckdb"
        out[f"workers{w}"] = timed(INGEST, str(src), str(db), str(w))
    for n in (1, 2):
        out[f"local{n}"] = timed(
            SPARK, str(src), str(tmp / f"ds{n}-{tag}"), f"local[{n}]"
        )
    db = tmp / f"load-{tag}.duckdb"
    t = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "reportedly.cli", "load", "--no-progress"]
        + [str(tmp / f"ds2-{tag}"), "--db", str(db)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    out["load"] = {"wall": time.perf_counter() - t}
    if cluster:
        out["cluster"] = run_cluster(src, tmp / f"dsc-{tag}")
    return out


def run_cluster(src: Path, ds: Path) -> dict[str, Any]:
    """Start a standalone master + worker (2 cores), time the job, stop them."""
    from reportedly.batch import cluster

    with cluster.standalone(cores=2) as url:
        return timed(SPARK, str(src), str(ds), url)


def rss(shared: Path, n: int, tmp: Path) -> dict[str, Any]:
    """``--workers 2`` over ``n`` articles in a fresh process: worker peak RSS."""
    src = write_input(shared, n, tmp / f"rss{n}.jsonl", guardian=True)
    return timed(INGEST, str(src), str(tmp / f"rss{n}.duckdb"), "2")


def _best(runs: list[dict[str, dict[str, Any]]], mode: str, key: str) -> float:
    return min(float(r[mode][key]) for r in runs)


def summary_rows(
    n: int, runs: list[dict[str, dict[str, Any]]], memory: dict[int, dict[str, Any]]
) -> list[tuple[str, str, str]]:
    """The table: throughput at work (start-up apart) and wall time per mode."""
    work = {m: n / _best(runs, m, "work") for m in ("spacy", "workers1", "workers2")}
    work |= {m: n / _best(runs, m, "seconds") for m in ("local1", "local2")}
    wall = {m: _best(runs, m, "wall") for m in runs[0] if all(m in r for r in runs)}
    start = {m: _best(runs, m, "startup") for m in ("spacy", "workers1", "workers2")}
    rows = []
    for m, name in (
        ("spacy", "spaCy-only nlp.pipe, 1 process"),
        ("workers1", "ingest --workers 1"),
        ("workers2", "ingest --workers 2"),
    ):
        rows.append(
            (
                f"{name}: articles/s at work (start-up {start[m]:.1f} s apart)",
                f"{work[m]:.2f}",
                "",
            )
        )
    w2 = work["workers2"] / work["spacy"]
    rows.append(
        (
            "**--workers 2 / spaCy-only, at work**",
            f"**{w2:.2f}**",
            f">= {TARGET_WORKERS}",
        )
    )
    rows.append(
        (
            "--workers 2 / spaCy-only, wall time of fresh processes",
            f"{wall['spacy'] / wall['workers2']:.2f}",
            "",
        )
    )
    rows.append(
        (
            "--workers 2 / --workers 1, at work",
            f"{work['workers2'] / work['workers1']:.2f}",
            "",
        )
    )
    for m in ("local1", "local2"):
        rows.append(
            (
                f"spark {m[:5]}[{m[5]}]: articles/s in the job (JVM start apart)",
                f"{work[m]:.2f}",
                "",
            )
        )
    sp = work["local2"] / work["local1"]
    rows.append(
        ("**spark local[2] / local[1]**", f"**{sp:.2f}**", f">= {TARGET_SPARK}")
    )
    gap = wall["local2"] / wall["workers2"] - 1
    rows.append(
        (
            "**local[2] vs --workers 2, wall time of fresh processes**",
            f"**{gap:+.0%}**",
            f"within {TARGET_GAP:.0%}",
        )
    )
    rows.append(
        ("load of the local[2] datasets into DuckDB (s)", f"{wall['load']:.1f}", "")
    )
    if "cluster" in wall:
        rows.append(
            (
                "standalone cluster (2 cores): articles/s in the job",
                f"{n / _best(runs, 'cluster', 'seconds'):.2f}",
                "",
            )
        )
    first = runs[0]
    for w in (1, 2):
        if f"warc{w}" in first:
            r = first[f"warc{w}"]
            rows.append(
                (
                    f"WARC news pages (HTML, {r['stored']} stored), --workers {w}: "
                    "articles/s at work",
                    f"{r['stored'] / r['work']:.2f}",
                    "",
                )
            )
    for size, m in memory.items():
        peaks = ", ".join(f"{x:.0f}" for x in m["peak_rss_mb"])
        rows.append(
            (f"--workers 2 peak RSS per worker, {size:,} articles (MiB)", peaks, "")
        )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=2, help="runs of each mode (best)")
    ap.add_argument("--cluster", action="store_true", help="also a standalone cluster")
    ap.add_argument("--rss", default="1000,5000", help="sizes for the memory runs")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    with tempfile.TemporaryDirectory(prefix="reportedly-scale-") as t:
        tmp = Path(t)
        src = write_input(shared, args.n, tmp / "input.jsonl")
        all_runs = [runs(src, tmp, args.cluster) for _ in range(args.repeat)]
        warc = shared / WARC
        if warc.is_file():  # HTML pages: the cost per core of crawled news
            for w in (1, 2):
                db = tmp / f"warc{w}.duckdb"
                all_runs[0][f"warc{w}"] = timed(INGEST, str(warc), str(db), str(w))
        sizes = [int(x) for x in args.rss.split(",")] if args.rss else []
        OUT.parent.mkdir(parents=True, exist_ok=True)
        OUT.write_text(json.dumps({"n": args.n, "runs": all_runs}), encoding="utf-8")
        memory = {size: rss(shared, size, tmp) for size in sizes}
    n = args.n
    rows = summary_rows(n, all_runs, memory)
    header = ("measure", "value", "target")
    print(table(rows, header))
    print(
        f"\n{n} articles, best of {args.repeat} runs of each mode; 'at work' leaves "
        "out loading the model and lexicons (per process), 'wall time' includes it"
    )
    record("scale", header, rows)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "n": n,
                "runs": all_runs,
                "memory": memory,
                **machine_basics(),
            },
            indent=1,
        ),
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
