"""Sourcing signals: how far the article's sourcing can be trusted.

Each signal names what it found in plain English and points at the text
(``span``), or has no span when nothing in ``article.text`` fits (removed
boilerplate). Signals come grouped by kind, in text order within a kind.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from reportedly.extract._spans import tokens
from reportedly.extract.actors import DocIndex, is_pronoun, lexicon
from reportedly.extract.quotes import OPENERS, quoted_spans
from reportedly.model import Actor, Article, Quote, Signal, Span

VERSION = "signals.v1"

KINDS = (
    "unintroduced_speaker",
    "anonymous_source",
    "unresolved_pronoun",
    "quote_mark_anomaly",
    "boilerplate_removed",
)
SUBJECTS = frozenset(["nsubj", "nsubjpass"])
NP_LEFT = frozenset(
    [
        "det",
        "amod",
        "compound",
        "nmod",
        "nummod",
        "quantmod",
        "poss",
        "case",
        "advmod",
        "predet",
    ]
)
SNIPPET = 60


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1] + "…"


def _speaks(tok: Any, verbs: frozenset[str]) -> bool:
    """Tell whether ``tok`` speaks: subject of a speech verb, or according to it."""
    if tok.dep_ in SUBJECTS:
        return bool(tok.head.lemma_.lower() in verbs)
    # a misparsed "A French diplomatic said": the verb right after the noun
    if tok.i + 1 < len(tok.doc):
        nxt = tok.nbor(1)
        finite = nxt.tag_ in ("VBD", "VBZ", "VBP") and nxt.head != tok
        if finite and nxt.lemma_.lower() in verbs:
            return True
    head = tok.head
    return bool(
        tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
    )


def unintroduced(
    ix: DocIndex, quotes: Sequence[Quote], actors: Sequence[Actor]
) -> Iterator[Signal]:
    """Flag people who speak under a surname never introduced in full or by role."""
    verbs = lexicon().speech_verbs
    first_quoted: dict[str, Span] = {}
    for sp in sorted(
        (q.speaker for q in quotes if q.speaker is not None),
        key=lambda sp: sp.span.start,
    ):
        if sp.actor_id is not None:
            first_quoted.setdefault(sp.actor_id, sp.span)
    for a in actors:
        if a.kind != "person" or a.role or len(a.name.split()) > 1:
            continue
        span = first_quoted.get(a.id)
        if span is None:
            for m in a.mentions:
                i, j = ix.tokens(m.start, m.end)
                if _speaks(ix.root(i, j), verbs):
                    span = m
                    break
        if span is not None:
            yield Signal(
                kind="unintroduced_speaker",
                message=f"speaker '{a.name}' is cited by surname only and never "
                "introduced with a full name or role",
                span=span,
            )


def anonymous(
    ix: DocIndex, article: Article, quotes: Sequence[Quote], actors: Sequence[Actor]
) -> Iterator[Signal]:
    """Flag unnamed sources: quoted ones, then subjects of speech verbs in the text."""
    lex = lexicon()
    anon_roles = set(lex.anon_role.values())
    by_id = {a.id: a for a in actors}
    seen: list[Span] = []
    for q in quotes:
        sp = q.speaker
        a = by_id.get(sp.actor_id or "") if sp is not None else None
        if sp is None or a is None or a.kind not in ("group", "unknown"):
            continue
        if a.role in anon_roles and sp.span not in seen:
            seen.append(sp.span)
    for tok in tokens(ix.doc):
        if lex.nouns.get(tok.lower_, lex.nouns.get(tok.lemma_.lower())) != "anonymous":
            continue
        if tok.pos_ not in ("NOUN", "ADJ") or not _speaks(tok, lex.speech_verbs):
            continue
        if any(s.start <= tok.idx < s.end for s in seen):
            continue
        if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in tok.children):
            continue
        a, lo = tok.i, ix.sent_bounds[ix.sent_at[tok.i]][0]
        heads = {tok.i, tok.head.i}
        while (
            a > lo and ix.doc[a - 1].dep_ in NP_LEFT and ix.doc[a - 1].head.i in heads
        ):
            a -= 1
            heads.add(a)
        seen.append(Span.of(article.text, *ix.chars(a, tok.i + 1)))
    for span in seen:
        yield Signal(
            kind="anonymous_source",
            message=f"anonymous source: '{span.text}' is not named",
            span=span,
        )


def unresolved(quotes: Sequence[Quote], actors: Sequence[Actor]) -> Iterator[Signal]:
    """Flag pronoun speakers that no actor claims as a mention."""
    claimed = {(m.start, m.end) for a in actors for m in a.mentions}
    done = set()
    for q in quotes:
        sp = q.speaker
        if sp is None or not is_pronoun(sp.span.text):
            continue
        key = (sp.span.start, sp.span.end)
        if key in claimed or key in done:
            continue
        done.add(key)
        yield Signal(
            kind="unresolved_pronoun",
            message=f"pronoun speaker '{sp.span.text}' has no antecedent "
            "in the preceding sentences",
            span=sp.span,
        )


def quote_marks(article: Article) -> Iterator[Signal]:
    """Flag broken double quotation marks: unclosed, unopened or wrong-way."""
    text = article.text
    for qs in quoted_spans(text):
        at = qs.anomaly_at
        if not qs.anomaly or at < 0:
            continue
        width = 2 if text[at : at + 2] in ("''", "``") else 1
        mark = text[at : at + width]
        where = _snippet(text[max(at - 40, 0) : at + width + 15])
        if qs.anomaly == "wrong_way":
            how = (
                "an opening mark used to close"
                if mark in OPENERS
                else ("a closing mark used to open")
            )
            what = f"quotation mark {mark} faces the wrong way ({how} a quotation)"
        elif qs.anomaly == "missing_open":
            what = f"closing quotation mark {mark} has no opening mark"
        else:
            what = f"opening quotation mark {mark} is never closed in its paragraph"
        yield Signal(
            kind="quote_mark_anomaly",
            message=f"{what}: '{where}'",
            span=Span.of(text, at, at + width),
        )


def removed(article: Article) -> Iterator[Signal]:
    """Report each stretch of boilerplate that cleaning removed."""
    for r in article.removed:
        yield Signal(
            kind="boilerplate_removed",
            message=f"removed {r.reason}: '{_snippet(r.text)}'",
            span=None,
        )


def signals(
    doc: Any, article: Article, quotes: Sequence[Quote], actors: Sequence[Actor]
) -> Iterator[Signal]:
    """Yield the article's sourcing and text-quality signals, grouped by kind."""
    ix = DocIndex.of(doc, article.text)
    found = [
        *unintroduced(ix, quotes, actors),
        *anonymous(ix, article, quotes, actors),
        *unresolved(quotes, actors),
        *quote_marks(article),
    ]
    order = {k: n for n, k in enumerate(KINDS)}
    found.sort(key=lambda s: (order[s.kind], s.span.start if s.span else -1))
    yield from found
    yield from removed(article)
