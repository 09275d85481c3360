"""The judged sample: which articles, in which half, and their records as keys.

Articles are named by their locator (the reader's ``source`` relative to the
shared folder: ``...csv#row 12``, ``...jsonl:40``, ``...warc.gz@1234``), so a
change of cleaning that changes article ids does not lose a verdict. A record
is named by a *key* that survives a change of its fields (the hash of its
evidence sentence and trigger, or of a quote's content and cue) and judged
field by field against a *value hash*, so a verdict holds exactly as long as
the value it judged. Nothing here stores article text: only hashes.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import reportedly
from reportedly.ingest import read_sources
from reportedly.model import Analysis, Event, Quote, RawDocument

HERE = Path(__file__).resolve().parent
SAMPLE = HERE / "sample.tsv"
POOL = HERE / "pool.tsv"  # articles judged only to train on (half "train")
SOURCES = {
    "fakes": "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv",
    "guardian": "data/corpora/news/guardian_syria_sdf_2019/Guardian_SDF_sample.csv",
    "bbc": "data/corpora/news/bbc_news_2225/bbc_news.jsonl",
    "warc": "data/corpora/warc/scrapinghub_aeb_derived.warc.gz",
}
PER_SOURCE = 8  # half of them in each half
LENGTH = (1200, 4500)  # characters of cleaned text: long enough to hold events
SEED = 10


def digest(*parts: object) -> str:
    """Return a 12-hex hash of ``parts`` (never the text itself)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:12]


@dataclass(frozen=True)
class Item:
    """One article of the sample."""

    # dev | heldout | train (real and type only) | dev2 (every field, fixed
    # on like dev) | calib (every field, only to calibrate confidence)
    half: str
    source: str  # guardian | bbc | warc
    locator: str


def read_sample() -> list[Item]:
    """Return the sample (``sample.tsv``) and the training pool (``pool.tsv``)."""
    items = []
    for path in (SAMPLE, POOL):
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                rows = csv.DictReader(fh, delimiter="\t")
                items += [Item(r["half"], r["source"], r["locator"]) for r in rows]
    return items


def _candidates(shared: Path, name: str) -> Iterator[RawDocument]:
    path = shared / SOURCES[name]
    politics = set()
    if name == "bbc":  # world and politics stories: the BBC set's politics section
        with path.open(encoding="utf-8") as fh:
            politics = {
                f"{path}:{n}" for n, line in enumerate(fh, 1) if '"politics/' in line
            }
    for d in read_sources([str(path)]):
        if isinstance(d, RawDocument) and (name != "bbc" or d.source in politics):
            yield d


def draw(shared: Path) -> list[Item]:
    """Draw the sample afresh: per source, articles of the right length that
    analyse as English with at least one event, half of them held out."""
    rng = random.Random(SEED)
    items: list[Item] = []
    for name in SOURCES:
        docs = list(_candidates(shared, name))
        rng.shuffle(docs)
        chosen: list[str] = []
        for res in reportedly.analyze_documents(docs):
            if not isinstance(res, Analysis) or not res.events:
                continue
            if not LENGTH[0] <= len(res.article.text) <= LENGTH[1]:
                continue
            chosen.append(res.article.source)
            if len(chosen) == PER_SOURCE:
                break
        for i, src in enumerate(chosen):
            locator = (
                str(Path(src).relative_to(shared))
                if src.startswith(str(shared))
                else src
            )
            half = "dev" if i % 2 == 0 else "heldout"
            items.append(Item(half, name, locator))
    return items


POOL_SIZES = {"guardian": 6, "bbc": 6, "warc": 6, "fakes": 6}


def draw_pool(
    shared: Path, round_: int = 1, per_source: int = 0, half: str = "train"
) -> list[Item]:
    """Draw articles to judge for training only (half ``train``): per source,
    articles of the right length with events, none of them in the sample or
    in the pool already. Round 1 is the first pool; each later round draws
    ``per_source`` more with its own seed."""
    taken = {it.locator for it in read_sample()}
    rng = random.Random(SEED + round_)
    sizes = POOL_SIZES if round_ == 1 else dict.fromkeys(POOL_SIZES, per_source)
    items: list[Item] = []
    for name, size in sizes.items():
        docs = list(_candidates(shared, name))
        rng.shuffle(docs)
        docs = [d for d in docs if _locator(shared, d.source) not in taken][:200]
        for res in reportedly.analyze_documents(docs):
            ok = isinstance(res, Analysis) and bool(res.events)
            if ok and LENGTH[0] <= len(res.article.text) <= LENGTH[1]:
                items.append(Item(half, name, _locator(shared, res.article.source)))
                if sum(it.source == name for it in items) == size:
                    break
    return items


def _locator(shared: Path, src: str) -> str:
    return str(Path(src).relative_to(shared)) if src.startswith(str(shared)) else src


def write_sample(items: list[Item], path: Path = SAMPLE) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["half", "source", "locator"])
        for it in items:
            w.writerow([it.half, it.source, it.locator])


def analyses(
    shared: Path, items: list[Item], every_candidate: bool = False
) -> dict[str, Analysis | None]:
    """Analyse the sample's articles with the current code, by locator.

    ``every_candidate`` keeps every candidate the event step scores (its
    threshold at 0): to judge the non-events it drops, for training.
    """
    if every_candidate:
        from reportedly.extract.events import _relevance

        saved = _relevance.model
        m = saved()
        kept = None if m is None else _relevance.Model(m.weights, m.bias, 0.0)
        _relevance.model = lambda: kept  # type: ignore[assignment]
        try:
            return analyses(shared, items)
        finally:
            _relevance.model = saved  # type: ignore[assignment]
    wanted = {str(shared / it.locator): it.locator for it in items}
    files = sorted({str(shared / SOURCES[it.source]) for it in items})
    docs = [
        d
        for d in read_sources(files)
        if isinstance(d, RawDocument) and d.source in wanted
    ]
    out: dict[str, Analysis | None] = {it.locator: None for it in items}
    for res in reportedly.analyze_documents(docs):
        src = res.article.source if isinstance(res, Analysis) else res.source
        out[wanted[src]] = res if isinstance(res, Analysis) else None
    return out


_BREAK = re.compile(r"\n|[.!?][\"\u201d\u2019]? ")


def sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) of every sentence-like piece: a line, or a stretch
    ended by a full stop and a space. Crude, but the same on every run."""
    cuts = sorted({0, len(text), *(m.end() for m in _BREAK.finditer(text))})
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if text[a:b].strip()]


def sentence(a: Analysis, start: int, end: int) -> str:
    """Return the text of the pieces that ``start``-``end`` overlaps, normalised."""
    text = a.article.text
    parts = [
        text[s:e] for s, e in sentences(text) if s < max(end, start + 1) and e > start
    ]
    return " ".join(" ".join(parts).split())


def event_key(a: Analysis, e: Event, seen: dict[str, int]) -> str:
    trigger = e.trigger.text if e.trigger else ""
    base = digest(
        "event", sentence(a, e.evidence.start, e.evidence.end), trigger.casefold()
    )
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}.{seen[base]}"


def quote_key(q: Quote, seen: dict[str, int]) -> str:
    cue = q.cue.text.casefold() if q.cue else ""
    base = digest("quote", " ".join(q.content.text.split()), cue)
    seen[base] = seen.get(base, 0) + 1
    return base if seen[base] == 1 else f"{base}.{seen[base]}"
