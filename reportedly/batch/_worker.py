"""One worker process of the local pool: load once, analyse chunks until told to stop.

The worker reads tasks on a thread of its own into a local queue, so the
parent never blocks on a full pipe while the worker is busy sending results.
Each reply carries the worker's peak RSS, so the parent can report it.
"""

from __future__ import annotations

import logging
import queue
import resource
import sys
import threading
from typing import Any

log = logging.getLogger(__name__)
# analysed once at start, so lexicons and the gazetteer load before the first
# task and a worker's start-up is measured apart from its throughput
WARM_UP = (
    "Police arrested two men in Mosul on Friday after a bomb attack on a market, "
    "the interior ministry said."
)


def peak_rss_mb() -> float:
    """Return this process's peak resident set size so far, in MiB."""
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return kb / (1 << 20) if sys.platform == "darwin" else kb / 1024


def warm_up(options: dict[str, Any]) -> None:
    """Load the model, lexicons and gazetteer by analysing one sentence."""
    from reportedly import pipeline
    from reportedly.model import RawDocument

    warm = RawDocument(source="<warm-up>", content=WARM_UP)
    for _ in pipeline.analyze_documents([warm], **options):
        pass


def _reader(conn: Any, tasks: queue.Queue) -> None:
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            msg = None
        tasks.put(msg)
        if msg is None:
            return


def run(tasks_conn: Any, results_conn: Any, options: dict[str, Any]) -> None:
    """Serve tasks ``(key, docs)`` until ``None``; reply ``(key, results, skipped,
    peak_rss_mb)``, and ``(None, [], [], peak_rss_mb)`` once loaded. ``options``
    are those of ``pipeline.analyze_documents`` plus ``seen``: article ids
    already stored, skipped before parsing."""
    from reportedly import pipeline  # after the spawn: load here

    options = dict(options)
    seen: frozenset[str] = options.pop("seen", frozenset())
    warm_up(options)
    results_conn.send((None, [], [], peak_rss_mb()))
    tasks: queue.Queue = queue.Queue()
    threading.Thread(target=_reader, args=(tasks_conn, tasks), daemon=True).start()
    while (msg := tasks.get()) is not None:
        key, docs = msg
        skipped: list[str] = []

        def skip(article: Any, skipped: list[str] = skipped) -> bool:
            if article.id in seen:
                skipped.append(article.id)
                return True
            return False

        results = list(pipeline.analyze_documents(docs, skip=skip, **options))
        try:
            results_conn.send((key, results, skipped, peak_rss_mb()))
        except OSError:  # the parent is gone (killed): nobody to answer
            return
    results_conn.close()
