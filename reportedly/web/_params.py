"""Query-string filters of the list pages and the API, checked: a bad value is
a 400 that says what is allowed, never a silent empty list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reportedly.model import EVENT_TYPES, MODALITIES, QUOTE_KINDS
from reportedly.store.query import ACTOR_KINDS, sorts

MAX_LIMIT = 500
DEFAULT_LIMIT = 50
TEXT_FILTERS = ("actor", "recipient", "claimant", "outlet", "place", "text")
# the filters each listing takes, in the order the filter form shows them
KIND_FILTERS: dict[str, tuple[str, ...]] = {
    "events": (
        "type",
        "actor",
        "recipient",
        "claimant",
        "outlet",
        "country",
        "place",
        "since",
        "until",
        "modality",
        "min_confidence",
        "text",
    ),
    "quotes": (
        "type",
        "actor",
        "outlet",
        "country",
        "since",
        "until",
        "min_confidence",
        "text",
    ),
    "actors": ("actor", "country", "type"),
    "articles": ("outlet", "since", "until", "text"),
}
KIND_FILTERS["incidents"] = tuple(
    f for f in KIND_FILTERS["events"] if f != "min_confidence"
)
KIND_FILTERS["claims"] = KIND_FILTERS["events"]
KIND_FILTERS["map"] = KIND_FILTERS["events"]
TYPE_VALUES = {
    "events": EVENT_TYPES,
    "claims": EVENT_TYPES,
    "incidents": EVENT_TYPES,
    "map": EVENT_TYPES,
    "quotes": QUOTE_KINDS,
    "actors": ACTOR_KINDS,
}
PAGING = ("limit", "offset", "sort", "format")


class BadParam(ValueError):
    """A query parameter with a value no record can match; the message says
    what is allowed."""


@dataclass
class Query:
    """A checked listing query: its filters, page and order."""

    kind: str
    filters: dict[str, str] = field(default_factory=dict)
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    sort: str | None = None

    def store_filters(self) -> dict[str, Any]:
        return dict(self.filters)


def _date(name: str, value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadParam(
            f"{name}={value!r} is not a date; expected YYYY-MM-DD, e.g. 2015-09-30"
        ) from None


def _int(name: str, value: str, low: int, high: int) -> int:
    try:
        n = int(value)
    except ValueError:
        n = low - 1
    if not low <= n <= high:
        raise BadParam(f"{name}={value!r} is not a whole number from {low} to {high}")
    return n


def _choice(name: str, value: str, allowed: tuple[str, ...], upper: bool) -> str:
    v = value.upper() if upper else value.lower()
    if v not in allowed:
        raise BadParam(
            f"{name}={value!r} is unknown; expected one of {', '.join(allowed)}"
        )
    return v


def parse(kind: str, params: Mapping[str, str]) -> Query:
    """Check the query string of a listing; raise ``BadParam`` naming the problem."""
    allowed = KIND_FILTERS[kind]
    q = Query(kind)
    for name, raw in params.items():
        value = raw.strip()
        if name in PAGING:
            continue
        if name not in allowed:
            raise BadParam(
                f"unknown filter {name!r} for {kind}; expected one of "
                + ", ".join(allowed + PAGING)
            )
        if not value:
            continue
        if name in ("since", "until"):
            value = _date(name, value)
        elif name == "type":
            values = TYPE_VALUES[kind]
            value = _choice(name, value, values, upper=values is EVENT_TYPES)
        elif name == "modality":
            value = _choice(name, value, MODALITIES, upper=False)
        elif name == "min_confidence":
            try:
                ok = 0.0 <= float(value) <= 1.0
            except ValueError:
                ok = False
            if not ok:
                raise BadParam(f"min_confidence={value!r} is not a number from 0 to 1")
        elif name == "country":
            if not (value.isalpha() and len(value) in (2, 3)):
                raise BadParam(
                    f"country={value!r} is not a country code; expected ISO 3166 "
                    "alpha-3 (SYR) or alpha-2 (SY)"
                )
            value = value.upper()
        elif len(value) > 200:
            raise BadParam(f"{name} is {len(value)} characters long; at most 200")
        q.filters[name] = value
    if "limit" in params:
        q.limit = _int("limit", params["limit"], 1, MAX_LIMIT)
    if "offset" in params:
        q.offset = _int("offset", params["offset"], 0, 10**9)
    if params.get("sort"):
        names = sorts("events" if kind == "map" else kind)
        q.sort = _choice("sort", params["sort"], names, upper=False) if names else None
    fmt = params.get("format", "json")
    if fmt not in ("json", "csv"):
        raise BadParam(f"format={fmt!r} is unknown; expected json or csv")
    return q


def query_link(data: Mapping[str, Any], **change: Any) -> str:
    """The query string of a listing's answer with some parameters changed."""
    from urllib.parse import urlencode

    items: dict[str, Any] = dict(data.get("filters") or {})
    if data.get("sort"):
        items["sort"] = data["sort"]
    if data.get("limit", DEFAULT_LIMIT) != DEFAULT_LIMIT:
        items["limit"] = data["limit"]
    if data.get("offset"):
        items["offset"] = data["offset"]
    items.update(change)
    return urlencode({k: v for k, v in items.items() if v not in (None, "", 0)})
