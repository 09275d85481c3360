"""Incidents across articles: link records, pairwise rules, grouping; no SQL here.

Events become link records (``link_records``); two records are linked when
``compare`` says so; ``update`` groups new records with stored candidates
into incidents. Rules and word lists are data in ``lexicons/incidents.toml``.
"""

from reportedly.incidents._group import build, candidate_keys, update
from reportedly.incidents._records import day_of, link_records
from reportedly.incidents._rules import compare, compatible_types, linkable

__all__ = [
    "build",
    "candidate_keys",
    "compare",
    "compatible_types",
    "day_of",
    "link_records",
    "linkable",
    "update",
]
