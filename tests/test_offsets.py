"""The output contract: every span indexes ``article.text``; ids are stable."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from conftest import DEMO_PATH, GOLDEN, golden_articles
from test_quotes import CASE_TEXTS, CYCLE_TEXTS, IN_QUOTE_TEXTS, PASSIVE_TEXTS

from reportedly import analyze
from reportedly.model import Analysis

pytestmark = pytest.mark.model


def fixture_texts() -> dict[str, str]:
    """Every article text the tests use, by a readable name."""
    texts = {"demo": DEMO_PATH.read_text(encoding="utf-8")}
    texts.update({f"golden/{k}": v for k, v in golden_articles().items()})
    params = [*CYCLE_TEXTS, *PASSIVE_TEXTS]
    more = [*CASE_TEXTS, *IN_QUOTE_TEXTS, *(p.values[0] for p in params)]
    for n, text in enumerate(dict.fromkeys(more)):
        texts[f"case{n:02d}"] = text
    return texts


TEXTS = fixture_texts()


def spans(obj: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield every ``{"text", "start", "end"}`` object in a to_dict() tree."""
    if isinstance(obj, dict):
        if {"text", "start", "end"} <= obj.keys():
            yield path, obj
        for k, v in obj.items():
            yield from spans(v, f"{path}.{k}")
    elif isinstance(obj, list | tuple):
        for n, v in enumerate(obj):
            yield from spans(v, f"{path}[{n}]")


@pytest.mark.parametrize("raw", [True, False], ids=["raw", "cleaned"])
@pytest.mark.parametrize("name", list(TEXTS))
def test_every_span_indexes_the_article_text(
    name: str, raw: bool, analysis_of: Callable[..., Analysis]
) -> None:
    source = TEXTS[name]
    a = analysis_of(source, raw=raw)
    d = a.to_dict()
    text = d["article"]["text"]
    if raw:
        assert text == source, "raw mode keeps the input text identical"
    found = list(spans(d))
    if a.quotes:
        assert found
    for path, s in found:
        assert isinstance(s["start"], int) and isinstance(s["end"], int), path
        assert 0 <= s["start"] <= s["end"] <= len(text), (path, s)
        assert text[s["start"] : s["end"]] == s["text"], (path, s)
    for q in a.quotes:
        for p in q.parts:
            assert q.content.start <= p.start <= p.end <= q.content.end, q


def test_the_walk_finds_spans_everywhere(demo_analysis: Analysis) -> None:
    kinds = {path.split("[")[0] for path, _ in spans(demo_analysis.to_dict())}
    assert {"$.actors", "$.quotes", "$.signals", "$.places", "$.events"} <= kinds


def test_dated_demo_spans_index_the_text() -> None:
    # with a publication date every event has a date; date and place spans hold
    d = analyze(TEXTS["demo"], published="2015-09-30").to_dict()
    text = d["article"]["text"]
    found = list(spans(d))
    paths = {p for p, _ in found}
    assert any(".date_text" in p for p in paths) and any(
        ".location" in p for p in paths
    )
    for path, s in found:
        assert text[s["start"] : s["end"]] == s["text"], (path, s)


def ids(a: Analysis) -> dict[str, Any]:
    return {
        "article": a.article.id,
        "quotes": [q.id for q in a.quotes],
        "parents": [q.parent_id for q in a.quotes],
        "speakers": [q.speaker.actor_id if q.speaker else None for q in a.quotes],
        "actors": [x.id for x in a.actors],
    }


@pytest.mark.parametrize("name", list(TEXTS))
def test_ids_are_unique_and_the_same_on_a_second_run(name: str) -> None:
    first = analyze(TEXTS[name])
    second = analyze(TEXTS[name])
    assert ids(first) == ids(second)
    got = ids(first)
    assert len(set(got["quotes"])) == len(got["quotes"])
    assert len(set(got["actors"])) == len(got["actors"])
    assert {s for s in got["speakers"] if s} <= set(got["actors"])


# Run in a fresh interpreter: ids must not depend on hash seeds or process state.
CHILD = """
import json, sys
from reportedly import analyze
out = {}
for path in sys.argv[1:]:
    a = analyze(open(path, encoding="utf-8").read())
    out[path] = {
        "article": a.article.id,
        "quotes": [q.id for q in a.quotes],
        "parents": [q.parent_id for q in a.quotes],
        "speakers": [q.speaker.actor_id if q.speaker else None for q in a.quotes],
        "actors": [x.id for x in a.actors],
    }
print(json.dumps(out))
"""


def test_ids_are_the_same_in_another_process_with_another_hash_seed() -> None:
    paths = [DEMO_PATH, *sorted((GOLDEN / "articles").glob("*.txt"))[:2]]
    seed = "4243" if os.environ.get("PYTHONHASHSEED") == "4242" else "4242"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    child = subprocess.run(
        [sys.executable, "-c", CHILD, *map(str, paths)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    theirs = json.loads(child.stdout)
    for p in paths:
        mine = ids(analyze(p.read_text(encoding="utf-8")))
        assert theirs[str(p)] == mine, p.name
