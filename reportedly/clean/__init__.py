"""Turn a RawDocument into an Article: main text, boilerplate removed.

Steps: (1) HTML -> main text and metadata (trafilatura; the publication
date is the record's, else the page's, else the crawl date); (2) whitespace
normalised; (3) boilerplate lines dropped, each one recorded in
``Article.removed``; (4) the result checked: not empty, not oversized,
English. With ``raw=True`` the text is kept byte for byte (only checked), so
offsets index the input file.
"""

from __future__ import annotations

from reportedly.clean.boilerplate import line_reason, remove_boilerplate
from reportedly.clean.dates import iso_date
from reportedly.clean.html import extract
from reportedly.clean.language import not_english_reason
from reportedly.clean.whitespace import normalise
from reportedly.errors import InputError
from reportedly.model import Article, RawDocument, Removed, stable_id

__all__ = ["clean", "line_reason", "normalise", "remove_boilerplate"]

MAX_CHARS = 1_000_000
_ENGLISH = {"en", "eng", "english"}


def clean(doc: RawDocument, *, raw: bool = False) -> Article:
    """Clean one document into an Article; raise InputError when it is unusable."""
    title, url, outlet, published = doc.title, doc.url, doc.outlet, doc.published
    removed: tuple[Removed, ...] = ()
    if raw or doc.content_type != "html":  # HTML pages are bigger than their text
        _check_size(doc.content, doc.source)
    if raw:
        text = doc.content
    elif doc.content_type == "html":
        page = extract(doc.content, url=doc.url, source=doc.source)
        title, url = title or page.title, url or page.url
        outlet, published = outlet or page.outlet, published or page.published
        # trafilatura puts one paragraph on each line.
        body = normalise(page.text).replace("\n", "\n\n")
        if title and not body.startswith(normalise(title)):
            body = normalise(title) + "\n\n" + body  # the headline, as in plain text
        text, removed = remove_boilerplate(body)
    else:
        text, removed = remove_boilerplate(normalise(doc.content))
    # a crawl date (WARC-Date) stands in only when the page gives no date
    published = published or doc.fetched
    if not text.strip():
        what = "only boilerplate" if removed else "no text"
        raise InputError("empty", f"{doc.source}: the document has {what}")
    _check_size(text, doc.source)
    _check_language(doc, text)
    return Article(
        id=stable_id(text, url or ""),
        text=text,
        source=doc.source,
        url=url,
        outlet=outlet,
        title=title,
        published=iso_date(published),
        language="en",
        removed=removed,
    )


def _check_size(text: str, source: str) -> None:
    if len(text) > MAX_CHARS:
        raise InputError(
            "oversized",
            f"{source}: the text has {len(text):,} characters; expected at most "
            f"{MAX_CHARS:,} (one article)",
        )


def _check_language(doc: RawDocument, text: str) -> None:
    declared = (doc.language or "").strip().lower()
    if declared and declared.split("-")[0].split("_")[0] not in _ENGLISH:
        raise InputError(
            "language",
            f"{doc.source}: the record says its language is {doc.language!r}; "
            "expected English (en)",
        )
    why = not_english_reason(text)
    if why:
        raise InputError("language", f"{doc.source}: not English text: {why}")
