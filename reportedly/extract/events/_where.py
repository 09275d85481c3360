"""Which place mentions of a sentence say where one event happened.

An event's own clause is its trigger and the phrases that hang on it, not the
clauses nested in it (``convicted of fighting``, ``warned that troops would
advance from Afrin``: those places belong to their own verbs). When its own
clause names no place, the event takes the place of the clause it hangs on
(``detained when holidaying in Turkey``, ``an airstrike killed 20 people in
Homs``), and a statement the place of the speech verb it is the content of
(``told reporters in Geneva that he rejected the plan``). A phrase that says
where something was said (``speaking in Ankara``, ``in remarks at ...``)
locates a statement whatever the role of its place. ``Manbij, where US
forces are deployed``: the relative clause happens at its antecedent. The
word lists are ``lexicons/event_places.toml``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from typing import Any

from reportedly.lexicons import load_toml, word_set


@functools.cache
def lex() -> dict[str, Any]:
    """The event-place lexicon, parsed once."""
    return load_toml("event_places.toml")


@functools.cache
def _set(section: str, key: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lex()[section][key])


def locative() -> frozenset[str]:
    """Prepositions that say where: ``in``, ``near`` ..."""
    return _set("where", "locative")


def _speech() -> frozenset[str]:
    return word_set("cues.toml", "speech")


def _says_where(tok: Any) -> bool:
    """``speaking``, ``remarks``, ``news conference``: a phrase of saying."""
    return tok.lemma_.lower() in _set("statement", "lemmas") or (
        tok.lower_ in _set("statement", "lemmas")
    )


def _enter(child: Any) -> str | None:
    """How to walk into a child of the clause: ``own``, ``said`` (a phrase
    of saying) or None (a nested clause with places of its own)."""
    if _says_where(child):
        return "said"
    verbs = ("VERB", "AUX")
    if child.dep_ == "conj" and child.pos_ in verbs and child.head.pos_ in verbs:
        return None  # "attacked A and killed B in Homs": a clause of its own
    if child.dep_ not in _set("tree", "clausal"):
        return "own"
    if child.dep_ == "acl" and child.lemma_.lower() in _set("tree", "position_acl"):
        return "own"  # "assault on troops based in Raqqa"
    same = child.dep_ == "advcl" and child.tag_ in _set("tree", "same_happening_tags")
    if same and not any(c.dep_ == "mark" for c in child.children):
        return "own"  # "shelled the town, killing ten in Douma"
    return None


def own(
    head: Any, skip: int | None = None, setting: str | None = None
) -> Iterator[tuple[Any, str]]:
    """Yield the tokens of ``head``'s own clause with how they were reached
    (``own`` or ``said``), not entering the child ``skip``. With ``setting``
    (``verb`` or ``noun``, the clause governs the event) only the phrases
    that hang on the verb (and, for ``noun``, on its object) count."""
    stack = [(head, "own", 0)]
    while stack:
        tok, how, depth = stack.pop()
        yield tok, how
        stop = setting and depth and tok.dep_ in _set("tree", "setting_stop")
        if stop and (setting == "verb" or depth > 1):
            continue
        for child in tok.children:
            if child.i == skip:
                continue
            step = _enter(child)
            if setting and step == "own" and child.dep_ not in _set("tree", "setting"):
                continue
            if step is not None:
                step = "said" if "said" in (how, step) else step
                stack.append((child, step, depth + 1))


def _where_antecedent(tok: Any) -> Any | None:
    """``Manbij, where forces are deployed``: the relative clause's antecedent."""
    words = _set("tree", "relative_where")
    if tok.dep_ == "relcl" and any(
        c.lower_ in words and c.dep_ == "advmod" for c in tok.children
    ):
        return tok.head
    return None


def levels(
    trigger: Any, statement: bool
) -> Iterator[tuple[Any, int | None, str, str | None]]:
    """Yield (clause head, child to skip, source, setting) from the event's
    own clause up through the clauses that govern it: ``clause``, then
    ``sentence``, or ``statement`` for the speech verb a statement is the
    content of; ``setting`` says how much of a governing clause counts."""
    tok, skip, source, setting = trigger, None, "clause", None
    climb = _set("tree", "climb")
    noun = _set("tree", "climb_noun")
    for _ in range(8):  # a sentence's depth; guards a cyclic parse
        yield tok, skip, source, setting
        head = tok.head
        if head.i == tok.i:
            return
        if tok.dep_ in climb:
            source, setting = ("sentence" if source == "clause" else source), "verb"
        elif _by_prep(tok):  # "killed in an airstrike": the verb of the phrase
            source = "sentence" if source == "clause" else source
            tok, skip, setting = head.head, head.i, "verb"
            continue
        elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in noun:
            source, setting = ("sentence" if source == "clause" else source), "noun"
        elif statement and tok.dep_ in ("ccomp", "parataxis"):
            if head.lemma_.lower() not in _speech():
                return
            source, setting = "statement", "verb"
        else:
            return
        tok, skip = head, tok.i


def _by_prep(tok: Any) -> bool:
    """A noun event in a phrase of its verb: ``killed in an airstrike``."""
    head = tok.head
    return (
        tok.pos_ == "NOUN"
        and tok.dep_ == "pobj"
        and head.lower_ in _set("tree", "climb_noun_preps")
        and head.dep_ == "prep"
        and head.head.pos_ in ("VERB", "AUX")
    )


_ADVERBIAL = frozenset({"advmod", "npadvmod", "prep", "pobj", "dobj"})


def role(root: Any) -> str:
    """``loc`` after a locative preposition (``in Homs``, ``a visit to
    Egypt``), ``obj`` as an object, else ``other`` (a subject or a modifier:
    ``USA officials``). A conjunct or an apposition takes the role of the word
    it hangs on (``in Homs and Hama``, ``of Accrington, Lancashire``), and so
    does the place of a relational word (``the outskirts of Damascus``) and
    a place modifying a place noun (``at Sunderland station``, ``outside its
    Durham headquarters``, ``the Afghan capital``)."""
    heads = _set("where", "place_heads") | _set("where", "relational")
    for _ in range(8):
        head = root.head
        if root.dep_ in ("conj", "appos") and head.i != root.i:
            root = head
        elif (
            root.dep_ in ("compound", "amod", "nmod")
            and head.i != root.i
            and (head.lemma_.lower() in heads or head.lower_ in heads)
        ):
            root = head  # "at Sunderland station", "the Afghan capital"
        elif (
            root.dep_ == "pobj"
            and head.lower_ == "of"
            and head.head.lower_ in _set("where", "relational")
        ):
            root = head.head
        else:
            break
    if _compared(root):
        return "other"
    if root.lower_ in _set("where", "directions") and root.dep_ in _ADVERBIAL:
        return "loc"  # "airstrikes north of Hama"
    head = root.head
    towards = head.lower_ == "to" and head.head.lemma_.lower() in _set(
        "where", "to_heads"
    )
    if root.dep_ == "pobj" and (head.lower_ in locative() or towards):
        return "loc"
    if root.dep_ == "dobj" or head.i == root.i:
        return "obj"
    return "other"


def _compared(tok: Any) -> bool:
    """``like Srebrenica in 1995``, ``as in Bosnia``: a place compared with."""
    words = _set("where", "comparison")
    for _ in range(4):
        head = tok.head
        if head.i == tok.i or head.pos_ in ("VERB", "AUX"):
            return tok.lower_ in words and tok.dep_ in ("prep", "mark", "advmod")
        if tok.lower_ in words and tok.dep_ in ("prep", "mark", "advmod"):
            return True
        tok = head
    return False


def free(place: Any, trigger: Any) -> bool:
    """Is ``place`` outside any nested clause that does not hold the
    trigger (``battling Isis before crossing into Iraq``: Iraq is not)?"""
    foreign = _set("sentence", "foreign")
    tok = place
    for _ in range(12):
        if tok.dep_ in foreign and not (
            tok.left_edge.i <= trigger.i <= tok.right_edge.i
        ):
            return False
        if tok.head.i == tok.i:
            return True
        tok = tok.head
    return True


def antecedent(trigger: Any) -> Any | None:
    """The place a ``where`` relative clause around the trigger happens at."""
    tok = trigger
    for _ in range(4):
        found = _where_antecedent(tok)
        if found is not None or tok.head.i == tok.i:
            return found
        if tok.dep_ not in _set("tree", "climb"):
            return None
        tok = tok.head
    return None


def speaker_own(head: Any, actors: list[tuple[int, int, str]]) -> bool:
    """Is the event with these actors (start, end, text) the speaker's own
    statement, the speech verb ``head``'s subject or a speaker pronoun?"""
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = _set("statement", "speaker_pronouns")
    for start, end, text in actors:
        if text.strip().lower() in words:
            return True
        for s in subj:
            lo = min(t.idx for t in s.subtree)
            hi = max(t.idx + len(t) for t in s.subtree)
            if start < hi and lo < end:
                return True
    return False


def is_target(kind: str) -> bool:
    """Is the recipient of an event of this type the place it happened at
    when it is nothing but a place (``an assault on Afrin``)?"""
    return any(
        kind == t or kind.startswith(t + ":") for t in _set_raw("target", "types")
    )


@functools.cache
def _set_raw(section: str, key: str) -> tuple[str, ...]:
    return tuple(lex()[section][key])


def is_statement(quad: str | None) -> bool:
    """Is an event of this class (events.toml ``quad``) a statement?"""
    return quad in _set("statement", "quads")


def sentence_place(
    places: Sequence[Any],
    sent: tuple[int, int],
    roles: dict[int, str],
    after: int,
) -> Any | None:
    """The sentence's place when it names exactly one (outside actor names
    and a dateline) and says where with it (``in Homs``, ``struck Homs``),
    not as a modifier (``USA officials``)."""
    lo, hi = max(sent[0], after), sent[1]
    here = [m for m in places if m.place_id and lo <= m.span.start < hi]
    if len({m.place_id for m in here}) != 1:
        return None
    said = [m for m in here if roles.get(m.span.start) != "other"]
    return said[0] if said else None
