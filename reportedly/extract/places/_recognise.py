"""Find the spans of an article that name places.

Candidates are spaCy's GPE/LOC/FAC entities, one-word PERSON/ORG/NORP
entities after a preposition (the small model takes many Middle-East towns for
people: "an attack on Douma", "the siege of Aleppo"), other PERSON/ORG entities
a place cue introduces or an Arabic article shapes ("al-Mazzeh district",
"Al-Bukamal"), capitalised runs outside entities ("Deir ez-Zor", "Dayr az Zawr").
A candidate outside spaCy's place labels must read as a place: a country, an
admin unit or a town of ``min_population`` people, or with a cue
(``lexicons/place_names.toml``: "in", "the village of", "X province",
"X-based") any place the gazetteer knows under this or another spelling.
Names in the junk list ("United Nations", "Village") are never places.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from reportedly.extract._spans import doc_text
from reportedly.extract.actors._gender import first_name_gender
from reportedly.extract.places._readings import candidates, knobs
from reportedly.extract.places._variants import english, lexicon
from reportedly.extract.places.gazetteer import gazetteer, norm

LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_WORDS = 6  # "Maaret al - Numan" is four tokens
_PREPS = frozenset({"in", "of", "near", "from", "at", "to", "around", "outside", "on"})
_BIG = ("country", "admin1", "region")
# labels the small model gives places it does not know ("Arbeen" PRODUCT)
_OTHER = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT"})


# a list of names before or after the one at hand: "in Arbeen, Zamalka and"
_NAME = r"[A-Z][\w'’]*(?:(?:\s+[a-z]{1,3})?(?:\s+|-)(?:[a-z]{1,3}-)?[A-Z][\w'’]*)*"
_SEP = r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)"


@functools.cache
def _cues() -> tuple[re.Pattern, re.Pattern]:
    """Return regexes for a cue before and after a name, across a list of names."""
    cues = lexicon()["cues"]
    before = sorted(cues["before"], key=len, reverse=True)
    after = sorted(cues["after"], key=len, reverse=True)
    b = re.compile(
        r"(?:^|\W)(?i:" + "|".join(map(re.escape, before)) + r")\s+"
        rf"(?:{_NAME}{_SEP})*$"
    )
    words = "|".join(re.escape(w) for w in after if not w.startswith("-"))
    glued = "|".join(re.escape(w) for w in after if w.startswith("-"))
    located = "|".join(map(re.escape, cues["located"]))
    a = re.compile(
        rf"^(?:{_SEP}{_NAME})*(?:\s+(?i:{words})\b|(?i:{glued})\b"
        rf"|\s+(?:{located})\s+(?:the\s+)?[A-Z])"
    )
    return b, a


def cued(text: str, start: int, end: int) -> bool:
    """Return whether a place cue stands before or after ``start:end``, maybe
    across a list of names ("near Deir Ezzor and Boukamal")."""
    before, after = _cues()
    head = text[max(0, start - 80) : start]
    return bool(before.search(head) or after.match(text[end : end + 80]))


@functools.cache  # asked once per token
def _stop() -> frozenset[str]:
    return frozenset(knobs()["stop"]["words"])


def plausible(name: str, sentence_start: bool, cue: bool = False) -> bool:
    """Return whether a name outside spaCy's place entities is worth a place."""
    key = norm(name)
    if key in _stop() or len(name) < 3 or key in lexicon()["junk_names"]:
        return False
    if name.isupper() and key not in knobs()["aliases"]:
        return False  # acronyms: NGO, UN, ISIS
    least = knobs()["weights"]["min_population"]
    # uncued, a spelling variant must be close: "Chief" is no "Chiffa"
    strict = 0.0 if cue else lexicon()["transliteration"]["uncued_similarity"]
    for e, exact in candidates(name, least=strict):
        big = e.level in _BIG
        if cue:
            return True  # "the village of X": any place the gazetteer knows
        if not exact and not big:
            continue
        if big or (not sentence_start and e.population >= least):
            return True
    return False


def doubtful(doc: Any, ents: tuple) -> set[tuple[int, int]]:
    """Return one-word PERSON/ORG/NORP entities after a preposition that may be places.

    spaCy's small model tags many Middle-East towns as people ("the city of
    Palmyra"); a name never part of a longer person name qualifies when a
    preposition precedes it or it is a big town followed by punctuation.
    """
    people = _people(ents)
    demonyms = knobs()["demonyms"]
    out = set()
    for ent in ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP") or len(ent) != 1:
            continue  # "the siege of Aleppo" (NORP), "an attack on Douma" (PERSON)
        tok = ent[0]
        if ent.start == 0 or tok.lower_ in people or norm(tok.text) in demonyms:
            continue
        after = doc[ent.end].pos_ if ent.end < len(doc) else "PUNCT"
        big = after in ("PUNCT", "ADP", "CCONJ") and any(
            x and e.population >= 100_000 for e, x in gazetteer().lookup(tok.text)
        )
        if doc[ent.start - 1].lower_ in _PREPS or big:
            out.add((tok.idx, tok.idx + len(tok.text)))
    return out


def lone(doc: Any, ents: tuple) -> set[tuple[int, int]]:
    """Return PERSON/ORG entities of up to three words that the gazetteer
    reads exactly as a place ("a Gainesville man", "Sri Lanka's minister").

    No word may belong to another person's longer name; a single word is
    no first name, an acronym only as an alias ("DPRK"), and a dictionary
    word only as a country, an admin unit or a city. The caller
    (``_filters.trusted``) decides which of them stay.
    """
    owners: dict[str, set[int]] = {}
    for i, e in enumerate(ents):
        if e.label_ == "PERSON" and len(e) > 1:
            for t in e:
                owners.setdefault(t.lower_, set()).add(i)
    out = set()
    for i, ent in enumerate(ents):
        if ent.label_ not in ("PERSON", "ORG") or len(ent) > 3:
            continue
        # words of another person's name ("Sri Lanka's" is its own)
        people = {w for w, ids in owners.items() if ids - {i}}
        span = ent[1:] if ent[0].lower_ == "the" else ent
        if len(span) and span[-1].lower_ in ("'s", "’s"):
            span = span[:-1]  # "Sri Lanka's minister"
        if not len(span) or any(t.lower_ in people for t in span):
            continue
        if len(span) == 1 and first_name_gender(span.text):
            continue  # "Alex", "Olivia": people before towns
        if span.text.isupper() and norm(span.text) not in knobs()["aliases"]:
            continue  # acronyms: "SANA" is a news agency
        found = [e for e, x in candidates(span.text, spelled=False) if x]
        if len(span) == 1 and english(span.text):
            # a word of the dictionary only as a country, an admin unit or a
            # city ("Gainesville" is in it, "Titan" no city)
            least = knobs()["associative"]["lone_city_population"]
            found = [e for e in found if e.level != "point" or e.population >= least]
            found = [e for e in found if e.level != "admin2"]
        if found:
            out.add((span.start_char, span.end_char))
    return out


def _people(ents: tuple) -> set[str]:
    return {t.lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1 for t in e}


def spans(doc: Any, ents: tuple) -> list[tuple[int, int]]:
    """Return character ranges of candidate place names, in text order."""
    text = doc_text(doc)
    junk = lexicon()["junk_names"]
    out: list[tuple[int, int]] = list(doubtful(doc, ents))
    taken = [False] * len(doc)
    people = _people(ents)
    demonyms = knobs()["demonyms"]
    # Token.is_sent_start checks the whole Doc's annotation on every call
    first = [v == 1 for v in doc.to_array(["SENT_START"]).tolist()]
    for ent in ents:
        taken[ent.start : ent.end] = [True] * (ent.end - ent.start)
        if ent.label_ in LABELS:
            span = _trim(doc, ent)
            if span and norm(text[span[0] : span[1]]) not in junk:
                out += _split(doc, text, span)
        elif ent.label_ in _OTHER and norm(ent.text) not in demonyms:
            out += _other(doc, text, ent, people, first)
    out += _scan(doc, text, taken, first)
    return sorted(set(out))


def _split(doc: Any, text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Return a place entity that runs into a country name ("Ain Issa Syria")
    as two names, unless the whole is a name the gazetteer knows."""
    s, e = span
    name = text[s:e]
    head, _, last = name.rpartition(" ")
    if not head or len(head) < 3 or gazetteer().lookup(name):
        return [span]
    if any(x and c.level == "country" for c, x in gazetteer().lookup(last)):
        return [(s, s + len(head.rstrip())), (e - len(last), e)]
    return [span]


def _trim(doc: Any, ent: Any) -> tuple[int, int] | None:
    """Return the range of a place entity without "the" and trailing lowercase."""
    start, end = ent.start + (ent[0].lower_ == "the"), ent.end
    levels = knobs()["level_of"]
    while end > start and not doc[end - 1].text[:1].isupper():
        if doc[end - 1].lower_ in levels or doc[end - 1].lower_ in _articles():
            break  # keep "Homs province"
        end -= 1  # "Jayrud 60 kilometres" -> "Jayrud"
    if start < end:
        return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
    return None


def _other(
    doc: Any, text: str, ent: Any, people: set[str], first: list[bool]
) -> list[tuple[int, int]]:
    """Return the parts of a PERSON/ORG/... entity that name places: those a
    cue introduces or an Arabic article shapes, which the gazetteer reads as
    places ("Arbeen and Douma" tagged as one entity gives two names)."""
    out, i = [], ent.start + (ent[0].lower_ == "the")
    for j in range(i, ent.end + 1):
        if j == ent.end or doc[j].lower_ in (",", "and", "or"):
            if i < j:
                out += _part(doc, text, doc[i:j], people, first)
            i = j + 1
    return out


def _part(
    doc: Any, text: str, ent: Any, people: set[str], first: list[bool]
) -> list[tuple[int, int]]:
    s, e = ent.start_char, ent.end_char
    if text[e : e + 2] in ("'s", "’s"):
        return []
    cue = cued(text, s, e)
    shaped = any(
        t.lower_ in lexicon()["hyphenated"]
        and t.i + 1 < ent.end
        and doc[t.i + 1].text == "-"
        for t in ent
    )
    if not cue and any(t.lower_ in people for t in ent):
        return []
    if (cue or shaped) and plausible(text[s:e], first[ent.start], cue):
        return [(s, e)]
    return []


@functools.cache
def _articles() -> frozenset[str]:
    return lexicon()["hyphenated"] | lexicon()["spaced"]


def _glue(doc: Any, cap: list[bool], taken: list[bool]) -> list[bool]:
    """Return which tokens join capitalised words into one name: an article
    and its hyphen ("al-", "ez-") before a capitalised word, or a spaced
    article between two ("Dayr az Zawr")."""
    n = len(doc)
    glue = [False] * n
    hyph, spaced = lexicon()["hyphenated"], lexicon()["spaced"]
    for i in range(n - 2):
        if taken[i]:
            continue
        low = doc[i].lower_
        if low in hyph and doc[i + 1].text == "-" and not doc[i].whitespace_:
            if not doc[i + 1].whitespace_ and cap[i + 2]:
                glue[i] = glue[i + 1] = True
        elif low in spaced and i > 0 and cap[i - 1] and cap[i + 1]:
            glue[i] = True
    return glue


def _scan(
    doc: Any, text: str, taken: list[bool], first: list[bool]
) -> list[tuple[int, int]]:
    """Return capitalised token runs outside entities that read as places."""
    n = len(doc)
    cap = [
        alpha and not taken[i] and text[idx].isupper()
        for i, (idx, alpha) in enumerate(doc.to_array(["IDX", "IS_ALPHA"]).tolist())
    ]
    glue = _glue(doc, cap, taken)
    out = []
    i = 0
    while i < n:
        if not (cap[i] or glue[i]) or doc[i].lower_ in _stop():
            i += 1  # "The Qamishli-based group": no "The"
            continue
        j = i
        while j < n and j - i < MAX_WORDS and (cap[j] or glue[j]):
            j += 1
        for k in range(j, i, -1):
            if glue[k - 1]:
                continue
            s, e = doc[i].idx, doc[k - 1].idx + len(doc[k - 1].text)
            name = text[s:e]
            if plausible(name, first[i], cued(text, s, e)):
                out.append((s, e))
                i = k - 1
                break
        i += 1
    return out
