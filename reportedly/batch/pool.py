"""Analyse documents in N worker processes; results come back in input order.

The parent reads documents and cuts them into chunks; each worker (a spawned
process that loads the model and lexicons once, ``_worker.run``) analyses a
chunk with the same ``pipeline.analyze_documents`` as a single process, so
the records are the same. At most two chunks are in flight per worker and
the parent restores input order before yielding.

A worker that dies (killed, out of memory, a crash in native code) is
replaced. The chunks it held are tried again one document at a time; a
document whose worker dies again becomes an error record naming the exit,
and the run goes on.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

from reportedly.batch import _worker
from reportedly.errors import ReportedlyError
from reportedly.model import Analysis, ErrorRecord, RawDocument

log = logging.getLogger(__name__)
Result = Analysis | ErrorRecord
Doc = RawDocument | ErrorRecord
Key = tuple[int, int]  # (chunk number, document in a retried chunk or -1)
IN_FLIGHT = 2  # chunks per worker: one analysed, one waiting in its queue
CHUNK = 32  # documents per task: one spaCy batch
MAX_FAILED_STARTS = 3  # workers in a row dead before answering: give up


def default_workers() -> int:
    """Return the cores this process may use (the default ``--workers``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(slots=True)
class PoolStats:
    """What a pool run did: workers started and replaced, peak RSS per worker,
    documents skipped as already stored."""

    workers: int = 0
    replaced: int = 0
    skipped: int = 0
    peak_rss_mb: list[float] = field(default_factory=list)
    startup_seconds: float = 0.0  # until every first worker had loaded


class _Worker:
    def __init__(self, ctx: Any, slot: int, options: dict[str, Any]) -> None:
        self.slot = slot
        task_r, self.tasks = ctx.Pipe(duplex=False)
        self.results, result_w = ctx.Pipe(duplex=False)
        self.process = ctx.Process(
            target=_worker.run,
            args=(task_r, result_w, options),
            name=f"reportedly-worker-{slot}",
            daemon=True,
        )
        self.process.start()
        task_r.close()
        result_w.close()
        self.inflight: dict[Key, list[Doc]] = {}
        self.answered = False

    def send(self, key: Key, docs: list[Doc]) -> None:
        self.inflight[key] = docs
        # if it died, its sentinel says so and the chunk is retried
        with contextlib.suppress(OSError):
            self.tasks.send((key, docs))

    def stop(self, timeout: float = 10.0) -> None:
        with contextlib.suppress(OSError):
            self.tasks.send(None)
        self.process.join(timeout)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(timeout)
        for conn in (self.tasks, self.results):
            conn.close()


def _how(exitcode: int | None) -> str:
    if exitcode is None:
        return "stopped responding"
    if exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit code {exitcode}"


class Pool:
    """N worker processes over one document stream (use as a context manager)."""

    def __init__(
        self,
        workers: int,
        *,
        seen: frozenset[str] = frozenset(),
        chunk: int = CHUNK,
        start_method: str = "spawn",
        **options: Any,
    ) -> None:
        # spawn: never fork a process that holds threads (the store's writer)
        self.ctx = mp.get_context(start_method)
        self.options = {**options, "seen": seen}
        self.chunk = max(1, chunk)
        self.stats = PoolStats(workers=workers, peak_rss_mb=[0.0] * workers)
        self.failed_starts = 0
        self.started = time.perf_counter()
        self.workers = [_Worker(self.ctx, i, self.options) for i in range(workers)]

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker (they are daemons: they never outlive the parent)."""
        for w in self.workers:
            w.stop()
        self.workers = []

    def analyze(self, docs: Iterable[Doc]) -> Iterator[Result]:
        """Yield a result for every document (skipped ones excepted), in order."""
        stream = iter(docs)
        done: dict[int, list[Result]] = {}
        parts: dict[int, dict[int, list[Result]]] = {}  # retried chunk -> doc -> out
        sizes: dict[int, int] = {}
        retry: deque[tuple[Key, list[Doc]]] = deque()
        seq = emitted = 0
        exhausted = False
        window = 4 * len(self.workers)  # chunks ahead of the next one to yield
        while True:
            # one chunk to every worker first, then a second one queued behind
            for depth, w in itertools.product(range(IN_FLIGHT), self.workers):
                if len(w.inflight) > depth or any(k[1] >= 0 for k in w.inflight):
                    continue  # a document tried again runs alone: if it kills
                if retry:  # its worker, it is the one to blame
                    if not w.inflight:
                        w.send(*retry.popleft())
                    continue
                if exhausted or seq - emitted >= window:
                    continue
                chunk = list(itertools.islice(stream, self.chunk))
                if not chunk:
                    exhausted = True
                    continue
                sizes[seq] = len(chunk)
                w.send((seq, -1), chunk)
                seq += 1
            while emitted in done:
                yield from done.pop(emitted)
                emitted += 1
            busy = any(w.inflight for w in self.workers)
            if exhausted and not retry and not busy:
                return
            for w, died in self._ready():
                for key, out in self._drain(w):
                    self._file(key, out, done, parts, sizes)
                if died:
                    for key, out in self._replace(w, retry):
                        self._file(key, out, done, parts, sizes)

    def _ready(self) -> list[tuple[_Worker, bool]]:
        """Wait until a worker has results or has died; return those, with
        whether each died."""
        conns = {w.results: w for w in self.workers if w.inflight}
        sentinels = {w.process.sentinel: w for w in self.workers if w.inflight}
        ready = wait([*conns, *sentinels])
        out: dict[int, tuple[_Worker, bool]] = {}
        for r in ready:
            w = conns.get(r) or sentinels[r]  # type: ignore[call-overload]
            died = r in sentinels or not w.process.is_alive()
            prev = out.get(w.slot)
            out[w.slot] = (w, died or (prev[1] if prev else False))
        return list(out.values())

    def _drain(self, w: _Worker) -> Iterator[tuple[Key, list[Result]]]:
        """Take every reply waiting in a worker's pipe."""
        while True:
            try:
                if not w.results.poll():
                    return
                key, out, skipped, rss = w.results.recv()
            except (EOFError, OSError):
                return
            slot = w.slot
            self.stats.peak_rss_mb[slot] = max(self.stats.peak_rss_mb[slot], rss)
            w.answered = True
            self.failed_starts = 0
            if key is None:  # loaded and warmed up
                if not self.stats.replaced:
                    took = time.perf_counter() - self.started
                    self.stats.startup_seconds = max(self.stats.startup_seconds, took)
                continue
            w.inflight.pop(key, None)
            self.stats.skipped += len(skipped)
            yield key, out

    def _replace(
        self, w: _Worker, retry: deque[tuple[Key, list[Doc]]]
    ) -> Iterator[tuple[Key, list[Result]]]:
        """Replace a dead worker; queue its chunks one document at a time, and
        turn a lone document that killed it into an error record."""
        w.process.join(1.0)
        how = _how(w.process.exitcode)
        lost = dict(w.inflight)
        w.inflight.clear()
        w.stop(timeout=1.0)
        log.warning("worker %d died (%s); replacing it", w.slot, how)
        self.failed_starts = 0 if w.answered else self.failed_starts + 1
        if self.failed_starts >= MAX_FAILED_STARTS:
            raise ReportedlyError(
                f"{self.failed_starts} worker processes in a row died ({how}) before "
                "answering; expected them to load the model and analyse (run "
                "with --workers 1 to see the error in this process)"
            )
        self.workers[self.workers.index(w)] = _Worker(self.ctx, w.slot, self.options)
        self.stats.replaced += 1
        for (seq, sub), docs in sorted(lost.items()):
            if sub == -1:  # a chunk, being analysed or queued: each doc again
                retry.extend(((seq, i), [d]) for i, d in enumerate(docs))
                continue
            (doc,) = docs
            if isinstance(doc, ErrorRecord):
                yield (seq, sub), [doc]
                continue
            message = (
                f"{doc.source}: the worker process died ({how}) while analysing "
                "this document, alone; it was not analysed"
            )
            yield (
                (seq, sub),
                [ErrorRecord(source=doc.source, error="internal", message=message)],
            )

    @staticmethod
    def _file(
        key: Key,
        out: list[Result],
        done: dict[int, list[Result]],
        parts: dict[int, dict[int, list[Result]]],
        sizes: dict[int, int],
    ) -> None:
        seq, sub = key
        if sub == -1:
            done[seq] = out
            return
        got = parts.setdefault(seq, {})
        got[sub] = out
        if len(got) == sizes[seq]:
            done[seq] = [r for i in range(sizes[seq]) for r in got[i]]
            del parts[seq]
