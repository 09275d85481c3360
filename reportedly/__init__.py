"""reportedly: event data that knows who said so."""

from reportedly.corpus import ingest
from reportedly.model import (
    Actor,
    Analysis,
    Article,
    ErrorRecord,
    Place,
    Quote,
    RawDocument,
    Signal,
    Span,
)
from reportedly.pipeline import analyze, analyze_documents, analyze_many
from reportedly.store import Store, open_store

__all__ = [
    "Actor",
    "Analysis",
    "Article",
    "ErrorRecord",
    "Place",
    "Quote",
    "RawDocument",
    "Signal",
    "Span",
    "Store",
    "analyze",
    "analyze_documents",
    "analyze_many",
    "ingest",
    "open_store",
]
__version__ = "0.1.0"
