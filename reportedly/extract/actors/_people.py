"""Read people off the parse: canonical name, role and affiliation, plus doc indexes."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from reportedly.extract._spans import token_starts
from reportedly.extract.actors._lexicon import Lexicon, norm

DETS = frozenset(
    ["the", "a", "an", "this", "that", "these", "those", "another", "one", "some"]
)
POSSESSIVE = frozenset(["'s", "’s", "'", "’"])
PLACE_LABELS = frozenset(["GPE", "NORP", "ORG", "FAC", "LOC"])
COUNTRY_LABELS = frozenset(["GPE", "NORP", "LOC"])
PREMODS = frozenset(["compound", "nmod", "amod", "prep", "pobj", "poss", "case"])
AFFIL_PREPS = frozenset(["of", "for", "at", "with", "from"])


_LAST = threading.local()  # the index of the last document asked about


class DocIndex:
    """Per-document lookups built once: token offsets, entities and sentences."""

    def __init__(self, doc: Any, text: str) -> None:
        self.doc = doc
        self.text = text
        self.starts = token_starts(doc)
        self.ents = list(doc.ents)
        self.ent_at = [-1] * len(doc)
        for k, e in enumerate(self.ents):
            for i in range(e.start, e.end):
                self.ent_at[i] = k
        self.sent_at = [0] * len(doc)
        self.sent_bounds: list[tuple[int, int]] = []
        for n, s in enumerate(doc.sents):
            self.sent_bounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                self.sent_at[i] = n

    @classmethod
    def of(cls, doc: Any, text: str) -> DocIndex:
        """The index of ``doc``, built once per document: the actor resolver
        and the signals both read it. Read it, never change it."""
        last = getattr(_LAST, "value", None)
        if last is None or last.doc is not doc or last.text != text:
            last = _LAST.value = cls(doc, text)
        return last

    def tokens(self, start: int, end: int) -> tuple[int, int]:
        """Return the token range ``[i, j)`` covering characters ``[start, end)``."""
        n = len(self.starts)
        i = max(bisect_right(self.starts, start) - 1, 0)
        if i < n - 1 and self.starts[i] + len(self.doc[i].text) <= start:
            i += 1
        j = max(bisect_left(self.starts, end), i + 1)
        return i, min(j, n)

    def chars(self, i: int, j: int) -> tuple[int, int]:
        """Return the character range of tokens ``[i, j)``."""
        last = self.doc[j - 1]
        return self.doc[i].idx, last.idx + len(last.text)

    def text_of(self, i: int, j: int) -> str:
        start, end = self.chars(i, j)
        return self.text[start:end]

    def root(self, i: int, j: int) -> Any:
        """Return the syntactic head of tokens ``[i, j)``.

        When several tokens hang outside the range (a flat misparse such as
        ``A French diplomatic said``), the last one heads an English noun phrase.
        """
        best = None
        for t in self.doc[i:j]:
            outside = not i <= t.head.i < j or t.head.i == t.i
            if outside and t.pos_ not in ("PUNCT", "SPACE", "DET"):
                best = t
        return best if best is not None else self.doc[j - 1]

    def skip_det(self, i: int, j: int) -> int:
        """Return ``i`` moved past leading determiners."""
        doc = self.doc
        while i < j - 1 and (
            doc[i].dep_ in ("det", "predet") or doc[i].pos_ == "DET" or doc[i].is_space
        ):
            i += 1
        return i

    def trim(self, i: int, j: int) -> tuple[int, int]:
        """Drop leading determiners and trailing possessives and punctuation."""
        i = self.skip_det(i, j)
        while j > i + 1 and (
            self.doc[j - 1].text in POSSESSIVE
            or self.doc[j - 1].is_punct
            or self.doc[j - 1].is_space
        ):
            j -= 1
        return i, j

    def roles(self, i: int, j: int, lex: Lexicon) -> list[tuple[int, int, str]]:
        """Return the longest lexicon titles in tokens ``[i, j)``, left to right."""
        found = []
        k = i
        while k < j:
            for m in range(min(j, k + lex.max_role_words), k, -1):
                key = norm(self.text_of(k, m))
                if key in lex.roles:
                    found.append((k, m, key))
                    k = m
                    break
            else:
                k += 1
        return found

    def place(
        self, i: int, j: int, lex: Lexicon, *, strict: bool = False
    ) -> str | None:
        """Return the first place or organisation named in tokens ``[i, j)``.

        With ``strict``, only countries and places count (no organisations).
        """
        k = i
        while k < j:
            t = self.doc[k]
            e = self.ent_at[k]
            labels = COUNTRY_LABELS if strict else PLACE_LABELS
            if e >= 0 and self.ents[e].label_ in labels:
                a, b = self.trim(max(self.ents[e].start, i), min(self.ents[e].end, j))
                name = self.text_of(a, b)
                return lex.demonyms.get(norm(name), name)
            if t.lower_ in lex.demonyms:
                return lex.demonyms[t.lower_]
            if strict or t.lower_ in lex.roles:
                pass
            elif t.pos_ == "PROPN" and t.text[:1].isupper():
                b = k + 1
                while b < j and self.doc[b].pos_ == "PROPN":
                    b += 1
                return self.text_of(k, b)
            k += 1
        return None

    def prep_object(self, head: Any, lex: Lexicon) -> str | None:
        """Return the affiliation in ``head of/for/at X``, without its article."""
        for pp in head.rights:
            if pp.dep_ != "prep" or pp.lower_ not in AFFIL_PREPS:
                continue
            for obj in pp.children:
                if obj.dep_ != "pobj":
                    continue
                e = self.ent_at[obj.i]
                if e >= 0 and self.ents[e].label_ in PLACE_LABELS:
                    a, b = self.ents[e].start, self.ents[e].end
                else:
                    a, b = obj.left_edge.i, obj.i + 1
                a, b = self.trim(a, b)
                name = self.text_of(a, b)
                return lex.demonyms.get(norm(name), name)
        return None


@dataclass(slots=True)
class Person:
    """A person as named at one mention: name tokens ``[first, last)`` and context."""

    name: str
    first: int
    last: int
    context: int = 0  # first token of the titles before the name
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None


def _apply_roles(
    p: Person, found: list[tuple[int, int, str]], lex: Lexicon
) -> tuple[int, int] | None:
    """Set role and gender from the first real title found; return its range."""
    hit = None
    for a, b, key in found:
        if p.gender is None and key in lex.role_gender:
            p.gender = lex.role_gender[key]
        if lex.roles[key] and hit is None:
            hit = (a, b)
            if p.role is None:
                p.role = lex.roles[key]
    return hit


def _describe_phrase(ix: DocIndex, p: Person, head: Any, lex: Lexicon) -> None:
    """Fill role and affiliation from a descriptive noun phrase headed by ``head``."""
    a = ix.skip_det(head.left_edge.i, head.i + 1)
    hit = _apply_roles(p, ix.roles(a, head.i + 1, lex), lex)
    # an unlisted noun is a role only with its organisation: "a member of X"
    if hit is None and head.pos_ == "NOUN" and p.role is None:
        if ix.prep_object(head, lex) is None:
            return
        p.role = head.lower_
        hit = (head.i, head.i + 1)
    if hit is not None and p.affiliation is None:
        p.affiliation = ix.place(a, hit[0], lex) or ix.prep_object(head, lex)


def describe(ix: DocIndex, ent: Any, lex: Lexicon) -> Person | None:
    """Read a PERSON entity: its name without titles, and role/affiliation around it."""
    doc = ix.doc
    a, b = ix.trim(ent.start, ent.end)
    p = Person(name="", first=a, last=b)
    titles = []
    for s, e, key in ix.roles(a, b - 1, lex):
        if s != a:
            break
        titles.append((s, e, key))
        a = e
    if not doc[a].text[:1].isupper():
        return None
    p.first, p.name = a, " ".join(ix.text_of(a, b).split())
    # Pre-modifiers inside the name's noun phrase: "US Secretary of State John Kerry".
    lo = max(ent.root.left_edge.i, ix.sent_bounds[ix.sent_at[a]][0], ent.start - 10)
    k = ent.start
    while k > lo:
        t = doc[k - 1]
        joiner = t.is_space or (t.dep_ == "punct" and t.text == "-")
        if (t.dep_ not in PREMODS and not joiner) or t.lower_ in DETS:
            break
        k -= 1
    p.context = k
    found = ix.roles(k, ent.start, lex)
    hit = _apply_roles(p, titles + found, lex)
    if hit is not None and hit[0] >= k:
        p.affiliation = ix.place(k, hit[0], lex)
    elif hit is None and k < ent.start and doc[ent.start - 1].pos_ == "NOUN":
        # an unlisted common noun right before the name: "pollster", "critic"
        p.role = doc[ent.start - 1].lower_
        p.affiliation = ix.place(k, ent.start - 1, lex)
    # Appositions: "Khaled Khoja, head of the National Coalition".
    root = ent.root
    for c in root.rights:
        if c.dep_ == "appos" and c.i >= ent.end and ix.ent_at[c.i] < 0:
            _describe_phrase(ix, p, c, lex)
            break
    if root.dep_ == "appos" and root.head.i < ent.start:
        _describe_phrase(ix, p, root.head, lex)
    return p
