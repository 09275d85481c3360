"""Place mentions judged by reading: Syrian war news from FA-KES and the
Guardian, each mention's resolution right (within 161 km, or the right
GeoNames id) or wrong, and the place names the tool missed.

    python -m bench.judged_places draw                       # (re)draw places.tsv
    python -m bench.judged_places todo --half dev --out /tmp/p  # text: not kept
    python -m bench.judged_places add /tmp/p/verdicts.jsonl --judge NAME
    python -m bench.judged_places score --half heldout

The articles are drawn by length only (never by what the tool finds in
them); ids and hashes are kept, never text. A verdict is tied to the hash of
the resolution shown, so a changed resolution shows up again in ``todo``.
Fix on the dev half; report on the held-out half (judges only).
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import random
from pathlib import Path

import reportedly
from bench.common import record, shared_dir, table, write_todo
from bench.judged._sample import (
    LENGTH,
    Item,
    _candidates,
    _locator,
    analyses,
    digest,
    read_sample,
    sentence,
    sentences,
)
from reportedly.model import Analysis

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "places.tsv"
VERDICTS = HERE / "verdicts"
PER_SOURCE = 16  # half of them in each half
SEED = 12


def read() -> list[Item]:
    with SAMPLE.open(encoding="utf-8") as fh:
        return [
            Item(r["half"], r["source"], r["locator"])
            for r in csv.DictReader(fh, delimiter="\t")
        ]


def draw(shared: Path) -> None:
    """Draw articles of the right length that analyse (any content), none of
    them in the event sample or pool."""
    taken = {it.locator for it in read_sample()}
    rng = random.Random(SEED)
    rows = []
    for name in ("fakes", "guardian"):
        docs = [
            d
            for d in _candidates(shared, name)
            if _locator(shared, d.source) not in taken
        ]
        rng.shuffle(docs)
        chosen = []
        for res in reportedly.analyze_documents(docs[:120]):
            if (
                isinstance(res, Analysis)
                and LENGTH[0] <= len(res.article.text) <= LENGTH[1]
            ):
                chosen.append(_locator(shared, res.article.source))
                if len(chosen) == PER_SOURCE:
                    break
        rows += [
            ("dev" if i % 2 == 0 else "heldout", name, loc)
            for i, loc in enumerate(chosen)
        ]
    with SAMPLE.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["half", "source", "locator"])
        w.writerows(rows)
    print(f"{len(rows)} articles in {SAMPLE}")


def mentions(a: Analysis) -> list[dict]:
    """Every place mention of an analysis with its key and shown resolution."""
    out, seen = [], {}
    for p in a.places:
        where = (
            f"{p.name}, {p.country or '?'} (GeoNames {p.geonames_id}) at "
            f"{p.lat:.3f},{p.lon:.3f} [{p.feature or '?'}]"
            if p.lat is not None and p.lon is not None
            else f"{p.name}: unresolved"
        )
        for m in p.mentions:
            sent = sentence(a, m.start, m.end)
            base = digest("place", sent, m.text.casefold())
            seen[base] = seen.get(base, 0) + 1
            key = base if seen[base] == 1 else f"{base}.{seen[base]}"
            out.append(
                {
                    "key": key,
                    "text": m.text,
                    "start": m.start,
                    "sentence": sent,
                    "shown": where,
                    "value": digest(where),
                }
            )
    return sorted(out, key=lambda x: x["start"])


def verdicts() -> dict[tuple[str, str, str], dict]:
    """The latest verdict per (locator, key, value hash); missed names apart."""
    latest = {}
    for path in sorted(VERDICTS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                v = json.loads(line)
                latest[
                    (v["locator"], v.get("key", ""), v.get("value", v.get("name", "")))
                ] = v
    return latest


def todo(shared: Path, half: str, out: Path) -> None:
    items = [it for it in read() if it.half == half]
    found = analyses(shared, items)
    known = verdicts()
    text, lines = [], []
    for it in items:
        a = found[it.locator]
        if a is None:
            continue
        text.append(f"# {it.locator} ({it.half}) | published {a.article.published}")
        for s, e in sentences(a.article.text):
            text.append("  " + " ".join(a.article.text[s:e].split()))
        text.append("")
        for m in mentions(a):
            done = known.get((it.locator, m["key"], m["value"]))
            text.append(
                f"## place {m['key']}: {m['text']!r} -> {m['shown']}"
                f"   [{done['verdict'] if done else 'TODO'}]"
            )
            if not done:
                lines.append(
                    {
                        "kind": "place",
                        "locator": it.locator,
                        "key": m["key"],
                        "value": m["value"],
                        "mention": m["text"],
                        "shown": m["shown"],
                        "verdict": None,
                    }
                )
        text.append("")
    write_todo(out, text, lines, "mentions")


def add(path: Path, judge: str) -> None:
    """Keep each verdict without text: locator, key, value hash, verdict;
    a missed place keeps its name (a place name, not article text)."""
    VERDICTS.mkdir(exist_ok=True)
    today = datetime.date.today().isoformat()
    n = 0
    with (VERDICTS / f"{judge}.jsonl").open("a", encoding="utf-8") as fh:
        for raw in path.read_text(encoding="utf-8").splitlines():
            v = json.loads(raw) if raw.strip() else None
            if not v or v.get("verdict") is None and v.get("kind") != "missed":
                continue
            keep = ("kind", "locator", "key", "value", "verdict", "name", "correct")
            line = {k: v[k] for k in keep if k in v} | {"judge": judge, "date": today}
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += 1
    print(f"{n} lines added to {VERDICTS / (judge + '.jsonl')}")


def score(shared: Path, half: str) -> None:
    items = [it for it in read() if it.half == half]
    found = analyses(shared, items)
    known = verdicts()
    got = {"right": 0, "wrong": 0, "not_a_place": 0}
    distinct: dict[tuple[str, str], str] = {}  # (article, name) -> verdict
    pending = total = 0
    for it in items:
        a = found[it.locator]
        for m in mentions(a) if a else []:
            total += 1
            v = known.get((it.locator, m["key"], m["value"]))
            if v is None:
                pending += 1
            else:
                got[v["verdict"]] = got.get(v["verdict"], 0) + 1
                name = (it.locator, m["text"].casefold())
                if distinct.get(name, "right") == "right":  # one wrong: wrong
                    distinct[name] = v["verdict"]
    # a name a reader listed as missed counts while no mention of the article
    # now has that name (a later version may find it)
    names = {
        (it.locator, m["text"].casefold())
        for it in items
        if found[it.locator]
        for m in mentions(found[it.locator])
    }
    missed = sum(
        1
        for (loc, _, name), v in known.items()
        if v.get("kind") == "missed"
        and loc in {it.locator for it in items}
        and (loc, str(name).casefold()) not in names
    )
    real = got["right"] + got["wrong"]
    rows = [
        ("articles", str(len(items))),
        ("place mentions found", f"{total} ({pending} without a verdict)"),
        ("not a place", f"{got['not_a_place']} of {total - pending}"),
        ("resolved right (of real places found)", _share(got["right"], real)),
        ("real place mentions missed (listed by readers)", str(missed)),
        (
            "right of all real mentions (missed count as wrong)",
            _share(got["right"], real + missed),
        ),
        (
            "distinct names per article resolved right",
            _share(
                sum(v == "right" for v in distinct.values()),
                sum(v in ("right", "wrong") for v in distinct.values()),
            ),
        ),
    ]
    print(table(rows, (f"judged places ({half})", "value")))
    record(f"judged_places_{half}", ("measure", "value"), rows)


def _share(good: int, n: int) -> str:
    return f"{good / n:.2f} ({good} of {n})" if n else "-"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("command", choices=["draw", "todo", "add", "score"])
    ap.add_argument("file", nargs="?", type=Path)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--half", choices=["dev", "heldout"], default="heldout")
    ap.add_argument("--out", type=Path, default=Path("/tmp/judged_places"))
    ap.add_argument("--judge", default="unnamed")
    args = ap.parse_args()
    if args.command == "add":
        add(args.file, args.judge)
        return
    shared = shared_dir(args.shared)
    {
        "draw": lambda: draw(shared),
        "todo": lambda: todo(shared, args.half, args.out),
        "score": lambda: score(shared, args.half),
    }[args.command]()


if __name__ == "__main__":
    main()
