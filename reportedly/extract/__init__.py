"""Extractors: (spaCy Doc, Article) -> records, one subpackage per record kind.

``extract()`` is the one door: it runs every extractor of ``REGISTRY`` in
order on a draft of the article and returns the :class:`Analysis`. The files
the extractors read (the gazetteer, a user actor file) come in as
``Resources`` passed down by the caller; ``check_resources()`` tells early
when one is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract._registry import REGISTRY
from reportedly.extract._resources import Resources, current, using
from reportedly.extract.places import gazetteer as _gazetteer
from reportedly.model import Analysis, Article

__all__ = [
    "REGISTRY",
    "Extractor",
    "Resources",
    "check_resources",
    "extract",
    "resource_files",
    "setup",
    "using",
    "versions",
]


def extract(
    doc: Any,
    article: Article,
    *,
    headline: tuple[int, Any] | None = None,
    resources: Resources | None = None,
) -> Analysis:
    """Run every extractor on one parsed article and return its analysis.

    ``doc`` is the spaCy parse of ``article.text``; ``headline`` is
    ``(start, doc)``, a separate parse of the headline (``annotate.headline``).
    ``resources`` are current while the extractors run (None: those already
    current, the defaults outside ``using``).
    """
    draft = Draft(doc=doc, article=article, headline=headline)
    with using(resources if resources is not None else current()):
        for extractor in REGISTRY:
            extractor.run(draft)
    return Analysis(
        article=article,
        actors=tuple(draft.actors),
        places=tuple(draft.places),
        quotes=tuple(draft.quotes),
        events=tuple(draft.events),
        signals=tuple(draft.signals),
        extractors=versions(),
    )


def versions() -> dict[str, str]:
    """Return ``{name: version}`` of every extractor, in the order they run."""
    return {e.name: e.version for e in REGISTRY}


def check_resources(resources: Resources | None = None) -> None:
    """Raise ``SetupError`` when a file built at setup (the gazetteer) is missing."""
    _gazetteer.require((resources or Resources()).cache_dir)


def resource_files(resources: Resources | None = None) -> list[Path]:
    """Return the files built at setup that extraction reads (the gazetteer):
    what a batch job ships to machines that run the pipeline."""
    return [_gazetteer.require((resources or Resources()).cache_dir)]


def setup(resources: Resources | None = None) -> Path:
    """Build the files extraction needs if missing (the gazetteer); return its path.

    An explicit step for a surface (``reportedly setup``, install): extraction
    itself never builds anything.
    """
    return _gazetteer.ensure((resources or Resources()).cache_dir)
