"""The closed vocabularies of the records: event types, modalities, quote kinds."""

from __future__ import annotations

# PLOVER 2.0's 16 event types, and STATEMENT for what is said with no other type.
EVENT_TYPES = (
    "STATEMENT",
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
MODALITIES = (
    "asserted",
    "negated",
    "denied",
    "alleged",
    "hypothetical",
    "conditional",
    "future",
    "demanded",
)
QUOTE_KINDS = ("direct", "indirect", "mixed")
