"""The store commands: ingest, query, sql, export; bad store files."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from reportedly.cli import main

DEMO = Path(__file__).resolve().parents[1] / "reportedly" / "demo"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ingest the demo corpus once into a store for the module."""
    tmp = tmp_path_factory.mktemp("store")
    shutil.copytree(DEMO, tmp / "demo")
    path = tmp / "demo.duckdb"
    res = CliRunner().invoke(main, ["ingest", "--db", str(path), str(tmp / "demo")])
    assert res.exit_code == 0, res.output
    assert "5 articles stored, 0 skipped" in res.stderr
    assert "with 2+ outlets" in res.stderr
    return path


@pytest.mark.model
def test_ingesting_again_skips_everything(db: Path) -> None:
    res = CliRunner().invoke(main, ["ingest", "--db", str(db), str(DEMO)])
    assert res.exit_code == 0, res.output
    assert "0 articles stored, 5 skipped as already present" in res.stderr


@pytest.mark.model
@pytest.mark.parametrize("what", ["events", "quotes", "incidents", "claims", "reports"])
def test_query_formats(db: Path, what: str) -> None:
    run = CliRunner().invoke
    as_json = run(main, ["query", what, "--db", str(db), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    rows = json.loads(as_json.stdout)
    assert rows
    as_csv = run(main, ["query", what, "--db", str(db), "--format", "csv"])
    assert len(list(csv.DictReader(io.StringIO(as_csv.stdout)))) == len(rows)
    table = run(main, ["query", what, "--db", str(db), "--limit", "2"])
    assert len(table.stdout.splitlines()) == 2 + min(2, len(rows))


@pytest.mark.model
def test_incidents_show_the_competing_claims(db: Path) -> None:
    res = CliRunner().invoke(
        main, ["query", "reports", "--db", str(db), "--format", "json"]
    )
    reports = json.loads(res.stdout)
    outlets = {r["outlet"] for r in reports}
    assert {"Levant Wire", "Syria Monitor Daily"} <= outlets
    args = ["query", "incidents", "--db", str(db), "--format", "csv"]
    res = CliRunner().invoke(main, args)
    assert "quantity: '36 civilians' vs '27 civilians'" in res.stdout


@pytest.mark.model
def test_query_filters_from_the_command_line(db: Path) -> None:
    args = ["query", "claims", "--db", str(db), "--format", "json"]
    res = CliRunner().invoke(main, [*args, "--outlet", "Moscow", "--type", "assault"])
    rows = json.loads(res.stdout)
    assert rows and {r["outlet"] for r in rows} == {"Moscow Evening Bulletin"}
    res = CliRunner().invoke(main, [*args, "--since", "2015-13-01"])
    assert res.exit_code == 2 and "not a date" in res.output


@pytest.mark.model
def test_sql_and_export(db: Path, tmp_path: Path) -> None:
    run = CliRunner().invoke
    res = run(main, ["sql", "--db", str(db), "SELECT count(*) AS n FROM articles"])
    assert res.stdout.split()[-1] == "5"
    res = run(main, ["sql", "--db", str(db), "SELECT * FROM nowhere"])
    assert res.exit_code == 1 and "SQL failed" in res.output
    out = tmp_path / "events.parquet"
    res = run(main, ["export", "--db", str(db), "--events", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert pq.read_table(out).num_rows == int(res.stderr.split()[0]) > 0
    out = tmp_path / "quotes.jsonl"
    args = ["export", "--db", str(db), "--table", "quotes", "--format", "jsonl"]
    res = run(main, [*args, "-o", str(out)])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").count("\n") > 0
    res = run(main, ["export", "--db", str(db), "-o", str(out)])
    assert res.exit_code == 2 and "exactly one of --table" in res.output


@pytest.mark.parametrize("command", [["query", "events"], ["sql", "SELECT 1"]])
def test_a_corrupt_or_missing_store_is_a_clear_error(
    tmp_path: Path, command: list[str]
) -> None:
    bad = tmp_path / "broken.duckdb"
    bad.write_bytes(b"not a database\n" * 500)
    res = CliRunner().invoke(main, [*command, "--db", str(bad)])
    assert res.exit_code == 1 and "broken.duckdb" in res.output
    res = CliRunner().invoke(main, [*command, "--db", str(tmp_path / "none.duckdb")])
    assert res.exit_code == 1 and "no such store" in res.output
