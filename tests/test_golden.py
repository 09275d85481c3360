"""Golden corpus: precision and recall of attributions against pinned floors.

``golden/expected.json`` holds what a careful annotator marks in each article
of ``golden/articles`` (see its ``guidelines``). A predicted quote matches an
expected one when its content parts cover at least half of the expected
content snippet and its speaker overlaps the expected speaker (or has the same
text). Matching is one-to-one. ``golden/floors.json`` pins the scores a little
below today's: a regression fails the build; an improvement should raise them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from conftest import GOLDEN, golden_articles, golden_expected
from test_quotes import check_parent_links

from reportedly.model import Analysis, Quote

pytestmark = pytest.mark.model

Range = tuple[int, int]
MIN_CONTENT_COVER = 0.5
ARTICLES = golden_articles()
EXPECTED = golden_expected()


@dataclass(frozen=True)
class Gold:
    """One expected attribution, located in the article text."""

    speaker: str
    cue: str | None
    content: str
    speaker_at: Range
    content_at: Range


def overlap(a: Range, b: Range) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def occurrences(text: str, needle: str) -> list[Range]:
    """Word-bounded occurrences of ``needle``, case-sensitive first."""
    for flags in (0, re.IGNORECASE):
        pat = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
        found = [(m.start(), m.end()) for m in re.finditer(pat, text, flags)]
        if found:
            return found
    return []


def locate(text: str, item: dict[str, Any]) -> Gold:
    """Find an expected item's content and speaker in the article text."""
    (content_at,) = occurrences(text, item["content"]) or [(-1, -1)]
    assert content_at[0] >= 0, f"content snippet not in article: {item['content']!r}"
    speaker = item["speaker"]
    if "speaker_in" in item:
        (ctx,) = occurrences(text, item["speaker_in"]) or [(-1, -1)]
        assert ctx[0] >= 0, f"speaker_in not in article: {item['speaker_in']!r}"
        at = text.index(speaker, ctx[0])
        assert at < ctx[1], f"{speaker!r} is not in {item['speaker_in']!r}"
        speaker_at = (at, at + len(speaker))
    else:
        found = occurrences(text, speaker)
        assert found, f"speaker not in article: {speaker!r}"
        outside = [r for r in found if not overlap(r, content_at)] or found
        speaker_at = min(
            outside,
            key=lambda r: max(content_at[0] - r[1], r[0] - content_at[1], 0),
        )
    return Gold(speaker, item["cue"], item["content"], speaker_at, content_at)


def cover(q: Quote, g: Gold) -> float:
    """Share of the expected content snippet that the quote's parts cover."""
    parts = q.parts or (q.content,)
    got = sum(overlap((p.start, p.end), g.content_at) for p in parts)
    return got / (g.content_at[1] - g.content_at[0])


def same_speaker(q: Quote, g: Gold) -> bool:
    if q.speaker is None:
        return False
    sp = q.speaker.span
    return bool(
        overlap((sp.start, sp.end), g.speaker_at)
        or sp.text.casefold() == g.speaker.casefold()
    )


def match(quotes: tuple[Quote, ...], golds: list[Gold]) -> list[tuple[int, int]]:
    """Pair expected (index into golds) with predicted (index into quotes)."""
    pairs = []
    for i, g in enumerate(golds):
        for j, q in enumerate(quotes):
            c = cover(q, g)
            if c >= MIN_CONTENT_COVER and same_speaker(q, g):
                pairs.append((c, i, j))
    done_g: set[int] = set()
    done_q: set[int] = set()
    out = []
    for _c, i, j in sorted(pairs, key=lambda p: (-p[0], p[1], p[2])):
        if i not in done_g and j not in done_q:
            done_g.add(i)
            done_q.add(j)
            out.append((i, j))
    return out


@dataclass
class Score:
    expected: int = 0
    predicted: int = 0
    matched: int = 0
    cue_agrees: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0


def score_article(a: Analysis, items: list[dict[str, Any]]) -> tuple[Score, str]:
    text = a.article.text
    golds = [locate(text, it) for it in items]
    pairs = match(a.quotes, golds)
    s = Score(expected=len(golds), predicted=len(a.quotes), matched=len(pairs))
    s.cue_agrees = sum(
        1
        for i, j in pairs
        if (a.quotes[j].cue.text if a.quotes[j].cue else None) == golds[i].cue
    )
    hit_g = {i for i, _ in pairs}
    hit_q = {j for _, j in pairs}
    lines = [f"  missed: {g.speaker!r} / {g.content!r}" for i, g in enumerate(golds)]
    lines = [ln for i, ln in enumerate(lines) if i not in hit_g]
    for j, q in enumerate(a.quotes):
        if j not in hit_q:
            sp = q.speaker.span.text if q.speaker else None
            lines.append(f"  extra:  {sp!r} {q.pattern} / {q.content.text[:70]!r}")
    return s, "\n".join(lines)


@pytest.fixture(scope="module")
def scores(analysis_of: Callable[..., Analysis]) -> dict[str, tuple[Score, str]]:
    return {
        name: score_article(analysis_of(text, raw=False), EXPECTED["articles"][name])
        for name, text in ARTICLES.items()
    }


def total(scores: dict[str, tuple[Score, str]]) -> Score:
    t = Score()
    for s, _ in scores.values():
        t.expected += s.expected
        t.predicted += s.predicted
        t.matched += s.matched
        t.cue_agrees += s.cue_agrees
    return t


def test_golden_scores_stay_above_the_floors(
    scores: dict[str, tuple[Score, str]],
) -> None:
    floors = json.loads((GOLDEN / "floors.json").read_text(encoding="utf-8"))
    t = total(scores)
    report = [
        f"golden: precision {t.precision:.3f} recall {t.recall:.3f} "
        f"({t.matched} matched, {t.predicted} predicted, {t.expected} expected; "
        f"cue agrees on {t.cue_agrees}/{t.matched})"
    ]
    for name, (s, detail) in scores.items():
        report.append(f"{name}: P {s.precision:.2f} R {s.recall:.2f}")
        if detail:
            report.append(detail)
    print("\n".join(report))
    msg = "\n".join(report)
    assert t.precision >= floors["precision"], msg
    assert t.recall >= floors["recall"], msg


# -- the golden set itself ------------------------------------------------------


def test_every_article_has_expectations_and_back() -> None:
    assert 6 <= len(ARTICLES) <= 8
    assert set(ARTICLES) == set(EXPECTED["articles"])


@pytest.mark.parametrize("name", list(ARTICLES))
def test_article_is_news_sized(name: str) -> None:
    words = len(ARTICLES[name].split())
    assert 200 <= words <= 500, words


@pytest.mark.parametrize("name", list(ARTICLES))
def test_expectations_locate_in_the_article(
    name: str, analysis_of: Callable[..., Analysis]
) -> None:
    text = analysis_of(ARTICLES[name], raw=False).article.text
    for item in EXPECTED["articles"][name]:
        assert set(item) <= {"speaker", "speaker_in", "cue", "content"}, item
        assert len(occurrences(text, item["content"])) == 1, item["content"]
        if "speaker_in" in item:
            assert len(occurrences(text, item["speaker_in"])) == 1, item
        g = locate(text, item)
        assert text[g.speaker_at[0] : g.speaker_at[1]] == item["speaker"]
        if item["cue"] is not None:
            assert item["cue"] in text


@pytest.mark.parametrize("name", list(ARTICLES))
def test_parent_links_are_a_tree(
    name: str, analysis_of: Callable[..., Analysis]
) -> None:
    check_parent_links(analysis_of(ARTICLES[name], raw=False))


def test_floors_are_scores() -> None:
    floors = json.loads((GOLDEN / "floors.json").read_text(encoding="utf-8"))
    assert set(floors) >= {"precision", "recall"}
    assert all(0.0 < floors[k] <= 1.0 for k in ("precision", "recall"))
