"""Date phrases: find them in an article, resolve them against its publication date.

The rules and the resolution live in ``_dates``; this package offers
``date_mentions()`` for an article and ``resolve()`` for one phrase.
"""

from __future__ import annotations

from reportedly.extract._draft import Draft, Extractor
from reportedly.extract.dates._dates import VERSION, DateMention, date_mentions, resolve

__all__ = ["DATES", "VERSION", "DateMention", "date_mentions", "resolve"]


def _run(draft: Draft) -> None:
    article = draft.article
    draft.dates = date_mentions(draft.doc, article, published=article.published)


DATES = Extractor("dates", VERSION, _run)
