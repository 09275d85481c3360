"""The views of the store taken apart (``Shape``): the SELECT of each kind
with its tables, so that a query reads only the joins it needs
(``query.build`` and ``query.count``); ``views`` holds their filters and orders.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Shape:
    """A view taken apart, so a query can leave out the joins it does not read.

    ``first`` is the view's first table and ``inner`` its inner joins; each of
    ``optional`` (LEFT JOINs by alias, their ON clauses naming only ``first``
    and ``inner`` tables) matches at most one row, on a key, so leaving one out
    changes no row. ``key`` names a row (a table key: the view can be paged by
    key, ``query.build``); ``columns`` gives the expression of each output
    column an ORDER BY of the view names.
    """

    select: str
    first: str
    inner: str
    optional: dict[str, str]
    columns: dict[str, str]
    key: tuple[str, ...] = field(default=())

    @property
    def sql(self) -> str:
        joins = "\n".join(self.optional.values())
        return f"\nSELECT {self.select}\nFROM {self.first} {self.inner}\n{joins}"


EVENT_DATE = "coalesce(e.date, a.published)"
# an event row's actor, recipient and claimant rows (with their entities)
_PARTY_JOINS = {
    "ea": "LEFT JOIN actors ea ON ea.article_id = e.article_id AND ea.id = e.actor_id",
    "er": "LEFT JOIN actors er ON er.article_id = e.article_id "
    "AND er.id = e.recipient_id",
    "ec": "LEFT JOIN actors ec ON ec.article_id = e.article_id "
    "AND ec.id = e.claimant_actor_id",
}
ACTOR = "coalesce(ea.entity_name, e.actor_name)"
RECIPIENT = "coalesce(er.entity_name, e.recipient_name)"
CLAIMANT = "coalesce(ec.entity_name, e.claimant_name, e.claimant_text)"
_EVENT_COLUMNS = {
    "date": EVENT_DATE,
    "article_id": "e.article_id",
    "event_id": "e.id",
    "confidence": "e.confidence",
    "type": "e.type",
    "outlet": "a.outlet",
}
_CLAIMANT_OR_OUTLET = f"coalesce({CLAIMANT}, 'outlet: ' || coalesce(a.outlet, a.id))"


def _counts(table: str, alias: str) -> str:
    """The number of an article's rows in ``table``, joined once (not per row)."""
    return (
        f"LEFT JOIN (SELECT article_id, count(*) AS n FROM {table} "
        f"GROUP BY article_id) {alias} ON {alias}.article_id = a.id"
    )


SHAPES: dict[str, Shape] = {
    "events": Shape(
        f"""e.id AS event_id, {EVENT_DATE} AS date, e.type, e.mode, e.cameo,
       {ACTOR} AS actor_name, e.actor_country, e.actor_sector,
       ea.entity_id AS actor_entity,
       {RECIPIENT} AS recipient_name, e.recipient_country, e.recipient_sector,
       er.entity_id AS recipient_entity,
       e.place_name, e.geonames_id, e.lat, e.lon,
       {CLAIMANT} AS claimant, ec.entity_id AS claimant_entity, e.modality,
       e.confidence, e.article_id, a.outlet, a.url, a.title, e.evidence""",
        "events e",
        "JOIN articles a ON a.id = e.article_id",
        _PARTY_JOINS,
        _EVENT_COLUMNS,
        ("e.article_id", "e.id"),
    ),
    "claims": Shape(
        f"""{_CLAIMANT_OR_OUTLET} AS claimant,
       ec.entity_id AS claimant_entity, e.claimant_country, e.modality, e.type,
       {ACTOR} AS actor_name, {RECIPIENT} AS recipient_name, e.place_name,
       {EVENT_DATE} AS date, a.outlet, q.content AS quote, e.evidence,
       e.confidence, e.article_id, e.id AS event_id""",
        "events e",
        "JOIN articles a ON a.id = e.article_id",
        {
            **_PARTY_JOINS,
            "q": "LEFT JOIN quotes q ON q.article_id = e.article_id "
            "AND q.id = e.quote_id",
        },
        {**_EVENT_COLUMNS, "claimant": _CLAIMANT_OR_OUTLET},
        ("e.article_id", "e.id"),
    ),
    "quotes": Shape(
        """coalesce(s.entity_name, q.speaker_name) AS speaker,
       s.entity_id AS speaker_entity, s.country AS speaker_country, q.kind, q.cue,
       q.content, q.confidence, a.published AS date, a.outlet, a.title,
       q.article_id, q.id AS quote_id""",
        "quotes q",
        "JOIN articles a ON a.id = q.article_id",
        {
            "s": "LEFT JOIN actors s ON s.article_id = q.article_id "
            "AND s.id = q.speaker_actor_id"
        },
        {
            "date": "a.published",
            "article_id": "q.article_id",
            "quote_id": "q.id",
            "confidence": "q.confidence",
            "speaker": "coalesce(s.entity_name, q.speaker_name)",
        },
        ("q.article_id", "q.id"),
    ),
    "articles": Shape(
        """a.id AS article_id, a.published AS date, a.outlet, a.title, a.url,
       a.language, a.source, coalesce(ne.n, 0) AS n_events,
       coalesce(nq.n, 0) AS n_quotes, coalesce(ng.n, 0) AS n_signals""",
        "articles a",
        "",
        {
            a: _counts(t, a)
            for t, a in (("events", "ne"), ("quotes", "nq"), ("signals", "ng"))
        },
        {
            "date": "a.published",
            "article_id": "a.id",
            "outlet": "a.outlet",
            "n_events": "coalesce(ne.n, 0)",
        },
    ),
    # each entity's events as actor, recipient and claimant, counted in one pass
    "actors": Shape(
        """n.id AS entity_id, n.name, n.kind, n.country, n.sector, n.n_articles,
       n.n_mentions, coalesce(nr.as_actor, 0) AS as_actor,
       coalesce(nr.as_recipient, 0) AS as_recipient,
       coalesce(nr.as_claimant, 0) AS as_claimant,
       array_to_string(n.aliases, '; ') AS aliases""",
        "entities n",
        "",
        {
            "nr": """LEFT JOIN (SELECT x.entity_id,
       count(*) FILTER (WHERE r.role = 'a') AS as_actor,
       count(*) FILTER (WHERE r.role = 'r') AS as_recipient,
       count(*) FILTER (WHERE r.role = 'c') AS as_claimant
FROM (SELECT article_id, actor_id AS x_id, 'a' AS role FROM events
      UNION ALL SELECT article_id, recipient_id, 'r' FROM events
      UNION ALL SELECT article_id, claimant_actor_id, 'c' FROM events) r
JOIN actors x ON x.article_id = r.article_id AND x.id = r.x_id
WHERE x.entity_id IS NOT NULL
GROUP BY x.entity_id) nr ON nr.entity_id = n.id"""
        },
        {
            "n_articles": "n.n_articles",
            "n_mentions": "n.n_mentions",
            "entity_id": "n.id",
            "name": "n.name",
            "as_actor": "coalesce(nr.as_actor, 0)",
            "as_claimant": "coalesce(nr.as_claimant, 0)",
        },
    ),
}
