"""Signals: how far an article's sourcing can be trusted, and where it disagrees.

``signals()`` (``_signals``) flags unintroduced and anonymous speakers,
unresolved pronoun speakers, broken quotation marks and removed boilerplate;
``contradictions()`` (``_contradictions``) flags claims of one event type that
disagree. The two run as separate extractors: contradictions need the events.
"""

from __future__ import annotations

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract.signals import _contradictions, _signals
from reportedly.extract.signals._contradictions import contradictions
from reportedly.extract.signals._signals import KINDS, signals

__all__ = ["CONTRADICTIONS", "KINDS", "SIGNALS", "VERSION", "contradictions", "signals"]

VERSION = _signals.VERSION


def _run(draft: Draft) -> None:
    draft.signals = list(signals(draft.doc, draft.article, draft.quotes, draft.actors))


def _run_contradictions(draft: Draft) -> None:
    draft.signals += contradictions(draft.events, draft.actors)


SIGNALS = Extractor("signals", VERSION, _run)
CONTRADICTIONS = Extractor(
    "contradictions", _contradictions.VERSION, _run_contradictions
)
