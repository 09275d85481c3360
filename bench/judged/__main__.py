"""Records judged by reading: draw the sample, list what to judge, add verdicts,
score. See ``bench/judged/GUIDE.md``.

    python -m bench.judged score [--half heldout]      # the figures
    python -m bench.judged todo --half dev --out /tmp/todo   # what to judge (text!)
    python -m bench.judged add /tmp/todo/verdicts.jsonl --judge NAME
    python -m bench.judged draw                         # (re)draw sample.tsv

``todo`` writes article text for the reader, so it writes outside the project.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path

from bench.common import record, shared_dir, table, write_todo
from bench.judged import _score
from bench.judged._fields import EVENT_FIELDS, QUOTE_FIELDS, hashes
from bench.judged._records import (
    VERDICTS,
    Rec,
    attach,
    gold_events,
    load_verdicts,
    records,
)
from bench.judged._sample import (
    POOL,
    SAMPLE,
    analyses,
    digest,
    draw,
    draw_pool,
    read_sample,
    sentences,
    write_sample,
)


def _current(
    shared: Path, half: str | None, every_candidate: bool = False
) -> tuple[list, list[Rec], dict]:
    items = [it for it in read_sample() if half in (None, it.half)]
    found = analyses(shared, items, every_candidate)
    recs = [
        r for it in items if found[it.locator] for r in records(it, found[it.locator])
    ]
    attach(recs, load_verdicts())
    return items, recs, found


def score(shared: Path, half: str | None) -> None:
    items, recs, _ = _current(shared, half)
    events = [r for r in recs if r.kind == "event"]
    quotes = [r for r in recs if r.kind == "quote"]
    rows = _score.event_rows(events)
    rows.append(
        _score.missed(
            events, gold_events(load_verdicts()), [it.locator for it in items]
        )
    )
    rows += _score.quote_rows(quotes)
    name = f"judged sample ({half or 'both halves'}, {len(items)} articles)"
    print(table(rows, (name, "value")))
    print()
    print(_score.calibration(events))
    record(f"judged_{half or 'all'}", ("measure", "value"), rows)


def _header(r: Rec) -> str:
    return f"## {r.kind} {r.key} (confidence {r.confidence:.2f}): {r.shown}"


def todo(
    shared: Path,
    half: str | None,
    source: str | None,
    out: Path,
    every: bool,
    only: tuple[str, ...] = (),
) -> None:
    """Write the articles and the records to judge; ``only`` limits the fields
    (``real``, ``type``: labels to train on, every candidate listed)."""
    items, recs, found = _current(shared, half, every_candidate=bool(only))
    items = [it for it in items if source in (None, it.source)]
    out.mkdir(parents=True, exist_ok=True)
    text, lines = [], []
    for it in items:
        a = found[it.locator]
        if a is None:
            text.append(f"# {it.locator}: no analysis\n")
            continue
        art = a.article
        text.append(f"# {it.locator} ({it.half})")
        text.append(
            f"title {art.title!r} | outlet {art.outlet} | published {art.published}\n"
        )
        for s, e in sentences(art.text):
            sent = " ".join(art.text[s:e].split())
            text.append(f"  [{digest('sentence', sent)}] {sent}")
        text.append("")
        for r in (x for x in recs if x.item.locator == it.locator):
            fields = EVENT_FIELDS if r.kind == "event" else QUOTE_FIELDS
            text.append(_header(r))
            for f in fields:
                text.append(
                    f"   {f:10} {r.values[f]!s:.300}   [{r.verdicts.get(f, 'TODO')}]"
                )
            pending = [f for f in fields if every or f not in r.verdicts]
            if r.verdicts.get("real") == "no" and not every:
                pending = []  # not a record of anything: its fields are moot
            if r.kind == "event" and (every or "duplicate" not in r.verdicts):
                pending.append("duplicate")
            if only:
                pending = [f for f in pending if f in only and r.kind == "event"]
            if pending:
                lines.append(_template(r, pending))
        text.append("")
    write_todo(out, text, lines, "records")


def _template(r: Rec, pending: list[str]) -> dict:
    h = hashes(r.values)
    line = {"kind": r.kind, "locator": r.item.locator, "key": r.key}
    if r.kind == "event":
        line["sentence"] = r.sentence
        line["shown_type"] = r.values["type"]
    line["hashes"] = {f: h.get(f, "") for f in pending}
    line["verdict"] = {f: ("no" if f == "duplicate" else None) for f in pending}
    line["correct"] = {}
    return line


def add(path: Path, judge: str) -> None:
    """Append filled verdicts as one line per field; no article text is kept
    (the shown type is, to know the right type of a real event)."""
    today = datetime.date.today().isoformat()
    n = 0
    target = VERDICTS / f"{judge}.jsonl"
    with target.open("a", encoding="utf-8") as fh:
        for raw in path.read_text(encoding="utf-8").splitlines():
            rec = json.loads(raw) if raw.strip() else None
            if not rec:
                continue
            if rec["kind"] == "missed":  # a real event no record reports
                keys = ("kind", "locator", "sentence", "type")
                line = {k: rec[k] for k in keys} | {"judge": judge, "date": today}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1
                continue
            for f, verdict in rec["verdict"].items():
                if verdict is None:
                    continue
                line = {k: rec[k] for k in ("kind", "locator", "key") if k in rec}
                line |= {
                    "field": f,
                    "value": rec["hashes"].get(f, ""),
                    "verdict": verdict,
                }
                if rec["kind"] == "event" and f == "real":
                    line["sentence"] = rec["sentence"]
                if f == "type":
                    line["shown"] = rec["shown_type"]
                if rec.get("correct", {}).get(f):
                    line["correct"] = rec["correct"][f]
                line |= {"judge": judge, "date": today}
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                n += 1
    print(f"{n} verdicts added to {target}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["score", "todo", "add", "draw", "pool"])
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--half", choices=["dev", "dev2", "heldout", "train", "calib"])
    ap.add_argument("--source", choices=["guardian", "bbc", "warc", "fakes"])
    ap.add_argument("--out", type=Path, default=Path("/tmp/judged"))
    ap.add_argument("--all", action="store_true", help="todo: list judged fields too")
    ap.add_argument(
        "--only",
        help="todo: judge only these event fields (e.g. real,type), every candidate",
    )
    ap.add_argument("--judge", default="unnamed")
    ap.add_argument("--more", type=int, default=0, help="pool: N more per source")
    ap.add_argument("--round", type=int, default=2, help="pool: the round's seed")
    ap.add_argument(
        "--pool-half",
        default="train",
        choices=["train", "dev2", "calib"],
        help="pool: train (judged for real and type, to train the event step), "
        "dev2 (every field, to fix rules on) or calib (every field, only to "
        "calibrate confidence)",
    )
    ap.add_argument(
        "--heldout-ok",
        action="store_true",
        help="todo: a judge reads the held-out half",
    )
    args = ap.parse_args()
    if args.command == "add":
        add(args.file, args.judge)
        return
    shared = shared_dir(args.shared)
    if args.command == "draw":
        if SAMPLE.exists():
            sys.exit(
                f"{SAMPLE} exists: the sample is fixed once drawn (delete it to redraw)"
            )
        write_sample(draw(shared))
        print(f"wrote {SAMPLE}")
    elif args.command == "pool":
        if args.more:
            before = [it for it in read_sample() if it.half not in ("dev", "heldout")]
            added = draw_pool(shared, args.round, args.more, args.pool_half)
            write_sample(before + added, POOL)
            print(f"added {len(added)} articles to {POOL} (round {args.round})")
        elif POOL.exists():
            sys.exit(f"{POOL} exists: the pool is fixed once drawn (--more N adds)")
        else:
            write_sample(draw_pool(shared), POOL)
            print(f"wrote {POOL}")
    elif args.command == "todo":
        if args.half == "heldout" and not args.heldout_ok:
            sys.exit(
                "todo prints article text: use --half dev (the held-out half is read"
                " only by judges, who pass --heldout-ok)"
            )
        only = tuple(args.only.split(",")) if args.only else ()
        todo(shared, args.half, args.source, args.out, args.all, only)
    else:
        score(shared, args.half)


if __name__ == "__main__":
    main()
