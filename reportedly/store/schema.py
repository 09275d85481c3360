"""The store schema as numbered migrations, applied in order and recorded.

Each table keeps flattened columns for querying plus ``record``, the full
``to_dict`` of the record, so a field added to the model is stored at once and
a later migration can flatten it into a column. Append migrations; never edit
one that has shipped.
"""

from __future__ import annotations

from typing import Any

MIGRATIONS: list[tuple[int, str, str]] = [
    (
        1,
        "analysis tables, errors, incidents",
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, source VARCHAR, url VARCHAR, outlet VARCHAR,
            title VARCHAR, published VARCHAR, language VARCHAR, text VARCHAR,
            removed JSON, extractors JSON, record JSON);
        CREATE TABLE actors (
            article_id VARCHAR, id VARCHAR, ord INTEGER, name VARCHAR,
            kind VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR,
            affiliation VARCHAR, record JSON, PRIMARY KEY (article_id, id));
        CREATE TABLE places (
            article_id VARCHAR, id VARCHAR, ord INTEGER, name VARCHAR,
            geonames_id BIGINT, country VARCHAR, lat DOUBLE, lon DOUBLE,
            feature VARCHAR, record JSON, PRIMARY KEY (article_id, id));
        CREATE TABLE quotes (
            article_id VARCHAR, id VARCHAR, ord INTEGER, kind VARCHAR,
            speaker_text VARCHAR, speaker_actor_id VARCHAR, speaker_name VARCHAR,
            cue VARCHAR, content VARCHAR, pattern VARCHAR, parent_id VARCHAR,
            confidence DOUBLE, record JSON, PRIMARY KEY (article_id, id));
        CREATE TABLE events (
            article_id VARCHAR, id VARCHAR, ord INTEGER, type VARCHAR,
            mode VARCHAR, cameo VARCHAR,
            actor_text VARCHAR, actor_id VARCHAR, actor_name VARCHAR,
            actor_country VARCHAR, actor_sector VARCHAR,
            recipient_text VARCHAR, recipient_id VARCHAR, recipient_name VARCHAR,
            recipient_country VARCHAR, recipient_sector VARCHAR,
            location_text VARCHAR, place_id VARCHAR, place_name VARCHAR,
            geonames_id BIGINT, lat DOUBLE, lon DOUBLE, place_country VARCHAR,
            date VARCHAR, modality VARCHAR,
            claimant_text VARCHAR, claimant_actor_id VARCHAR,
            claimant_name VARCHAR, claimant_country VARCHAR,
            claimant_sector VARCHAR, quote_id VARCHAR,
            evidence VARCHAR, confidence DOUBLE, record JSON,
            PRIMARY KEY (article_id, id));
        CREATE TABLE signals (
            article_id VARCHAR, ord INTEGER, kind VARCHAR, message VARCHAR,
            span_text VARCHAR, record JSON, PRIMARY KEY (article_id, ord));
        CREATE TABLE errors (
            source VARCHAR, error VARCHAR, message VARCHAR,
            PRIMARY KEY (source, error, message));
        -- incident tables are rewritten in place, so no key constraints here
        CREATE TABLE link_index (
            article_id VARCHAR, event_id VARCHAR, type VARCHAR, day INTEGER,
            country VARCHAR, incident_id VARCHAR, features JSON);
        CREATE TABLE incidents (
            id VARCHAR, type VARCHAR, date_start VARCHAR, date_end VARCHAR,
            country VARCHAR, place_name VARCHAR, geonames_id BIGINT,
            lat DOUBLE, lon DOUBLE, actors VARCHAR, recipients VARCHAR,
            n_reports INTEGER, n_articles INTEGER, n_outlets INTEGER,
            n_claimants INTEGER, n_contradictions INTEGER,
            contradictions JSON, record JSON);
        CREATE TABLE incident_reports (
            incident_id VARCHAR, ord INTEGER, article_id VARCHAR,
            event_id VARCHAR, outlet VARCHAR, title VARCHAR, url VARCHAR,
            date VARCHAR, type VARCHAR, claimant VARCHAR, modality VARCHAR,
            quantities JSON, evidence VARCHAR, record JSON);
        """,
    ),
    (
        2,
        "canonical actors: an entity per actor row, the entities view",
        """
        ALTER TABLE actors ADD COLUMN entity_id VARCHAR;
        ALTER TABLE actors ADD COLUMN entity_name VARCHAR;
        ALTER TABLE actors ADD COLUMN entity_kind VARCHAR;
        ALTER TABLE actors ADD COLUMN entity_country VARCHAR;
        ALTER TABLE actors ADD COLUMN entity_sector VARCHAR;
        ALTER TABLE actors ADD COLUMN entity_scope VARCHAR;
        ALTER TABLE actors ADD COLUMN n_mentions INTEGER;
        CREATE VIEW entities AS
        SELECT entity_id AS id, min(entity_name) AS name, min(entity_kind) AS kind,
               min(entity_country) AS country, min(entity_sector) AS sector,
               min(entity_scope) AS scope, count(DISTINCT article_id) AS n_articles,
               sum(n_mentions) AS n_mentions,
               list(DISTINCT name ORDER BY name) AS aliases
        FROM actors WHERE entity_id IS NOT NULL GROUP BY entity_id;
        """,
    ),
    (
        3,
        "reviews: a reader's verdicts on records, field by field",
        """
        CREATE TABLE reviews (
            id VARCHAR PRIMARY KEY, created TIMESTAMP, reviewer VARCHAR,
            kind VARCHAR, article_id VARCHAR, record_id VARCHAR, field VARCHAR,
            value VARCHAR, value_hash VARCHAR, verdict VARCHAR,
            correct VARCHAR, note VARCHAR);
        """,
    ),
]

TABLES = (
    "articles",
    "actors",
    "places",
    "quotes",
    "events",
    "signals",
    "errors",
    "entities",
    "link_index",
    "incidents",
    "incident_reports",
    "reviews",
)


def migrate(con: Any) -> int:
    """Apply the migrations ``con`` lacks, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    current = int(row[0]) if row and row[0] is not None else 0
    for version, name, sql in MIGRATIONS:
        if version <= current:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, current_timestamp)",
                [version, name],
            )
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        current = version
    return current
