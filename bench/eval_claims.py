"""Claimants on PolNeAR: for events found inside gold attribution contents,
the share whose claimant overlaps the gold source.

Example: python -m bench.eval_claims --split dev
"""

from __future__ import annotations

import argparse
from pathlib import Path

from bench.common import record, shared_dir, table
from bench.eval_quotes import _scorer
from reportedly import RawDocument, analyze_documents
from reportedly.model import ErrorRecord


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    gold_dir = shared / "data" / "quotes" / "polnear" / args.split
    S = _scorer(shared)
    anns: dict[str, Path] = {}
    for a in sorted((gold_dir / "attributions").glob("*.ann")):
        anns.setdefault(a.name.rsplit("_", 1)[0], a)
    docs = (
        RawDocument(
            source=base,
            content=(gold_dir / "text" / f"{base}.txt").read_text(encoding="utf-8"),
        )
        for base in sorted(anns)
    )
    inside = ok = ok_actor = claimed = outlet = 0
    for res in analyze_documents(docs, raw=True):
        if isinstance(res, ErrorRecord):
            continue
        text = res.article.text
        mentions = {a.id: [(m.start, m.end) for m in a.mentions] for a in res.actors}
        gold = S.load_gold(str(anns[res.article.source]))
        for ev in res.events:
            pos = (ev.trigger or ev.evidence).start
            hits = [g for g in gold if any(a <= pos < b for a, b in g["contents"])]
            if not hits or not any(g["sources"] for g in hits):
                continue
            g = min(hits, key=lambda g: sum(b - a for a, b in g["contents"]))
            if not g["sources"]:
                continue
            inside += 1
            if ev.claimant is None:
                outlet += 1
                continue
            claimed += 1
            c = ev.claimant.span
            hit = S.overlaps(text, [(c.start, c.end)], g["sources"])
            ok += hit
            # the claimant is an actor: any of its mentions may be the gold one
            same = mentions.get(ev.claimant.actor_id or "", [])
            ok_actor += hit or any(S.overlaps(text, [m], g["sources"]) for m in same)
    share = ok / inside if inside else 0.0
    rows = [
        ("events inside a gold attribution with a source", str(inside), ""),
        ("claimant span overlaps the gold source", f"{ok} ({share:.3f})", ">= 0.80"),
        (
            "claimant span or its actor's mention overlaps the gold source",
            f"{ok_actor} ({ok_actor / inside if inside else 0:.3f})",
            "",
        ),
        ("claimant set but wrong", str(claimed - ok), ""),
        ("no claimant (outlet asserts)", str(outlet), ""),
    ]
    print(f"PolNeAR {args.split}: claimants of events inside attributions")
    print(table(rows, ("measure", "value", "target")))
    record(f"claims_{args.split}", ("measure", "value", "target"), rows)


if __name__ == "__main__":
    main()
