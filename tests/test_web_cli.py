"""The web commands: serve (a real server process), export --reviews, eval."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.request
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi")

from reportedly import service  # noqa: E402
from reportedly.cli import main  # noqa: E402
from reportedly.web import create_app  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "reportedly" / "demo" / "corpus"
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("webcli") / "corpus.duckdb"
    service.ingest([str(DEMO)], db=path)
    return path


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize("workers", ["1", "2"])
def test_serve_answers_on_loopback_and_is_read_only(
    db: Path, tmp_path: Path, workers: str
) -> None:
    port = _port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportedly.cli",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--workers",
            workers,
        ],
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    try:
        body = None
        for _ in range(120):
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/overview"
                ) as r:
                    body = json.loads(r.read())
                break
            except OSError:
                time.sleep(0.25)
        assert body is not None, (tmp_path / "serve.log").read_text()
        assert body["counts"]["articles"] == 4
        for _ in range(6):  # every worker answers the same
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/overview") as r:
                assert json.loads(r.read()) == body
        req = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/reviews",
            data=b"{}",
            method="POST",
            headers={"content-type": "application/json"},
        )
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(req)
        assert err.value.code == 403
        err.value.close()
    finally:
        proc.terminate()
        assert proc.wait(timeout=20) is not None  # the workers stop with it
        log.close()


def test_export_reviews_and_eval(db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    store = tmp_path / "reviewed.duckdb"
    store.write_bytes(db.read_bytes())
    app = create_app(store, review=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with TestClient(app) as c:
            events = c.get("/api/events?limit=3").json()["items"]
            for e, verdict in zip(events, ("yes", "yes", "no"), strict=True):
                r = c.post(
                    "/api/reviews",
                    json={
                        "reviewer": "ana",
                        "kind": "event",
                        "article_id": e["article_id"],
                        "record_id": e["event_id"],
                        "field": "real",
                        "verdict": verdict,
                    },
                    headers={"x-review-token": app.state.token},
                )
                assert r.status_code == 200, r.text
    out = tmp_path / "reviews.jsonl"
    res = CliRunner().invoke(
        main, ["export", "--db", str(store), "--reviews", "-o", str(out)]
    )
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 3 and {x["judge"] for x in lines} == {"ana"}
    assert set(lines[0]) >= {
        "kind",
        "locator",
        "key",
        "field",
        "value",
        "verdict",
        "date",
    }
    res = CliRunner().invoke(main, ["eval", "--db", str(store)])
    assert res.exit_code == 0, res.output
    assert "| event.real | 2 of 3 | 0.67 |" in res.stdout
    # the same verdicts score another store with the same records
    res = CliRunner().invoke(main, ["eval", "--db", str(db), "--reviews", str(out)])
    assert "| event.real | 2 of 3 | 0.67 |" in res.stdout
    assert "0 reviews no longer apply" in res.stderr


def test_export_needs_exactly_one_kind(db: Path, tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main,
        ["export", "--db", str(db), "--events", "--reviews", "-o", str(tmp_path / "x")],
    )
    assert res.exit_code != 0 and "exactly one" in res.output


def test_review_with_workers_is_refused(db: Path) -> None:
    res = CliRunner().invoke(
        main, ["serve", "--db", str(db), "--review", "--workers", "2"]
    )
    assert res.exit_code != 0
