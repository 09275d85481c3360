"""Train the event confidence model on judged records; write its weights.

The label of a record is *usable* as ``bench.judged`` scores it (a real event
with type, actor, recipient, claimant and modality all right or rightly
empty); records without the verdicts it needs are left out. The model is a
logistic regression with an L2 penalty over ``extract/confidence/_features``,
fitted with plain gradient steps (no dependency), and its weights go to
``reportedly/lexicons/confidence.toml``. It reads the calibration set
(``pool.tsv``, half ``calib``: articles judged on every field that no rule
and no model was tuned on) and, with ``--halves dev,calib``, the dev half too
(whose records the rules and the relevance model have seen, so their scores
run high). The held-out half is never read: it is for the report.

    python -m bench.train_confidence [--halves calib] [--write]
"""

from __future__ import annotations

import argparse
import datetime
import math

import numpy as np

from bench.common import ROOT, shared_dir
from bench.judged._records import attach, load_verdicts, records
from bench.judged._sample import analyses, read_sample
from bench.judged._score import usable
from reportedly.extract.confidence import features

TOML = ROOT / "reportedly" / "lexicons" / "confidence.toml"
L2 = 20.0  # chosen by leave-one-article-out log loss on the calibration set


def _data(shared, halves: set[str]) -> tuple[list[str], np.ndarray, np.ndarray]:
    items = [it for it in read_sample() if it.half in halves]
    found = analyses(shared, items)
    xs, ys, names = [], [], None
    for it in items:
        a = found[it.locator]
        if a is None:
            continue
        recs = [r for r in records(it, a) if r.kind == "event"]
        attach(recs, load_verdicts())
        actors = {x.id: x for x in a.actors}
        for r in recs:
            label = usable(r)
            if label is None:
                continue
            f = features(r.obj, actors)
            names = names or sorted(f)
            xs.append([f[n] for n in names])
            ys.append(float(label))
    return names or [], np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, steps: int = 4000) -> tuple[float, np.ndarray]:
    """Return (intercept, weights) of an L2-penalised logistic regression."""
    w, b = np.zeros(x.shape[1]), 0.0
    rate = 0.5
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + L2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= rate * grad_w
        b -= rate * grad_b
    return b, w


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--write", action="store_true", help="write confidence.toml")
    ap.add_argument("--halves", default="calib", help="judged halves to fit on")
    args = ap.parse_args()
    halves = set(args.halves.split(","))
    if "heldout" in halves:
        ap.error("--halves: the held-out half is for the report, never fitted on")
    names, x, y = _data(shared_dir(args.shared), halves)
    print(f"{len(y)} judged records ({args.halves}), {int(y.sum())} usable")
    b, w = fit(x, y)
    p = 1 / (1 + np.exp(-(x @ w + b)))
    for lo in (0.0, 0.2, 0.4, 0.6, 0.8):
        band = (p >= lo) & (p < lo + 0.2 + (lo == 0.8))
        share = y[band].mean() if band.any() else math.nan
        print(
            f"  {lo:.1f}-{lo + 0.2:.1f}: {int(band.sum())} records, usable {share:.2f}"
        )
    for n, v in sorted(zip(names, w, strict=True), key=lambda t: -abs(t[1])):
        print(f"  {n:20} {v:+.3f}")
    if args.write:
        today = datetime.date.today().isoformat()
        lines = [
            "# Weights of the event confidence model (reportedly/extract/confidence/).",
            "# Written by `python -m bench.train_confidence --write`: a logistic",
            f"# regression on judged records ({args.halves}); do not edit by hand.",
            "[events]",
            f"intercept = {b:.4f}",
            f'trained_on = "{today}: {len(y)} {args.halves} records, '
            f'{int(y.sum())} usable"',
            "",
            "[events.weights]",
            *(f"{n} = {v:.4f}" for n, v in zip(names, w, strict=True)),
        ]
        TOML.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {TOML}")


if __name__ == "__main__":
    main()
