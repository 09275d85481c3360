"""Classify a speaker phrase that names no person: organisation, media, group..."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from reportedly.extract.actors._lexicon import Lexicon, norm
from reportedly.extract.actors._people import DocIndex
from reportedly.extract.actors._words import words

PLURAL_TAGS = frozenset(["NNS", "NNPS"])


@dataclass(slots=True)
class Phrase:
    """What a speaker phrase stands for: kind, canonical name, role, affiliation."""

    kind: str
    name: str
    role: str | None = None
    affiliation: str | None = None
    anonymous: bool = False


def _known(
    ix: DocIndex, lex: Lexicon, i: int, head: int, end: int
) -> tuple[int, tuple[str, str | None]] | None:
    """Return where a known organisation or outlet name starts, and its entry."""
    for k in range(i, head + 1):
        hit = lex.known.get(norm(ix.text_of(k, end)))
        if hit is not None:
            return k, hit
    return None


def classify(ix: DocIndex, lex: Lexicon, i: int, j: int) -> Phrase:
    """Say what tokens ``[i, j)`` name, judged by lexicons, entities and the head."""
    doc = ix.doc
    i, j = ix.trim(i, j)
    r = ix.root(i, j)
    if not i <= r.i < j:
        r = doc[j - 1]
    e = ix.ent_at[r.i]
    label = ix.ents[e].label_ if e >= 0 else ""
    # The name stops at the head (or its entity): "a spokesman for the ministry".
    end = min(j, ix.ents[e].end) if e >= 0 else r.i + 1
    name = " ".join(ix.text_of(i, end).split())
    low, lemma = r.lower_, r.lemma_.lower()
    cls = lex.nouns.get(low) or lex.nouns.get(lemma, "")
    before = ix.place(i, r.i, lex, strict=True) if r.i > i else None
    known = _known(ix, lex, i, r.i, end)
    if known is not None:
        start, (kind, aff) = known
        return Phrase(kind, name, affiliation=aff or ix.place(i, start, lex))
    whole = e < 0 or (ix.ents[e].start <= i and ix.ents[e].end >= j)
    if (label == "GPE" and whole) or (not label and norm(name) in lex.demonyms):
        return Phrase("country", lex.demonyms.get(norm(name), name))
    if label == "NORP" and whole:
        return Phrase("group", name, affiliation=lex.demonyms.get(low))
    if cls == "anonymous":
        # "a French diplomat": an unnamed person ("he said" may refer to them)
        kind = "group" if r.tag_ in PLURAL_TAGS else "person"
        aff = ix.place(i, r.i, lex) if r.i > i else None
        aff = aff or ix.prep_object(r, lex)
        return Phrase(
            kind,
            name,
            lex.anon_role.get(low) or lex.anon_role.get(lemma),
            aff,
            anonymous=True,
        )
    if cls == "group":
        aff = before or ix.prep_object(r, lex)
        if r.tag_ in PLURAL_TAGS:
            return Phrase("group", name, affiliation=aff)
        # "a witness", "a doctor": an unnamed person, with the noun as role
        return Phrase("person", name, role=lemma, affiliation=aff, anonymous=True)
    media = any(
        t.pos_ == "PROPN" and lex.nouns.get(t.lower_) == "media" for t in doc[i:end]
    )
    if cls == "media" or media:
        return Phrase("media", name, affiliation=before)
    if cls == "org" or label == "ORG":
        kind = "group" if r.tag_ == "NNS" else "organization"  # "rebel groups"
        return Phrase(kind, name, affiliation=before)
    words = [t for t in doc[i:end] if not t.is_punct]
    if words and all(t.pos_ == "PROPN" for t in words) and name[:1].isupper():
        if r.tag_ == "NNPS":  # "Scholars", "Black Lawmakers" in a title-case line
            return Phrase("group", name)
        if r.text.isupper() and len(r.text) <= 5 and label != "PERSON":
            return Phrase("organization", name)
        return Phrase("person", name)
    titles = [t for t in ix.roles(i, j, lex) if t[0] <= r.i < t[1]]
    role = lex.roles[titles[0][2]] if titles else None
    if role:
        before = ix.place(i, titles[0][0], lex, strict=True) if r.i > i else None
        aff = before or ix.prep_object(r, lex)
        return Phrase("unknown", name, role=role, affiliation=aff)
    return Phrase("unknown", name)


def org_before(ix: DocIndex, i: int, j: int) -> int | None:
    """``the company``, ``the Britain-based organisation``: the index of the
    ORG entity the article named last before token ``i``, or None."""
    doc = ix.doc
    if doc[i].lower_ != "the" or doc[j - 1].lemma_.lower() not in words("org_anaphors"):
        return None
    if any(ix.ents[e].label_ in ("ORG", "PERSON") for e in _ents(ix, i, j)):
        return None  # "the Amnesty organisation" names its own
    return next(_named_before(ix, i, "ORG"), None)


def _named_before(ix: DocIndex, i: int, label: str) -> Iterator[int]:
    """The indices of the ``label`` entities that end before token ``i``,
    the latest first."""
    found = [k for k, e in enumerate(ix.ents) if e.label_ == label and e.end <= i]
    return iter(sorted(found, key=lambda k: -ix.ents[k].end))


def _ents(ix: DocIndex, i: int, j: int) -> set[int]:
    return {ix.ent_at[t] for t in range(i, j) if ix.ent_at[t] >= 0}


def person_before(ix: DocIndex, i: int, j: int) -> int | None:
    """``the historian``, ``the spokesman``: the PERSON entity the article
    introduced with that noun next to the name (``Jane Roe, a historian
    at ...``, ``spokesman John Doe``), the last one before token ``i``."""
    doc = ix.doc
    if doc[i].lower_ != "the" or j - i != 2 or doc[i + 1].pos_ != "NOUN":
        return None
    noun = doc[i + 1].lower_
    for k in _named_before(ix, i, "PERSON"):
        e = ix.ents[k]
        lo, hi = ix.sent_bounds[ix.sent_at[e.start]]
        near = doc[max(lo, e.start - 3) : min(hi, e.end + 5)]
        if any(t.lower_ == noun and not (e.start <= t.i < e.end) for t in near):
            return k
    return None
