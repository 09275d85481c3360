"""Places the gazetteer adds to GeoNames' packages: the supplement
(``lexicons/places_supplement.tsv.gz``, see its PROVENANCE file) and the
regions drawn from member places (``lexicons/place_regions.toml``); and the
lookup key of a name (``norm``)."""

from __future__ import annotations

import gzip
import tomllib
import unicodedata
import zlib
from collections import defaultdict
from importlib import resources

SUPPLEMENT = "places_supplement.tsv.gz"
REGIONS = "place_regions.toml"
_ABBREV = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_PUNCT = str.maketrans({c: " " for c in "-‐–—_/,()"} | {c: "" for c in ".'’`ʻʼ"})


def norm(name: str) -> str:
    """Return the lookup key of ``name``: lowercase ASCII, no dots or apostrophes."""
    s = name  # ASCII is its own NFKD form, with no combining marks
    if not name.isascii():
        s = unicodedata.normalize("NFKD", name)
        s = "".join(c for c in s if not unicodedata.combining(c))
    words = s.translate(_PUNCT).lower().split()
    if words and words[0] in _ABBREV:
        words[0] = _ABBREV[words[0]]
    return " ".join(words)


def supplement_id(name: str, cc: str, lat: float, lon: float) -> int:
    """Return the stable negative id of a supplement place that has no GeoNames id."""
    key = f"{norm(name)}|{cc}|{lat:.3f}|{lon:.3f}".encode()
    return -(1_000_000_000 + zlib.crc32(key))


def add_supplement(places: dict[int, list], aliases: dict[int, set[str]]) -> None:
    """Add the supplement's places; a known GeoNames id only gains alternate names."""
    ref = resources.files("reportedly.lexicons").joinpath(SUPPLEMENT)
    text = gzip.decompress(ref.read_bytes()).decode("utf-8")
    for line in text.splitlines()[1:]:
        name, alts, lat, lon, cc, admin1, fclass, fcode, pop, gid, _, _ = line.split(
            "\t"
        )
        la, lo = float(lat), float(lon)
        pid = int(gid) if gid else supplement_id(name, cc, la, lo)
        if pid not in places:
            places[pid] = [pid, name, fclass, fcode, cc, admin1, int(pop), la, lo]
        aliases[pid].update(a for a in alts.split("|") if a)


def add_regions(places: dict[int, list], aliases: dict[int, set[str]]) -> None:
    """Add the regions of ``lexicons/place_regions.toml`` at the mean point of
    their members (a town before an admin unit of the same name)."""
    ref = resources.files("reportedly.lexicons").joinpath(REGIONS)
    regions = tomllib.loads(ref.read_text("utf-8"))
    index: dict[tuple[str, str], list[list]] = defaultdict(list)
    lands = {m.partition("/")[0] for r in regions.values() for m in r["members"]}
    for gid, row in places.items():
        if row[4] not in lands:
            continue
        for name in (row[1], *aliases.get(gid, ())):
            index[(row[4], norm(name))].append(row)
    for name, spec in regions.items():
        pts = []
        for member in spec["members"]:
            cc, _, town = member.partition("/")
            rows = [r for r in index.get((cc, norm(town)), ()) if r[7] is not None]
            rows.sort(key=lambda r: (r[2] != "P", -(r[6] or 0)))
            if rows:
                pts.append((rows[0][7], rows[0][8]))
        if not pts:
            continue
        lat = round(sum(p[0] for p in pts) / len(pts), 5)
        lon = round(sum(p[1] for p in pts) / len(pts), 5)
        pid = supplement_id(name, spec["country"], lat, lon)
        places[pid] = [pid, name, "L", "RGN", spec["country"], "", 0, lat, lon]
        aliases[pid].update(spec.get("alternates", ()))
