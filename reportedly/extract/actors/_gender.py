"""The gender of a person from a title (``Mr``, ``Lady``) or a first name.

First names are looked up in the data that the ``gender-guesser`` package
ships (Jörg Michael's name dictionary, about 45,000 first names); it is read
once, lazily, the first time a name needs it (about 0.5 s). Only clear
answers count: ``male`` -> ``m``, ``female`` -> ``f``; mostly-male or
mostly-female (``Kim``, also a Korean surname), androgynous and unknown
names have no gender.
"""

from __future__ import annotations

import functools
from typing import Any

from reportedly.extract.actors._lexicon import load, norm

ANSWERS = {"male": "m", "female": "f"}


@functools.cache
def _detector() -> Any:
    from gender_guesser.detector import Detector

    return Detector(case_sensitive=False)


@functools.lru_cache(maxsize=8192)
def first_name_gender(name: str) -> str | None:
    """Return ``m``, ``f`` or None for a first name (``Theresa`` -> ``f``)."""
    word = name.strip(".,'’\"").split("-")[0]
    if len(word) < 2 or not word.isalpha() or not word[0].isupper():
        return None
    return ANSWERS.get(_detector().get_gender(word))


def title_gender(title: str) -> str | None:
    """Return the gender a title gives (``Mrs`` -> ``f``), else None."""
    return load().role_gender.get(norm(title))


def name_gender(name: str) -> str | None:
    """The gender of a person's name: a title in it, else the first known
    first name before the surname (``US Defense Secretary Mark Esper`` -> ``m``).

    A name of one word (a surname) has none.
    """
    words = name.split()
    roles = load().roles
    for k, w in enumerate(words[:-1]):
        g = title_gender(w)
        if g is not None:
            return g
        if norm(w) in roles or norm(" ".join(words[k : k + 2])) in roles:
            continue
        found = first_name_gender(w) if not w.isupper() else None
        if found is not None:
            return found
    return None
