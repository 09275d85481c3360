"""Resolve the people and organisations of one article, and its speakers, to actors.

Resolution works on per-document indexes built once (entities, sentences,
surnames), so each speaker costs a few dictionary look-ups, not a token scan.
Pronoun speakers are left to ``_pronouns``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from reportedly.extract.actors._anaphora import aged
from reportedly.extract.actors._codes import as_former, code_parts
from reportedly.extract.actors._dictionary import tables
from reportedly.extract.actors._gender import first_name_gender
from reportedly.extract.actors._lexicon import load, norm
from reportedly.extract.actors._people import DocIndex, Person, describe
from reportedly.extract.actors._phrases import classify, org_before, person_before
from reportedly.extract.actors._pronouns import (
    OTHER,
    SPEAKER,
    SUBJECT,
    SUBJECTS,
    antecedent,
    is_pronoun,
)
from reportedly.extract.actors._terms import holder, in_office
from reportedly.extract.actors._words import former
from reportedly.model import Actor, Article, Quote, Span, stable_id


@dataclass(slots=True)
class Entry:
    """An actor under construction."""

    name: str
    kind: str
    role: str | None = None
    affiliation: str | None = None
    gender: str | None = None


class Resolver:
    """Resolve entity mentions and speaker spans of one article to actors."""

    def __init__(self, doc: Any, article: Article) -> None:
        self.ix = DocIndex.of(doc, article.text)
        self.lex = load()
        self.article = article
        self.entries: dict[str, Entry] = {}
        self.claims: dict[tuple[int, int], str] = {}
        self.tok_key: dict[int, str] = {}
        self.ent_key: dict[int, str] = {}
        self.events: list[list[tuple[int, str, int]]] = [
            [] for _ in self.ix.sent_bounds
        ]
        self.surnames: dict[str, list[tuple[int, str]]] = {}
        self.given: dict[str, set[str]] = {}
        self.former: set[str] = set()  # introduced as holding a role no more
        self.ex: set[str] = set()  # ... and alive: "former", not "late", "then-"

    # -- registry -----------------------------------------------------------
    def entry(self, key: str, name: str, kind: str, **info: str | None) -> str:
        ent = self.entries.get(key)
        if ent is None:
            ent = self.entries[key] = Entry(name=name, kind=kind)
        for attr, value in info.items():
            if value and getattr(ent, attr) is None:
                setattr(ent, attr, value)
        return key

    def claim(
        self, i: int, j: int, key: str, prio: int, *, force: bool = False
    ) -> None:
        """Record tokens ``[i, j)`` as a mention of ``key`` (speakers ``force``)."""
        span = self.ix.chars(i, j)
        if not force and span in self.claims:
            return
        self.claims[span] = key
        for t in range(i, j):
            self.tok_key[t] = key
        self.events[self.ix.sent_at[i]].append((span[0], key, prio))

    # -- people -------------------------------------------------------------
    def person(self, p: Person, pos: int) -> str:
        """Return the key of the person named ``p`` (full name, or surname alone)."""
        words = [t for t in self.ix.doc[p.first : p.last] if t.is_alpha]
        gender = p.gender
        if gender is None and len(words) >= 2:
            gender = first_name_gender(words[0].text)
        info = {"role": p.role, "affiliation": p.affiliation, "gender": gender}
        if len(words) >= 2:
            first, last = words[0].lower_, words[-1].lower_
            key = self.entry(f"person|{first} {last}", p.name, "person", **info)
            self.surnames.setdefault(last, []).append((pos, key))
            self.given.setdefault(first, set()).add(key)
            return key
        word = norm(p.name)
        known = self._surname(word, pos, p.gender)
        if known is not None:
            return self.entry(known, p.name, "person", **info)
        if len(self.given.get(word, ())) == 1:
            return self.entry(next(iter(self.given[word])), p.name, "person", **info)
        return self.entry(f"person|{word}", p.name, "person", **info)

    def _surname(self, word: str, pos: int, gender: str | None) -> str | None:
        """The one person of the article with this surname (and the gender a
        title gives); None when two people share it (``John Letts`` and his
        son ``Jack Letts``): a bare ``Letts`` is then not linked to either."""
        found = self.surnames.get(word, [])
        keys = list(dict.fromkeys(k for at, k in found))
        if gender is not None:
            keys = [k for k in keys if self.entries[k].gender in (None, gender)]
        if len(keys) != 1:
            return None
        return keys[0]

    def entities(self) -> None:
        """Register PERSON entities (full names first) and ORG entities."""
        doc, ix = self.ix.doc, self.ix
        people = []
        for k, ent in enumerate(ix.ents):
            if ent.label_ == "PERSON" and not _the_name(doc, ent):
                p = describe(ix, ent, self.lex)
                if p is not None:
                    people.append((k, ent, p))
        consumed: set[int] = set()
        full = [
            x
            for x in people
            if sum(t.is_alpha for t in doc[x[2].first : x[2].last]) > 1
        ]
        single = [x for x in people if x not in full]
        for k, ent, p in full + single:
            self.ent_key[k] = key = self.person(p, ent.start_char)
            if p.role and self._former(p.context):
                self.former.add(key)
                if self._former(p.context, ex_only=True):
                    self.ex.add(key)
            consumed.update(range(p.context, ent.start))
            r = ent.root  # "The prime minister, Tony Blair, said": the subject
            subj = r.dep_ in SUBJECTS or (r.dep_ == "appos" and r.head.dep_ in SUBJECTS)
            prio = SUBJECT if subj else OTHER
            self.claim(p.first, p.last, key, prio)
        for k, ent in enumerate(ix.ents):
            org = ent.label_ == "ORG" or (
                ent.label_ == "PERSON" and _the_name(doc, ent)
            )
            if not org or consumed.intersection(range(ent.start, ent.end)):
                continue
            if not any(c.isupper() for c in ent.text):
                continue
            key = self.phrase(ent.start, ent.end)
            self.ent_key[k] = key
            self.claim(*ix.trim(ent.start, ent.end), key, OTHER)

    # -- speakers -----------------------------------------------------------
    def phrase(self, i: int, j: int) -> str:
        """Return the actor key of a speaker phrase that is not a pronoun."""
        ix = self.ix
        r = ix.root(i, j)
        for t in (r, *[c for c in r.children if c.dep_ == "appos"]):
            e = ix.ent_at[t.i]
            if e in self.ent_key and ix.ents[e].label_ == "PERSON" and i <= t.i < j:
                return self.ent_key[e]
        named = self._apposed_person(i, j) or self._aged(i, j)
        if named is not None:
            return named
        for before in (org_before(ix, i, j), person_before(ix, i, j)):
            if before is not None and before in self.ent_key:
                return self.ent_key[before]
        a, b = ix.trim(i, j)
        word = ix.doc[a]
        if b - a == 1 and word.text[:1].isupper() and word.lower_ in self.surnames:
            # a surname the tagger took for an organisation: "Caddell", "PENCE"
            return self.person(Person(name=word.text, first=a, last=b), word.idx)
        ph = classify(ix, self.lex, i, j)
        if ph.kind == "person" and not ph.anonymous:
            return self.person(Person(name=ph.name, first=a, last=b), ix.doc[a].idx)
        if ph.role and not ph.anonymous and ix.doc[i].lower_ == "the":
            # "the Indiana governor": the person introduced with that role
            key = self._by_role(i, ph.role, ph.affiliation)
            if key is not None:
                return key
        info = {"role": ph.role, "affiliation": ph.affiliation}
        return self.entry(f"{ph.kind}|{norm(ph.name)}", ph.name, ph.kind, **info)

    def _by_role(self, i: int, role: str, affiliation: str | None) -> str | None:
        """``the Indiana governor``: the person introduced with that role, the
        same affiliation, and both in the past (``the former police chief``)
        or neither; never a person who held it at another time only."""
        was = self._former(i)
        fits = [
            (ent.affiliation == affiliation, key)
            for key, ent in reversed(self.entries.items())
            if ent.kind == "person"
            and ent.role == role
            and len({ent.affiliation, affiliation} - {None}) <= 1
            and (key in self.former) == was
            and in_office(ent.name, role, self.article.published)
        ]
        if fits:  # the same affiliation first ("French President X", not "President Y")
            return max(fits, key=lambda f: f[0])[1]
        people = [(k, e.name) for k, e in self.entries.items() if e.kind == "person"]
        return holder(people, role, affiliation, self.article.published)

    def _aged(self, i: int, j: int) -> str | None:
        """``The 56-year-old``: the one person the article gave that age."""
        people = [
            (a, b, k)
            for (a, b), k in self.claims.items()
            if self.entries[k].kind == "person"
        ]
        return aged(self.article.text, self.ix.text_of(i, j), people)

    def _former(self, i: int, ex_only: bool = False) -> bool:
        """Does a "former" word stand among the few tokens before token ``i``?
        (``ex_only``: one that makes an elite, not ``late`` or ``then``)."""
        lo = max(i - 4, self.ix.sent_bounds[self.ix.sent_at[i]][0])
        words = tables().former if ex_only else former()  # actor_sectors.tsv
        return any(t.lower_ in words for t in self.ix.doc[lo : i + 2])

    def _apposed_person(self, i: int, j: int) -> str | None:
        """``The head of the Coalition, Khaled Khoja, said``: a role phrase
        followed by a person's name between commas is that person (the parser
        often hangs the name on the organisation instead)."""
        ix, doc = self.ix, self.ix.doc
        if j + 2 >= len(doc) or doc[j].text != ",":
            return None
        e = ix.ent_at[j + 1]
        if e not in self.ent_key or ix.ents[e].label_ != "PERSON":
            return None
        end = ix.ents[e].end
        if ix.ents[e].start != j + 1 or end >= len(doc) or doc[end].text != ",":
            return None
        ph = classify(ix, self.lex, i, j)
        return self.ent_key[e] if ph.role else None  # "a spokesman, X," is X

    def speakers(self, quotes: Sequence[Quote]) -> None:
        """Resolve each quote speaker span, names first, then pronouns in order."""
        spans = sorted(
            {(q.speaker.span.start, q.speaker.span.end) for q in quotes if q.speaker}
        )
        pronouns = []
        for start, end in spans:
            i, j = self.ix.tokens(start, end)
            if is_pronoun(self.article.text[start:end]):
                pronouns.append((start, end, i))
                continue
            key = self.phrase(i, j)
            self.claims[(start, end)] = key
            r = self.ix.root(i, j)  # "claims from X that": not the next "he" first
            inside = r.dep_ == "pobj" and r.head.lower_ in ("from", "of", "by")
            self.events[self.ix.sent_at[i]].append(
                (start, key, OTHER if inside else SPEAKER)
            )
            self.tok_key.update(dict.fromkeys(range(i, j), key))
        for start, end, i in pronouns:
            found = antecedent(self, i)
            if found is not None:
                self.claims[(start, end)] = found
                self.events[self.ix.sent_at[i]].append((start, found, SPEAKER))

    def actors(self) -> Iterator[Actor]:
        """Yield one actor per entry that has a mention, in order of first mention."""
        mentions: dict[str, list[tuple[int, int]]] = {}
        for span, key in sorted(self.claims.items()):
            mentions.setdefault(key, []).append(span)
        text, aid = self.article.text, self.article.id
        for key, spans in sorted(mentions.items(), key=lambda kv: kv[1][0]):
            ent = self.entries[key]
            info = {"role": ent.role, "affiliation": ent.affiliation}
            coded = code_parts(ent.name, kind=ent.kind, **info)
            if coded is not None and key in self.ex:
                coded = as_former(coded)  # "Former US President Barack Obama"
            country = coded is not None and coded.kind == "country"
            if (
                country
                and ent.kind == "group"
                and not all(text[s:e].lower().startswith("the ") for s, e in spans)
            ):
                country = False  # "some Syrians", "Syrians warn": people
            yield Actor(
                id=stable_id(aid, ent.kind, ent.name),
                name=coded.name if coded and country else ent.name,  # "US"
                kind="country" if country else ent.kind,
                country=coded.country if coded else None,
                sector=coded.sector if coded else None,
                role=ent.role,
                affiliation=ent.affiliation,
                mentions=tuple(Span.of(text, s, e) for s, e in spans),
            )


def _the_name(doc: Any, ent: Any) -> bool:
    """``the Observatory``: one capitalised word after "the" names no person."""
    return len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ == "the"
