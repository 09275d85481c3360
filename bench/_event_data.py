"""Labelled candidates for the event relevance model (``bench.train_events``).

Each source gives texts with what is known of their events: the character
spans of event words a coder marked (positives; other candidates of the
text are weak negatives), or the PLOVER types a sentence was coded with
(candidates of those types are positives, the rest unknown), or nothing
(a text with no political event: every candidate is a negative).

Leak guard: no text of a set that is scored through ``events()`` or that a
benchmark tests (PLV test, Multi-CoPED test, CASE 2021, PETRARCH unit tests)
is used, even when it also sits in a train file (310 PLV test sentences are
in the ConfliBERT train file). The judged sample (BBC politics, Guardian,
the ScrapingHub pages) is never read here.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

PENTA_OF = {  # PLOVER type -> Multi-CoPED pentaclass
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "CONCEDE", "RETREAT"), 2),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), 4),
}
# types whose words in sport stories are another sense ("beat", "shot",
# "joined the club", "worked with the players"); in arts and technology
# stories only the everyday ones ("released an album", "tested a phone")
SPORT = frozenset(
    ("COOPERATE", "AID", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE", "COERCE")
    + ("ASSAULT", "THREATEN")
)
EVERYDAY = frozenset(("COOPERATE", "AID", "RETREAT", "MOBILIZE"))
BLOCKED_FILES = (
    "zsp_plv_test.jsonl",
    "conflibert_cameo_pentaclass_test.jsonl",
    "case2021_task2_test.jsonl",
    "petr2_unittest_records.jsonl",
)
TAG = re.compile(r"\(([A-Z/]+): ([^()]*)\)")


@dataclass
class Item:
    """A text and what is known of its events."""

    source: str
    group: str  # held-out splits are chosen by group
    text: str
    spans: tuple[tuple[int, int], ...] = ()  # marked event words: positives
    types: frozenset[str] | None = None  # coded types: candidates of them
    other: float | None = None  # weight of a negative for any other candidate
    only: frozenset[str] | None = None  # negatives only of these types
    weight: float = 1.0


def norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def blocked(normalized: Path) -> set[str]:
    """Normalised texts that must never be trained on."""
    out = set()
    for name in BLOCKED_FILES:
        for line in (normalized / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.add(norm(json.loads(line)["text"]))
    return out


def _rows(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]


def multicoder(normalized: Path) -> Iterator[Item]:
    """Coders said whether a sentence is relevant and marked its actions."""
    for r in _rows(normalized / "cameo_confliBERT_multiannotator.jsonl"):
        coders = [
            c for c in r["coders"] if str(c["relevant"]).lower() in ("true", "false")
        ]
        if not coders:
            continue
        yes = [c for c in coders if str(c["relevant"]).lower() == "true"]
        group = f"round{r['round']}"
        if not yes:
            yield Item("multicoder", group, r["text"], other=1.0)
            continue
        spans = tuple(
            (int(e[2]), int(e[2]) + len(e[1]))
            for c in yes
            for e in c["entities"]
            if str(e[0]).startswith("Action")
        )
        share = len(yes) / len(coders)
        yield Item("multicoder", group, r["text"], spans, other=0.3, weight=share)


def gsr(normalized: Path) -> Iterator[Item]:
    """PLOVER GSR: event words marked ``(EVT: ...)`` in the markup."""
    for r in _rows(normalized / "plover_gsr_cameo.jsonl"):
        text, spans, pos, out = r["markup"], [], 0, []
        for m in TAG.finditer(text):
            out.append(text[pos : m.start()])
            start = sum(len(x) for x in out)
            out.append(m.group(2))
            if m.group(1) == "EVT":
                spans.append((start, start + len(m.group(2))))
            pos = m.end()
        out.append(text[pos:])
        plain = "".join(out).strip()
        if spans:
            yield Item("gsr", "gsr", plain, tuple(spans), other=0.3)


def plv_train(normalized: Path) -> Iterator[Item]:
    """PLV train dyads: the sentence's coded types (YIELD is two types)."""
    types: dict[str, set[str]] = {}
    for r in _rows(normalized / "zsp_plv_train.jsonl"):
        root = r["gold_root"]
        got = {"CONCEDE", "RETREAT"} if root == "YIELD" else {root}
        types.setdefault(r["text"], set()).update(got)
    for text, t in types.items():
        yield Item("plv_train", "plv", text, types=frozenset(t))


def pentaclass_train(normalized: Path) -> Iterator[Item]:
    """Multi-CoPED train: candidates of the sentence's pentaclass."""
    for r in _rows(normalized / "conflibert_cameo_pentaclass_train.jsonl"):
        c = int(r["pentaclass"])
        if c == 0:
            continue  # a statement: its reported events are not coded
        t = frozenset(k for k, v in PENTA_OF.items() if v == c)
        yield Item("penta_train", "penta", r["text"], types=t, weight=0.5)


def synthetic(ngec: Path) -> Iterator[Item]:
    """NGEC's synthetic stories (silver): the lead sentence reports the
    prompted type."""
    with zipfile.ZipFile(ngec / "gpt_synthetic_events_2023-10-19_19.csv.zip") as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        with z.open(name) as fh:
            rows = list(csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8")))
    for k, r in enumerate(rows):
        lead = re.split(r"(?<=[.!?])\s", r["text"].strip(), maxsplit=1)[0]
        if r["label"] in PENTA_OF and len(lead) > 30:
            t = frozenset({r["label"]})
            yield Item("synthetic", f"syn{k % 10}", lead, types=t, weight=0.5)


def bbc_other(corpora: Path) -> Iterator[Item]:
    """BBC sport, entertainment and technology stories (silver): their
    material-action words are negatives (another sense or no politics)."""
    path = corpora / "news" / "bbc_news_2225" / "bbc_news.jsonl"
    for k, r in enumerate(_rows(path)):
        cat = r.get("category")
        if cat in ("sport", "entertainment", "tech"):
            only = SPORT if cat == "sport" else EVERYDAY
            g = f"bbc{k % 10}"
            yield Item("bbc_other", g, r["text"], other=1.0, only=only, weight=0.4)


def items(shared: Path) -> Iterator[Item]:
    """Every labelled text, with blocked texts left out."""
    events = shared / "data" / "events"
    normalized = events / "normalized"
    stop = blocked(normalized)
    for gen in (
        multicoder(normalized),
        gsr(normalized),
        plv_train(normalized),
        pentaclass_train(normalized),
        synthetic(events / "ngec"),
        bbc_other(shared / "data" / "corpora"),
    ):
        for it in gen:
            if norm(it.text) not in stop:
                yield it
