"""The local worker pool, the Parquet datasets and Parquet input (no Spark here)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from conftest import golden_articles

from reportedly import open_store, pipeline, service
from reportedly.batch.local import analyze_parallel
from reportedly.batch.pool import Pool, PoolStats
from reportedly.cli import main
from reportedly.corpus import store_batch
from reportedly.entities import assign
from reportedly.ingest import read_sources
from reportedly.model import Analysis, ErrorRecord, RawDocument
from reportedly.store import datasets

KILL = "KILL-THE-WORKER"


def _docs(n_copies: int = 2) -> list[RawDocument]:
    """The golden articles, each ``n_copies`` times with a distinct ending."""
    out = []
    for k in range(n_copies):
        for name, text in golden_articles().items():
            out.append(
                RawDocument(
                    source=f"{name}~{k}",
                    content=f"{text.rstrip()}\n\nReport {k}.",
                    published=f"2015-{10 + k:02d}-01",
                )
            )
    return out


def _json(results: list[Any]) -> list[str]:
    return [json.dumps(r.to_dict(), sort_keys=True) for r in results]


def _one_process(docs: list[Any]) -> list[Any]:
    res = service.resources()
    return list(pipeline.analyze_documents(docs, resources=res))


# --- Parquet input -------------------------------------------------------------


def test_parquet_rows_are_read_as_articles(tmp_path: Path) -> None:
    path = tmp_path / "shard.parquet"
    rows = {
        "id": ["a1", "a2", "a3"],
        "text": ["Rebels shelled Homs on Monday.", None, ""],
        "html": [None, "<p>Police arrested two men in Mosul.</p>", None],
        "title": ["Shelling", "Arrests", "Empty"],
        "published": ["2016-03-01", "2016-03-02", None],
    }
    pq.write_table(pa.table(rows), path)
    docs = list(read_sources([str(path)]))
    assert [d.source for d in docs] == [f"{path}#record {i}" for i in (1, 2, 3)]
    first, second, third = docs
    assert isinstance(first, RawDocument) and first.content_type == "text"
    assert (first.title, first.published) == ("Shelling", "2016-03-01")
    assert isinstance(second, RawDocument) and second.content_type == "html"
    assert isinstance(third, RawDocument) and third.content == ""  # cleaning: empty


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"PAR1 not really parquet", "not a readable Parquet file"),
        (b"", "not a readable Parquet file"),
    ],
)
def test_a_broken_parquet_file_is_an_error_record(
    tmp_path: Path, data: bytes, expected: str
) -> None:
    path = tmp_path / "broken.parquet"
    path.write_bytes(data)
    (err,) = list(read_sources([str(path)]))
    assert isinstance(err, ErrorRecord) and expected in err.message


def test_a_parquet_row_without_text_is_an_error_record(tmp_path: Path) -> None:
    path = tmp_path / "meta.parquet"
    pq.write_table(pa.table({"id": ["x"], "title": ["no body"]}), path)
    (err,) = list(read_sources([str(path)]))
    assert isinstance(err, ErrorRecord) and err.error == "no_text"
    assert "keys found: id, title" in err.message


# --- the pool -------------------------------------------------------------------


@pytest.mark.model
def test_the_pool_gives_the_records_of_one_process_in_input_order() -> None:
    docs: list[Any] = _docs()
    docs.insert(
        3, ErrorRecord(source="bad.jsonl:4", error="malformed_jsonl", message="x")
    )
    docs.insert(6, RawDocument(source="blank.txt", content="   \n"))
    want = _one_process(docs)
    stats = PoolStats()
    got = list(
        analyze_parallel(
            docs, workers=2, chunk=3, stats=stats, resources=service.resources()
        )
    )
    assert stats.workers == 2 and stats.replaced == 0
    assert len(got) == len(docs)
    assert _json(got) == _json(want)
    assert isinstance(got[3], ErrorRecord) and got[3].source == "bad.jsonl:4"
    assert isinstance(got[6], ErrorRecord) and got[6].error == "empty"
    assert all(0 < mb < 4096 for mb in stats.peak_rss_mb)


@pytest.mark.model
def test_articles_already_stored_are_skipped_by_the_workers() -> None:
    docs = _docs()
    first = _one_process(docs[:1])[0]
    stats = PoolStats()
    got = list(
        analyze_parallel(
            docs,
            workers=2,
            chunk=4,
            seen=frozenset({first.article.id}),
            stats=stats,
            resources=service.resources(),
        )
    )
    assert stats.skipped == 1 and len(got) == len(docs) - 1
    assert first.article.id not in {g.article.id for g in got}


@pytest.mark.model
def test_a_document_that_kills_its_worker_becomes_an_error_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    docs: list[Any] = _docs()[:8]
    docs.insert(4, RawDocument(source="deadly.txt", content=f"Text. {KILL}"))
    real = pipeline.analyze_documents

    def deadly(items: Any, **kw: Any) -> Any:
        items = list(items)
        if any(isinstance(d, RawDocument) and KILL in d.content for d in items):
            os._exit(3)  # the worker dies as on a crash in native code
        return real(items, **kw)

    monkeypatch.setattr(pipeline, "analyze_documents", deadly)  # forked: inherited
    want = _one_process([d for d in docs if KILL not in getattr(d, "content", "")])
    res = service.resources()
    with Pool(2, chunk=3, start_method="fork", resources=res) as pool:
        got = list(pool.analyze(docs))
        replaced = pool.stats.replaced
    assert replaced == 2  # the chunk's worker, then the lone document's
    assert len(got) == len(docs)
    err = got[4]
    assert isinstance(err, ErrorRecord) and err.source == "deadly.txt"
    assert "worker process died (exit code 3)" in err.message
    assert _json(got[:4] + got[5:]) == _json(want)


@pytest.mark.model
def test_small_inputs_run_in_this_process() -> None:
    stats = PoolStats()
    got = list(analyze_parallel(_docs(1)[:2], workers=4, stats=stats, resources=None))
    assert stats.workers == 1 and len(got) == 2


# --- datasets -------------------------------------------------------------------


@pytest.mark.model
def test_a_dataset_part_reads_back_equal_and_matches_the_store(tmp_path: Path) -> None:
    results = _one_process(_docs(1))
    analyses = [r for r in results if isinstance(r, Analysis)]
    errors = [ErrorRecord(source="x.jsonl:2", error="malformed_jsonl", message="m")]
    canonical = {a.article.id: assign(a) for a in analyses}
    root = tmp_path / "ds"
    assert not datasets.is_done(root, "p1")
    marker = datasets.write_part(root, "p1", analyses, errors, canonical, {"n": 7})
    assert datasets.is_done(root, "p1") and marker["n"] == 7
    assert marker["rows"]["articles"] == len(analyses) and marker["rows"]["errors"] == 1
    assert sorted(p.name for p in (root / "articles").iterdir()) == ["month=2015-10"]
    back, errs = datasets.read_part(root, "p1")
    assert _json(back) == _json(sorted(analyses, key=lambda a: a.article.id))
    assert errs == errors
    # the Parquet rows are the store's rows, column for column
    with open_store(tmp_path / "s.duckdb") as store:
        store_batch(store, analyses)
        for t in ("articles", "actors", "events", "quotes", "places", "signals"):
            cols, want = store.sql(f"SELECT * FROM {t} ORDER BY ALL")
            con = duckdb.connect()
            glob = str(root / t / "*" / "*.parquet")
            got = con.execute(
                f"SELECT * EXCLUDE (month) FROM read_parquet('{glob}', "
                "hive_partitioning=true) ORDER BY ALL"
            )
            assert [d[0] for d in got.description] == cols, t
            assert got.fetchall() == want, t


@pytest.mark.parametrize(
    ("published", "month"),
    [
        ("2015-10-01", "2015-10"),
        ("2015-10", "2015-10"),
        (None, "unknown"),
        ("", "unknown"),
    ],
)
def test_month_of(published: str | None, month: str) -> None:
    assert datasets.month_of(published) == month


# --- the commands ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["ingest", "--engine", "spark", "x.txt"], "--engine spark needs --out DIR"),
        (["ingest", "--out", "ds", "x.txt"], "--out and --master go with --engine"),
        (["ingest", "--workers", "0", "x.txt"], "0 is not in the range x>=1"),
    ],
)
def test_batch_options_are_checked(args: list[str], expected: str) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert expected in result.output


def test_load_of_a_directory_without_parts_says_what_it_expects(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["load", str(tmp_path), "--db", str(tmp_path / "s")]
    )
    assert result.exit_code == 1
    assert "no complete part found" in result.output


@pytest.mark.model
def test_analyze_with_two_workers_writes_what_one_process_writes(
    tmp_path: Path,
) -> None:
    """Over one chunk (32 documents), so the pool runs; error lines included."""
    lines = [
        json.dumps({"text": d.content, "published": d.published}) for d in _docs(5)
    ]
    lines.insert(9, "{not json")
    src = tmp_path / "feed.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = {}
    for w in (1, 2):
        args = ["analyze", "--format", "jsonl", "--workers", str(w), str(src)]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        out[w] = [x for x in result.stdout.splitlines() if x.startswith("{")]
    assert len(out[1]) == len(lines) > 32
    assert out[2] == out[1]
    assert '"malformed_jsonl"' in out[2][9]
