"""Batch surfaces over the same pipeline: a local worker pool and the Spark job.

``local`` runs ``ingest`` and ``analyze`` on every core of one machine;
``spark`` runs the pipeline inside Spark tasks and writes Parquet datasets that
``load`` brings into a DuckDB store.
"""

from reportedly.batch.load import load
from reportedly.batch.local import analyze_paths, ingest
from reportedly.batch.pool import PoolStats, default_workers

__all__ = ["PoolStats", "analyze_paths", "default_workers", "ingest", "load"]
