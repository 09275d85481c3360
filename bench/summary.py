"""Print every figure the harnesses recorded in ``bench/out/`` as one table.

``--compare DIR`` compares the figures with those recorded in another folder
(a copy of ``bench/out/`` made before a change) and lists every number that
moved by more than ``--tolerance`` (default 0.003); it exits 1 if any did.

Example: python -m bench.summary
         python -m bench.summary --compare /tmp/bench_out_before
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from bench.common import OUT, table

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# figures that are timings, not accuracy: they move from run to run
_TIMED = ("seconds", "ms", "speed", "load", "articles/s", "mib", "rss")

ORDER = [
    "quotes_dev",
    "quotes_test",
    "claims_dev",
    "events_test",
    "actors",
    "petrarch",
    "places",
    "dates",
    "speed",
]


def _numbers(folder: Path) -> dict[tuple[str, str, int], float]:
    """Return every number of every recorded table, keyed by (file, row, column)."""
    out = {}
    for f in sorted(folder.glob("*.json")):
        data = json.loads(f.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "header" not in data:
            continue
        for r in data["rows"]:
            if any(t in " ".join(r).casefold() for t in _TIMED):
                continue
            cells = " · ".join(r[1:])
            for i, n in enumerate(_NUMBER.findall(cells)):
                out[(f.stem, r[0], i)] = float(n)
    return out


def compare(before: Path, tolerance: float) -> int:
    """Print figures that moved by more than ``tolerance``; return how many."""
    old, new = _numbers(before), _numbers(OUT)
    moved = [
        (f"{k[0]}: {k[1]} #{k[2]}", f"{old[k]:g}", f"{new.get(k, float('nan')):g}")
        for k in sorted(old)
        if k not in new or abs(old[k] - new[k]) > tolerance
    ]
    print(f"{len(old)} figures compared with {before}; {len(moved)} moved")
    if moved:
        print(table(moved, ("figure", "before", "after")))
    return len(moved)


def main() -> None:
    ap = argparse.ArgumentParser(description="One table of every recorded figure.")
    ap.add_argument("--compare", type=Path, help="a bench/out copy from before")
    ap.add_argument("--tolerance", type=float, default=0.003)
    args = ap.parse_args()
    if args.compare:
        raise SystemExit(1 if compare(args.compare, args.tolerance) else 0)
    files = sorted(
        OUT.glob("*.json"),
        key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else len(ORDER), p.stem),
    )
    rows = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "header" not in data:
            continue  # raw run data (speed_runs.json), not a table
        head = [h.lower() for h in data["header"]]
        tcol = next((i for i, h in enumerate(head) if h.startswith("target")), None)
        for r in data["rows"]:
            values = [c for i, c in enumerate(r[1:], 1) if i != tcol]
            rows.append(
                (
                    f.stem,
                    r[0],
                    " · ".join(v for v in values if v),
                    r[tcol] if tcol is not None else "",
                )
            )
    if not rows:
        raise SystemExit(f"nothing recorded in {OUT}: run make eval first")
    print(table(rows, ("harness", "measure", "value", "target")))


if __name__ == "__main__":
    main()
