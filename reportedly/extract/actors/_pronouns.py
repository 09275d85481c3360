"""Pronoun speakers and their antecedents; genders learnt from the text.

``he``, ``she``, ``they`` and ``it`` look back up to ``WINDOW`` sentences for
a speaker or subject of the right kind, then for any other mention; ``who``
and ``which`` take the noun their relative clause hangs on. The functions
work on a :class:`~reportedly.extract.actors._resolver.Resolver` and its
per-sentence mention events.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportedly.extract.actors._resolver import Resolver

SUBJECTS = frozenset(["nsubj", "nsubjpass"])
# pronoun -> m(ale), f(emale), p(lural), n(euter) or r(elative)
PRONOUNS = {"he": "m", "she": "f", "they": "p", "it": "n", "who": "r", "which": "r"}
COLLECTIVE = {
    "p": ("group", "organization", "media", "country"),
    "n": ("organization", "media", "country"),
}
WINDOW = 3  # sentences a pronoun looks back for its antecedent
SPEAKER, SUBJECT, OTHER = 0, 1, 2  # antecedent preference


def is_pronoun(text: str) -> bool:
    """Tell whether a speaker text is a pronoun that needs an antecedent."""
    return text.lower() in PRONOUNS


def genders(res: Resolver) -> None:
    """Learn he/she from subject pronouns that follow one named subject.

    ``Anna Berg spoke. She ...`` is a vote for Anna Berg being "she"; the
    majority wins where no title (Mr., spokeswoman) already told.
    """
    votes: dict[str, dict[str, int]] = {}
    for tok in res.ix.doc:
        want = PRONOUNS.get(tok.lower_)
        if want not in ("m", "f") or tok.dep_ not in SUBJECTS:
            continue
        n = res.ix.sent_at[tok.i]
        for m in (n, n - 1):
            keys = {
                k
                for at, k, prio in res.events[m]
                if m >= 0
                if prio == SUBJECT
                and (m < n or at < tok.idx)
                and res.entries[k].kind == "person"
            }
            if keys:
                if len(keys) == 1:
                    tally = votes.setdefault(keys.pop(), {"m": 0, "f": 0})
                    tally[want] += 1
                break
    for key, tally in votes.items():
        ent = res.entries[key]
        if ent.gender is None and tally["m"] != tally["f"]:
            ent.gender = "m" if tally["m"] > tally["f"] else "f"


def relative_antecedent(res: Resolver, tok: Any) -> str | None:
    """``the mayor, who said ...``: the noun the relative clause hangs on,
    resolved like a speaker phrase when it is no actor's mention yet."""
    if tok.head.dep_ != "relcl":
        return None
    noun = tok.head.head
    key = res.tok_key.get(noun.i)
    if key is not None or noun.pos_ not in ("NOUN", "PROPN"):
        return key
    left = [
        c.left_edge.i
        for c in noun.children
        if c.i < noun.i and c.dep_ in ("det", "amod", "compound", "poss", "nmod")
    ]
    first = min(left, default=noun.i)
    key = res.phrase(first, noun.i + 1)
    res.claim(first, noun.i + 1, key, OTHER)
    return key


def antecedent(res: Resolver, i: int) -> str | None:
    """Return the actor a pronoun speaker at token ``i`` refers to."""
    tok = res.ix.doc[i]
    want = PRONOUNS[tok.lower_]
    if want == "r":
        return relative_antecedent(res, tok)
    s = res.ix.sent_at[i]
    window = range(s, max(s - WINDOW, 0) - 1, -1)
    for prios in ((SPEAKER, SUBJECT), (OTHER,)):
        for n in window:
            cands = [
                ev
                for ev in res.events[n]
                if ev[0] < tok.idx
                and ev[2] in prios
                and not (n == s and _asked_about(res, ev[0], tok))
            ]
            for _, key, _ in sorted(cands, key=lambda ev: (ev[2], -ev[0])):
                ent = res.entries[key]
                if want in COLLECTIVE:
                    if ent.kind in COLLECTIVE[want]:
                        return key
                elif ent.kind == "person" and ent.gender in (None, want):
                    ent.gender = want
                    return key
    return None


def _asked_about(res: Resolver, start: int, pronoun: Any) -> bool:
    """``Asked if Mr Blunkett could return, he replied``: one asked about in
    the pronoun's own sentence is not the one who answers."""
    i, _ = res.ix.tokens(start, start + 1)
    t = res.ix.doc[i]
    while t.head.i != t.i:
        t = t.head
        if t.lemma_.lower() == "ask" and t.tag_ == "VBN" and not t.is_ancestor(pronoun):
            return True
        if t.is_ancestor(pronoun):
            return False
    return False
