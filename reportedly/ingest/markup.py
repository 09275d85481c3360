"""Say whether a record's text field holds HTML markup rather than plain text."""

from __future__ import annotations

import re

# Tags that news markup is made of. Only these count: "<Reuters>", "<x@y.org>"
# or "<Ctrl>" are not tags; "a < b" has no tag name at all.
_TAGS = (
    "html|head|body|title|meta|article|section|main|header|footer|nav|aside|"
    "div|p|br|hr|span|h[1-6]|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|"
    "blockquote|figure|figcaption|pre|a|b|i|em|strong|small|sub|sup|img|font|"
    "center|script|style|noscript"
)
# A tag name ends at whitespace, "/" or ">": "<b@x.org>" is an address.
_TAG = rf"(?:{_TAGS})(?=[\s/>])[^<>]*>"
# The text starts with a tag, a doctype or a comment ...
_STARTS = re.compile(rf"<(?:/?{_TAG}|!doctype\s+html|!--)", re.I)
# ... or holds a closing tag or a line break / rule / image anywhere.
_INSIDE = re.compile(rf"</{_TAG}|<(?:br|hr|img)(?=[\s/>])[^<>]*>", re.I)


def looks_like_markup(text: str) -> bool:
    """Say whether ``text`` is HTML: it starts with a tag or holds real markup.

    ``<p>Troops fired</p>``, ``Troops fired.<br>Police said`` and
    ``<div class="x">...`` are markup; ``a < b``, ``<x@y.org>`` and a lone
    ``<Reuters>`` are not, and neither is a text that mentions ``<p>`` mid-way
    with no closing tag.
    """
    return bool(_STARTS.match(text.lstrip()) or _INSIDE.search(text))
