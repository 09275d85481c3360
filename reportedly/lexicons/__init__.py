"""Load the lexicons under ``reportedly/lexicons`` once, as read-only data."""

from __future__ import annotations

import functools
import tomllib
from importlib import resources
from typing import Any


@functools.cache
def load_toml(name: str) -> dict[str, Any]:
    """Return the parsed ``reportedly/lexicons/<name>``."""
    ref = resources.files("reportedly.lexicons").joinpath(name)
    with ref.open("rb") as fh:
        return tomllib.load(fh)


@functools.cache
def word_set(name: str, section: str, key: str = "lemmas") -> frozenset[str]:
    """Return one list of a TOML lexicon as a set of lower-case strings."""
    return frozenset(w.lower() for w in load_toml(name).get(section, {}).get(key, []))
