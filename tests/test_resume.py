"""Ingest killed with SIGKILL and rerun gives the tables of an uninterrupted run."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reportedly import open_store
from reportedly.store import TABLES

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
TOWNS = ["Homs", "Hama", "Aleppo", "Idlib", "Talbiseh", "Rastan"]
OUTLETS = ["Reuters", "AFP", "TASS", "SANA", "Al Jazeera"]


def _corpus(path: Path, n: int = 30) -> Path:
    """Write ``n`` short wire reports (and one bad record) as JSONL."""
    lines = []
    for i in range(n):
        town = TOWNS[i % len(TOWNS)]
        text = (
            f"Russian warplanes struck rebel positions in {town} on Tuesday, killing "
            f"{10 + i} people, the Syrian Observatory for Human Rights said. "
            f"Syrian army units shelled the outskirts of {town} in report {i}."
        )
        lines.append(
            {
                "title": f"Strikes hit {town}",
                "text": text,
                "outlet": OUTLETS[i % len(OUTLETS)],
                "published": f"2015-10-{1 + i % 5:02d}",
            }
        )
    lines.insert(7, {"title": "empty", "text": ""})
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    return path


def _run(source: Path, db: Path, kill_at: int | None, workers: int = 1) -> int | None:
    """Run ``reportedly ingest``; SIGKILL it once ``kill_at`` documents are done."""
    cmd = [sys.executable, "-m", "reportedly.cli", "ingest", "--progress"]
    cmd += ["--batch-size", "4", "--workers", str(workers)]
    cmd += ["--db", str(db), str(source)]
    env = {**os.environ, "TQDM_MININTERVAL": "0", "TQDM_MINITERS": "1"}
    proc = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, env=env)
    killed = []

    def watch() -> None:
        buf = b""
        assert proc.stderr is not None
        while chunk := proc.stderr.read1(4096):
            buf = (buf + chunk)[-200:]
            done = [int(x) for x in re.findall(rb"(\d+)/\d+ \[", buf)]
            if kill_at is not None and done and done[-1] >= kill_at and not killed:
                proc.send_signal(signal.SIGKILL)
                killed.append(done[-1])

    t = threading.Thread(target=watch)
    t.start()
    proc.wait(timeout=300)
    t.join()
    assert proc.stderr is not None
    proc.stderr.close()
    return killed[0] if killed else None


def _tables(db: Path) -> dict[str, list]:
    with open_store(db, read_only=True) as s:
        return {t: s.sql(f"SELECT * FROM {t} ORDER BY ALL")[1] for t in TABLES}


@pytest.mark.parametrize(("workers", "n"), [(1, 30), (2, 90)])
def test_killed_runs_resume_to_the_uninterrupted_result(
    tmp_path: Path, workers: int, n: int
) -> None:
    """With ``--workers 2`` the kill hits the parent; its workers then exit."""
    source = _corpus(tmp_path / "corpus.jsonl", n)
    whole, resumed = tmp_path / "whole.duckdb", tmp_path / "resumed.duckdb"
    assert _run(source, whole, None) is None  # one process: the reference
    partial = []
    for kill_at in (n // 5, n // 2, 3 * n // 4):
        if _run(source, resumed, kill_at, workers) is not None:
            with open_store(resumed, read_only=True) as s:
                partial.append(s.counts()["articles"])
    _run(source, resumed, None, workers)
    assert any(0 < k < n for k in partial), partial  # a kill hit a run mid-way
    want, got = _tables(whole), _tables(resumed)
    assert want["articles"] and want["events"] and want["errors"]
    assert len(want["articles"]) == n
    for t in TABLES:
        assert got[t] == want[t], t
    # and once more: nothing new
    _run(source, resumed, None, workers)
    assert _tables(resumed) == want
