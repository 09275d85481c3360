"""One canonical actor per entity across the corpus.

Each actor record of an article is mapped to an :class:`Entity` through the
actor dictionary (``code_actor``): ``ISIS``, ``Isis``, ``IS``, ``ISIL``,
``Daesh`` and ``Islamic State`` code to one canonical name and so to one
entity; ``US``, ``U.S.``, ``USA``, ``United States`` and ``Washington`` to
another. A named actor the dictionary does not know is one entity per name
and country; a person by full name. Generic actors (``officials``, ``the
army``, ``rebels``) and a lone surname are never merged across articles: they
stay entities of their own article. The words dropped to find a name are data
in ``lexicons/entities.toml``.
"""

from __future__ import annotations

import re

from reportedly.extract.actors import code_actor
from reportedly.lexicons import load_toml
from reportedly.model import Actor, Analysis, Entity, stable_id


def _words(key: str) -> tuple[str, ...]:
    return tuple(load_toml("entities.toml")["names"][key])


def _proper(name: str) -> bool:
    """A name, not a common noun: some word starts with a capital letter."""
    return any(w[:1].isupper() for w in name.split())


def _bare(name: str) -> str:
    """Drop what does not name the entity: ``the``, ``Britain-based``, ``'s``."""
    s = re.sub(r"[’']s$", "", name.strip())
    s = re.sub(r"^(?:the|a|an)\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(r"^\S+-based\s+", "", s)
    return s.strip()


def _coded(name: str) -> tuple[str, str | None, str | None, str] | None:
    """Return (canonical name, country, sector, kind) from the dictionary, trying
    the name without a generic last word (``Islamic State group``)."""
    c = code_actor(name)
    if c is None or not _proper(c.name) or c.name.casefold() in _words("not_names"):
        return None
    words = c.name.split()
    if len(words) > 1 and words[-1].casefold() in _words("generic_last"):
        shorter = code_actor(" ".join(words[:-1]))
        if shorter and (shorter.country, shorter.sector) == (c.country, c.sector):
            c = shorter
    return c.name, c.country, c.sector, c.kind


def entity_of(actor: Actor, article_id: str) -> Entity:
    """Return the entity an article's actor record stands for."""
    name = _bare(actor.name)
    coded = _coded(name) if name else None
    if coded is not None:
        canon, country, sector, kind = coded
        return Entity(
            id=stable_id("entity", canon.casefold(), country or ""),
            name=canon,
            kind=kind if kind != "unknown" else actor.kind,
            country=country or actor.country,
            sector=sector or actor.sector,
        )
    full_person = actor.kind == "person" and len(name.split()) >= 2
    named = actor.kind != "person" and _proper(name)
    if name and (full_person or named) and name.casefold() not in _words("not_names"):
        key = (actor.kind == "person", name.casefold(), actor.country or "")
        return Entity(
            id=stable_id("entity", *key),
            name=name,
            kind=actor.kind,
            country=actor.country,
            sector=actor.sector,
        )
    return Entity(
        id=stable_id("entity", "article", article_id, actor.id),
        name=actor.name,
        kind=actor.kind,
        country=actor.country,
        sector=actor.sector,
        scope="article",
    )


def assign(analysis: Analysis) -> dict[str, Entity]:
    """Return the entity of every actor record of an analysis, by actor id."""
    return {a.id: entity_of(a, analysis.article.id) for a in analysis.actors}
