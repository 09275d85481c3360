"""What a new user hit: store files as input, unknown types, writes through sql,
where errors are, and help texts that list what is allowed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportedly.cli import main
from reportedly.model import EVENT_TYPES
from reportedly.store import TABLES

DEMO = Path(__file__).resolve().parents[1] / "reportedly" / "demo"
ARTICLE = (
    "Troops fired on protesters in the capital on Monday, killing three people, "
    "police said. The interior ministry denied that soldiers had opened fire.\n"
)


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding two articles, a bad file and its own store, ingested twice."""
    d = tmp_path_factory.mktemp("corpus")
    (d / "a.txt").write_text(ARTICLE, encoding="utf-8")
    shutil.copy(DEMO / "000_49bb6308d4702ce6.txt", d / "b.txt")
    (d / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    cwd = os.getcwd()
    os.chdir(d)
    try:
        for _ in range(2):  # the second run sees c.duckdb and c.duckdb.wal (if any)
            res = CliRunner().invoke(main, ["ingest", "--db", "c.duckdb", "."])
            assert res.exit_code == 0, res.output
    finally:
        os.chdir(cwd)
    return d


@pytest.mark.model
def test_the_store_never_ingests_its_own_files(store_dir: Path) -> None:
    db = str(store_dir / "c.duckdb")
    res = CliRunner().invoke(main, ["query", "errors", "--db", db, "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert "bad.txt" in res.stdout and "duckdb" not in res.stdout
    assert "1 row" in res.stderr


@pytest.mark.model
def test_the_ingest_summary_says_where_to_read_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    res = CliRunner().invoke(main, ["ingest", "--db", db, str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "1 errors" in res.stderr
    assert f"reportedly query errors --db {db}" in res.stderr


@pytest.mark.model
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "events", "--type", "BOMBING"], "unknown event type 'BOMBING'"),
        (["query", "incidents", "--type", "bombing"], "expected one of STATEMENT"),
        (["query", "quotes", "--type", "ASSAULT"], "direct, indirect, mixed"),
        (["query", "nothing"], "'nothing' is not one of"),
        (["query", "events", "--format", "xml"], "'xml' is not one of"),
    ],
)
def test_unknown_values_are_errors_that_list_the_valid_ones(
    store_dir: Path, args: list[str], message: str
) -> None:
    res = CliRunner().invoke(main, [*args, "--db", str(store_dir / "c.duckdb")])
    assert res.exit_code != 0
    assert message in res.output


@pytest.mark.model
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_an_empty_result_says_0_rows(store_dir: Path, fmt: str) -> None:
    db = str(store_dir / "c.duckdb")
    args = ["query", "events", "--db", db, "--type", "SANCTION", "--format", fmt]
    res = CliRunner().invoke(main, [*args, "--outlet", "no such outlet"])
    assert res.exit_code == 0, res.output
    assert res.stderr.strip() == "0 rows"
    assert res.stdout.strip() == {"table": "", "json": "[]", "csv": ""}[fmt]


@pytest.mark.model
def test_sql_is_read_only_unless_write_is_given(store_dir: Path) -> None:
    db = str(store_dir / "c.duckdb")
    res = CliRunner().invoke(main, ["sql", "--db", db, "DELETE FROM errors"])
    assert res.exit_code == 1 and "pass --write" in res.output
    res = CliRunner().invoke(main, ["sql", "--db", db, "SELECT count(*) FROM errors"])
    assert res.stdout.split()[-1] == "1"  # nothing was deleted
    copy = store_dir / "copy.duckdb"
    shutil.copy(db, copy)
    res = CliRunner().invoke(
        main, ["sql", "--db", str(copy), "--write", "DELETE FROM errors"]
    )
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(
        main, ["sql", "--db", str(copy), "SELECT count(*) FROM errors"]
    )
    assert res.stdout.split()[-1] == "0"


def test_help_lists_the_event_types_and_the_tables() -> None:
    runner = CliRunner()
    query_help = " ".join(runner.invoke(main, ["query", "--help"]).output.split())
    assert all(t in query_help for t in EVENT_TYPES)
    sql_help = " ".join(runner.invoke(main, ["sql", "--help"]).output.split())
    assert all(t in sql_help for t in TABLES)
    analyze_help = runner.invoke(main, ["analyze", "--help"]).output
    assert "events" in analyze_help and "places" in analyze_help
