"""Shared fixtures: the reference article and the golden corpus, analysed once."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEMO_PATH = ROOT / "reportedly" / "demo" / "000_49bb6308d4702ce6.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def golden_articles() -> dict[str, str]:
    """Return the golden articles by name (file stem), in name order."""
    return {
        p.stem: p.read_text(encoding="utf-8")
        for p in sorted((GOLDEN / "articles").glob("*.txt"))
    }


def golden_expected() -> dict[str, Any]:
    """Return ``tests/golden/expected.json``."""
    return json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))


@functools.cache
def _analysis(text: str, raw: bool) -> Any:
    from reportedly import analyze

    return analyze(text, raw=raw)


@pytest.fixture(scope="session")
def analysis_of() -> Callable[..., Any]:
    """Analyse a text once per session: ``analysis_of(text, raw=True)``."""

    def get(text: str, raw: bool = True) -> Any:
        return _analysis(text, raw)

    return get


@pytest.fixture(scope="session")
def demo_text() -> str:
    return DEMO_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def demo_analysis(demo_text: str) -> Any:
    """The reference article, cleaned (``raw=False``) and analysed once."""
    return _analysis(demo_text, False)


@pytest.fixture
def every_candidate(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every candidate the lexicon rules let through: tests of roles and
    participants read the grammar of a record, while whether a candidate is
    an event at all is the relevance model's, tested in
    ``test_event_relevance``."""
    from reportedly.extract.events import _relevance

    shipped = _relevance.model()
    if shipped is not None:
        keep = _relevance.Model(shipped.weights, shipped.bias, 0.0)
        monkeypatch.setattr(_relevance, "model", lambda: keep)
