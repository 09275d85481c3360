"""Latency of the web app under load: ``reportedly serve`` in a subprocess on a
free loopback port, then per endpoint group a bounded loop of concurrent
keep-alive clients (threads with ``http.client``), every latency and status
recorded. Non-200 answers count as errors.

Groups: ``/api/events`` (three filter combinations, pages of 50),
``/articles/{id}`` (HTML, articles spread over the store), ``/incidents/{id}``
(HTML, every incident) and ``/map.json`` (unfiltered and filtered).
Target (issue 11): p95 <= 100 ms for each group.

A served read-only store keeps its answers (``reportedly.web._views``), so
after the warm-up these groups measure kept answers. ``--cold`` adds groups
whose requests are (nearly) all different, beyond what the server keeps: the
three event queries at 400 offsets each, every article of the store, and the
map over 400 ``since`` dates. They show the cost of the queries themselves.

Usage: python -m bench.web_latency --db PATH [--seconds 30] [--clients 20]
       [--workers N] [--cold]
The store is opened read-only (copy a store another process writes first).
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import socket
import subprocess
import sys
import threading
import time
from statistics import quantiles

from bench.common import OUT, ROOT, machine_basics, table

TARGET_MS = 100.0
EVENTS = (
    "/api/events?type=ASSAULT&limit=50",
    "/api/events?actor=Russia&since=2015-01-01&limit=50",
    "/api/events?country=SYR&min_confidence=0.8&sort=confidence&limit=50",
)
MAPS = ("/map.json", "/map.json?type=ASSAULT")
HEADER = ("endpoint", "requests", "errors", "req/s", "p50 ms", "p95 ms", "target")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ids(db: str, n_articles: int) -> tuple[list[str], list[str], list[str]]:
    """Article ids spread evenly over the store (by id), every incident id and
    every article id."""
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        arts = [
            r[0] for r in con.execute("SELECT id FROM articles ORDER BY id").fetchall()
        ]
        incs = [
            r[0] for r in con.execute("SELECT id FROM incidents ORDER BY id").fetchall()
        ]
    finally:
        con.close()
    step = max(1, len(arts) // n_articles)
    return arts[::step][:n_articles], incs, arts


def start(db: str, port: int, workers: int) -> subprocess.Popen:
    """Start the server and wait until it answers."""
    cmd = [sys.executable, "-m", "reportedly.cli", "serve", "--db", db]
    cmd += ["--port", str(port)]
    if workers > 1:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode}: {' '.join(cmd)}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/events?limit=1")
            ok = conn.getresponse().status == 200
            conn.close()
            if ok:
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    proc.kill()
    sys.exit("the server did not answer within 120 s")


def load(port: int, urls: list[str], seconds: float, clients: int) -> dict:
    """``clients`` threads, each on one keep-alive connection, request the
    URLs in turn (each from its own starting point) until the time is up."""
    samples: list[list[tuple[str, float, int]]] = [[] for _ in range(clients)]
    start_at = threading.Barrier(clients + 1)
    stop = [0.0]

    def client(k: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out, i = samples[k], k * len(urls) // clients
        start_at.wait()
        while time.perf_counter() < stop[0]:
            url = urls[i % len(urls)]
            i += 1
            t = time.perf_counter()
            try:
                conn.request("GET", url)
                resp = conn.getresponse()
                resp.read()
                status = resp.status
            except (OSError, http.client.HTTPException):
                status = 0
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            out.append((url, time.perf_counter() - t, status))
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(clients)]
    for th in threads:
        th.start()
    stop[0] = time.perf_counter() + seconds
    t0 = time.perf_counter()
    start_at.wait()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    flat = [s for per in samples for s in per]
    return {"wall": wall, "samples": flat}


def summarise(samples: list[tuple[str, float, int]], wall: float) -> dict:
    ms = sorted(s[1] * 1000 for s in samples)
    cuts = quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    errors = [s for s in samples if s[2] != 200]
    return {
        "requests": len(samples),
        "errors": len(errors),
        "error_statuses": sorted({s[2] for s in errors}),
        "req_per_s": len(samples) / wall if wall else 0.0,
        "p50_ms": cuts[49],
        "p95_ms": cuts[94],
        "max_ms": ms[-1] if ms else 0.0,
    }


def cold_groups(articles: list[str]) -> dict[str, list[str]]:
    """Groups of distinct requests (more than the server keeps answers for)."""
    day = datetime.date(2012, 1, 1)
    return {
        "/api/events, 1200 distinct (cold)": [
            f"{url}&offset={50 * k}" for k in range(400) for url in EVENTS
        ],
        f"/articles/{{id}}, all {len(articles)} (cold)": [
            f"/articles/{a}" for a in articles
        ],
        "/map.json, 400 since dates (cold)": [
            f"/map.json?since={day + datetime.timedelta(days=3 * k)}"
            for k in range(400)
        ],
    }


def machine() -> dict[str, str]:
    return machine_basics()


def run_groups(
    port: int, groups: dict[str, list[str]], seconds: float, clients: int, warmup: float
) -> dict[str, dict]:
    """Each group in turn: a warm-up, then the timed loop."""
    results = {}
    for name, urls in groups.items():
        if warmup:
            load(port, urls, warmup, clients)
        run = load(port, urls, seconds, clients)
        results[name] = summarise(run["samples"], run["wall"])
        results[name]["per_url"] = {
            url: summarise([s for s in run["samples"] if s[0] == url], run["wall"])
            for url in (urls if len(urls) <= 3 else ())
        }
    return results


def row(name: str, r: dict) -> tuple[str, ...]:
    """A table row; the target cell names the unit, so ``bench.summary``
    treats the row as a timing."""
    target = "none (ms)" if "(cold)" in name else f"p95 <= {TARGET_MS:.0f} ms"
    err = str(r["errors"])
    if r["errors"]:
        err += " (" + ",".join(map(str, r["error_statuses"])) + ")"
    return (
        name,
        str(r["requests"]),
        err,
        f"{r['req_per_s']:.0f}",
        f"{r['p50_ms']:.1f}",
        f"{r['p95_ms']:.1f}",
        target,
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--db", required=True, help="the store to serve (read-only)")
    ap.add_argument("--seconds", type=float, default=30.0, help="per endpoint group")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--articles", type=int, default=100, help="article ids to cycle")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds, not timed")
    ap.add_argument("--cold", action="store_true", help="add the cache-miss groups")
    args = ap.parse_args()
    arts, incs, every = ids(args.db, args.articles)
    groups = {
        "/api/events": list(EVENTS),
        "/articles/{id}": [f"/articles/{a}" for a in arts],
        "/incidents/{id}": [f"/incidents/{i}" for i in incs],
        "/map.json": list(MAPS),
    }
    if args.cold:
        groups.update(cold_groups(every))
    port = free_port()
    proc = start(args.db, port, args.workers)
    try:
        results = run_groups(port, groups, args.seconds, args.clients, args.warmup)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    rows = [row(name, r) for name, r in results.items()]
    mach = machine()
    print(
        f"Web latency: {mach['cores']} cores ({mach['cpu']}), Python "
        f"{mach['python']}; {args.clients} keep-alive clients on loopback, "
        f"{args.seconds:g} s per group, server workers {args.workers}; "
        f"{len(arts)} articles, {len(incs)} incidents"
    )
    print(table(rows, HEADER))
    OUT.mkdir(parents=True, exist_ok=True)
    data = {
        "header": list(HEADER),
        "rows": [list(r) for r in rows],
        "machine": mach,
        "settings": {
            "db": str(args.db),
            "seconds": args.seconds,
            "clients": args.clients,
            "workers": args.workers,
            "articles": len(arts),
            "incidents": len(incs),
        },
        "groups": {k: {"urls": groups[k][:3], **r} for k, r in results.items()},
    }
    (OUT / "web_latency.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    bad = [
        n
        for n, r in results.items()
        if r["errors"] or (r["p95_ms"] > TARGET_MS and "(cold)" not in n)
    ]
    if bad:
        print("over target or with errors:", ", ".join(bad))


if __name__ == "__main__":
    main()
