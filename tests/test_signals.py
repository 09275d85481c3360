"""Sourcing signals: each kind, its span, and the reference article."""

from __future__ import annotations

from pathlib import Path

import pytest

from reportedly import annotate
from reportedly.extract import actors as actors_mod
from reportedly.extract import signals as signals_mod
from reportedly.extract.actors import link_speakers
from reportedly.model import Article, Quote, Removed, Signal, Span, Speaker

pytestmark = pytest.mark.model

DEMO = (
    Path(__file__).resolve().parent.parent / "reportedly/demo/000_49bb6308d4702ce6.txt"
)


def find(text: str, word: str, after: str = "") -> Span:
    start = text.find(word, text.find(after) + len(after) if after else 0)
    assert start >= 0, f"{word!r} not in test text"
    return Span.of(text, start, start + len(word))


def run(
    text: str,
    speakers: list[Span] = (),  # type: ignore[assignment]
    removed: tuple[Removed, ...] = (),
) -> list[Signal]:
    """Run actors then signals on hand-made quotes, as the pipeline does."""
    article = Article(id="t", text=text, removed=removed)
    doc = annotate.parse(text)
    quotes = [
        Quote(
            id=f"q{n}",
            kind="indirect",
            content=Span.of(text, 0, len(text)),
            speaker=Speaker(span=sp),
        )
        for n, sp in enumerate(speakers)
    ]
    actors = list(actors_mod.actors(doc, article, quotes))
    quotes = link_speakers(quotes, actors)
    found = list(signals_mod.signals(doc, article, quotes, actors))
    for s in found:
        assert s.message
        if s.span is not None:
            assert text[s.span.start : s.span.end] == s.span.text
    return found


def of_kind(found: list[Signal], kind: str) -> list[str]:
    return [s.span.text if s.span else "" for s in found if s.kind == kind]


# (text, marks expected to be flagged, as (mark, text just before it))
MARK_CASES = [
    ("“Fine,” she said. “Good,” he said.", []),
    ("Putin has this chance in Syria“, Cotton said.", [("“", "Syria")]),
    ("It is all over now,” she said on Monday.", [("”", "now,")]),
    ("He said “we will stay here. Then he left.", [("“", "said ")]),
    ('"He is wrong," she said, and "left.', [('"', "and ")]),
    # a quotation running on over paragraphs is not broken
    ("“The first part goes on.\n\n“The second part ends,” he said.", []),
]


@pytest.mark.parametrize(("text", "exp"), MARK_CASES)
def test_quote_mark_anomaly(text: str, exp: list[tuple[str, str]]) -> None:
    found = [s for s in run(text) if s.kind == "quote_mark_anomaly"]
    got = [(s.span.text, text[: s.span.start]) for s in found if s.span]
    assert len(got) == len(exp)
    for (mark, before), (exp_mark, exp_before) in zip(got, exp, strict=True):
        assert mark == exp_mark
        assert before.endswith(exp_before)


# (text, anonymous sources expected, found in the text without quotes)
ANON_CASES = [
    ("Officials said the road was closed on Monday.", ["Officials"]),
    ("Sources say the deal is near.", ["Sources"]),
    ("A senior official told reporters the talks had stalled.", ["A senior official"]),
    ("According to a diplomat, the talks stalled.", ["a diplomat"]),
    ("White House spokesman Josh Earnest said the talks stalled.", []),
    ("The officials left the building before noon.", []),
]


@pytest.mark.parametrize(("text", "exp"), ANON_CASES)
def test_anonymous_source_in_text(text: str, exp: list[str]) -> None:
    assert of_kind(run(text), "anonymous_source") == exp


def test_anonymous_source_from_a_quote_speaker() -> None:
    text = "The strikes hit rebels, not militants, a French diplomat told us."
    found = run(text, [find(text, "a French diplomat")])
    assert of_kind(found, "anonymous_source") == ["a French diplomat"]


def test_unresolved_pronoun() -> None:
    text = "The rain fell all day on the town. “It is bad,” he said."
    found = run(text, [find(text, "he", "bad")])
    assert of_kind(found, "unresolved_pronoun") == ["he"]
    text = "Senator Jane Holt spoke on Monday. “It is bad,” she said."
    assert of_kind(run(text, [find(text, "she")]), "unresolved_pronoun") == []


def test_unintroduced_speaker() -> None:
    text = "Worse yet, Hammond concluded, the camps could grow."
    found = run(text, [find(text, "Hammond")])
    assert of_kind(found, "unintroduced_speaker") == ["Hammond"]
    text = "Senator Lisa Hammond spoke on Monday. Hammond said the camps could grow."
    found = run(text, [find(text, "Hammond", "Monday. ")])
    assert of_kind(found, "unintroduced_speaker") == []


def test_boilerplate_removed_has_no_span() -> None:
    removed = (Removed(text="Advertisement", reason="boilerplate line"),)
    found = run("Officials said the road was closed.", removed=removed)
    last = found[-1]
    assert last.kind == "boilerplate_removed" and last.span is None
    assert "Advertisement" in last.message and "boilerplate line" in last.message


def test_reference_article_signals() -> None:
    text = DEMO.read_text(encoding="utf-8")
    speakers = [
        find(text, "Hammond"),
        find(text, "Khaled Khoja"),
        find(text, "He", "opposition groups.\n\n"),
        find(text, "Cotton"),
        find(text, "he", "to a few degree,” "),
        find(text, "Russian officials"),
    ]
    removed = (Removed(text="Share", reason="boilerplate"),)
    found = run(text, speakers, removed)
    assert of_kind(found, "unintroduced_speaker") == ["Carter", "Hammond", "Cotton"]
    anon = of_kind(found, "anonymous_source")
    assert "A French diplomatic" in anon and "Russian officials" in anon
    assert of_kind(found, "unresolved_pronoun") == []
    marks = [s for s in found if s.kind == "quote_mark_anomaly"]
    assert [s.span.start for s in marks if s.span] == [text.find("“, Cotton")]
    assert of_kind(found, "boilerplate_removed") == [""]
    kinds = [s.kind for s in found]
    order = [k for n, k in enumerate(kinds) if k not in kinds[:n]]
    assert order == sorted(order, key=signals_mod.KINDS.index)
    assert found == run(text, speakers, removed)  # deterministic
