"""The corpus store: the only place with SQL (DuckDB file, migrations, queries)."""

from reportedly.store.core import DEFAULT_PATH, Store, open_store, writable
from reportedly.store.query import FILTERS, KINDS
from reportedly.store.schema import TABLES

__all__ = [
    "DEFAULT_PATH",
    "FILTERS",
    "KINDS",
    "TABLES",
    "Store",
    "open_store",
    "writable",
]
