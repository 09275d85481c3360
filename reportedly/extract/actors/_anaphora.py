"""Event participants that point at an actor named elsewhere in the article.

``Antecedents`` finds what a pronoun refers to: the nearest earlier mention
of the right kind (a person of the right gender for ``he``/``she``; a
group, organisation or country for ``they``/``it``), subjects first, in the
pronoun's sentence and the two before it. ``describe`` links a description
to the person the article introduced with it: ``the 56-year-old`` to the
one named with that age, ``the former police chief`` to the one named with
that title (``former`` must agree).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from reportedly.extract._spans import token_starts
from reportedly.extract.actors._codes import countries_in
from reportedly.extract.actors._gender import name_gender, title_gender
from reportedly.extract.actors._lexicon import load, norm
from reportedly.extract.actors._terms import in_office
from reportedly.extract.actors._words import former
from reportedly.model import Actor

SUBJECTS = frozenset(["nsubj", "nsubjpass"])
WINDOW = 2  # sentences before the pronoun's own that it may look back over
KINDS = {
    "p": frozenset(["group", "organization", "country", "media"]),
    "n": frozenset(["organization", "country", "media"]),
}
PLURAL_TAGS = frozenset(["NNS", "NNPS"])
NAMES = frozenset(["GPE", "ORG", "NORP"])
# a place named after these is where something happens, not who
LOCATIVE = frozenset(["in", "at", "near", "across", "throughout", "inside", "around"])
_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"")
_AGE_AFTER = re.compile(r"^,? \(?(\d{1,3})\)?[,)]")
_AGE_BEFORE = re.compile(r"(\d{1,3})-year-old ((?:[A-Z][\w.'-]* ?){0,3})$")
_AGE_DESC = re.compile(r"^(?:the|a) (\d{1,3})-year-old$", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


class Antecedents:
    """Earlier mentions of the article's actors, by position and sentence."""

    def __init__(self, doc: Any, text: str, actors: dict[str, Actor]) -> None:
        self.doc = doc
        self.text = text
        self.actors = actors
        self.starts = token_starts(doc)
        self.sent_starts = [s.start_char for s in doc.sents]
        self.mentions: list[tuple[int, int, str]] = []
        self.genders: dict[str, str | None] = {}
        self.quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        for a in actors.values():
            for m in a.mentions:
                self.add(m.start, m.end, a.id)

    def add(self, start: int, end: int, aid: str) -> None:
        self.mentions.append((start, end, aid))

    def sentence(self, pos: int) -> int:
        return max(bisect_right(self.sent_starts, pos) - 1, 0)

    def token(self, pos: int) -> Any:
        return self.doc[max(bisect_right(self.starts, pos) - 1, 0)]

    def head(self, start: int, end: int) -> Any:
        """The token of ``[start, end)`` whose head lies outside it."""
        i = max(bisect_right(self.starts, start) - 1, 0)
        toks = []
        for t in self.doc[i : i + 60]:  # a mention is never longer than this
            if t.idx >= end:
                break
            toks.append(t)
        for t in toks:
            if not (start <= t.head.idx < end) or t.head.i == t.i:
                return t
        return toks[0] if toks else self.doc[i]

    def is_subject(self, start: int, end: int) -> bool:
        return self.head(start, end).dep_ in SUBJECTS

    def gender(self, aid: str) -> str | None:
        """A person's gender: a title before a mention, else the first name."""
        if aid not in self.genders:
            actor = self.actors[aid]
            found = None
            for m in actor.mentions:
                w = _WORD_BEFORE.search(self.text[max(m.start - 12, 0) : m.start])
                found = title_gender(w.group(1)) if w else None
                found = found or name_gender(m.text)
                if found:
                    break
            self.genders[aid] = found or name_gender(actor.name)
        return self.genders[aid]

    def fits(self, aid: str, cls: str, strict: bool, plural: bool = False) -> bool:
        """Can an actor be what a pronoun of class ``cls`` refers to? ``they``
        takes groups, organisations and plural names (``the Russians``), not a
        singular country or outlet; ``it`` singular
        organisations and countries, ``he``/``she`` a person of that gender
        (``strict``: known to be)."""
        actor = self.actors.get(aid)
        if actor is None:
            return False
        if cls == "p":
            plural = plural or _plural_name(actor.name)
            return actor.kind in ("group", "organization") or (
                actor.kind in KINDS["p"] and plural
            )
        if cls in KINDS:
            return actor.kind in KINDS[cls] and not plural
        if actor.kind != "person":
            return False
        g = self.gender(aid)
        return g == cls if strict else g in (None, cls)

    def plural(self, start: int, end: int) -> bool:
        """Is the phrase at ``[start, end)`` plural (``the Russians``)?"""
        return self.head(start, end).tag_ in PLURAL_TAGS

    def candidates(self, start: int, cls: str) -> Iterator[tuple[str, Any]]:
        """What a pronoun at ``start`` may refer to, in its sentence and the
        two before, nearest sentence first, subjects first, then nearest:
        ``("m", (start, end, actor_id))`` for a mention, ``("t", token)`` for
        a noun no actor mentions yet (a subject, or a named country or
        organisation that is not a location: ``it is US policy ... its``)."""
        n = self.sentence(start)
        for k in range(n, max(n - WINDOW, 0) - 1, -1):
            items: list[tuple[bool, int, str, Any]] = []
            lo = self.sent_starts[k]
            voice = self.quoted(start)
            for m in self.mentions:
                if not (lo <= m[0] and m[1] <= start) or self.quoted(m[0]) != voice:
                    continue
                if cls in KINDS and _location(self.head(m[0], m[1])):
                    continue  # "the resort in Didim"
                if self.sentence(m[0]) == k:
                    subj = self.is_subject(m[0], m[1])
                    items.append((not subj, -m[0], "m", m))
            if cls in KINDS:
                for t in self._nouns(k, start):
                    if self.quoted(t.idx) == voice:
                        items.append((t.dep_ not in SUBJECTS, -t.idx, "t", t))
            items.sort(key=lambda x: (x[0], x[1]))
            yield from ((kind, x) for _, _, kind, x in items)

    def quoted(self, pos: int) -> int:
        """The quotation ``pos`` stands in (its index), or -1 in narration: a
        pronoun outside a quotation refers to nothing inside one."""
        k = bisect_right(self.quotes, (pos, len(self.text) + 1)) - 1
        return k if k >= 0 and self.quotes[k][0] <= pos < self.quotes[k][1] else -1

    def _nouns(self, k: int, start: int) -> Iterator[Any]:
        first = max(bisect_right(self.starts, self.sent_starts[k]) - 1, 0)
        for t in self.doc[first:]:
            if t.idx >= start or self.sentence(t.idx) != k:
                break
            if t.pos_ not in ("NOUN", "PROPN"):
                continue
            if t.dep_ in SUBJECTS or (_last_of_name(t) and not _location(t)):
                yield t


def _plural_name(name: str) -> bool:
    """``the Russians``, ``Lib Dems``; not ``US``, ``BBC News``, ``Congress``."""
    last = name.split()[-1] if name.split() else ""
    if last.isupper() or last.lower() in ("news", "times", "us"):
        return False
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def _last_of_name(t: Any) -> bool:
    """The last token of a named country or organisation."""
    if t.ent_type_ not in NAMES:
        return False
    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
    return nxt is None or nxt.ent_iob_ != "I"


def _location(t: Any) -> bool:
    """``fighting in Syria``: a place in a locative phrase."""
    head = t
    while head.dep_ in ("compound", "amod", "conj") and head.head.i != head.i:
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in LOCATIVE


def ages(text: str, mentions: Iterable[tuple[int, int, str]]) -> dict[str, set[str]]:
    """Map each age the article gives a person (``X, 56,``, ``the 56-year-old
    X``) to the keys of the mentions ``(start, end, key)`` it is given at."""
    out: dict[str, set[str]] = {}
    for start, end, key in mentions:
        after = _AGE_AFTER.match(text[end : end + 8])
        before = _AGE_BEFORE.search(text[max(start - 40, 0) : start])
        for hit in (after, before):
            if hit is not None:
                out.setdefault(hit.group(1), set()).add(key)
    return out


def aged(
    text: str, phrase: str, mentions: Iterable[tuple[int, int, str]]
) -> str | None:
    """``the 56-year-old``: the one person given that age, or None."""
    age = _AGE_DESC.match(" ".join(phrase.split()))
    if age is None:
        return None
    found = ages(text, mentions).get(age.group(1), set())
    return next(iter(found)) if len(found) == 1 else None


def _was_former(text: str, actor: Actor) -> bool:
    m = actor.mentions[0] if actor.mentions else None
    if m is None:
        return False
    words = re.findall(r"[\w-]+", text[max(m.start - 60, 0) : m.start].lower())
    return any(w in former() for w in words[-4:])


def describe(
    text: str,
    phrase: str,
    people: Sequence[Actor],
    before: Callable[[Actor], bool],
    published: str | None = None,
) -> str | None:
    """The person a description names (``the 56-year-old``), or None.

    ``before`` tells whether an actor was mentioned before the description.
    """
    known = [a for a in people if a.kind == "person" and before(a)]
    if _AGE_DESC.match(" ".join(phrase.split())):
        spans = [(m.start, m.end, a.id) for a in known for m in a.mentions]
        return aged(text, phrase, spans)
    words = norm(phrase).split()
    if not words or words[0] not in ("the", "this", "that"):
        return None
    words = words[1:]
    was = bool(words) and words[0] in former()
    words = words[1:] if was else words
    lex = load()
    role = None
    for k in range(len(words)):
        key = " ".join(words[k:])
        if key in lex.roles and lex.roles[key]:
            role = lex.roles[key]
            break
    if role is None or not words:
        return None
    named = set(countries_in(phrase))
    found = {
        a.id
        for a in known
        if a.role == role
        and _was_former(text, a) == was
        and (not named or a.country in named)
        and in_office(a.name, role, published)
    }
    return next(iter(found)) if len(found) == 1 else None
