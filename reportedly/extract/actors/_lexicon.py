"""Load the actor lexicons (roles, demonyms, known actors, head nouns) once."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from reportedly.lexicons import word_set

LEXICONS = Path(__file__).resolve().parents[2] / "lexicons"
_SPACES = re.compile(r"\s+")


def norm(text: str) -> str:
    """Lowercase ``text`` and collapse its whitespace, the form lexicon keys use."""
    return _SPACES.sub(" ", text.strip()).lower()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists that actor resolution and signals read.

    ``roles`` maps a surface title to its canonical role ("" for honorifics);
    ``known`` maps an organisation or outlet name to ``(kind, affiliation)``;
    ``nouns`` maps a head noun to its class and ``anon_role`` to the role an
    anonymous source gets.
    """

    roles: dict[str, str]
    role_gender: dict[str, str]
    max_role_words: int
    demonyms: dict[str, str]
    known: dict[str, tuple[str, str | None]]
    nouns: dict[str, str]
    anon_role: dict[str, str]
    speech_verbs: frozenset[str]


def _rows(name: str) -> list[list[str]]:
    rows = []
    for line in (LEXICONS / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """Read the lexicon files under ``reportedly/lexicons`` once per process."""
    roles: dict[str, str] = {}
    gender: dict[str, str] = {}
    for row in _rows("roles.tsv"):
        key = norm(row[0])
        roles[key] = row[1] if len(row) > 1 else ""
        if len(row) > 2 and row[2]:
            gender[key] = row[2]
    known: dict[str, tuple[str, str | None]] = {}
    for row in _rows("known_actors.tsv"):
        aff = row[2] if len(row) > 2 and row[2] else None
        known[norm(row[0])] = (row[1], aff)
    nouns: dict[str, str] = {}
    anon: dict[str, str] = {}
    for row in _rows("actor_nouns.tsv"):
        nouns[norm(row[0])] = row[1]
        if len(row) > 2 and row[2]:
            anon[norm(row[0])] = row[2]
    return Lexicon(
        roles=roles,
        role_gender=gender,
        max_role_words=max(len(k.split()) for k in roles) + 3,
        demonyms={norm(r[0]): r[1] for r in _rows("demonyms.tsv")},
        known=known,
        nouns=nouns,
        anon_role=anon,
        speech_verbs=word_set("cues.toml", "speech")
        | word_set("cues.toml", "belief")
        | word_set("cues.toml", "declines"),
    )
