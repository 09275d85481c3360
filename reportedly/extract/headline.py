"""Headlines in Title Case parse badly; give the parser a sentence-case copy.

The copy has exactly the same length as the headline, so offsets found in it
index the article text too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from reportedly.extract.attribution import (
    Candidate,
    cue_lemma,
    cue_range,
    cues,
    subject_of,
)
from reportedly.extract.lexicon import word_set
from reportedly.extract.spans import (
    Range,
    content_words,
    noun_phrase,
    tok_range,
    tokens_range,
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
TITLE_CASE_SHARE = 0.6


HEADLINE_MAX_CHARS = 250


def headline_span(text: str) -> tuple[int, int]:
    """Return the character range of the headline: a short first line followed
    by more text; empty when the text has no such line (a one-line article)."""
    start = len(text) - len(text.lstrip())
    nl = text.find("\n", start)
    if nl < 0 or nl - start > HEADLINE_MAX_CHARS or not text[nl:].strip():
        return start, start
    return start, nl


def label_end(line: str) -> int:
    """Length of a section label such as ``The Latest:`` opening a headline, or 0."""
    colon = line.find(":")
    if colon <= 0:
        return 0
    if line[:colon].strip().lower() not in word_set(
        "cues.toml", "headline_labels", "phrases"
    ):
        return 0
    rest = line[colon + 1 :]
    return colon + 1 + len(rest) - len(rest.lstrip())


def headline_variant(text: str) -> tuple[int, str] | None:
    """Return ``(start, text)`` to parse on its own for the headline, or None.

    A section label (``The Latest:``) is left out, and a Title Case headline
    is given in sentence case; the copy has the length of the original.
    """
    start, end = headline_span(text)
    skip = label_end(text[start:end])
    cased = sentence_case(text)
    if cased is None and not skip:
        return None
    line = cased[1] if cased else text[start:end]
    return start + skip, line[skip:]


def sentence_case(text: str) -> tuple[int, str] | None:
    """Return ``(start, copy)`` of a Title Case headline in sentence case, else None.

    A word keeps its capital when the body also writes it capitalised after a
    lower-case word (a name such as ``Trump``); other words are lowered.
    """
    start, end = headline_span(text)
    line = text[start:end]
    words = _WORD.findall(line)
    long_words = [w for w in words if len(w) >= 4]
    if len(long_words) < 3:
        return None
    caps = sum(1 for w in long_words if w[0].isupper())
    if caps / len(long_words) < TITLE_CASE_SHARE:
        return None
    body = text[end:]
    out = []
    first = True
    for m in re.finditer(r"\S+", line):
        w = m.group(0)
        alpha = next((ch for ch in w if ch.isalpha()), "")
        if first or not alpha.isupper() or _is_name(w, body):
            out.append(w)
        else:
            out.append(w.lower())
        first = False if any(ch.isalpha() for ch in w) else first
    copy = _rejoin(line, out)
    if len(copy) != len(line) or copy == line:
        return None
    return start, copy


def _is_name(word: str, body: str) -> bool:
    """A name: the body writes it capitalised and never in lower case."""
    core = word.strip("‘’'\"“”.,:;!?()")
    if not core or (len(core) > 1 and core.isupper()):
        return bool(core)
    pattern = r"\b" + re.escape(core) + r"\b"
    if re.search(pattern, body) is None:
        return False
    return re.search(r"\b" + re.escape(core.lower()) + r"\b", body) is None


def _rejoin(line: str, words: list[str]) -> str:
    parts = re.split(r"(\s+)", line)
    it = iter(words)
    return "".join(p if (not p or p.isspace()) else next(it) for p in parts)


def headline_candidates(tokens: Any) -> Iterator[Candidate]:
    """Headlines are mostly ``X does Y``: a main verb with a subject attributes
    the rest of the line, up to a conjoined verb, to the subject. When the
    parser found no verb, a cue word after a name is taken as the verb
    (``Trump demands ...`` tagged as a noun). ``tokens`` is a Doc or a Span."""
    found = False
    last = None
    for tok in tokens:
        second = (  # "X declares Y, ignores Z": a verb the parser left unattached
            (tok.tag_ in ("VBZ", "VBD") or _verb_like(tok))
            and tok.i > tokens[0].i
            and tok.doc[tok.i - 1].text in (",", "and")
        )
        verb = tok.pos_ in ("VERB", "AUX")
        if not second and (not verb or tok.dep_ not in ("ROOT", "conj", "advcl")):
            continue
        if tok.lemma_.lower() in cues("no_clause") or _addressed(tok):
            continue
        subj = subject_of(tok)
        if (subj is None or subj.i > tok.i) and second and last is not None:
            subj = last  # the second verb shares the first one's subject
        if subj is None or subj.i > tok.i:
            continue
        cand = _headline_rest(tokens, tok, noun_phrase(subj), subj.i)
        if cand is not None:
            found, last = True, subj
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


FINITE_OR_GERUND = {"VBZ", "VBD", "VBP", "VBG"}


def _verb_like(tok: Any) -> bool:
    """A verb, or a cue word the tagger took for a plural noun (``denounces``)."""
    if tok.tag_ in FINITE_OR_GERUND:
        return True
    return tok.tag_ == "NNS" and cue_lemma(tok, _cue_words()) in _cue_words()


def _cue_words() -> frozenset[str]:
    return cues("speech") | cues("evaluation") | cues("intention") | cues("belief")


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
    for k in range(1, len(rest)):  # "declares X, ignores Y"; "backs X and denounces Y"
        if _verb_like(rest[k]) and rest[k - 1].text in (",", "and"):
            rest = rest[: k - 1]
            break
    r = tokens_range(rest)
    if r is None or content_words(doc, rest[0].i, rest[-1].i) < 1:
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
