"""The Spark job: the same pipeline inside Spark tasks, Parquet datasets out.

The driver cuts the inputs into slices (``slices.plan``), ships the gazetteer
(and a user actor file) to the executors with ``addFile``, and runs one task
per slice in ``mapPartitions``. A task reads its slice, cleans, parses and
extracts with the pipeline of a single process (the model is loaded once per
executor Python worker, which Spark reuses), and writes the slice's rows as
a part of the Parquet datasets (``store.datasets``), partitioned by
publication month. Bad documents become rows of the errors dataset; a rerun
skips the slices already complete. ``reportedly load`` then brings the
datasets into a DuckDB store and links incidents there.

Inputs and the output directory must be on a filesystem every executor sees
(one machine, or a shared mount on a cluster). PySpark is an optional extra:
``pip install '.[spark]'``, with Java 17 (Debian ``openjdk-17-jre-headless``).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportedly import entities, pipeline, service
from reportedly.batch import slices
from reportedly.errors import SetupError
from reportedly.extract import Resources, resource_files
from reportedly.model import Analysis, ErrorRecord
from reportedly.settings import Settings, use_spark_environment
from reportedly.store import datasets

log = logging.getLogger(__name__)
DEFAULT_MASTER = "local[*]"


@dataclass(slots=True)
class JobSummary:
    """What a Spark run did, summed over its slices."""

    master: str = ""
    slices: int = 0
    skipped_slices: int = 0
    documents: int = 0
    analyses: int = 0
    errors: int = 0
    duplicates: int = 0
    events: int = 0
    seconds: float = 0.0
    task_seconds: float = 0.0
    parts: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        keys = [k for k in self.__slots__ if k != "parts"]  # type: ignore[attr-defined]
        return {k: getattr(self, k) for k in keys}


def require_pyspark() -> Any:
    """Import pyspark, or raise ``SetupError`` saying how to install it."""
    try:
        import pyspark
    except ImportError:
        raise SetupError(
            "PySpark is not installed: pip install 'reportedly[spark]' (and Java 17, "
            "e.g. apt-get install openjdk-17-jre-headless)"
        ) from None
    return pyspark


def session(master: str = DEFAULT_MASTER, app: str = "reportedly") -> Any:
    """Start (or reuse) a Spark session on ``master``.

    Executors run this Python (``PYSPARK_PYTHON``, unless set); on a local or
    loopback master, Spark binds to 127.0.0.1 (``SPARK_LOCAL_IP``, unless set).
    """
    require_pyspark()
    from pyspark.sql import SparkSession

    use_spark_environment(master)
    builder = (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.python.worker.reuse", "true")
        .config("spark.ui.showConsoleProgress", "true")
    )
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def _resources(options: dict[str, Any]) -> Resources:
    """Executor side: the shipped gazetteer's folder is the cache directory."""
    from pyspark import SparkFiles

    root = Path(SparkFiles.getRootDirectory())
    actors = options.get("actors_file")
    return Resources(cache_dir=root, actors_file=root / actors if actors else None)


def run_slice(s: slices.Slice, out: str, options: dict[str, Any]) -> dict[str, Any]:
    """Analyse one slice and write it as a dataset part; return its marker."""
    root = Path(out)
    if datasets.is_done(root, s.id):
        return {"part": s.id, "skipped": True}
    start = time.perf_counter()
    analyses: list[Analysis] = []
    errors: list[ErrorRecord] = []
    ids: set[str] = set()
    n = dup = 0
    results = pipeline.analyze_documents(
        slices.read(s),
        raw=options.get("raw", False),
        published=options.get("published"),
        model=options.get("model"),
        resources=_resources(options),
    )
    for r in results:
        n += 1
        if isinstance(r, ErrorRecord):
            errors.append(r)
        elif r.article.id in ids:
            dup += 1  # a second copy in the slice: the first is kept
        else:
            ids.add(r.article.id)
            analyses.append(r)
    canonical = {a.article.id: entities.assign(a) for a in analyses}
    counts = {
        "path": s.path,
        "k": s.k,
        "of": s.of,
        "documents": n,
        "analyses": len(analyses),
        "errors": len(errors),
        "duplicates": dup,
        "events": sum(len(a.events) for a in analyses),
        "seconds": round(time.perf_counter() - start, 3),
        "pid": os.getpid(),
    }
    return datasets.write_part(root, s.id, analyses, errors, canonical, counts)


def _tasks(
    items: Iterable[slices.Slice], out: str, options: dict[str, Any]
) -> Iterator[dict[str, Any]]:
    for s in items:
        yield run_slice(s, out, options)


def run(
    sources: Iterable[str],
    out: str | Path,
    *,
    master: str = DEFAULT_MASTER,
    raw: bool = False,
    published: str | None = None,
    settings: Settings | None = None,
    split_bytes: int = slices.SPLIT_BYTES,
    spark: Any = None,
) -> JobSummary:
    """Run the job over ``sources`` into the dataset directory ``out``.

    ``spark`` is a running session to use (else one is started on ``master``
    and stopped at the end). Slices already complete in ``out`` are skipped.
    """
    s = service.settings_or_env(settings)
    res = service.resources(s)  # the gazetteer must exist before we ship it
    root = Path(out).resolve()
    root.mkdir(parents=True, exist_ok=True)
    own = spark is None
    spark = session(master) if own else spark
    summary = JobSummary(master=spark.sparkContext.master)
    start = time.perf_counter()
    try:
        sc = spark.sparkContext
        plan = slices.plan(
            sources, cores=sc.defaultParallelism, split_bytes=split_bytes
        )
        done = datasets.done_parts(root)
        todo = [x for x in plan if x.id not in done]
        summary.slices, summary.skipped_slices = len(plan), len(plan) - len(todo)
        log.info("%s; %d to run", slices.describe(plan), len(todo))
        for f in resource_files(res):
            sc.addFile(str(f))
        options: dict[str, Any] = {"raw": raw, "published": published, "model": s.model}
        if res.actors_file is not None:
            sc.addFile(str(res.actors_file))
            options["actors_file"] = res.actors_file.name
        parts: list[dict[str, Any]] = []
        if todo:
            target = str(root)
            rdd = sc.parallelize(todo, len(todo))
            parts = rdd.mapPartitions(lambda it: _tasks(it, target, options)).collect()
    finally:
        if own:
            spark.stop()
    summary.seconds = round(time.perf_counter() - start, 3)
    summary.parts = parts
    for p in parts:
        for k in ("documents", "analyses", "errors", "duplicates", "events"):
            setattr(summary, k, getattr(summary, k) + int(p.get(k, 0)))
        summary.task_seconds += float(p.get("seconds", 0.0))
    return summary
