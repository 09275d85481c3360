"""Wire the stages: ingest -> clean -> annotate -> extract. The only place they meet."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reportedly import annotate
from reportedly.clean import clean
from reportedly.errors import InputError, ReportedlyError
from reportedly.extract import Resources, extract
from reportedly.ingest import read_sources
from reportedly.model import (
    Analysis,
    Article,
    ErrorRecord,
    RawDocument,
)


def _extract(
    doc: Any,
    article: Article,
    model: str | None = None,
    resources: Resources | None = None,
) -> Analysis:
    """Run the extractors on one parsed article, its headline parsed on its own."""
    headline = annotate.headline(article.text, model=model)
    return extract(doc, article, headline=headline, resources=resources)


def analyze_documents(
    docs: Iterable[RawDocument | ErrorRecord],
    *,
    raw: bool = False,
    published: str | None = None,
    model: str | None = None,
    batch_size: int = 32,
    skip: Callable[[Article], bool] | None = None,
    resources: Resources | None = None,
) -> Iterator[Analysis | ErrorRecord]:
    """Analyse raw documents lazily, in input order; bad ones become error records.

    ``skip(article)`` is asked after cleaning, before parsing: a document it
    accepts yields nothing (the caller counts what it skips). ``resources``
    are the files the extractors read (gazetteer, user actor file).
    """

    def cleaned() -> Iterator[tuple[str, Article | ErrorRecord]]:
        for d in docs:
            if isinstance(d, ErrorRecord):
                yield "", d
                continue
            # 1-2. clean (HTML main text, boilerplate) unless raw
            try:
                if published:
                    d = dataclasses.replace(d, published=published)
                art = clean(d, raw=raw)
            except InputError as e:
                yield "", ErrorRecord(source=d.source, error=e.kind, message=e.message)
                continue
            except Exception as e:  # noqa: BLE001 - a batch never stops on one document
                yield (
                    "",
                    ErrorRecord(
                        source=d.source,
                        error="internal",
                        message=f"cleaning failed: {type(e).__name__}: {e}",
                    ),
                )
                continue
            if skip is not None and skip(art):
                continue
            yield art.text, art

    # 3. annotate: one spaCy pipeline, loaded once; errors skip the parser
    for doc, item in annotate.parse_many(cleaned(), model=model, batch_size=batch_size):
        if isinstance(item, ErrorRecord):
            yield item
            continue
        try:
            yield _extract(doc, item, model, resources)
        except ReportedlyError as e:
            yield ErrorRecord(source=item.source, error=e.kind, message=str(e))
        except Exception as e:  # noqa: BLE001 - a batch never stops on one document
            yield ErrorRecord(
                source=item.source,
                error="internal",
                message=f"extraction failed on article {item.id}: "
                f"{type(e).__name__}: {e}",
            )


def analyze_many(
    sources: Iterable[str],
    *,
    raw: bool = False,
    published: str | None = None,
    model: str | None = None,
    resources: Resources | None = None,
) -> Iterator[Analysis | ErrorRecord]:
    """Read files, directories or ``-`` and analyse every document in them."""
    yield from analyze_documents(
        read_sources(sources),
        raw=raw,
        published=published,
        model=model,
        resources=resources,
    )


def analyze(
    text: str,
    *,
    raw: bool = False,
    html: bool = False,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    model: str | None = None,
    source: str = "<text>",
    resources: Resources | None = None,
) -> Analysis:
    """Analyse one article given as a string; raise ``InputError`` if it is unusable."""
    doc = RawDocument(
        source=source,
        content=text,
        content_type="html" if html else "text",
        url=url,
        title=title,
        outlet=outlet,
        published=published,
    )
    (result,) = analyze_documents([doc], raw=raw, model=model, resources=resources)
    if isinstance(result, ErrorRecord):
        raise InputError(result.error, result.message)
    return result
