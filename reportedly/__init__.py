"""reportedly: event data that knows who said so.

The public API: analyse texts, documents or files (``analyze``,
``analyze_texts``, ``analyze_documents``, ``analyze_many``), render results,
build resources once (``setup``), ingest a corpus into a store
(``ingest_corpus``) and read it back (``open_store``). ``reportedly.ingest``
is the package of input readers.
"""

import logging

from reportedly.model import (
    Actor,
    Analysis,
    Article,
    ErrorRecord,
    Event,
    Incident,
    Place,
    Quote,
    RawDocument,
    Signal,
    Span,
)
from reportedly.service import (
    analyze,
    analyze_documents,
    analyze_texts,
    render,
    setup,
)
from reportedly.service import analyze_paths as analyze_many
from reportedly.service import ingest as ingest_corpus
from reportedly.settings import Settings
from reportedly.store import Store, open_store

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ErrorRecord",
    "Event",
    "Incident",
    "Place",
    "Quote",
    "RawDocument",
    "Settings",
    "Signal",
    "Span",
    "Store",
    "analyze",
    "analyze_documents",
    "analyze_many",
    "analyze_texts",
    "ingest_corpus",
    "open_store",
    "render",
    "setup",
]
__version__ = "0.1.0"
