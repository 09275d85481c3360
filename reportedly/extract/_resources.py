"""The files the extractors read besides the package data, passed down per call.

``Resources`` names them; ``using(resources)`` makes them current in this
context (a ``contextvars.ContextVar``, so threads and tasks keep their own)
and the cached accessors (the actor dictionary's ``tables()``, the
``gazetteer()``) read ``current()`` and cache per value. Nothing under
``reportedly.extract`` reads settings of its own: the surfaces build a
``Resources`` from their options and pass it down.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Resources:
    """Where the extractors find their files.

    ``cache_dir`` holds the gazetteer built at setup (None: ``~/.cache/reportedly``);
    ``actors_file`` is a user actor file with the columns of
    ``lexicons/actor_dictionary.tsv`` whose rows win over ours (None: none).
    """

    cache_dir: Path | None = None
    actors_file: Path | None = None


def default_cache_dir() -> Path:
    """Return ``~/.cache/reportedly``, the cache directory when none is given."""
    return Path.home() / ".cache" / "reportedly"


_DEFAULTS = Resources()
_CURRENT: ContextVar[Resources | None] = ContextVar(
    "reportedly_extract_resources", default=None
)


def current() -> Resources:
    """Return the resources of the running call (the defaults outside any)."""
    found = _CURRENT.get()
    return _DEFAULTS if found is None else found


@contextmanager
def using(resources: Resources) -> Iterator[Resources]:
    """Make ``resources`` current until the block ends, for direct callers of
    extractor functions (tests, benches); ``extract()`` does the same itself."""
    token = _CURRENT.set(resources)
    try:
        yield resources
    finally:
        _CURRENT.reset(token)
