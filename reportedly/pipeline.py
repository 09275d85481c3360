"""Wire the stages: ingest -> clean -> annotate -> extract. The only place they meet."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reportedly import annotate
from reportedly.clean import clean
from reportedly.errors import InputError, ReportedlyError
from reportedly.extract import actors as actors_mod
from reportedly.extract import claims as claims_mod
from reportedly.extract import contradictions as contradictions_mod
from reportedly.extract import dates as dates_mod
from reportedly.extract import event_actors as event_actors_mod
from reportedly.extract import event_places as event_places_mod
from reportedly.extract import events as events_mod
from reportedly.extract import headline as headline_mod
from reportedly.extract import places as places_mod
from reportedly.extract import quotes as quotes_mod
from reportedly.extract import signals as signals_mod
from reportedly.ingest import read_sources
from reportedly.model import (
    Analysis,
    Article,
    ErrorRecord,
    Quote,
    RawDocument,
    Speaker,
)

EXTRACTORS = {
    "quotes": quotes_mod.VERSION,
    "actors": actors_mod.VERSION,
    "signals": signals_mod.VERSION,
    "events": events_mod.VERSION,
    "event_actors": event_actors_mod.VERSION,
    "places": places_mod.VERSION,
    "dates": dates_mod.VERSION,
    "event_places": event_places_mod.VERSION,
    "claims": claims_mod.VERSION,
    "contradictions": contradictions_mod.VERSION,
}


def _extract(doc: Any, article: Article, model: str | None = None) -> Analysis:
    """Run the extractors on one parsed article (steps 4-6)."""
    # 4. quotes and attributions, speakers as spans; Title Case headlines reparsed
    variant = headline_mod.headline_variant(article.text)
    h_doc = (variant[0], annotate.parse(variant[1], model=model)) if variant else None
    found = list(quotes_mod.quotes(doc, article, headline=h_doc))
    # 5. actors: speakers resolved to people and organisations
    actors = list(actors_mod.actors(doc, article, found))
    found = _link_speakers(found, actors)
    # 6. sourcing signals
    signals = list(signals_mod.signals(doc, article, found, actors))
    # 7. events, with the claimant and modality from the attributions they sit in
    events = list(events_mod.events(doc, article))
    events = list(claims_mod.claims(doc, events, found))
    # 7b. participants resolved to actors with country and sector
    events, actors = event_actors_mod.event_actors(events, actors, article)
    # 7c. where and when: places resolved in the context of the article's
    # actors, date phrases against the publication date
    countries = sorted({a.country for a in actors if a.country})
    places, mentions = places_mod.places(doc, article, countries=countries)
    known = {p.id for p in places if p.geonames_id is not None}
    located = [m for m in mentions if m.place_id in known]
    dates = dates_mod.date_mentions(doc, article, published=article.published)
    taken = [m for a in actors for m in a.mentions]
    taken += [x.span for e in events for x in (*e.actors, *e.recipients) if x.actor_id]
    events = event_places_mod.event_places(
        doc, events, located, dates, published=article.published, actors=taken
    )
    # 8. claims inside the article that contradict each other
    signals += contradictions_mod.contradictions(events, actors)
    return Analysis(
        article=article,
        actors=tuple(actors),
        places=tuple(places),
        quotes=tuple(found),
        events=tuple(events),
        signals=tuple(signals),
        extractors=dict(EXTRACTORS),
    )


def _link_speakers(found: list[Quote], actors: list[Any]) -> list[Quote]:
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


def analyze_documents(
    docs: Iterable[RawDocument | ErrorRecord],
    *,
    raw: bool = False,
    published: str | None = None,
    model: str | None = None,
    batch_size: int = 32,
    skip: Callable[[Article], bool] | None = None,
) -> Iterator[Analysis | ErrorRecord]:
    """Analyse raw documents lazily, in input order; bad ones become error records.

    ``skip(article)`` is asked after cleaning, before parsing: a document it
    accepts yields nothing (the caller counts what it skips).
    """

    def cleaned() -> Iterator[tuple[str, Article | ErrorRecord]]:
        for d in docs:
            if isinstance(d, ErrorRecord):
                yield "", d
                continue
            # 1-2. clean (HTML main text, boilerplate) unless raw
            try:
                if published:
                    d = dataclasses.replace(d, published=published)
                art = clean(d, raw=raw)
            except InputError as e:
                yield "", ErrorRecord(source=d.source, error=e.kind, message=e.message)
                continue
            except Exception as e:  # noqa: BLE001 - a batch never stops on one document
                yield (
                    "",
                    ErrorRecord(
                        source=d.source,
                        error="internal",
                        message=f"cleaning failed: {type(e).__name__}: {e}",
                    ),
                )
                continue
            if skip is not None and skip(art):
                continue
            yield art.text, art

    # 3. annotate: one spaCy pipeline, loaded once; errors skip the parser
    for doc, item in annotate.parse_many(cleaned(), model=model, batch_size=batch_size):
        if isinstance(item, ErrorRecord):
            yield item
            continue
        try:
            yield _extract(doc, item, model)
        except ReportedlyError as e:
            yield ErrorRecord(source=item.source, error=e.kind, message=str(e))
        except Exception as e:  # noqa: BLE001 - a batch never stops on one document
            yield ErrorRecord(
                source=item.source,
                error="internal",
                message=f"extraction failed on article {item.id}: "
                f"{type(e).__name__}: {e}",
            )


def analyze_many(
    sources: Iterable[str],
    *,
    raw: bool = False,
    published: str | None = None,
    model: str | None = None,
) -> Iterator[Analysis | ErrorRecord]:
    """Read files, directories or ``-`` and analyse every document in them."""
    yield from analyze_documents(
        read_sources(sources), raw=raw, published=published, model=model
    )


def analyze(
    text: str,
    *,
    raw: bool = False,
    html: bool = False,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    model: str | None = None,
    source: str = "<text>",
) -> Analysis:
    """Analyse one article given as a string; raise ``InputError`` if it is unusable."""
    doc = RawDocument(
        source=source,
        content=text,
        content_type="html" if html else "text",
        url=url,
        title=title,
        outlet=outlet,
        published=published,
    )
    (result,) = analyze_documents([doc], raw=raw, model=model)
    if isinstance(result, ErrorRecord):
        raise InputError(result.error, result.message)
    return result
