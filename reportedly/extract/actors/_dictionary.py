"""The actor dictionary, read once: ISO countries (pycountry), demonyms,
``actor_dictionary.tsv``, ``actor_sectors.tsv`` and the user's own file named by
``Resources.actors_file`` (same columns; its rows win).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path

import pycountry

from reportedly.extract._resources import current
from reportedly.extract.actors._lexicon import LEXICONS, load, norm

INTERNATIONAL = frozenset(["IGO", "NGO"])


@dataclass(frozen=True, slots=True)
class Coded:
    """What an actor phrase stands for.

    ``country`` is ISO 3166 alpha-3 (None for international bodies, whose
    ``scope`` is ``IGO`` or ``NGO``); ``backer`` is the sponsor of a
    ``U.S.-backed`` or ``pro-Iranian`` actor.
    """

    name: str
    kind: str
    country: str | None
    sector: str | None
    backer: str | None = None
    scope: str | None = None

    @property
    def code(self) -> str | None:
        """The CAMEO-style actor code: the country, else IGO / NGO."""
        return self.country or self.scope


@dataclass(frozen=True, slots=True)
class Tables:
    entries: dict[str, Coded]
    sectors: dict[str, str]
    members: frozenset[str]  # generic person nouns: an organisation's sector wins
    former: frozenset[str]  # "former President": the sector becomes ELI
    collective: frozenset[str]  # "a team of police": the head is past "of"
    max_words: int


def _rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append([c.strip() for c in line.split("\t")] + [""] * 6)
    return rows


def _entry(row: list[str]) -> Coded:
    variant, canonical, kind, country, sector, note = row[:6]
    backer = note[7:].split()[0] if note.startswith("backer=") else None
    scope = country if country in INTERNATIONAL else None
    return Coded(
        name=canonical or variant,
        kind=kind or "organization",
        country=None if scope or not country else country.upper(),
        sector=sector or None,
        backer=backer,
        scope=scope,
    )


def _countries() -> dict[str, Coded]:
    """Every ISO 3166 country under its name, official name and short name."""
    out: dict[str, Coded] = {}
    for c in pycountry.countries:
        short = c.name.split(",")[0].split(" (")[0]
        best = getattr(c, "common_name", None) or short
        for name in (c.name, short, best, getattr(c, "official_name", None)):
            if name:
                out.setdefault(norm(name), Coded(best, "country", c.alpha_3, None))
    return out


def tables() -> Tables:
    """Return the actor tables with the actor file of the current ``Resources``."""
    return tables_for(current().actors_file)


@functools.cache  # a loader: one entry per actor file, of which a process has few
def tables_for(extra: Path | None) -> Tables:
    """Read every actor table once per user actor file ``extra`` (None: none)."""
    entries = _countries()
    files = [LEXICONS / "actor_dictionary.tsv"]
    if extra:
        files.append(Path(extra).expanduser())
    rows = [r for f in files for r in _rows(f)]
    preferred: dict[str, str] = {}
    for row in rows:
        coded = _entry(row)
        entries[norm(row[0])] = coded
        if coded.kind == "country" and coded.country:
            preferred.setdefault(coded.country, coded.name)
    for demonym, country in load().demonyms.items():
        hit = entries.get(norm(country))
        if hit is not None and hit.country and demonym not in entries:
            entries[demonym] = hit
    for key, e in entries.items():  # one name per country: "Russia", not both
        if e.kind == "country" and e.country in preferred:
            entries[key] = replace(e, name=preferred[e.country])
    sectors: dict[str, str] = {}
    flags: dict[str, set[str]] = {"member": set(), "former": set(), "of": set()}
    for row in _rows(LEXICONS / "actor_sectors.tsv"):
        sectors[norm(row[0])] = row[1]
        flags.get(row[2], set()).add(norm(row[0]))
    for surface, role in load().roles.items():
        if role and sectors.get(norm(role)):
            sectors.setdefault(surface, sectors[norm(role)])
    width = max(len(k.split()) for k in [*entries, *sectors])
    members, former, of = (frozenset(flags[k]) for k in ("member", "former", "of"))
    return Tables(entries, sectors, members, former, of, width)
