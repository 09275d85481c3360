"""Score quote attribution on PolNeAR with the shared scorer, plus headline and
``according to`` recall.

Example: python -m bench.eval_quotes --split dev
"""

from __future__ import annotations

import argparse
import glob
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import record, shared_dir, table
from reportedly import RawDocument, analyze_documents
from reportedly.model import ErrorRecord


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location(
        "score_quotes", shared / "tools" / "score_quotes.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predict(gold_dir: Path, out: Path) -> tuple[int, int, list[str]]:
    """Analyse every text of a PolNeAR split with --raw; write scorer JSON files."""
    paths = sorted((gold_dir / "text").glob("*.txt"))
    docs = (
        RawDocument(source=str(p), content=p.read_text(encoding="utf-8")) for p in paths
    )
    ok = failed = 0
    errors = []
    for res in analyze_documents(docs, raw=True):
        if isinstance(res, ErrorRecord):
            failed += 1
            errors.append(f"{res.source}: {res.error}: {res.message}")
            continue
        ok += 1
        preds = []
        for q in res.quotes:
            parts = q.parts or (q.content,)
            preds.append(
                {
                    "pattern": q.pattern,
                    "cue": q.cue.to_dict() if q.cue else None,
                    "sources": [q.speaker.span.to_dict()] if q.speaker else [],
                    "contents": [p.to_dict() for p in parts],
                }
            )
        name = Path(res.article.source).stem + ".json"
        (out / name).write_text(json.dumps({"quotes": preds}), encoding="utf-8")
    return ok, failed, errors


def special_recall(gold_dir: Path, pred_dir: Path, S) -> dict[str, tuple[int, int]]:
    """Recall (content Jaccard >= 0.5 and speaker overlap) of headline and
    ``according to`` attributions."""
    anns = {}
    for a in sorted(glob.glob(str(gold_dir / "attributions" / "*.ann"))):
        anns.setdefault(os.path.basename(a).rsplit("_", 1)[0], a)
    res = {"headline": [0, 0], "according_to": [0, 0]}
    for base, ann in sorted(anns.items()):
        text = (gold_dir / "text" / f"{base}.txt").read_text(encoding="utf-8")
        nl = text.find("\n")
        head_end = nl if nl >= 0 else len(text)
        ppath = pred_dir / f"{base}.json"
        pred = S.load_pred(str(ppath)) if ppath.exists() else []
        psets = [S.charset(text, p["contents"]) for p in pred]
        for g in S.load_gold(ann):
            kinds = []
            if g["cue"] and all(b <= head_end for _, b in g["cue"]):
                kinds.append("headline")
            cue_text = " ".join(text[a:b] for a, b in g["cue"]).lower().strip()
            if "according" in cue_text:
                kinds.append("according_to")
            if not kinds:
                continue
            gs = S.charset(text, g["contents"])
            hit = any(
                S.jaccard(ps, gs) >= 0.5
                and S.overlaps(text, p["sources"], g["sources"])
                for p, ps in zip(pred, psets, strict=True)
            )
            for k in kinds:
                res[k][0] += hit
                res[k][1] += 1
    return {k: (v[0], v[1]) for k, v in res.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--keep", default=None, help="write predictions to this folder")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    gold = shared / "data" / "quotes" / "polnear" / args.split
    S = _scorer(shared)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.keep or tmp)
        out.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        ok, failed, errors = predict(gold, out)
        secs = time.perf_counter() - t0
        proc = subprocess.run(
            [
                sys.executable,
                str(shared / "tools" / "score_quotes.py"),
                "--gold",
                str(gold),
                "--pred",
                str(out),
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        scores = json.loads(proc.stdout)
        special = special_recall(gold, out, S)
    e2e = scores["quote+speaker_end_to_end"]
    part = scores["content_partial_jacc>=0.5"]
    rows = [
        ("quote+speaker end-to-end F1", f"{e2e['F1']:.3f}", ">= 0.60 (test)"),
        ("  precision / recall", f"{e2e['P']:.3f} / {e2e['R']:.3f}", ""),
        ("content partial F1", f"{part['F1']:.3f}", ""),
        (
            "speaker acc given content match",
            str(scores["speaker_acc_given_partial_match"]),
            "",
        ),
        (
            "recall on direct/mixed",
            str(scores["recall_on_direct_or_mixed_partial"]),
            "",
        ),
        (
            "headline attributions recalled",
            "{}/{}".format(*special["headline"]),
            ">= 30/45 (test)",
        ),
        (
            "`according to` recalled",
            "{}/{}".format(*special["according_to"]),
            "44/44 (test)",
        ),
        ("documents raising / failed", f"0 / {failed}", "0"),
        ("documents analysed, seconds", f"{ok}, {secs:.1f}", ""),
    ]
    print(
        f"PolNeAR {args.split} ({scores['docs']} docs, "
        f"{scores['gold_attributions']} gold attributions)"
    )
    print(table(rows, ("metric", "value", "target")))
    record(f"quotes_{args.split}", ("metric", "value", "target"), rows)
    for e in errors[:10]:
        print("error:", e)


if __name__ == "__main__":
    main()
