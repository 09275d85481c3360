"""Turn a RawDocument into an Article: main text, boilerplate removed."""

from __future__ import annotations

from reportedly.errors import InputError
from reportedly.model import Article, RawDocument, stable_id


def clean(doc: RawDocument, *, raw: bool = False) -> Article:
    """Clean one document (placeholder: text kept as is)."""
    if not doc.content.strip():
        raise InputError("empty", f"{doc.source}: the document has no text")
    return Article(id=stable_id(doc.content), text=doc.content, source=doc.source,
                   url=doc.url, outlet=doc.outlet, title=doc.title,
                   published=doc.published)
