"""Score place resolution on GeoWebNews, LGL and TR-News (acc@161 km).

Run: ``python -m bench.eval_places --shared ../shared``. Even-numbered
documents of each set are the development part used for tuning; the
odd-numbered documents are held out and give the headline figures.
Setting (a) resolves the gold spans with the document's gold toponyms as
context; setting (b) runs our recognition end to end and scores spans against
the gold toponyms that have coordinates (GWN also marks non-locational
expressions such as "citizens", which are left out).
"""

from __future__ import annotations

import argparse
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bench.common import record, shared_dir, table
from reportedly.distance import km

SETS = {"GWN": "GWN.xml", "LGL": "lgl.xml", "TR-News": "TR-News.xml"}
TARGETS = {"GWN": 0.85, "LGL": 0.80, "TR-News": 0.85}


@dataclass(frozen=True, slots=True)
class Gold:
    """One gold toponym: span, text and point (``None`` without coordinates)."""

    start: int
    end: int
    lat: float | None
    lon: float | None
    geonames_id: int | None = None


def _num(node: ET.Element | None) -> float | None:
    try:
        return float(node.text) if node is not None and node.text else None
    except ValueError:
        return None


def documents(path: Path) -> Iterator[tuple[int, str, list[Gold]]]:
    """Yield ``(index, text, gold toponyms)`` for each article of a corpus file."""
    root = ET.parse(path).getroot()
    for i, art in enumerate(root.iter("article")):
        text = art.findtext("text") or ""
        gold = []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            lat = _num(t.find("latitude")) or _num(t.find("gaztag/lat"))
            lon = _num(t.find("longitude")) or _num(t.find("gaztag/lon"))
            tag = t.find("gaztag")
            gid = t.findtext("geonamesID") or (
                tag.get("geonameid") if tag is not None else None
            )
            gold.append(Gold(start, end, lat, lon, int(gid) if gid else None))
        yield i, text, gold


def hit(g: Gold, lat: float | None, lon: float | None) -> bool:
    """Return whether a prediction falls within 161 km of the gold point."""
    if lat is None or lon is None or g.lat is None or g.lon is None:
        return False
    return km(g.lat, g.lon, lat, lon) <= 161.0


def gold_spans(text: str, gold: list[Gold], by_id: bool = False) -> list[bool]:
    """Resolve the gold spans of one document; return a hit flag per located toponym.

    With ``by_id`` a prediction with the gold GeoNames id also counts, which
    separates choosing the right place from where our derived point for a
    country or province falls.
    """
    from reportedly.extract.places import resolve

    located = [g for g in gold if g.lat is not None and g.lon is not None]
    res = resolve([(text[g.start : g.end], g.start, g.end) for g in gold], text)
    by_span = dict(zip([(g.start, g.end) for g in gold], res, strict=True))
    out = []
    for g in located:
        e = by_span[(g.start, g.end)].entry
        same = by_id and e is not None and e.geonames_id == g.geonames_id
        out.append(same or hit(g, e.lat if e else None, e.lon if e else None))
    return out


def end_to_end(doc: object, text: str, gold: list[Gold]) -> tuple[int, ...]:
    """Return (tp exact, tp overlap, n pred, n gold, hits) for one document."""
    from reportedly.extract.places import places
    from reportedly.model import Article

    plist, mentions = places(doc, Article(id="x", text=text))
    by_id = {p.id: p for p in plist}
    pred = {(m.span.start, m.span.end): by_id.get(m.place_id) for m in mentions}
    golds = {(g.start, g.end) for g in gold if g.lat is not None}
    exact = len(golds & set(pred))
    overlap = sum(any(s < ge and gs < e for gs, ge in golds) for s, e in pred)
    hits = 0
    for g in gold:
        if g.lat is None:
            continue
        for (s, e), p in pred.items():
            if s < g.end and g.start < e and p is not None and hit(g, p.lat, p.lon):
                hits += 1
                break
    return exact, overlap, len(pred), len(golds), hits


def main(argv: list[str] | None = None) -> None:
    """Print acc@161 km (gold spans) and end-to-end P/R/F1 per set and part."""
    ap = argparse.ArgumentParser(prog="python -m bench.eval_places")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--no-e2e", action="store_true", help="skip the end-to-end run")
    ap.add_argument("--speed", action="store_true", help="time places() on FA-KES")
    args = ap.parse_args(argv)
    if args.speed:
        speed(shared_dir(args.shared))
        return
    base = shared_dir(args.shared) / "data" / "geo" / "gritta_pragmatic_guide"
    rows = []
    for name, file in SETS.items():
        docs = list(documents(base / file))
        t = time.perf_counter()
        for part, rem in (("dev (even)", 0), ("held-out (odd)", 1)):
            sel = [d for d in docs if d[0] % 2 == rem]
            flags = [f for _, text, gold in sel for f in gold_spans(text, gold)]
            acc = sum(flags) / max(1, len(flags))
            ids = [f for _, text, gold in sel for f in gold_spans(text, gold, True)]
            acc_id = sum(ids) / max(1, len(ids))
            e2e = ("", "", "", "")
            if not args.no_e2e:
                e2e = _e2e(sel)
            goal = f">= {TARGETS[name]:.2f}" if rem else ""
            rows.append(
                (name, part, str(len(flags)), f"{acc:.3f}", f"{acc_id:.3f}", *e2e, goal)
            )
        print(f"{name}: {time.perf_counter() - t:.1f} s", flush=True)
    header = ("set", "part", "gold", "acc@161 gold spans", "same id or @161")
    header += ("P exact", "R exact")
    header += ("F1 overlap", "acc@161 e2e", "target (gold spans)")
    print(table(rows, header))
    record("places", header, rows)


def _e2e(sel: list[tuple[int, str, list[Gold]]]) -> tuple[str, str, str, str]:
    from reportedly.annotate import parse_many

    tot = [0, 0, 0, 0, 0]
    located = sum(1 for _, _, gold in sel for g in gold if g.lat is not None)
    items = ((text, (text, gold)) for _, text, gold in sel)
    for doc, (text, gold) in parse_many(items):
        for i, v in enumerate(end_to_end(doc, text, gold)):
            tot[i] += v
    ex, ov, npred, ngold, hits = tot
    p, r = ex / max(1, npred), ex / max(1, ngold)
    po, ro = ov / max(1, npred), min(1.0, ov / max(1, ngold))
    f1o = 2 * po * ro / max(1e-9, po + ro)
    return f"{p:.3f}", f"{r:.3f}", f"{f1o:.3f}", f"{hits / max(1, located):.3f}"


def speed(shared: Path, n: int = 200) -> None:
    """Print the mean time of ``places()`` per FA-KES article, model time excluded."""
    import csv

    from reportedly.annotate import parse_many
    from reportedly.extract.places import places
    from reportedly.extract.places.gazetteer import gazetteer
    from reportedly.model import Article

    path = shared / "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv"
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", errors="replace") as fh:
        texts = [r["article_content"] for r in csv.DictReader(fh)][:n]
    t = time.perf_counter()
    gazetteer()
    print(f"gazetteer load: {(time.perf_counter() - t) * 1000:.1f} ms")
    for rnd in ("cold", "warm"):
        spent, parsed = 0.0, time.perf_counter()
        for doc, text in parse_many((x, x) for x in texts):
            t = time.perf_counter()
            places(doc, Article(id="x", text=text))
            spent += time.perf_counter() - t
        total = time.perf_counter() - parsed
        chars = sum(map(len, texts)) / len(texts)
        print(
            f"{rnd}: places() {spent / len(texts) * 1000:.2f} ms/article "
            f"({chars:.0f} chars), spaCy+places {total / len(texts) * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
