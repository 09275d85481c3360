"""reportedly: event data that knows who said so."""

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
    "analyze",
    "analyze_documents",
    "analyze_many",
]
__version__ = "0.1.0"
