"""Confidence: how likely an event record is usable as data, calibrated.

Runs last: a logistic model over what the extraction knows about each record
(``_features``) gives the probability that a reader judges the record usable
(a real event with type, actor, recipient, claimant and modality all right or
rightly empty). Its weights are data in ``lexicons/confidence.toml``, trained
on the judged calibration set by ``python -m bench.train_confidence``.
"""

from __future__ import annotations

import functools
import math

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract.confidence._features import features
from reportedly.lexicons import load_toml
from reportedly.model import Actor, Event, replace

__all__ = ["CONFIDENCE", "VERSION", "confidence", "features"]

VERSION = "confidence.v2"


@functools.cache
def _weights() -> tuple[float, dict[str, float]]:
    model = load_toml("confidence.toml")["events"]
    return float(model["intercept"]), {k: float(v) for k, v in model["weights"].items()}


def confidence(ev: Event, actors: dict[str, Actor]) -> float:
    """Return the calibrated probability that the event record is usable."""
    bias, weights = _weights()
    z = bias + sum(weights.get(k, 0.0) * v for k, v in features(ev, actors).items())
    return round(1.0 / (1.0 + math.exp(-z)), 3)


def _run(draft: Draft) -> None:
    actors = {a.id: a for a in draft.actors}
    detected = [
        replace(e, detection=e.confidence if e.detection is None else e.detection)
        for e in draft.events
    ]
    draft.events = [replace(e, confidence=confidence(e, actors)) for e in detected]


CONFIDENCE = Extractor("confidence", VERSION, _run)
