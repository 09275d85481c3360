"""Cheap features of an event candidate (a trigger token, its reading, its
clause), hashed into a fixed number of buckets for a linear model.

Every feature is a short string: the trigger's lemma, type, part of speech
and dependency; its head; its arguments (subject, object, prepositional
objects) as entity types, pronouns or lemmas; determiners, possessives and
modifiers of a noun trigger; negation, modals and infinitives of a verb
trigger; the words next to it; the event type of the word that governs it
(``urged X to push back`` is a demand, ``needs to be exploded`` is not);
the content words of its sentence, which tell the topic (``beat``, ``shots``
and ``overtime`` in a hockey report are no assault).
The model's weights say what each feature is worth (``_relevance``).
"""

from __future__ import annotations

import zlib
from collections import Counter
from typing import Any

from reportedly.extract._spans import ents_in, memo, sent_of
from reportedly.extract.events._lexicon import tables, trigger_of

BITS = 18
DIM = 1 << BITS
MASK = DIM - 1
NOUNS = frozenset({"NOUN", "PROPN"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "agent", "poss", "attr"})


def _cls(t: Any) -> str:
    """What an argument is: its entity type, its pronoun, or its lemma."""
    if t.ent_type_:
        return t.ent_type_
    if t.pos_ == "PRON":
        return "PRON:" + t.lower_
    if t.pos_ == "PROPN":
        return "PROPN"
    return "N:" + t.lemma_.lower()


def _pobj(prep: Any) -> Any | None:
    return next((p for p in prep.children if p.dep_ in ("pobj", "pcomp")), None)


def _children(tok: Any, lem: str, out: list[str]) -> None:
    for c in tok.children:
        d = c.dep_
        out.append("c=" + d)
        if d in ARG_DEPS:
            k = _cls(c)
            out += [f"a={d}|{k}", f"la={lem}|{d}|{k}", f"at={d}|{c.pos_}"]
        elif d == "prep":
            p = c.lower_
            obj = _pobj(c)
            k = _cls(obj) if obj is not None else "-"
            out += [f"pr={p}", f"lpr={lem}|{p}", f"po={p}|{k}", f"lpo={lem}|{p}|{k}"]
        elif d in ("det", "predet"):
            out += ["det=" + c.lower_, f"ldet={lem}|{c.lower_}"]
        elif d in ("aux", "auxpass", "neg", "mark", "advmod", "prt"):
            out += [f"{d}={c.lower_}", f"l{d}={lem}|{c.lower_}"]
        elif d in ("compound", "amod", "nmod", "nummod"):
            m = c.lemma_.lower()
            out += [f"mod={d}|{m}", f"lmod={lem}|{m}", f"modk={d}|{_cls(c)}"]
        elif d in ("xcomp", "ccomp", "advcl", "acl", "relcl"):
            out += [f"cl={d}|{c.lemma_.lower()}"]


def _head(tok: Any, lem: str, out: list[str]) -> None:
    head = tok.head
    if head.i == tok.i:
        out.append("root")
        return
    h = head.lemma_.lower()
    d = tok.dep_
    out += [f"h={h}", f"hp={head.pos_}", f"dh={d}|{head.pos_}", f"lh={lem}|{h}"]
    out += [f"dhl={d}|{h}", f"hdep={head.dep_}"]
    if d == "pobj":  # "after seven years of war", "in charge of"
        g = head.head
        out += [f"gp={head.lower_}|{g.lemma_.lower()}", f"gpp={head.lower_}|{g.pos_}"]
        out += [f"lgp={lem}|{head.lower_}"]
    gov = trigger_of(head)
    ht = gov.type if gov is not None else "-"
    out += [f"ht={ht}|{d}", f"lht={lem}|{ht}"]
    if d in ("dobj", "nsubjpass", "pobj", "xcomp", "advcl", "ccomp"):
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            out.append("hs=" + _cls(subj))


def features(tok: Any, typ: str, mode: str | None) -> list[str]:
    """Return the feature strings of the candidate ``tok`` read as ``typ``."""
    lem = tok.lemma_.lower()
    pos, tag, dep = tok.pos_, tok.tag_, tok.dep_
    out = [
        "b",
        "t=" + typ,
        f"tm={typ}|{mode}",
        "l=" + lem,
        f"lt={lem}|{typ}",
        "p=" + pos,
        "g=" + tag,
        "d=" + dep,
        f"lg={lem}|{tag}",
        f"ld={lem}|{dep}",
        f"td={typ}|{dep}",
        f"tg={typ}|{tag}",
        "e=" + tok.ent_type_,
        f"w={tok.lower_}",
    ]
    if tok.is_title and not tok.is_sent_start:
        out.append("cap")
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else "<s>"
    nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else "</s>"
    out += [f"pv={prev}", f"nx={nxt}", f"lpv={lem}|{prev}", f"lnx={lem}|{nxt}"]
    _head(tok, lem, out)
    _children(tok, lem, out)
    if pos in NOUNS and not any(
        c.dep_ in ("det", "poss", "prep", "compound", "amod", "nummod")
        for c in tok.children
    ):
        out += ["bare", f"lbare={lem}"]
    if not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
        out.append("nosubj|" + pos)
    fixed, words, function_words = _sentence(tok)
    out += fixed
    counted = tok.is_alpha and tok.lower_ not in function_words
    own = tok.lemma_.lower() if counted else ""
    out += ["s=" + w for w, n in words.items() if n > 1 or w != own]
    return out


def _sentence(tok: Any) -> tuple[list[str], Counter[str], frozenset[str]]:
    """The sentence's features (entity kinds, length) and its content words
    with their counts, read once per sentence: every candidate of the
    sentence shares them, less its own trigger token."""
    sent = sent_of(tok)
    cache = memo(tok.doc)
    key = ("events._features", sent.start)
    function_words = tables().frames["FEATURES.function_words"]
    got = cache.get(key)
    if got is None:
        kinds = sorted({e.label_ for e in ents_in(sent)})
        fixed = ["se=" + k for k in kinds] + [f"sn={min(len(sent) // 10, 5)}"]
        words = Counter(
            t.lemma_.lower()
            for t in sent
            if t.is_alpha and t.lower_ not in function_words
        )
        got = cache[key] = (fixed, words)
    return got[0], got[1], function_words


def hashed(feats: list[str]) -> list[int]:
    """Return the bucket of each feature (stable across runs and machines)."""
    return [zlib.crc32(f.encode("utf-8")) & MASK for f in feats]
