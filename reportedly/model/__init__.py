"""THE data model: frozen records with one generic ``to_dict``/``from_dict``.

Imports nothing else from the package.
"""

from reportedly.model._serial import Record, replace
from reportedly.model.entity import Entity
from reportedly.model.incident import (
    Contradiction,
    Count,
    Incident,
    IncidentReport,
    IncidentUpdate,
    LinkPlace,
    LinkRecord,
    Party,
)
from reportedly.model.records import (
    Actor,
    Analysis,
    Article,
    Claimant,
    ErrorRecord,
    Event,
    EventArg,
    EventPlace,
    Place,
    Quantity,
    Quote,
    RawDocument,
    Removed,
    Signal,
    Span,
    Speaker,
    stable_id,
)
from reportedly.model.vocab import EVENT_TYPES, MODALITIES, QUOTE_KINDS

__all__ = [
    "EVENT_TYPES",
    "MODALITIES",
    "QUOTE_KINDS",
    "Actor",
    "Analysis",
    "Article",
    "Claimant",
    "Contradiction",
    "Count",
    "Entity",
    "ErrorRecord",
    "Event",
    "EventArg",
    "EventPlace",
    "Incident",
    "IncidentReport",
    "IncidentUpdate",
    "LinkPlace",
    "LinkRecord",
    "Party",
    "Place",
    "Quantity",
    "Quote",
    "RawDocument",
    "Record",
    "Removed",
    "Signal",
    "Span",
    "Speaker",
    "replace",
    "stable_id",
]
