"""Time ``date_mentions`` per article on FA-KES articles (spaCy time excluded).

Usage: python -m bench.dates_speed [--n 200] [--shared DIR]
"""

from __future__ import annotations

import argparse
import csv
import time
from collections import Counter
from datetime import datetime

from bench.common import shared_dir
from reportedly import annotate
from reportedly.extract import dates
from reportedly.model import Article


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--shared", default=None)
    args = ap.parse_args()
    path = shared_dir(args.shared) / "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv"
    csv.field_size_limit(10**8)
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        rows = list(csv.DictReader(fh))[: args.n]
    arts = [
        Article(
            id=r["unit_id"],
            text=r["article_content"],
            published=datetime.strptime(r["date"], "%m/%d/%Y").date().isoformat(),
        )
        for r in rows
    ]
    nlp = annotate.load()
    docs = list(nlp.pipe(a.text for a in arts))
    t0 = time.perf_counter()
    dates.resolve("the 4th of May", None)  # loads dateparser once per process
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    found = [dates.date_mentions(d, a) for d, a in zip(docs, arts, strict=True)]
    cold = time.perf_counter() - t0
    t0 = time.perf_counter()
    for d, a in zip(docs, arts, strict=True):
        dates.date_mentions(d, a)
    warm = time.perf_counter() - t0
    n = len(arts)
    mentions = [m for f in found for m in f]
    print(f"{n} articles, {len(mentions)} date mentions")
    print(f"dateparser load, once per process: {load * 1000:.0f} ms")
    print(f"cold: {cold / n * 1000:.3f} ms/article (resolution cache empty)")
    print(f"warm: {warm / n * 1000:.3f} ms/article (resolution cache filled)")
    print("precision:", dict(Counter(m.precision for m in mentions)))
    print("unresolved:", sum(m.value is None for m in mentions))


if __name__ == "__main__":
    main()
