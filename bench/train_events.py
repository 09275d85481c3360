"""Train the event relevance model: is an event candidate an event?

    python -m bench.train_events --shared ../shared [--threshold 0.5]

Parses the labelled texts of ``bench/_event_data.py`` (about 4 minutes),
takes every event candidate that the lexicon rules let through
(``_candidates`` + ``_relevance.ruled_out``), labels it, and fits an
L2-regularised logistic regression over the hashed features of
``_features`` with plain numpy (full-batch Adam). Prints the held-out
ranking quality per source (multi-coder rounds 9-10, a tenth of the rest),
then refits on everything and writes ``reportedly/lexicons/event_relevance.json``
(the non-zero weights, the bias and the threshold).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np

from bench._event_data import Item, items
from bench._event_judged import judged
from bench.common import shared_dir
from reportedly.annotate import load
from reportedly.extract.events._candidates import candidates
from reportedly.extract.events._features import BITS, DIM, features, hashed
from reportedly.extract.events._lexicon import tables
from reportedly.extract.events._relevance import MODEL_FILE, ruled_out

OUT = Path(__file__).resolve().parents[1] / "reportedly" / "lexicons" / MODEL_FILE
HELD_OUT = {"round9", "round10", "gsr", "plv", "bbc0", "syn0"}
JUDGED = 20.0  # weight of a judged record (in-domain, read by a person)
Row = tuple[str, str, int, float, list[int]]


def _label(it: Item, tok, trig) -> tuple[int, float] | None:
    a, b = tok.idx, tok.idx + len(tok.text)
    if any(s < b and a < e for s, e in it.spans):
        return 1, it.weight
    if it.types is not None and trig.type in it.types:
        return 1, it.weight
    if it.other is not None and (it.only is None or trig.type in it.only):
        return 0, it.other * it.weight
    return None


def _docs(nlp, data: list[Item], cache: Path | None) -> list:
    """Parse the texts (or read the parses a previous run saved)."""
    from spacy.tokens import DocBin

    if cache and cache.exists():
        return list(DocBin().from_bytes(cache.read_bytes()).get_docs(nlp.vocab))
    docs = list(nlp.pipe([d.text for d in data], batch_size=64))
    if cache:
        cache.write_bytes(DocBin(store_user_data=False, docs=docs).to_bytes())
    return docs


def rows(shared: Path, cache: Path | None, with_judged: bool = True) -> list[Row]:
    """(source, group, label, weight, feature buckets) of every candidate:
    the event sets, then the judged dev records."""
    nlp = load()
    tab = tables()
    data = list(items(shared))
    out = []
    for it, doc in zip(data, _docs(nlp, data, cache), strict=True):
        for tok, trig in candidates(doc, tab):
            if ruled_out(tok, trig, tab):
                continue
            got = _label(it, tok, trig)
            if got is not None:
                feats = hashed(features(tok, trig.type, trig.mode))
                out.append((it.source, it.group, got[0], got[1], feats))
    for loc, tok, typ, mode, y in judged(shared, nlp) if with_judged else ():
        out.append(("judged", loc, y, JUDGED, hashed(features(tok, typ, mode))))
    return out


def fit(data, l2: float = 1e-4, epochs: int = 300, lr: float = 0.05):
    """Full-batch Adam on the weighted log loss; returns (weights, bias)."""
    idx = np.concatenate([np.asarray(r[4], dtype=np.int64) for r in data])
    lens = np.array([len(r[4]) for r in data])
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    y = np.array([r[2] for r in data], dtype=np.float64)
    sw = np.array([r[3] for r in data], dtype=np.float64)
    sw = sw / sw.sum()
    w = np.zeros(DIM)
    b = 0.0
    m, v, mb, vb = np.zeros(DIM), np.zeros(DIM), 0.0, 0.0
    for t in range(1, epochs + 1):
        z = b + np.add.reduceat(w[idx], starts)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = (p - y) * sw
        gw = np.bincount(idx, weights=np.repeat(g, lens), minlength=DIM) + l2 * w
        gb = g.sum()
        m, v = 0.9 * m + 0.1 * gw, 0.999 * v + 0.001 * gw * gw
        mb, vb = 0.9 * mb + 0.1 * gb, 0.999 * vb + 0.001 * gb * gb
        c1, c2 = 1 - 0.9**t, 1 - 0.999**t
        w -= lr * (m / c1) / (np.sqrt(v / c2) + 1e-8)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + 1e-8)
    return w, b


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    order = np.argsort(s)
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    pos = y == 1
    n1, n0 = pos.sum(), (~pos).sum()
    if not n1 or not n0:
        return float("nan")
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def evaluate(data, w, b) -> None:
    """Ranking quality (AUC) and accuracy at 0.5 on held-out groups."""
    test = [r for r in data if r[1] in HELD_OUT]
    for src in sorted({r[0] for r in test}) + ["all"]:
        part = [r for r in test if src in (r[0], "all")]
        y = np.array([r[2] for r in part])
        s = np.array([b + sum(w[h] for h in r[4]) for r in part])
        acc = float(((s > 0) == (y == 1)).mean())
        print(
            f"  {src:12s} n={len(part):6d} pos={int(y.sum()):5d} "
            f"AUC={_auc(y, s):.3f} acc@0.5={acc:.3f}"
        )


def crossed(data: list[Row], l2: float) -> None:
    """The judged dev records scored by models that did not see their
    article (two folds by article): kept share and real share per threshold."""
    arts = sorted({r[1] for r in data if r[0] == "judged"})
    scored = []
    for k in (0, 1):
        fold = set(arts[k::2])
        w, b = fit([r for r in data if r[1] not in fold], l2=l2)
        for r in data:
            if r[1] in fold:
                z = b + sum(w[h] for h in r[4])
                scored.append((1 / (1 + np.exp(-z)), r[2]))
    real = sum(y for _, y in scored)
    print(f"judged dev records, cross-fitted: {len(scored)}, {real} real")
    for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        kept = [y for p, y in scored if p >= t]
        share = sum(kept) / max(len(kept), 1)
        print(
            f"  threshold {t:.1f}: kept {len(kept):4d}, real share {share:.3f}, "
            f"real lost {real - sum(kept)}"
        )


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--l2", type=float, default=1e-4)
    ap.add_argument("--cache", default=None, help="file of the parsed texts")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument(
        "--no-judged",
        action="store_true",
        help="leave the judged dev records out (to score the dev half honestly)",
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    cache = Path(args.cache) if args.cache else None
    data = rows(shared_dir(args.shared), cache, not args.no_judged)
    by = {}
    for r in data:
        by.setdefault(r[0], [0, 0])[r[2]] += 1
    print(
        f"{len(data)} candidates ({time.perf_counter() - t0:.0f} s):",
        ", ".join(f"{k} {v[1]}+/{v[0]}-" for k, v in sorted(by.items())),
    )
    train = [r for r in data if r[1] not in HELD_OUT]
    w, b = fit(train, l2=args.l2)
    print("held out (trained without them):")
    evaluate(data, w, b)
    if not args.no_judged:
        crossed(data, args.l2)
    w, b = fit(data, l2=args.l2)
    keep = {str(i): round(float(x), 4) for i, x in enumerate(w) if abs(x) >= 5e-4}
    model = {
        "about": "event relevance: logistic regression over hashed features; "
        "python -m bench.train_events",
        "bits": BITS,
        "dim": DIM,
        "bias": round(float(b), 4),
        "threshold": args.threshold,
        "candidates": len(data),
        "weights": keep,
    }
    Path(args.out).write_text(json.dumps(model, separators=(",", ":")) + "\n")
    print(f"wrote {args.out}: {len(keep)} weights ({time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
