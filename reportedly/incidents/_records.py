"""Turn an analysis into link records: its linkable events, as linking sees them."""

from __future__ import annotations

import datetime

from reportedly.counts import YEAR
from reportedly.incidents import _rules, _text
from reportedly.model import (
    Actor,
    Analysis,
    Claimant,
    Count,
    Event,
    EventArg,
    EventPlace,
    LinkPlace,
    LinkRecord,
    Party,
    Place,
)


def day_of(iso: str | None) -> int | None:
    """Return an ISO date as a day number, or None."""
    try:
        return datetime.date.fromisoformat(iso).toordinal() if iso else None
    except ValueError:
        return None


def _background_free(ev: Event, published: str | None) -> str | None:
    """Return ``published`` as the event date unless the evidence names another year.

    Background sentences ('unrest since March 2011') are not news of the day.
    """
    text = ev.evidence.text
    if not published or _text.background(text):
        return None
    years = set(YEAR.findall(text))
    return None if years - {published[:4]} else published


def _party(arg: EventArg | Claimant | None, actors: dict[str, Actor]) -> Party | None:
    if not arg:
        return None
    a = actors.get(arg.actor_id or "")
    if a:
        return Party(a.name, a.country, a.sector)
    return Party(arg.span.text, None, None)


def _place(
    loc: EventPlace | None, places: dict[str, Place], ev: Event
) -> LinkPlace | None:
    # the article's focus is no evidence of where this event happened
    if not loc or ev.location_source == "article":
        return None
    p = places.get(loc.place_id or "")
    if not p:
        return LinkPlace(name=loc.span.text, precision=ev.location_precision)
    precision = ev.location_precision
    if precision is None and p.lat is None:
        precision = "country"
    big = _text.rules()["link"]["city_population"]
    if precision == "point" and (p.population or 0) >= big:
        precision = "admin1"
    return LinkPlace(
        name=p.name,
        precision=precision,
        geonames_id=p.geonames_id,
        lat=p.lat,
        lon=p.lon,
        country=p.country,
    )


def _parties(args: tuple[EventArg, ...], actors: dict[str, Actor]) -> tuple:
    return tuple(p for p in (_party(x, actors) for x in args) if p)


def link_records(analysis: Analysis) -> list[LinkRecord]:
    """Return the link records of an analysis's linkable events."""
    art = analysis.article
    actors = {a.id: a for a in analysis.actors}
    places = {p.id: p for p in analysis.places}
    out = []
    for ev in analysis.events:
        if not _rules.linkable(ev.type, ev.modality):
            continue
        if ev.date_precision in ("week", "month", "year"):
            continue  # "in May", "since 2014": a campaign or background, no incident
        acts, recs = _parties(ev.actors, actors), _parties(ev.recipients, actors)
        place = _place(ev.location, places, ev)
        if not (acts or recs or place):
            continue
        trigger = ev.trigger.text if ev.trigger else None
        text = ev.evidence.text
        counts = tuple(
            Count(value=q.value, unit=q.unit, text=q.text) for q in ev.quantities
        )
        if _text.not_news(text, trigger, counts):
            continue
        if not _text.specific(text, counts, place):
            continue
        iso = ev.date or _background_free(ev, art.published)
        said = _party(ev.claimant, actors)
        claimant = said.name if said else None
        out.append(
            LinkRecord(
                article_id=art.id,
                event_id=ev.id,
                type=ev.type,
                mode=ev.mode,
                date=iso,
                day=day_of(iso),
                date_precision=ev.date_precision,
                country=place.country if place else None,
                outlet=art.outlet,
                title=art.title,
                url=art.url,
                actors=acts,
                recipients=recs,
                place=place,
                claimant=claimant,
                claimant_key=(claimant or "").casefold()
                or f"outlet:{art.outlet or art.id}",
                modality=ev.modality,
                quantities=counts,
                evidence=text,
            )
        )
    return out
