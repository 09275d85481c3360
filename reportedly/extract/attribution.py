"""Dependency-parse rules that find attribution candidates in a spaCy Doc.

Each rule yields a ``Candidate``: character ranges for the speaker, the cue
and the content parts. ``quotes.py`` merges them with quotation marks and
turns them into records. Lemma lists come from ``lexicons/cues.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from reportedly.extract.lexicon import load_toml, word_set

Range = tuple[int, int]

SUBJ = ("nsubj", "nsubjpass", "csubj")
NP_LEFT = {
    "det",
    "amod",
    "compound",
    "poss",
    "nmod",
    "nummod",
    "quantmod",
    "case",
    "predet",
    "advmod",
    "npadvmod",
    "neg",
}
NP_RIGHT_COMMON = {"prep", "cc", "conj", "compound", "case", "nummod"}
NP_RIGHT_PROPER = {"cc", "conj", "compound", "case", "flat"}
RELATIVE = {"who", "that", "which", "whom"}
EXPLETIVE = {"it", "there", "this", "that", "what", "which"}


@dataclass(slots=True)
class Candidate:
    """A found attribution before it becomes a Quote record."""

    speaker: Range | None
    cue: Range | None
    parts: list[Range]
    pattern: str
    confidence: float
    cue_token: int = -1
    speaker_token: int = -1
    extra: dict[str, Any] = field(default_factory=dict)


def cue_lemma(tok: Any, known: frozenset[str]) -> str:
    """The lemma, or the word less a verb ending when the lemmatiser slipped
    (``hopes`` -> ``hop``)."""
    lemma = tok.lemma_.lower()
    if lemma in known:
        return lemma
    low = tok.lower_
    for suffix in ("s", "es", "d", "ed", "ing"):
        if low.endswith(suffix) and low[: -len(suffix)] in known:
            return low[: -len(suffix)]
    return lemma


def cues(frame: str) -> frozenset[str]:
    """Return the lemmas of one frame of ``cues.toml``."""
    return word_set("cues.toml", frame)


def tok_range(tok: Any) -> Range:
    return tok.idx, tok.idx + len(tok.text)


def tokens_range(toks: list[Any]) -> Range | None:
    toks = [t for t in toks if not t.is_space]
    while toks and toks[0].is_punct and toks[0].text not in "“\"'‘«(":
        toks = toks[1:]
    while toks and toks[-1].is_punct and toks[-1].text not in "”\"'’»)":
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def span_range(doc: Any, lo: int, hi: int) -> Range | None:
    """Character range of tokens ``lo..hi`` (inclusive), trimmed of edge punctuation."""
    return tokens_range(list(doc[lo : hi + 1]))


def noun_phrase(tok: Any) -> Range:
    """Return the speaker phrase headed by ``tok``: modifiers, no appositions."""
    proper = tok.pos_ == "PROPN"
    right = NP_RIGHT_PROPER if proper else NP_RIGHT_COMMON
    lo = hi = tok.i
    for c in tok.children:
        if c.i < tok.i and c.dep_ in NP_LEFT:
            lo = min(lo, c.left_edge.i)
        elif c.i > tok.i and c.dep_ in right:
            hi = max(hi, c.right_edge.i)
    # stop at a comma or bracket inside the phrase (an apposition slipped in)
    doc = tok.doc
    for i in range(tok.i + 1, hi + 1):
        if doc[i].text in {",", "(", "—", "–", ";"}:
            hi = i - 1
            break
    for i in range(tok.i - 1, lo - 1, -1):
        if doc[i].text in {",", ")", "—", "–", ";", "\n"} or doc[i].is_space:
            lo = i + 1
            break
    r = span_range(doc, lo, hi)
    return r if r else tok_range(tok)


def subject_of(verb: Any, depth: int = 0) -> Any | None:
    """Find who does ``verb``: its subject, or a governing verb's for participles."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            # a relative pronoun ("X, who said ...") is the speaker as written;
            # actors.py resolves it to the noun it refers to
            return c
    for c in verb.children:  # passive with a by-agent: "was told by X"
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    if depth > 3:
        return None
    if (
        verb.dep_ == "conj"
        or (
            verb.dep_ in ("advcl", "xcomp", "acl", "dep") and verb.tag_ in ("VBG", "VB")
        )
        or (verb.dep_ == "xcomp")
    ):
        head = verb.head
        if head.i != verb.i and head.pos_ in ("VERB", "AUX"):
            return subject_of(head, depth + 1)
    if verb.dep_ == "relcl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


NOMINAL = {"NOUN", "PROPN", "ADJ", "DET", "NUM", "PRON"}


def misattached_clause(addressee: Any) -> Any | None:
    """``telling a radio programme that the government had ...``: the parser
    hung the that-clause on the addressee; it is what was told."""
    for c in addressee.children:
        own_subject = any(s.dep_ == "nsubj" and s.lower_ != "that" for s in c.children)
        if c.dep_ in ("acl", "relcl") and c.left_edge.lower_ == "that" and own_subject:
            return c
    return None


def is_passive(verb: Any) -> bool:
    """``was told to``, ``asked by X``, headline ``Mayor told to resign``."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in verb.children):
        return True
    return verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children)


def preceding_nominal(verb: Any) -> tuple[Any, Range] | None:
    """The noun phrase right before a speech verb the parser left without a
    subject (``A French diplomat said ...`` parsed as a fragment)."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ == "AUX":
        i -= 1
    if i < 0 or doc[i].pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    j = i
    while j - 1 >= 0 and doc[j - 1].pos_ in NOMINAL and not doc[j - 1].is_space:
        j -= 1
    before = doc[j - 1] if j > 0 else None
    if before is not None and not (
        before.is_space
        or before.is_sent_end
        or before.text in {",", ";", "and"}
        or doc[j].is_sent_start
    ):
        return None
    r = span_range(doc, j, i)
    return (doc[i], r) if r else None


def subtree_range(tok: Any, exclude: Any | None = None) -> list[Range]:
    """Character ranges of ``tok``'s subtree, split around an excluded subtree."""
    doc = tok.doc
    lo, hi = tok.left_edge.i, tok.right_edge.i
    if exclude is None or not (lo <= exclude.i <= hi):
        r = span_range(doc, lo, hi)
        return [r] if r else []
    out = []
    elo, ehi = exclude.left_edge.i, exclude.right_edge.i
    for a, b in ((lo, elo - 1), (ehi + 1, hi)):
        if b >= a:
            r = span_range(doc, a, b)
            if r and _content_words(doc, a, b) >= 2:
                out.append(r)
    return out


REPORTING_CONJ_STOP = {"cc", "conj", "punct", "parataxis"}


def clause_range(comp: Any, speech: frozenset[str]) -> list[Range]:
    """The content clause ``comp``, cut before a conjoined or participial speech
    verb (``said he would X and warned Y``; ``..., adding that Z``): those
    belong to the reporting clause."""
    doc = comp.doc
    hi = comp.right_edge.i
    for c in comp.children:
        if c.i <= comp.i or c.pos_ not in ("VERB", "AUX"):
            continue
        lemma = c.lemma_.lower()
        if (c.dep_ == "conj" and lemma in speech and not _has_subject(c)) or (
            c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG" and lemma in speech
        ):
            hi = min(hi, c.left_edge.i - 1)
    while hi > comp.i and (doc[hi].dep_ in ("cc", "punct") or doc[hi].is_space):
        hi -= 1
    r = span_range(doc, comp.left_edge.i, hi)
    return [r] if r else []


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def right_range(verb: Any, first: Any) -> list[Range]:
    """What a verb says of its object: from ``first`` (its object or infinitive)
    to the end of the verb's right-hand complements, not its conjuncts."""
    doc = verb.doc
    hi = first.right_edge.i
    for c in verb.children:
        if (
            c.i > first.i
            and c.dep_ not in REPORTING_CONJ_STOP
            and c.dep_ not in ("advcl", "ccomp", "npadvmod", "advmod")
        ):
            hi = max(hi, c.right_edge.i)
        elif c.i > first.i and c.dep_ in REPORTING_CONJ_STOP:
            break
    r = span_range(doc, first.left_edge.i, hi)
    return [r] if r else []


def _content_words(doc: Any, a: int, b: int) -> int:
    return sum(1 for t in doc[a : b + 1] if not (t.is_punct or t.is_space))


def verb_candidates(doc: Any) -> Iterator[Candidate]:
    """Yield attributions cued by verbs: speech, belief, intention, evaluation."""
    speech, belief = cues("speech"), cues("belief")
    intention, evaluation = cues("intention"), cues("evaluation")
    quote_only = cues("quote_only")
    prep_objects = load_toml("cues.toml").get("prep_objects", {})
    known = speech | belief | intention | evaluation | frozenset(prep_objects)
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
            continue
        lemma = cue_lemma(tok, known)
        comp = obj = xcomp = oprd = prep = question = None
        for c in tok.children:
            if c.dep_ == "ccomp" and comp is None:
                comp = c
            elif c.dep_ == "dobj" and obj is None:
                obj = c
            elif c.dep_ == "xcomp" and xcomp is None:
                xcomp = c
            elif c.dep_ == "oprd" and oprd is None:
                oprd = c
            elif c.dep_ == "prep" and prep is None and c.i > tok.i:
                prep = c
            elif c.dep_ == "advcl" and c.left_edge.lower_ in ("if", "whether"):
                question = c
        subj = subject_of(tok)
        speaker = None
        if subj is None and lemma in speech and not is_passive(tok):
            found = preceding_nominal(tok)
            if found is not None:
                subj, speaker = found
        if (
            subj is None
            or subj.dep_ == "expl"
            or subj.lower_ in EXPLETIVE
            and (lemma not in speech)
        ):
            continue
        if comp is None and obj is not None and lemma in cues("addressee"):
            comp = misattached_clause(obj)
        parts: list[Range] = []
        pattern, conf = "", 0.0
        if comp is not None and lemma in speech and lemma not in quote_only:
            parts, pattern, conf = clause_range(comp, speech), "speech", 0.9
        elif comp is not None and lemma in belief:
            parts, pattern, conf = clause_range(comp, speech), "belief", 0.8
        elif tok.dep_ == "parataxis" and lemma in speech:
            parts = subtree_range(tok.head, exclude=tok)
            pattern, conf = "parenthetical", 0.85
        elif (
            xcomp is not None
            and lemma in intention
            and xcomp.tag_ == "VB"
            and not (lemma in cues("addressee") and obj is None)
        ):
            # "Residents told to boil water": tell needs an addressee; without
            # one it is a headline passive, and the subject was told
            parts, pattern, conf = right_range(tok, xcomp), "intention", 0.6
        elif (
            xcomp is not None
            and lemma in speech
            and lemma not in quote_only
            and xcomp.tag_ == "VBG"
        ):
            parts, pattern, conf = right_range(tok, xcomp), "speech", 0.6
        elif question is not None and lemma in speech:
            parts, pattern, conf = subtree_range(question), "speech", 0.7
        elif obj is not None and oprd is not None and lemma in evaluation:
            r = span_range(doc, obj.left_edge.i, oprd.right_edge.i)
            parts, pattern, conf = ([r] if r else []), "evaluation", 0.6
        elif obj is not None and lemma in evaluation:
            parts, pattern, conf = right_range(tok, obj), "evaluation", 0.5
        elif prep is not None and prep.lower_ in prep_objects.get(lemma, ()):
            r = span_range(doc, prep.i + 1, prep.right_edge.i)
            parts, pattern, conf = ([r] if r else []), "evaluation", 0.6
        if not parts:
            continue
        yield Candidate(
            speaker=speaker or noun_phrase(subj),
            cue=cue_range(tok),
            parts=parts,
            pattern=pattern,
            confidence=conf,
            cue_token=tok.i,
            speaker_token=subj.i,
        )


def cue_range(tok: Any) -> Range:
    """The cue verb with its particle (``pointed out``)."""
    start, end = tok_range(tok)
    for c in tok.children:
        if c.dep_ == "prt" and c.i == tok.i + 1:
            end = c.idx + len(c.text)
    return start, end


def according_candidates(doc: Any) -> Iterator[Candidate]:
    """Yield ``according to X`` attributions; content is the clause they modify."""
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc):
            continue
        to = doc[tok.i + 1]
        if to.lower_ != "to":
            continue
        sent = tok.sent
        phrase_hi = _phrase_end(doc, to.i + 1, sent.end - 1)
        if phrase_hi <= to.i:
            continue
        src = _phrase_head(doc, to.i + 1, phrase_hi)
        # the clause: climb from the governing word to the top of its clause
        head = tok.head
        reporting = cues("speech") | cues("belief")
        while (
            head.head.i != head.i
            and head.dep_ != "relcl"
            and not (head.dep_ == "ccomp" and head.head.lemma_.lower() in reporting)
        ):
            head = head.head
        if head.lemma_.lower() in reporting:
            # "X reported that, according to Y, Z": Y's claim is the clause Z
            inner = [c for c in head.children if c.dep_ == "ccomp" and c.i > tok.i]
            if inner:
                head = inner[0]
        lo, hi = head.left_edge.i, head.right_edge.i
        if head.i == tok.i or not (lo <= tok.i <= hi):
            lo, hi = sent.start, sent.end - 1
        lo, hi = max(lo, sent.start), min(hi, sent.end - 1)
        sides = [(lo, tok.i - 1), (phrase_hi + 1, hi)]
        sides = [(a, b) for a, b in sides if b >= a and _content_words(doc, a, b) >= 3]
        # mid-sentence: keep the side with the clause's verb, not an appended fragment
        if len(sides) == 2 and sides[0][0] <= head.i <= sides[0][1]:
            sides = sides[:1]
        parts = [r for a, b in sides if (r := span_range(doc, a, b))]
        if not parts and sent.start > 0:
            # "According to X, basically.": the claim is the sentence before
            prev = doc[sent.start - 1].sent
            r = span_range(doc, prev.start, prev.end - 1)
            parts = (
                [r] if r and _content_words(doc, prev.start, prev.end - 1) >= 3 else []
            )
        if not parts:
            continue
        yield Candidate(
            speaker=span_range(doc, to.i + 1, phrase_hi) or tok_range(src),
            cue=(tok.idx, to.idx + len(to.text)),
            parts=parts,
            pattern="according_to",
            confidence=0.9,
            cue_token=tok.i,
            speaker_token=src.i,
        )


def _phrase_end(doc: Any, start: int, limit: int) -> int:
    """Last token of the noun phrase after ``according to``: up to a comma or clause."""
    i = start
    while i <= limit and not (doc[i].is_punct and doc[i].text in ",;:.!?—–()"):
        if doc[i].is_space:
            break
        i += 1
    return i - 1


def _phrase_head(doc: Any, lo: int, hi: int) -> Any:
    """The token of ``doc[lo..hi]`` whose head lies outside it (the phrase's head)."""
    for t in doc[lo : hi + 1]:
        if not (lo <= t.head.i <= hi) or t.head.i == t.i:
            return t
    return doc[hi]


def headline_candidates(tokens: Any) -> Iterator[Candidate]:
    """Headlines are mostly ``X does Y``: a main verb with a subject attributes
    the rest of the line, up to a conjoined verb, to the subject. When the
    parser found no verb, a cue word after a name is taken as the verb
    (``Trump demands ...`` tagged as a noun). ``tokens`` is a Doc or a Span."""
    found = False
    for tok in tokens:
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("ROOT", "conj", "advcl"):
            continue
        if tok.lemma_.lower() in cues("no_clause") or _addressed(tok):
            continue
        subj = subject_of(tok)
        if subj is None or subj.i > tok.i:
            continue
        cand = _headline_rest(tokens, tok, noun_phrase(subj), subj.i)
        if cand is not None:
            found = True
            yield cand
    if not found:
        yield from _nominal_cue(tokens)


def _addressed(verb: Any) -> bool:
    """The subject is addressed, not speaking: passives and ``X told to``."""
    if verb.lemma_.lower() in cues("addressee") and not any(
        c.dep_ in ("dobj", "dative", "ccomp") for c in verb.children
    ):
        return True
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _headline_rest(
    tokens: Any, tok: Any, speaker: Range, subj_i: int
) -> Candidate | None:
    doc = tok.doc
    cue = cue_range(tok)
    last = min(tok.right_edge.i, tokens[-1].i)
    for c in tok.children:  # stop before "... and denounces Y"
        stops = c.dep_ == "cc" or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        if c.i > tok.i and c.i <= last and stops:
            last = min(last, c.i - 1)
    rest = [t for t in doc[tok.i + 1 : last + 1] if t.idx >= cue[1]]
    r = tokens_range(rest)
    if r is None or _content_words(doc, rest[0].i, rest[-1].i) < 1:
        return None
    return Candidate(
        speaker=speaker,
        cue=cue,
        parts=[r],
        pattern="headline",
        confidence=0.55,
        cue_token=tok.i,
        speaker_token=subj_i,
    )


def _nominal_cue(tokens: Any) -> Iterator[Candidate]:
    lexicon = cues("speech") | cues("evaluation") | cues("intention") | cues("belief")
    toks = list(tokens)
    for k, tok in enumerate(toks[1:], 1):
        prev = toks[k - 1]
        if tok.lemma_.lower() not in lexicon or not tok.lower_.endswith("s"):
            continue
        if prev.pos_ not in ("PROPN", "NOUN") or tok.is_title and not prev.is_title:
            continue
        j = k - 1
        while j > 0 and toks[j - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            j -= 1
        speaker = tokens_range(toks[j:k])
        rest = tokens_range(toks[k + 1 :])
        if speaker and rest:
            yield Candidate(
                speaker=speaker,
                cue=tok_range(tok),
                parts=[rest],
                pattern="headline",
                confidence=0.5,
                cue_token=tok.i,
                speaker_token=prev.i,
            )
        return
