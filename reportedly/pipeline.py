"""Wire the stages: ingest -> clean -> annotate -> extract. The only place they meet.

Steps, per document: (1) a RawDocument comes in (read by ``reportedly.ingest``),
(2) ``clean`` gives the Article (HTML main text, boilerplate, language),
(3) ``annotate`` parses it with spaCy, in batches, and re-parses a Title Case
headline on its own, (4) ``extract`` runs the registry of extractors and
returns the Analysis. A document that fails at any step becomes an error
record; the batch goes on.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from reportedly import annotate
from reportedly.clean import clean
from reportedly.errors import InputError, ReportedlyError
from reportedly.extract import Resources, extract
from reportedly.model import Analysis, Article, ErrorRecord, RawDocument

Result = Analysis | ErrorRecord


def _cleaned(
    docs: Iterable[RawDocument | ErrorRecord],
    raw: bool,
    published: str | None,
    skip: Callable[[Article], bool] | None,
) -> Iterator[tuple[str, Article | ErrorRecord]]:
    """Step 2: clean each document; pass error records through as they are."""
    for d in docs:
        if isinstance(d, ErrorRecord):
            yield "", d
            continue
        try:
            if published:
                d = dataclasses.replace(d, published=published)
            art = clean(d, raw=raw)
        except InputError as e:
            yield "", ErrorRecord(source=d.source, error=e.kind, message=e.message)
            continue
        except Exception as e:  # noqa: BLE001 - a batch never stops on one document
            message = f"cleaning failed: {type(e).__name__}: {e}"
            yield "", ErrorRecord(source=d.source, error="internal", message=message)
            continue
        if skip is not None and skip(art):
            continue
        yield art.text, art


def _extracted(
    doc: Any, article: Article, model: str | None, resources: Resources | None
) -> Result:
    """Steps 3b-4: re-parse the headline, run the extractors; errors become records."""
    try:
        headline = annotate.headline(article.text, model=model)
        return extract(doc, article, headline=headline, resources=resources)
    except ReportedlyError as e:
        return ErrorRecord(source=article.source, error=e.kind, message=str(e))
    except Exception as e:  # noqa: BLE001 - a batch never stops on one document
        return ErrorRecord(
            source=article.source,
            error="internal",
            message=f"extraction failed on article {article.id}: "
            f"{type(e).__name__}: {e}",
        )


def analyze_documents(
    docs: Iterable[RawDocument | ErrorRecord],
    *,
    raw: bool = False,
    published: str | None = None,
    model: str | None = None,
    batch_size: int = 32,
    skip: Callable[[Article], bool] | None = None,
    resources: Resources | None = None,
) -> Iterator[Result]:
    """Analyse raw documents lazily, in input order; bad ones become error records.

    ``skip(article)`` is asked after cleaning, before parsing: a document it
    accepts yields nothing (the caller counts what it skips). ``resources``
    are the files the extractors read (gazetteer, user actor file).
    """
    cleaned = _cleaned(docs, raw, published, skip)
    # 3. annotate: one spaCy pipeline, loaded once; error records skip the parser
    for doc, item in annotate.parse_many(cleaned, model=model, batch_size=batch_size):
        if isinstance(item, ErrorRecord):
            yield item
        else:
            yield _extracted(doc, item, model, resources)
