"""Reading: the store's own files are skipped; markup in a record field is HTML."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reportedly.ingest import read_sources
from reportedly.model import ErrorRecord, RawDocument

ARTICLE = "Troops fired on protesters in the capital on Monday, police said."
STORE_FILES = {"c.duckdb": b"DUCK\x00\x01\x02", "c.duckdb.wal": b"\x00\xffWAL"}


def _names(items: list[RawDocument | ErrorRecord]) -> list[tuple[str, str]]:
    kind = {RawDocument: "doc", ErrorRecord: "error"}
    return [(Path(i.source).name, kind[type(i)]) for i in items]


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A directory holding one article and a DuckDB file with its log."""
    tmp_path = tmp_path / "d"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for name, data in STORE_FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


ALL = [("a.txt", "doc"), ("c.duckdb", "error"), ("c.duckdb.wal", "error")]
# (sources, exclude, expected (file name, kind)); "D" is the directory.
EXCLUDE_CASES = [
    (["D"], [], ALL),  # without exclude nothing changes: binary error records
    (["D/a.txt", "D/c.duckdb", "D/c.duckdb.wal"], [], ALL),
    (["D"], ["D/c.duckdb"], [("a.txt", "doc")]),
    (["D/a.txt", "D/c.duckdb", "D/c.duckdb.wal"], ["D/c.duckdb"], [("a.txt", "doc")]),
    (["D"], ["D/c.duckdb.wal"], ALL[:2]),  # only the file and its log, not "-.wal"
    (["D"], ["D/other.duckdb"], ALL),  # a store elsewhere excludes nothing here
    (["."], ["c.duckdb"], [("a.txt", "doc")]),  # relative, as `cd D && ingest .`
    (["D/./c.duckdb", "D/../X/c.duckdb.wal"], ["D/c.duckdb"], []),  # resolved paths
]


@pytest.mark.parametrize(("sources", "exclude", "expected"), EXCLUDE_CASES)
def test_exclude_store_files(
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    sources: list[str],
    exclude: list[str],
    expected: list[tuple[str, str]],
) -> None:
    monkeypatch.chdir(store_dir)
    link = store_dir.parent / "X" / "c.duckdb.wal"  # a symlink to the log
    link.parent.mkdir()
    link.symlink_to(store_dir / "c.duckdb.wal")

    def path(s: str) -> str:  # "D/x" relative to the working directory
        return str(store_dir) if s == "D" else s.replace("D/", f"../{store_dir.name}/")

    srcs = [path(s) for s in sources]
    got = list(read_sources(srcs, exclude=[path(e) for e in exclude]))
    assert _names(got) == expected
    errors = [i for i in got if isinstance(i, ErrorRecord)]
    assert all(e.error == "binary" for e in errors)


def test_exclude_skip_is_logged(
    store_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="reportedly.ingest"):
        got = list(read_sources([str(store_dir)], exclude=[store_dir / "c.duckdb"]))
    assert _names(got) == [("a.txt", "doc")]
    skipped = sorted(Path(r.args[0]).name for r in caplog.records)  # type: ignore[index]
    assert skipped == ["c.duckdb", "c.duckdb.wal"]
    assert {r.levelno for r in caplog.records} == {logging.INFO}


def test_exclude_leaves_only_store_files(tmp_path: Path) -> None:
    for name, data in STORE_FILES.items():
        (tmp_path / name).write_bytes(data)
    (item,) = read_sources([str(tmp_path)], exclude=[tmp_path / "c.duckdb"])
    assert isinstance(item, ErrorRecord)
    assert item.error == "empty"
    assert "besides the store's own files" in item.message
