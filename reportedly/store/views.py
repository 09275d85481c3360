"""The SQL of the query views: one SELECT per kind, and its filter conditions.

Event participants and claimants are shown by their canonical actor (the
entity of the actor row: ``ISIS`` and ``Daesh`` are ``Islamic State``), with
the entity id beside the name; filters on names match the name as written
too. Every view sorts newest first.
"""

from __future__ import annotations

from reportedly.store.shapes import (
    ACTOR,
    CLAIMANT,
    EVENT_DATE,
    RECIPIENT,
    SHAPES,
)

EVENTS = SHAPES["events"].sql
CLAIMS = SHAPES["claims"].sql
QUOTES = SHAPES["quotes"].sql
ARTICLES = SHAPES["articles"].sql
ACTORS = SHAPES["actors"].sql
INCIDENTS = """
SELECT i.id AS incident_id, i.type, i.date_start, i.date_end, i.country,
       i.place_name, i.actors, i.recipients, i.n_reports, i.n_articles,
       i.n_outlets, i.n_claimants, i.n_contradictions, i.contradictions
FROM incidents i"""
REPORTS = """
SELECT r.incident_id, i.type, r.date, r.outlet, r.claimant, r.modality,
       r.quantities, r.evidence, r.title, r.article_id, r.event_id, r.ord
FROM incident_reports r JOIN incidents i ON i.id = r.incident_id"""
ERRORS = """
SELECT e.source, e.error, e.message FROM errors e"""
_IN_INCIDENT = """EXISTS (SELECT 1 FROM incident_reports r
JOIN events e ON e.article_id = r.article_id AND e.id = r.event_id
JOIN articles a ON a.id = r.article_id
LEFT JOIN actors ea ON ea.article_id = e.article_id AND ea.id = e.actor_id
LEFT JOIN actors er ON er.article_id = e.article_id AND er.id = e.recipient_id
LEFT JOIN actors ec ON ec.article_id = e.article_id AND ec.id = e.claimant_actor_id
WHERE r.incident_id = i.id AND ({}))"""

_LIKE = "{} ILIKE '%' || ? || '%'"


def _any(*cols: str) -> tuple[str, int]:
    return " OR ".join(_LIKE.format(c) for c in cols), len(cols)


# per kind: filter -> (SQL condition with ? placeholders, number of parameters)
EVENT_CONDS = {
    "actor": _any(ACTOR, "e.actor_text", RECIPIENT, "e.recipient_text"),
    "country": (
        "upper(?) IN (e.actor_country, e.recipient_country, e.place_country)",
        1,
    ),
    "type": ("e.type = upper(?)", 1),
    "place": (
        _LIKE.format("e.place_name") + " OR CAST(e.geonames_id AS VARCHAR) = ?",
        2,
    ),
    "since": (f"TRY_CAST({EVENT_DATE} AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": (f"TRY_CAST({EVENT_DATE} AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "recipient": _any(RECIPIENT, "e.recipient_text"),
    "claimant": _any(CLAIMANT),
    "outlet": _any("a.outlet"),
    "text": _any("e.evidence", "a.title"),
    "modality": ("e.modality = lower(?)", 1),
    "min_confidence": ("e.confidence >= CAST(? AS DOUBLE)", 1),
    "article": ("e.article_id = ?", 1),
    "entity": ("? IN (ea.entity_id, er.entity_id, ec.entity_id)", 1),
    "party_entity": ("? IN (ea.entity_id, er.entity_id)", 1),
    "claimant_entity": ("ec.entity_id = ?", 1),
}
QUOTE_CONDS = {
    "actor": _any("s.entity_name", "q.speaker_name"),
    "claimant": _any("s.entity_name", "q.speaker_name"),
    "country": ("s.country = upper(?)", 1),
    "type": ("q.kind = lower(?)", 1),
    "since": ("TRY_CAST(a.published AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": ("TRY_CAST(a.published AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "outlet": _any("a.outlet"),
    "text": _any("q.content"),
    "min_confidence": ("q.confidence >= CAST(? AS DOUBLE)", 1),
    "article": ("q.article_id = ?", 1),
    "entity": ("s.entity_id = ?", 1),
}
INCIDENT_CONDS = {
    "type": ("i.type = upper(?)", 1),
    "since": ("TRY_CAST(i.date_end AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": ("TRY_CAST(i.date_start AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "country": (
        "upper(?) = i.country OR " + _IN_INCIDENT.format(EVENT_CONDS["country"][0]),
        2,
    ),
}
for _k in ("actor", "recipient", "place", "claimant", "outlet", "text", "modality"):
    _cond, _n = EVENT_CONDS[_k]
    INCIDENT_CONDS[_k] = (_IN_INCIDENT.format(_cond), _n)
ARTICLE_CONDS = {
    "since": ("TRY_CAST(a.published AS DATE) >= TRY_CAST(? AS DATE)", 1),
    "until": ("TRY_CAST(a.published AS DATE) <= TRY_CAST(? AS DATE)", 1),
    "outlet": _any("a.outlet"),
    "text": _any("a.title", "a.url"),
    "article": ("a.id = ?", 1),
}
ERROR_CONDS = {
    "type": ("e.error = lower(?)", 1),
    "text": _any("e.message", "e.source"),
}
ACTOR_CONDS = {
    "actor": _any("n.name", "array_to_string(n.aliases, '|')"),
    "entity": ("n.id = ?", 1),
    "country": ("n.country = upper(?)", 1),
    "type": ("n.kind = lower(?)", 1),
}

# kind -> (SELECT, conditions, ORDER BY): newest first, then a stable order
VIEWS: dict[str, tuple[str, dict[str, tuple[str, int]], str]] = {
    "events": (EVENTS, EVENT_CONDS, "date DESC NULLS LAST, article_id, event_id"),
    "claims": (CLAIMS, EVENT_CONDS, "date DESC NULLS LAST, article_id, event_id"),
    "quotes": (QUOTES, QUOTE_CONDS, "date DESC NULLS LAST, article_id, quote_id"),
    "incidents": (
        INCIDENTS,
        INCIDENT_CONDS,
        "date_end DESC NULLS LAST, n_outlets DESC, n_reports DESC, incident_id",
    ),
    "reports": (
        REPORTS,
        INCIDENT_CONDS,
        "i.date_end DESC NULLS LAST, incident_id, ord",
    ),
    "errors": (ERRORS, ERROR_CONDS, "source, error, message"),
    "articles": (ARTICLES, ARTICLE_CONDS, "date DESC NULLS LAST, article_id"),
    "actors": (ACTORS, ACTOR_CONDS, "n_articles DESC, n_mentions DESC, entity_id"),
}


_BY_DATE_UP = "date ASC NULLS LAST, article_id"
# kind -> sort name -> ORDER BY; the first is the default (the VIEWS order)
SORTS: dict[str, dict[str, str]] = {
    "events": {
        "newest": VIEWS["events"][2],
        "oldest": _BY_DATE_UP + ", event_id",
        "confidence": "confidence DESC, date DESC NULLS LAST, article_id, event_id",
        "type": "type, date DESC NULLS LAST, article_id, event_id",
        "outlet": "outlet NULLS LAST, date DESC NULLS LAST, article_id, event_id",
    },
    "quotes": {
        "newest": VIEWS["quotes"][2],
        "oldest": _BY_DATE_UP + ", quote_id",
        "confidence": "confidence DESC, date DESC NULLS LAST, article_id, quote_id",
        "speaker": "speaker NULLS LAST, date DESC NULLS LAST, article_id, quote_id",
    },
    "incidents": {
        "newest": VIEWS["incidents"][2],
        "oldest": "date_start ASC NULLS LAST, incident_id",
        "reports": "n_reports DESC, date_end DESC NULLS LAST, incident_id",
        "contradictions": "n_contradictions DESC, n_reports DESC, incident_id",
    },
    "actors": {
        "articles": VIEWS["actors"][2],
        "name": "name, entity_id",
        "actor": "as_actor DESC, entity_id",
        "claimant": "as_claimant DESC, entity_id",
    },
    "articles": {
        "newest": VIEWS["articles"][2],
        "oldest": _BY_DATE_UP,
        "events": "n_events DESC, article_id",
        "outlet": "outlet NULLS LAST, date DESC NULLS LAST, article_id",
    },
}
SORTS["claims"] = {k: v for k, v in SORTS["events"].items() if k != "type"}
SORTS["claims"]["claimant"] = (
    "claimant NULLS LAST, date DESC NULLS LAST, article_id, event_id"
)
