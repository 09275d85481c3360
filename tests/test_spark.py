"""The Spark engine: Parquet datasets, bad inputs, reruns, load, and the same
records as ``--workers 1`` and ``--workers 2`` (also on a standalone cluster).

Needs PySpark (``pip install '.[spark]'``, which ``make test`` does) and Java
17 (``.ci/run`` installs Debian's ``openjdk-17-jre-headless``); skips without.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warc_files import write_warc

from reportedly import batch, open_store
from reportedly.store import TABLES

pytestmark = [pytest.mark.spark, pytest.mark.model]

if shutil.which("java") is None:
    pytest.skip(
        "Java is not installed (apt-get install openjdk-17-jre-headless; .ci/run "
        "does it)",
        allow_module_level=True,
    )
pytest.importorskip(
    "pyspark", reason="PySpark is not installed: pip install '.[spark]' (make test)"
)

from reportedly.batch import cluster, spark  # noqa: E402  (needs pyspark)

os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
SHARED = Path(__file__).resolve().parents[2] / "shared"
FAKES = SHARED / "data" / "corpora" / "news" / "fa_kes_syria" / "FA-KES-Dataset.csv"
STORED = [t for t in TABLES if t not in ("reviews",)]


def _tables(db: Path) -> dict[str, list]:
    with open_store(db, read_only=True) as s:
        return {t: s.sql(f"SELECT * FROM {t} ORDER BY ALL")[1] for t in STORED}


def _report(i: int, town: str) -> dict[str, str]:
    return {
        "title": f"Shelling in {town}",
        "text": f"Syrian army units shelled rebel positions in {town} on Tuesday, "
        f"killing {3 + i} people, the Syrian Observatory for Human Rights said. "
        f"Rebels fired rockets at a checkpoint near {town} in response.",
        "outlet": ["Reuters", "AFP", "SANA"][i % 3],
        "published": f"2016-0{1 + i % 3}-1{i % 9}",
    }


def _bad_inputs(root: Path) -> dict[str, str]:
    """Write good and bad inputs; return the expected error kind by source."""
    root.mkdir()
    lines = [json.dumps(_report(i, t)) for i, t in enumerate(["Homs", "Hama", "Idlib"])]
    lines.insert(1, '{"text": "unterminated')
    lines.insert(3, json.dumps(["a", "list"]))
    lines.append(json.dumps({"title": "no body here"}))
    (root / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = (
        b"<html><head><title>Clashes</title></head><body><article><p>Police "
        b"arrested two men in Mosul on Friday after a bomb attack on a market, "
        b"the interior ministry said.</p></article></body></html>"
    )
    warc = root / "crawl.warc.gz"
    write_warc(warc, [("response", "https://news.example/a", "text/html", page)])
    warc.write_bytes(warc.read_bytes() + b"\x1f\x8bnot a gzip member" * 20)
    (root / "binary.txt").write_bytes(bytes(range(256)) * 20)
    half = gzip.compress((json.dumps(_report(9, "Aleppo")) + "\n").encode() * 40)
    (root / "cut.jsonl.gz").write_bytes(half[: len(half) // 2])
    rows = [_report(i, t) for i, t in ((4, "Daraa"), (5, "Raqqa"))]
    pq.write_table(pa.Table.from_pylist(rows), root / "shard.parquet")
    return {
        f"{root / 'feed.jsonl'}:2": "malformed_jsonl",
        f"{root / 'feed.jsonl'}:4": "malformed_jsonl",
        f"{root / 'feed.jsonl'}:6": "no_text",
        f"{root / 'crawl.warc.gz'}@": "malformed_warc",
        f"{root / 'binary.txt'}": "binary",
        f"{root / 'cut.jsonl.gz'}": "unreadable",
    }


def test_bad_records_land_in_the_errors_dataset_and_a_rerun_skips(
    tmp_path: Path,
) -> None:
    expected = _bad_inputs(tmp_path / "in")
    out = tmp_path / "ds"
    job = spark.run([str(tmp_path / "in")], out, master="local[2]")
    assert job.analyses == 6  # 3 JSONL + 1 WARC page + 2 Parquet rows
    assert job.errors == len(expected) and job.skipped_slices == 0
    con = duckdb.connect()
    errors = con.execute(
        f"SELECT source, error, message, month FROM read_parquet('{out}/errors/*/*"
        ".parquet', hive_partitioning=true) ORDER BY source"
    ).fetchall()
    assert len(errors) == len(expected)
    for prefix, kind in expected.items():
        hit = [e for e in errors if e[0].startswith(prefix)]
        assert len(hit) == 1, (prefix, errors)
        assert hit[0][1] == kind and hit[0][2] and hit[0][3] == "unknown"
    months = sorted(p.name for p in (out / "articles").iterdir())
    # the WARC page has no date of its own: its WARC-Date (fetched) stands in
    assert months == [
        "month=2015-10",
        "month=2016-01",
        "month=2016-02",
        "month=2016-03",
    ]
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")}
    again = spark.run([str(tmp_path / "in")], out, master="local[2]")
    assert again.skipped_slices == again.slices and again.documents == 0
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.parquet")} == stamp
    # load gives the store a local ingest gives
    db, local = tmp_path / "loaded.duckdb", tmp_path / "local.duckdb"
    loaded = batch.load(out, db=db)
    assert loaded.stored == 6 and loaded.errors == len(expected)
    batch.ingest([str(tmp_path / "in")], db=local, workers=1)
    assert _tables(db) == _tables(local)
    assert batch.load(out, db=db).stored == 0  # incremental: nothing new


@pytest.mark.shared
@pytest.mark.slow
def test_spark_workers_and_a_standalone_cluster_give_identical_records(
    tmp_path: Path,
) -> None:
    if not FAKES.is_file():
        pytest.skip(f"{FAKES} is absent (../shared)")
    source = tmp_path / "fakes200.csv"  # a temporary input, never in the project
    csv.field_size_limit(1 << 30)
    with open(FAKES, encoding="utf-8", newline="") as f:
        rows = [r for _, r in zip(range(201), csv.reader(f), strict=False)]
    with open(source, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    stores = {}
    for workers in (1, 2):
        stores[f"workers {workers}"] = db = tmp_path / f"w{workers}.duckdb"
        summary = batch.ingest([str(source)], db=db, workers=workers)
        assert summary.stored == 200
    with cluster.standalone(cores=2) as url:
        masters = {"local[2]": "local[2]", "standalone cluster": url}
        for name, master in masters.items():
            out = tmp_path / f"ds-{name.replace(' ', '-')}"
            job = spark.run([str(source)], out, master=master)
            assert job.analyses == 200 and job.slices >= 8, job
            stores[name] = db = tmp_path / f"{name.replace(' ', '-')}.duckdb"
            batch.load(out, db=db)
    want = _tables(stores["workers 1"])
    assert len(want["articles"]) == 200 and want["events"] and want["incidents"]
    for name, db in stores.items():
        got = _tables(db)
        for t in STORED:
            assert got[t] == want[t], (name, t)
