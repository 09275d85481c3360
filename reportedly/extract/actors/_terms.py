"""Terms of office (``lexicons/actor_terms.tsv``): may a role title, read on
the publication date, refer to this person?"""

from __future__ import annotations

import functools

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
    day = published[:10]
    return any(start <= day and (not end or day < end) for start, end in terms)
