"""Measure throughput (end to end vs spaCy alone) and peak memory on real news.

Throughput: one process, the same 1,000 articles (FA-KES, topped up from BBC),
the same loaded pipeline. spaCy-only is ``nlp.pipe`` over the cleaned texts;
end to end is ``analyze_documents`` over the raw documents (cleaning, parse,
extraction, ``to_dict`` and ``json.dumps``, as the CLI does). After a warm-up
the two alternate (spaCy, e2e, spaCy, e2e, ...) and the best run of each counts;
memo caches (parsed dates) are emptied before each end-to-end run.

Memory: end to end over 1k and 5k articles, each in a fresh subprocess
(``--rss-only N``), streaming documents in and analyses out; peak RSS from
``getrusage``. The 5k stream cycles FA-KES + BBC + Guardian Syria, each later
cycle with a suffix so no text repeats.

Example: python -m bench.speed --shared ../shared --n 1000
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from tqdm import tqdm

from bench.common import ROOT, machine_basics, record, shared_dir, table
from reportedly import analyze_documents
from reportedly.annotate import load, model_name
from reportedly.clean import clean
from reportedly.errors import InputError
from reportedly.ingest import read_sources
from reportedly.model import ErrorRecord, RawDocument

NEWS = Path("data") / "corpora" / "news"
FAKES = NEWS / "fa_kes_syria" / "FA-KES-Dataset.csv"
BBC = NEWS / "bbc_news_2225" / "bbc_news.jsonl"
GUARDIAN = NEWS / "guardian_syria_sdf_2019" / "Guardian_SDF_sample.csv"
OUT = ROOT / "bench" / "out" / "speed_runs.json"
BATCH = 32
WARMUP_DOCS = 8
TARGET_RATIO = 0.75
TARGET_RSS = 10.0  # percent


def corpus_files(shared: Path, *, guardian: bool) -> list[Path]:
    """Return the corpus files in reading order (FA-KES, BBC, then Guardian)."""
    files = [shared / FAKES, shared / BBC]
    g = shared / GUARDIAN
    if guardian and g.is_file() and os.access(g, os.R_OK):
        files.append(g)
    return files


def _round_robin(files: list[Path]) -> Iterator[RawDocument | ErrorRecord]:
    """Yield one document from each file in turn until all are exhausted."""
    readers = [read_sources([str(f)]) for f in files]
    while readers:
        for r in list(readers):
            d = next(r, None)
            if d is None:
                readers.remove(r)
            else:
                yield d


def stream(files: list[Path], n: int, *, mixed: bool = False) -> Iterator[RawDocument]:
    """Yield ``n`` documents lazily, cycling ``files``; cycle k > 0 gets a suffix.

    ``mixed`` interleaves the files, so any prefix of a few hundred documents
    already holds every file's longest articles.
    """
    count = 0
    for k in itertools.count():
        got = 0
        docs = _round_robin(files) if mixed else read_sources(str(f) for f in files)
        for d in docs:
            if isinstance(d, ErrorRecord):
                continue
            got += 1
            if k:  # make the text (and so the article id) distinct
                d = replace(
                    d,
                    content=f"{d.content.rstrip()} Copy {k}.",
                    source=f"{d.source}~{k}",
                )
            yield d
            count += 1
            if count >= n:
                return
        if not got:
            sys.exit(f"no readable documents in {', '.join(map(str, files))}")


def rss_mb() -> float:
    """Return this process's peak resident set size so far, in MiB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kb / (1 << 20) if sys.platform == "darwin" else kb / 1024


def bar(total: int, desc: str, quiet: bool, position: int = 0) -> tqdm:
    return tqdm(
        total=total,
        desc=desc,
        unit="art",
        file=sys.stderr,
        disable=quiet,
        mininterval=0.5,
        leave=False,
        position=position,
    )


def run_spacy(
    nlp, texts: Iterable[str], total: int, quiet: bool, desc: str, position: int = 0
) -> tuple[float, int]:
    """Parse ``texts`` with ``nlp.pipe``, consuming each Doc; return secs, tokens."""
    tokens = 0
    with bar(total, desc, quiet, position) as pb:
        t0 = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=BATCH):
            tokens += len(doc)
            pb.update()
        secs = time.perf_counter() - t0
    return secs, tokens


def run_e2e(
    docs: Iterable[RawDocument], total: int, quiet: bool, desc: str, position: int = 0
) -> dict[str, Any]:
    """Analyse ``docs`` end to end, serialising each result to JSON and dropping it."""
    ok = quotes = out_bytes = 0
    errors: Counter[str] = Counter()
    first_error = None
    with bar(total, desc, quiet, position) as pb:
        t0 = time.perf_counter()
        for res in analyze_documents(docs, batch_size=BATCH):
            if isinstance(res, ErrorRecord):
                errors[res.error] += 1
                first_error = first_error or f"{res.source}: {res.message}"
            else:
                ok += 1
                quotes += len(res.quotes)
            out_bytes += len(json.dumps(res.to_dict(), ensure_ascii=False))
            pb.update()
        secs = time.perf_counter() - t0
    return {
        "secs": secs,
        "ok": ok,
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
        "first_error": first_error,
        "quotes": quotes,
        "json_bytes": out_bytes,
    }


def clear_memos() -> list[str]:
    """Empty the package's per-value memo caches (bounded lru_caches in clean/extract).

    Building the spaCy-only texts cleans every timed document first, and each
    run repeats the same texts; without this, end-to-end runs would find dates
    already parsed. Loaders (maxsize 1 or unbounded) keep their lexicons.
    """
    cleared = []
    for name, mod in list(sys.modules.items()):
        if not name.startswith(("reportedly.clean", "reportedly.extract")):
            continue
        for attr, f in vars(mod).items():
            info = getattr(f, "cache_info", None)
            if info and getattr(f, "__module__", None) == name:
                size = info().maxsize
                if size is not None and size > 1:
                    f.cache_clear()
                    cleared.append(f"{name}.{attr}")
    return cleared


def warm_up(nlp, docs: list[RawDocument]) -> None:
    """Load lexicons and run every stage once, on documents outside the timed set."""
    texts = [clean(d).text for d in docs]
    for _ in nlp.pipe(texts, batch_size=BATCH):
        pass
    for res in analyze_documents(docs, batch_size=BATCH):
        json.dumps(res.to_dict(), ensure_ascii=False)


def rss_only(shared: Path, n: int, mode: str, quiet: bool, position: int) -> None:
    """Child process: stream ``n`` articles through ``mode``; print peak RSS as JSON."""
    files = corpus_files(shared, guardian=True)
    nlp = load()
    warm_up(nlp, list(itertools.islice(stream(files[1:2], 2225), 2225 - 4, None)))
    after_warmup = rss_mb()
    longest = 0

    def docs() -> Iterator[RawDocument]:
        nonlocal longest
        for d in stream(files, n, mixed=True):
            longest = max(longest, len(d.content))
            yield d

    desc = f"rss {mode} {n}"
    if mode == "spacy":
        secs, _ = run_spacy(
            nlp, (clean(d).text for d in docs()), n, quiet, desc, position
        )
        res: dict[str, Any] = {"secs": secs, "ok": n, "errors": 0}
    else:
        res = run_e2e(docs(), n, quiet, desc, position)
    print(
        json.dumps(
            {
                "n": n,
                "mode": mode,
                "peak_rss_mb": round(rss_mb(), 1),
                "rss_after_warmup_mb": round(after_warmup, 1),
                "secs": round(res["secs"], 1),
                "ok": res["ok"],
                "errors": res["errors"],
                "first_error": res.get("first_error"),
                "longest_chars": longest,
                "files": [f.name for f in files],
                "order": "round-robin over the files, cycled with a suffix",
            }
        )
    )


def measure_rss(
    shared: Path, runs: list[tuple[int, str]], jobs: int, quiet: bool
) -> list[dict]:
    """Run each ``(n, mode)`` in a fresh ``--rss-only`` subprocess, ``jobs`` at once."""

    def one(i: int, n: int, mode: str) -> dict:
        cmd = [
            sys.executable,
            "-m",
            "bench.speed",
            "--shared",
            str(shared),
            "--rss-only",
            str(n),
            "--rss-mode",
            mode,
            "--position",
            str(i % jobs),
        ]
        proc = subprocess.run(
            cmd + (["--quiet"] if quiet else []),
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
        return json.loads(proc.stdout.strip().splitlines()[-1])

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(one, i, n, m) for i, (n, m) in enumerate(runs)]
        return [f.result() for f in futures]


def machine(nlp) -> dict[str, str]:
    import spacy

    return {
        **machine_basics(),
        "spacy": spacy.__version__,
        "model": model_name(nlp),
        "pipes": ",".join(nlp.pipe_names),
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", default=None)
    ap.add_argument("--n", type=int, default=1000, help="articles for throughput")
    ap.add_argument(
        "--repeat",
        type=int,
        default=2,
        help="alternating runs of each mode; the best counts",
    )
    ap.add_argument(
        "--rss",
        default="1000,5000",
        help="corpus sizes for the memory runs ('' to skip)",
    )
    ap.add_argument(
        "--no-control",
        action="store_true",
        help="skip the spaCy-only memory run at the largest size",
    )
    ap.add_argument(
        "--jobs",
        type=int,
        default=min(2, os.cpu_count() or 1),
        help="memory subprocesses at once (peak RSS is per process)",
    )
    ap.add_argument("--rss-only", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument(
        "--rss-mode", default="e2e", choices=["e2e", "spacy"], help=argparse.SUPPRESS
    )
    ap.add_argument("--position", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--quiet", action="store_true", help="no progress bars")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    if args.rss_only:
        rss_only(shared, args.rss_only, args.rss_mode, args.quiet, args.position)
        return

    # The timed set: FA-KES first, topped up from BBC, read by the project's reader.
    files = corpus_files(shared, guardian=False)
    docs = list(stream(files, args.n))
    n_fakes = sum(1 for d in docs if d.source.startswith(str(shared / FAKES)))
    texts, clean_errors = [], 0
    for d in docs:
        try:
            texts.append(clean(d).text)
        except InputError:
            clean_errors += 1
    words = sum(len(t.split()) for t in texts)

    nlp = load()
    # Warm-up on BBC documents beyond the timed ones, so no timed text is seen twice.
    spare = list(itertools.islice(stream(files[1:], 2225), 2225 - WARMUP_DOCS, None))
    warm_up(nlp, spare)

    sp_runs, e2e_runs, memos = [], [], []
    for i in range(args.repeat):
        sp_runs.append(run_spacy(nlp, texts, len(texts), args.quiet, f"spaCy {i + 1}"))
        memos = clear_memos()
        e2e_runs.append(run_e2e(docs, len(docs), args.quiet, f"e2e {i + 1}"))
    sp_secs, tokens = min(sp_runs)
    e2e = min(e2e_runs, key=lambda r: r["secs"])
    sp_aps, e2e_aps = len(texts) / sp_secs, len(docs) / e2e["secs"]
    ratio = e2e_aps / sp_aps

    sizes = [int(x) for x in args.rss.split(",") if x]
    runs = [(n, "e2e") for n in sizes]
    if sizes and not args.no_control:
        runs.append((max(sizes), "spacy"))
    # Longest first, so the pool finishes sooner.
    order = sorted(range(len(runs)), key=lambda i: -runs[i][0])
    done = measure_rss(shared, [runs[i] for i in order], max(1, args.jobs), args.quiet)
    rss_all = [r for _, r in sorted(zip(order, done, strict=True))]
    rss = [r for r in rss_all if r["mode"] == "e2e"]
    rss_diff = (
        100.0 * (rss[-1]["peak_rss_mb"] - rss[0]["peak_rss_mb"]) / rss[0]["peak_rss_mb"]
        if len(rss) >= 2
        else None
    )

    mach = machine(nlp)
    source = (
        f"{n_fakes} FA-KES + {len(docs) - n_fakes} BBC, read via "
        "reportedly.ingest.read_sources"
    )
    errs = ", ".join(f"{k} {v}" for k, v in e2e["error_kinds"].items()) or "none"
    rows = [
        ("articles (timed)", f"{len(docs)} ({source})", ""),
        ("words (whitespace, cleaned) / spaCy tokens", f"{words:,} / {tokens:,}", ""),
        ("spaCy-only nlp.pipe articles/s", f"{sp_aps:.2f}", ""),
        ("spaCy-only words/s", f"{words / sp_secs:,.0f}", "~7k (BENCHMARKS)"),
        ("end-to-end articles/s", f"{e2e_aps:.2f}", ""),
        ("end-to-end words/s", f"{words / e2e['secs']:,.0f}", ""),
        ("**ratio end-to-end / spaCy-only**", f"**{ratio:.2f}**", f">= {TARGET_RATIO}"),
        (
            "runs (s): spaCy ; e2e",
            " ".join(f"{x:.1f}" for x, _ in sp_runs)
            + " ; "
            + " ".join(f"{r['secs']:.1f}" for r in e2e_runs),
            f"alternating, best of {args.repeat}, memos cleared",
        ),
        (
            "e2e analysed / errors / quotes",
            f"{e2e['ok']} / {e2e['errors']} ({errs}) / {e2e['quotes']:,}",
            "0 errors",
        ),
    ]
    for r in rss_all:
        what = "end to end" if r["mode"] == "e2e" else "spaCy-only control"
        bad = f", {r['errors']} ERRORS" if r["errors"] else ""
        rows.append(
            (
                f"peak RSS MiB, {what}, {r['n']:,} articles",
                f"{r['peak_rss_mb']:.0f} (after warm-up {r['rss_after_warmup_mb']:.0f}"
                f"; longest {r['longest_chars']:,} chars{bad})",
                "",
            )
        )
    if rss_diff is not None:
        rows.append(
            (
                f"**peak RSS change {rss[0]['n']:,} -> {rss[-1]['n']:,}**",
                f"**{rss_diff:+.1f}%**",
                f"within {TARGET_RSS:.0f}%",
            )
        )
    print(
        f"Speed and scale: {mach['cores']} cores ({mach['cpu']}), Python "
        f"{mach['python']}, spaCy {mach['spacy']}, model {mach['model']} "
        f"[{mach['pipes']}], batch_size {BATCH}"
    )
    print(table(rows, ("metric", "value", "target")))
    record("speed", ("metric", "value", "target"), rows)
    if rss_all:
        names = ", ".join(rss_all[0]["files"])
        print(
            f"Memory runs: one fresh process each; {names} interleaved, cycled with a "
            "suffix so no text repeats."
        )
    for r in [e2e, *rss_all]:
        if r.get("first_error"):
            print("first error:", r["first_error"])

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "machine": mach,
                "corpus": {
                    "articles": len(docs),
                    "fa_kes": n_fakes,
                    "bbc": len(docs) - n_fakes,
                    "reader": "reportedly.ingest.read_sources",
                    "clean_errors": clean_errors,
                    "words": words,
                    "spacy_tokens": tokens,
                },
                "spacy_only": {
                    "runs_secs": [x for x, _ in sp_runs],
                    "best_secs": sp_secs,
                    "articles_per_s": sp_aps,
                    "words_per_s": words / sp_secs,
                },
                "end_to_end": {
                    **e2e,
                    "runs_secs": [r["secs"] for r in e2e_runs],
                    "articles_per_s": e2e_aps,
                    "words_per_s": words / e2e["secs"],
                },
                "ratio": ratio,
                "ratio_target": TARGET_RATIO,
                "rss": rss_all,
                "rss_change_percent": rss_diff,
                "rss_target_percent": TARGET_RSS,
                "method": f"warm-up on {WARMUP_DOCS} untimed docs; {args.repeat} "
                "alternating runs per mode, best (minimum time) counts; RSS in fresh "
                "subprocesses over the corpora interleaved and cycled",
                "memo_caches_cleared_before_each_e2e_run": memos,
            },
            indent=2,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
