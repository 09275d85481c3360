"""The store: round trip, idempotence, query filters, export, bad files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from corpus_records import analysis

from reportedly import open_store
from reportedly.corpus import store_batch
from reportedly.errors import StoreError
from reportedly.model import ErrorRecord
from reportedly.store import TABLES, Store


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "t.duckdb")
    yield s
    s.close()


CORPUS = [
    analysis(1, outlet="Reuters", published="2015-10-01"),
    analysis(2, outlet="AFP", published="2015-10-02", killed="at least 40 people"),
    analysis(3, outlet="TASS", published="2015-10-01", claimant=None, killed=None),
    analysis(
        4,
        outlet="SANA",
        published="2016-05-01",
        actor="Syrian army",
        recipient="rebels",
        place=("Aleppo", 36.2, 37.16),
    ),
]


def test_round_trip_gives_the_same_records_for_every_table(store: Store) -> None:
    with store.transaction():
        store.save(CORPUS)
    for a in CORPUS:
        assert store.read_analysis(a.article.id) == a
    counts = store.counts()
    assert counts["articles"] == 4 and counts["places"] == 4 and counts["quotes"] == 3


def test_saving_twice_adds_no_rows_and_errors_are_keyed(store: Store) -> None:
    err = ErrorRecord(source="x.txt", error="empty", message="x.txt: no text")
    store_batch(store, [*CORPUS, err])
    first = store.counts()
    store_batch(store, [*CORPUS, err, err])
    assert store.counts() == first
    assert first["errors"] == 1 and first["incidents"] == 1


def test_a_new_store_records_its_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "v.duckdb"
    with open_store(path) as s:
        assert s.version >= 1
    with open_store(path) as s:  # reopening applies nothing twice
        names, rows = s.sql("SELECT count(*) FROM schema_version")
        assert rows[0][0] == s.version


@pytest.mark.parametrize(
    "content", [b"this is not a database\n" * 100, b"\x00" * 5000, b"DUCK" * 3000]
)
def test_a_corrupt_file_gives_a_clear_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.duckdb"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="broken.duckdb"):
        open_store(path)


FILTERS = [
    ({}, {1, 2, 3, 4}),
    ({"actor": "russia"}, {1, 2, 3}),
    ({"actor": "rebels"}, {4}),
    ({"country": "SYR"}, {4}),
    ({"country": "rus"}, {1, 2, 3}),
    ({"type": "assault"}, {1, 2, 3, 4}),
    ({"type": "PROTEST"}, set()),
    ({"place": "Aleppo"}, {4}),
    ({"place": "169577"}, {1, 2, 3}),
    ({"since": "2015-10-02"}, {2, 4}),
    ({"until": "2015-10-01"}, {1, 3}),
    ({"since": "2015-10-01", "until": "2015-10-02"}, {1, 2, 3}),
    ({"claimant": "khoja"}, {1, 2, 4}),
    ({"outlet": "reuters"}, {1}),
    ({"text": "at least 40"}, {2}),
    ({"text": "Strike report 3"}, {3}),
    ({"outlet": "AFP", "actor": "Russia"}, {2}),
]


@pytest.mark.parametrize(("filters", "expected"), FILTERS)
def test_query_filters_events_and_claims(
    store: Store, filters: dict, expected: set[int]
) -> None:
    store_batch(store, CORPUS)
    by_article = {a.article.id: n for n, a in enumerate(CORPUS, start=1)}
    for what in ("events", "claims"):
        rows = store.query(what, **filters)
        assert {by_article[r["article_id"]] for r in rows} == expected, what


def test_query_incidents_quotes_and_bad_filters(store: Store) -> None:
    store_batch(store, CORPUS)
    (inc,) = store.query("incidents", type="ASSAULT")
    assert inc["n_reports"] == 3 and inc["n_outlets"] == 3
    assert store.query("incidents", outlet="TASS") == [inc]
    assert store.query("incidents", outlet="SANA") == []
    assert store.query("incidents", country="SY") == [inc]
    assert len(store.query("quotes", actor="Khoja")) == 3
    with pytest.raises(StoreError, match="--place does not apply to quotes"):
        store.query("quotes", place="Homs")
    with pytest.raises(StoreError, match="cannot query"):
        store.query("tweets")


@pytest.mark.parametrize("table", [None, "events", "articles", "incidents"])
def test_parquet_export_reads_back_the_same_rows(
    store: Store, tmp_path: Path, table: str | None
) -> None:
    store_batch(store, CORPUS)
    path = tmp_path / "out.parquet"
    n = store.export(path, fmt="parquet", table=table)
    from reportedly.store.query import export_sql

    names, rows = store.sql(export_sql(table))
    assert n == len(rows) > 0
    con = duckdb.connect()
    back = con.execute(f"SELECT * FROM read_parquet('{path}')").fetchall()
    assert back == rows
    arrow = pq.read_table(path)
    assert arrow.column_names == names
    assert [tuple(r.values()) for r in arrow.to_pylist()] == rows


def test_event_export_has_the_event_data_columns(store: Store, tmp_path: Path) -> None:
    store_batch(store, CORPUS)
    path = tmp_path / "events.csv"
    store.export(path, fmt="csv")
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [
        "event_id",
        "date",
        "actor_name",
        "actor_entity",
        "actor_country",
        "actor_sector",
        "recipient_name",
        "recipient_entity",
        "recipient_country",
        "recipient_sector",
        "plover_type",
        "plover_mode",
        "cameo_root",
        "place_name",
        "geonames_id",
        "lat",
        "lon",
        "claimant",
        "claimant_entity",
        "modality",
        "confidence",
        "article_id",
        "outlet",
        "url",
        "evidence",
    ]


def test_every_table_exports_to_jsonl(store: Store, tmp_path: Path) -> None:
    store_batch(store, CORPUS)
    for table in TABLES:
        n = store.export(tmp_path / f"{table}.jsonl", fmt="jsonl", table=table)
        lines = (tmp_path / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert len(lines) == n


def test_a_new_migration_is_applied_once_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportedly.store import schema

    path = tmp_path / "m.duckdb"
    with open_store(path) as s:
        store_batch(s, CORPUS[:1])
    extra = (
        len(schema.MIGRATIONS) + 1,
        "event location precision",
        "ALTER TABLE events ADD COLUMN location_precision VARCHAR",
    )
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, extra])
    for _ in range(2):
        with open_store(path) as s:
            assert s.version == extra[0]
            names, rows = s.sql("SELECT location_precision FROM events")
            assert rows == [(None,)]
            assert s.sql("SELECT count(*) FROM schema_version")[1][0][0] == extra[0]
