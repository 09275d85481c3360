"""Actors: the people and organisations who speak, with name, role and affiliation.

``actors()`` resolves the article's named people and organisations and every
quote speaker (``_resolver``, pronouns in ``_pronouns``, descriptions in
``_people`` and ``_phrases``) and codes each actor with a country and a sector
(``code_actor``, over the actor dictionary of ``_dictionary``; a user actor
file comes in through the current ``Resources``). ``link_speakers()`` then
points each quote's speaker at its actor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract.actors._codes import Coded, code_actor
from reportedly.extract.actors._lexicon import load as lexicon
from reportedly.extract.actors._people import DocIndex
from reportedly.extract.actors._pronouns import genders, is_pronoun
from reportedly.extract.actors._resolver import Resolver
from reportedly.model import Actor, Article, Quote, Speaker

__all__ = [
    "ACTORS",
    "VERSION",
    "Coded",
    "DocIndex",
    "actors",
    "code_actor",
    "is_pronoun",
    "lexicon",
    "link_speakers",
]

VERSION = "actors.v2"


def actors(doc: Any, article: Article, quotes: Sequence[Quote]) -> Iterator[Actor]:
    """Yield the article's actors: every resolved speaker plus named people and orgs."""
    res = Resolver(doc, article)
    res.entities()
    genders(res)
    res.speakers(quotes)
    yield from res.actors()


def link_speakers(found: Sequence[Quote], actors: Sequence[Actor]) -> list[Quote]:
    """Set each speaker's ``actor_id`` to the actor one of whose mentions it is."""
    by_span = {(m.start, m.end): a.id for a in actors for m in a.mentions}
    out = []
    for q in found:
        if q.speaker is not None:
            aid = by_span.get((q.speaker.span.start, q.speaker.span.end))
            if aid != q.speaker.actor_id:
                q = dataclasses.replace(
                    q, speaker=Speaker(span=q.speaker.span, actor_id=aid)
                )
        out.append(q)
    return out


def _run(draft: Draft) -> None:
    draft.actors = list(actors(draft.doc, draft.article, draft.quotes))
    draft.quotes = link_speakers(draft.quotes, draft.actors)


ACTORS = Extractor("actors", VERSION, _run)
