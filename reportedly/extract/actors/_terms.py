"""Terms of office (``lexicons/actor_terms.tsv``): may a role title, read on
the publication date, refer to this person?"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from reportedly.extract.actors._codes import code_parts
from reportedly.extract.actors._lexicon import LEXICONS, norm


@functools.cache
def _terms() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """Map (name, role), both normalised, to the (from, to) dates of each term."""
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    text = (LEXICONS / "actor_terms.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")] + ["", ""]
        out.setdefault((norm(cols[0]), norm(cols[1])), []).append((cols[2], cols[3]))
    return out


def in_office(name: str, role: str, published: str | None) -> bool:
    """False when ``name`` is listed for ``role`` and none of their terms
    covers the publication date; True otherwise (unlisted, or no date)."""
    if not published:
        return True
    terms = _terms().get((norm(name), norm(role)))
    if not terms:
        return True
    return _covers(terms, published[:10])


def _covers(terms: Iterable[tuple[str, str]], day: str) -> bool:
    """Does one of the (from, to) terms cover the day (an empty ``to``: open)?"""
    return any(start <= day and (not end or day < end) for start, end in terms)


def holder(
    people: Iterable[tuple[str, str]],
    role: str,
    affiliation: str | None,
    published: str | None,
) -> str | None:
    """``the French president`` in a 2004 article: the one person the article
    names (``people``: key, name) whom the terms list in ``role`` on the
    publication date, of the role's country (``affiliation``); None when the
    title names no country (``the president`` may be any president the
    terms do not list), or no such person or more than one is named."""
    country = _code(affiliation, "country") if affiliation else None
    if not published or country is None:
        return None
    found = {
        key
        for key, name in people
        if _covers(_terms().get((norm(name), norm(role)), ()), published[:10])
        and _code(name, "person") == country
    }
    return found.pop() if len(found) == 1 else None


def _code(name: str, kind: str) -> str | None:
    coded = code_parts(name, kind=kind)
    return coded.country if coded is not None else None
