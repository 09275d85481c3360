"""Synthetic analyses for store and incident tests (no spaCy needed)."""

from __future__ import annotations

from reportedly.model import (
    Actor,
    Analysis,
    Article,
    Claimant,
    Event,
    EventArg,
    EventPlace,
    Place,
    Quantity,
    Quote,
    Removed,
    Signal,
    Span,
    Speaker,
    stable_id,
)

PARTIES = {
    "Russia": ("RUS", "MIL"),
    "Syrian army": ("SYR", "MIL"),
    "Islamic State": (None, "UAF"),
    "rebels": ("SYR", "REB"),
    "Khaled Khoja": ("SYR", "OPP"),
}


def analysis(
    n: int,
    *,
    outlet: str = "wire",
    published: str | None = "2015-10-01",
    actor: str = "Russia",
    recipient: str | None = "Islamic State",
    place: tuple[str, float, float] | None = ("Homs", 34.73, 36.72),
    killed: str | None = "36 people",
    claimant: str | None = "Khaled Khoja",
    modality: str = "asserted",
    kind: str = "ASSAULT",
) -> Analysis:
    """Build one analysis whose text holds every span it points at."""
    parts = [f"Report {n}.", f"{actor} struck"]
    if recipient:
        parts.append(recipient)
    if place:
        parts.append(f"in {place[0]}")
    if killed:
        parts.append(f"and killed {killed}")
    sentence = " ".join(parts)
    said = f", {claimant} said." if claimant else "."
    text = f"{sentence}{said}"
    aid = stable_id(text, "")

    def span(s: str, after: int = 0) -> Span:
        i = text.index(s, after)
        return Span(text=s, start=i, end=i + len(s))

    actors = []

    def party(name: str) -> EventArg:
        country, sector = PARTIES.get(name, (None, None))
        a = Actor(
            id=stable_id(aid, name),
            name=name,
            kind="organization",
            country=country,
            sector=sector,
            mentions=(span(name),),
        )
        actors.append(a)
        return EventArg(span=span(name), actor_id=a.id)

    places = ()
    loc = None
    if place:
        p = Place(
            id=stable_id(aid, place[0]),
            name=place[0],
            geonames_id=169577
            if place[0] == "Homs"
            else int(stable_id(place[0])[:6], 16),
            country="SY",
            lat=place[1],
            lon=place[2],
            feature="PPLA",
            mentions=(span(place[0]),),
        )
        places = (p,)
        loc = EventPlace(span=span(place[0]), place_id=p.id)
    quotes = ()
    cl = None
    if claimant:
        sp = party(claimant)
        q = Quote(
            id=stable_id(aid, "q"),
            kind="indirect",
            content=span(sentence),
            speaker=Speaker(span=sp.span, actor_id=sp.actor_id),
            cue=span("said"),
            pattern="said",
        )
        quotes = (q,)
        cl = Claimant(span=sp.span, actor_id=sp.actor_id, quote_id=q.id, chain=(q.id,))
    quantities = ()
    if killed:
        value, unit = killed.split()[-2:]
        quantities = (
            Quantity(
                value=float(value),
                unit=unit,
                text=killed,
                start=span(killed).start,
                end=span(killed).end,
            ),
        )
    ev = Event(
        id=stable_id(aid, "event"),
        type=kind,
        cameo="19",
        mode="aerial",
        evidence=span(sentence),
        trigger=span("struck"),
        actors=(party(actor),),
        recipients=(party(recipient),) if recipient else (),
        location=loc,
        quantities=quantities,
        modality=modality,
        claimant=cl,
        confidence=0.8,
    )
    return Analysis(
        article=Article(
            id=aid,
            text=text,
            source=f"doc{n}.txt",
            outlet=outlet,
            title=f"Strike report {n}",
            published=published,
            removed=(Removed(text="Share", reason="boilerplate"),),
        ),
        actors=tuple(actors),
        places=places,
        quotes=quotes,
        events=(ev,),
        signals=(Signal(kind="test", message="a signal", span=span("Report")),),
        extractors={"events": "events.v1"},
    )
