"""Trigger tables for event coding, built once from ``lexicons/events.toml``.

Each trigger word maps to a :class:`Trigger` (PLOVER type, CAMEO root, mode,
quad). Single words are looked up by lemma; two-word entries are either a verb
with its particle or preposition (``call on``) or a noun with its modifier
(``air strike``).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from reportedly.lexicons import load_toml

STATEMENT = "STATEMENT"

# PLOVER types that express cooperation; negated they become REJECT
COOPERATIVE = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """What a trigger word means: PLOVER type, CAMEO root, mode and quad."""

    type: str
    cameo: str
    mode: str | None
    quad: str


@dataclass(frozen=True, slots=True)
class Tables:
    """Lookup tables: verbs, verb+particle, nouns, modifier+noun, frames.

    ``phrasal_verbs`` and ``compound_words`` are derived: the verbs of the
    phrasal entries and every word of the compound ones, so ``trigger_of``
    walks a token's children only when a two-word entry could match (it is
    asked about every token of every article).
    """

    verbs: dict[str, Trigger]
    phrasal: dict[tuple[str, str], Trigger]
    nouns: dict[str, Trigger]
    compounds: dict[tuple[str, str], Trigger]
    frames: dict[str, frozenset[str]]
    phrasal_verbs: frozenset[str] = field(init=False, repr=False, compare=False)
    compound_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        verbs = frozenset(v for v, _ in self.phrasal)
        words = frozenset(w for pair in self.compounds for w in pair)
        object.__setattr__(self, "phrasal_verbs", verbs)
        object.__setattr__(self, "compound_words", words)


def _entries(data: dict[str, Any]) -> list[tuple[dict[str, Any], Trigger]]:
    """Flatten types and their variants, variants first so that they win."""
    out: list[tuple[dict[str, Any], Trigger]] = []
    for name, table in data.items():
        if "cameo" not in table:
            continue  # a frame (LIGHT, NEGATORS ...), not an event type
        base = Trigger(name, table["cameo"], table.get("mode"), table["quad"])
        for _key, sub in table.items():
            if isinstance(sub, dict):
                trig = Trigger(
                    name, sub.get("cameo", base.cameo), sub.get("mode"), base.quad
                )
                out.append((sub, trig))
        out.append((table, base))
    return out


def _put(table: dict[Any, Trigger], key: Any, trig: Trigger) -> None:
    # the first type that lists a word keeps it; file order is priority order
    table.setdefault(key, trig)


@functools.cache
def tables(lexicon: str = "events.toml") -> Tables:
    """Return the trigger tables of one events lexicon (built once)."""
    verbs: dict[str, Trigger] = {}
    phrasal: dict[tuple[str, str], Trigger] = {}
    nouns: dict[str, Trigger] = {}
    compounds: dict[tuple[str, str], Trigger] = {}
    for table, trig in _entries(load_toml(lexicon)):
        for word in table.get("verbs", []):
            parts = word.lower().split()
            if len(parts) == 1:
                _put(verbs, parts[0], trig)
            else:
                _put(phrasal, (parts[0], parts[-1]), trig)
        for word in table.get("nouns", []):
            parts = word.lower().split()
            if len(parts) == 1:
                _put(nouns, parts[0], trig)
            else:
                _put(compounds, (parts[0], parts[-1]), trig)
    frames = {
        f"{name}.{key}": frozenset(w.lower() for w in words)
        for name, table in load_toml(lexicon).items()
        if "cameo" not in table
        for key, words in table.items()
    }
    return Tables(verbs, phrasal, nouns, compounds, frames)


VERB_POS = frozenset({"VERB"})
# "found him guilty" parses "guilty" as a ccomp
PARTICLES = frozenset({"prt", "prep", "acomp", "oprd", "advmod", "dobj", "ccomp"})
NOUN_POS = frozenset({"NOUN", "PROPN"})


def _when(verb: Any, prep: Any) -> bool:
    """A preposition that only dates a verb, after its object: "called him
    on Monday" is no "call on" (but "called on Monday for calm" keeps it)."""
    return (
        prep.dep_ == "prep"
        and prep.i > verb.i + 1
        and any(
            p.dep_ == "pobj" and p.ent_type_ in ("DATE", "TIME") for p in prep.children
        )
    )


def _preposition(verb: Any, c: Any, tab: Tables) -> bool:
    """A particle-only phrasal (``closed in``) read off a preposition with
    its own object (``closed in 1990``, ``closed in New York``)."""
    return (
        f"{verb.lemma_.lower()} {c.lower_}" in tab.frames["PHRASAL.particles_only"]
        and c.dep_ == "prep"
        and any(p.dep_ == "pobj" for p in c.children)
    )


def trigger_of(tok: Any, tab: Tables | None = None) -> Trigger | None:
    """Return the trigger meaning of one token, or None."""
    tab = tab or tables()
    pos = tok.pos_
    if pos in VERB_POS or (pos == "AUX" and tok.dep_ == "ROOT"):
        lemma = tok.lemma_.lower()
        if lemma not in tab.phrasal_verbs:
            return tab.verbs.get(lemma)  # no particle can make a phrasal entry
        for c in tok.children:
            if c.dep_ in PARTICLES and c.i > tok.i and not _when(tok, c):
                hit = tab.phrasal.get((lemma, c.lower_))
                if hit and not _preposition(tok, c, tab):
                    return hit
        return tab.verbs.get(lemma)
    if pos in NOUN_POS or (pos == "ADJ" and tok.dep_ in ("dobj", "pobj", "nsubj")):
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        words = tab.compound_words
        if lemma not in words and lower not in words:
            return tab.nouns.get(lower) or tab.nouns.get(lemma)  # no compound
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.i < tok.i:
                hit = tab.compounds.get((c.lower_, lemma)) or tab.compounds.get(
                    (c.lower_, lower)
                )
                if hit:
                    return hit
            elif c.dep_ == "prep" and c.lower_ == "of":  # "state of siege"
                for p in c.children:
                    hit = tab.compounds.get((lemma, p.lower_))
                    if hit:
                        return hit
        return tab.nouns.get(lower) or tab.nouns.get(lemma)
    return None
