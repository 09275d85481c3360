"""Check that a restructuring changed no output, and that records round-trip.

Snapshot the JSON of the reference article and of the first N FA-KES articles,
then compare a later run with it, record by record and field by field:

    python -m bench.same_output --save bench/out/before.jsonl    # on the old code
    python -m bench.same_output --compare bench/out/before.jsonl # on the new code

``--roundtrip`` analyses every FA-KES article (804) and checks
``Analysis.from_dict(a.to_dict()) == a`` on each. Snapshots hold article text,
so they live in ``bench/out/`` (ignored by git), never in the project.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import reportedly
from bench.common import ROOT, shared_dir

DEMO = ROOT / "reportedly" / "demo" / "000_49bb6308d4702ce6.txt"
FAKES = "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv"
VOLATILE = {"source"}  # the path a record was read from differs between runs


def _records(shared: Path, n: int) -> Iterator[dict[str, Any]]:
    (demo,) = reportedly.analyze_many([str(DEMO)], published="2015-09-30")
    yield demo.to_dict()
    for r in itertools.islice(reportedly.analyze_many([str(shared / FAKES)]), n):
        yield r.to_dict()


def _diff(a: Any, b: Any, path: str = "") -> list[str]:
    """Return the paths where two JSON values differ (at most a few per record)."""
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for k in sorted(set(a) | set(b)):
            if k in VOLATILE:
                continue
            if k not in a or k not in b:
                out.append(f"{path}.{k}: only in {'new' if k in b else 'old'}")
            else:
                out += _diff(a[k], b[k], f"{path}.{k}")
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items before, {len(b)} after"]
        pairs = enumerate(zip(a, b, strict=True))
        return [d for i, (x, y) in pairs for d in _diff(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r:.80} -> {b!r:.80}"]


def _compare(path: Path, shared: Path, n: int) -> int:
    old = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    new = list(_records(shared, n))
    changed = 0
    for i, (a, b) in enumerate(itertools.zip_longest(old, new)):
        diffs = _diff(a, b)
        if diffs:
            changed += 1
            rid = (b or a or {}).get("article", {}).get("id", f"record {i}")
            print(
                f"record {i} ({rid}): {len(diffs)} differences", *diffs[:5], sep="\n  "
            )
    print(f"{len(new)} records compared with {path}: {changed} differ")
    return 1 if changed else 0


def _roundtrip(shared: Path) -> int:
    n = bad = 0
    for r in reportedly.analyze_many([str(DEMO), str(shared / FAKES)]):
        n += 1
        if isinstance(r, reportedly.Analysis):
            back = reportedly.Analysis.from_dict(json.loads(json.dumps(r.to_dict())))
        else:
            back = reportedly.ErrorRecord.from_dict(r.to_dict())
        if back != r:
            bad += 1
            print(f"does not round-trip: {getattr(r, 'article', r)!s:.80}")
    print(
        f"round trip: {n - bad} of {n} records equal after to_dict -> JSON -> from_dict"
    )
    return 1 if bad else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--n", type=int, default=200, help="FA-KES articles (default 200)")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--save", type=Path, help="write a snapshot here")
    g.add_argument("--compare", type=Path, help="compare with this snapshot")
    g.add_argument("--roundtrip", action="store_true", help="round trip on all FA-KES")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    if args.save:
        args.save.parent.mkdir(parents=True, exist_ok=True)
        with args.save.open("w", encoding="utf-8") as f:
            for rec in _records(shared, args.n):
                f.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"saved {args.n + 1} records to {args.save}")
        return
    sys.exit(
        _compare(args.compare, shared, args.n) if args.compare else _roundtrip(shared)
    )


if __name__ == "__main__":
    main()
