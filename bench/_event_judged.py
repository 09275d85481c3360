"""Judged dev-half records as labelled candidates (``bench.train_events``).

Only the **dev** half of the judged sample (``sample.tsv``), the training
pool (``pool.tsv``, judged for real and type) and its ``dev2`` articles
(judged on every field) are read; the calibration set and the
held-out half are never parsed here. Each article is analysed, its
candidates are turned into records with every candidate kept (threshold 0),
and a record's key (sentence and trigger, as ``bench.judged`` makes it) finds
the reader's ``real`` verdict: yes is a positive, no a negative.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.judged._records import load_verdicts
from bench.judged._sample import analyses, event_key, read_sample
from reportedly.extract.events import _relevance, events


def _all_kept() -> _relevance.Model | None:
    m = _relevance.model()
    return None if m is None else _relevance.Model(m.weights, m.bias, 0.0)


def judged(shared: Path, nlp: Any) -> Iterator[tuple[str, Any, str, str | None, int]]:
    """Yield (article, token, type, mode, label) for every judged dev record."""
    items = [it for it in read_sample() if it.half in ("dev", "dev2", "train")]
    wanted = {it.locator for it in items}
    real = {
        (v["locator"], v["key"]): v["verdict"]
        for v in load_verdicts()
        if v.get("kind") == "event"
        and v.get("field") == "real"
        and v["locator"] in wanted
    }
    found = analyses(shared, items)
    saved = _relevance.model
    kept = _all_kept()
    _relevance.model = lambda: kept  # every candidate becomes a record
    try:
        for it in items:
            a = found[it.locator]
            if a is None:
                continue
            doc = nlp(a.article.text)
            at = {t.idx: t for t in doc}
            seen: dict[str, int] = {}
            for e in events(doc, a.article):
                verdict = real.get((it.locator, event_key(a, e, seen)))
                tok = at.get(e.trigger.start) if e.trigger else None
                if verdict in ("yes", "no") and tok is not None:
                    yield it.locator, tok, e.type, e.mode, int(verdict == "yes")
    finally:
        _relevance.model = saved
