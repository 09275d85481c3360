"""The word lists of ``lexicons/actor_words.toml``: pronoun classes, nouns that
name no participant, family relations, "former" words and date names."""

from __future__ import annotations

import functools

from reportedly.lexicons import load_toml, word_set

FILE = "actor_words.toml"


@functools.cache
def pronoun_classes() -> dict[str, str]:
    """Map each pronoun to its class: m, f, p, n, r, s or x."""
    table = load_toml(FILE)["pronouns"]
    return {w: cls for cls, words in table.items() for w in words}


def pronoun_class(word: str) -> str | None:
    """Return the class of a pronoun (``"m"`` for ``he``), None for other words."""
    return pronoun_classes().get(word.lower())


def never() -> frozenset[str]:
    """Head nouns that never name a participant ("attempts", "the decision")."""
    return word_set(FILE, "never")


def relations() -> frozenset[str]:
    """Family relation words ("son", "wife")."""
    return word_set(FILE, "relations")


def former() -> frozenset[str]:
    """Words that put a title in the past ("former", "late")."""
    return word_set(FILE, "former")


def responsibility() -> frozenset[str]:
    """Nouns whose claimant did the event they name ("claimed responsibility")."""
    return word_set(FILE, "responsibility")


def times() -> frozenset[str]:
    """Weekday and month names."""
    return word_set(FILE, "times")


def words(section: str) -> frozenset[str]:
    """Any other word list of ``actor_words.toml`` (``patient_nouns``,
    ``stative``, ``receiving``, ``victim_verbs``, ``reciprocal``,
    ``subject_control``, ``quantifiers``)."""
    return word_set(FILE, section)
