"""Records of incident linking: link records, incidents and their updates.

A *link record* is one event as incident linking sees it: resolved
participants, place, date, claimant and counts, with the article it came
from. An incident groups the link records (its reports) of one real-world
event.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from reportedly.model._serial import OMIT_NONE, Record


class Party(NamedTuple):
    """A participant: its name and, when coded, country (ISO3) and sector."""

    name: str
    country: str | None
    sector: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Count(Record):
    """A count a report gives: ``at least 4 targets`` -> 4, targets."""

    value: float
    unit: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkPlace(Record):
    """Where a report places its event; ``precision`` says how wide it is."""

    name: str
    precision: str | None = None  # point | admin2 | admin1 | country
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    country: str | None = None  # ISO 3166 alpha-2


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkRecord(Record):
    """One linkable event with what linking compares; a report of an incident."""

    article_id: str
    event_id: str
    type: str
    mode: str | None = None
    date: str | None = None  # the event date, else the publication date
    day: int | None = None  # ``date`` as a proleptic ordinal
    date_precision: str | None = None
    country: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    actors: tuple[Party, ...] = ()
    recipients: tuple[Party, ...] = ()
    place: LinkPlace | None = None
    claimant: str | None = None
    claimant_key: str  # who asserts it: a claimant name or ``outlet:...``
    modality: str | None = None
    quantities: tuple[Count, ...] = ()
    evidence: str
    incident_id: str | None = field(default=None, metadata=OMIT_NONE)


IncidentReport = LinkRecord  # an incident's reports are its link records


@dataclass(frozen=True, slots=True, kw_only=True)
class Contradiction(Record):
    """Two reports of one incident that cannot both be right, and how."""

    kind: str  # quantity | recipient | modality
    unit: str | None = field(default=None, metadata=OMIT_NONE)
    detail: str
    a: str  # event ids of the two reports
    b: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Incident(Record):
    """One real-world event told by two or more reports."""

    id: str
    type: str | None
    date_start: str | None = None
    date_end: str | None = None
    country: str | None = None
    place_name: str | None = None
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    actors: str = ""  # names, "; "-joined
    recipients: str = ""
    n_reports: int
    n_articles: int
    n_outlets: int
    n_claimants: int
    n_contradictions: int = 0
    contradictions: tuple[Contradiction, ...] = ()
    reports: tuple[LinkRecord, ...] = ()  # in report order (date, article, event)


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentUpdate(Record):
    """What linking a batch changes: incidents to drop, and incidents to write."""

    removed: tuple[str, ...] = ()  # ids of stored incidents replaced
    incidents: tuple[Incident, ...] = ()  # written with all their reports
