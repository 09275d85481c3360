"""Settings from the environment, read once by a surface and passed down.

Stages never read the environment: the CLI (or a web or batch surface) calls
``Settings.from_env()`` once and hands the result to ``reportedly.service``.

- ``REPORTEDLY_CACHE``: folder of built resources (the gazetteer); default
  ``~/.cache/reportedly``;
- ``REPORTEDLY_ACTORS``: a TSV file of your own actors (the columns of
  ``lexicons/actor_dictionary.tsv``);
- ``REPORTEDLY_MODEL``: the spaCy pipeline to load (default ``en_core_web_sm``,
  else its pinned copy).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reportedly.errors import SetupError

VARIABLES = ("REPORTEDLY_CACHE", "REPORTEDLY_ACTORS", "REPORTEDLY_MODEL")


def default_cache() -> Path:
    """Return the default folder of built resources."""
    return Path.home() / ".cache" / "reportedly"


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    """Where resources live and which model and user actors to use."""

    cache_dir: Path
    actors_file: Path | None = None
    model: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the settings from ``environ`` (default: the process environment).

        Raises ``SetupError`` when ``REPORTEDLY_ACTORS`` names no readable file.
        """
        env = os.environ if environ is None else environ
        cache = env.get("REPORTEDLY_CACHE") or default_cache()
        actors = env.get("REPORTEDLY_ACTORS") or None
        path = Path(actors).expanduser() if actors else None
        if path is not None and not path.is_file():
            raise SetupError(
                f"REPORTEDLY_ACTORS={actors}: no such file; expected a TSV file "
                "with the columns of lexicons/actor_dictionary.tsv"
            )
        model = env.get("REPORTEDLY_MODEL") or None
        return cls(cache_dir=Path(cache).expanduser(), actors_file=path, model=model)


def spark_environment(master: str, environ: Mapping[str, str] | None = None) -> dict:
    """Return the environment a Spark driver, its JVM and its executors need:
    ``environ`` (default: this process's) with ``PYSPARK_PYTHON`` (and the
    driver's) set to this Python unless given, and ``SPARK_LOCAL_IP=127.0.0.1``
    on a local or loopback master unless given."""
    env = dict(os.environ if environ is None else environ)
    env.setdefault("PYSPARK_PYTHON", sys.executable)
    env.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    loopback = r"^(local(\[.*\])?|spark://(127\.0\.0\.1|localhost)(:\d+)?)$"
    if re.match(loopback, master):
        env.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    return env


def use_spark_environment(master: str) -> None:
    """Set what ``spark_environment`` adds in this process, before the JVM starts
    (PySpark passes this process's environment to it)."""
    os.environ.update(spark_environment(master))
