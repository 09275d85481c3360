"""Score (source, target, CAMEO root) triples on the PETRARCH2 unit tests.

The tests use invented countries (Arnor, Gondor); their actor dictionary
(``data/events/petrarch2/PETR.Validate.actors.txt``) is converted at run time
into a user actor file in a temporary folder and passed as
``Settings(actors_file=...)`` (what ``REPORTEDLY_ACTORS`` sets), the way a
user extends our dictionary. Codes are compared on the country part (the
first three letters), event codes on the CAMEO root (first two digits).

Example: python -m bench.eval_petrarch --shared ../shared
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import re
import tempfile
from pathlib import Path

from bench.common import record, shared_dir, table

_CODE = re.compile(r"\[([A-Za-z0-9+-]{3,})")


def convert(actors: Path) -> str:
    """Return PETRARCH actor entries as rows of our actor TSV."""
    rows, names = [], []
    for raw in actors.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        if not line[0].isspace() and not line.startswith("+"):
            names = []
        head = line.split("[", 1)[0].strip()
        if head:
            names.append(head.lstrip("+").replace("_", " ").strip().lower())
        code = _CODE.search(line)
        if code and names:
            c = code.group(1).upper()
            if not c[:3].isalpha():
                names = []
                continue
            sector = c[3:6] if len(c) >= 6 else ""
            canonical = names[0].title()
            for n in names:
                rows.append(f"{n}\t{canonical}\tcountry\t{c[:3]}\t{sector}\tpetrarch")
            names = []
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None, help="the shared folder (../shared)")
    args = ap.parse_args(argv)
    data = shared_dir(args.shared) / "data" / "events"
    recs = [
        json.loads(line)
        for line in (data / "normalized" / "petr2_unittest_records.jsonl").open()
    ]
    with tempfile.TemporaryDirectory() as tmp:
        user = Path(tmp) / "petrarch_actors.tsv"
        user.write_text(convert(data / "petrarch2" / "PETR.Validate.actors.txt"))
        from reportedly import RawDocument, Settings, analyze_documents

        docs = [
            RawDocument(source=str(i), content=r["text"]) for i, r in enumerate(recs)
        ]
        own = dataclasses.replace(Settings.from_env(), actors_file=user)
        results = list(analyze_documents(docs, raw=True, settings=own))
    tp = fp = fn = rtp = rfp = rfn = 0
    for r, an in zip(recs, results, strict=True):
        gold = {
            (
                e.get("sourcecode", "---")[:3],
                e.get("targetcode", "---")[:3],
                e["eventcode"][:2],
            )
            for e in r["gold_events"]
        }
        pred: set[tuple[str, str, str]] = set()
        if hasattr(an, "events"):
            code = {a.id: a.country or "---" for a in an.actors}
            for ev in an.events:
                if ev.type == "STATEMENT":
                    continue
                srcs = [code.get(a.actor_id or "", "---") for a in ev.actors] or ["---"]
                tgts = [code.get(a.actor_id or "", "---") for a in ev.recipients]
                for s in srcs:
                    for t in tgts or ["---"]:
                        pred.add((s, t, ev.cameo[:2]))
        tp += len(gold & pred)
        fp += len(pred - gold)
        fn += len(gold - pred)
        groot, proot = {g[2] for g in gold}, {p[2] for p in pred}
        rtp += len(groot & proot)
        rfp += len(proot - groot)
        rfn += len(groot - proot)

    def f1(t: int, p: int, n: int) -> str:
        prec = t / (t + p) if t + p else 0.0
        rec = t / (t + n) if t + n else 0.0
        f = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        return f"{f:.3f} (P {prec:.3f} / R {rec:.3f})"

    rows = [
        (
            "PETRARCH2 unit tests: (source, target, root) triples",
            str(len(recs)),
            f1(tp, fp, fn),
            "report",
        ),
        (
            "PETRARCH2 unit tests: CAMEO roots per sentence",
            str(len(recs)),
            f1(rtp, rfp, rfn),
            "report",
        ),
    ]
    print(table(rows, ("benchmark", "n", "F1", "target")))
    record("petrarch", ("benchmark", "n", "F1", "target"), rows)


if __name__ == "__main__":
    main()
