"""Points of countries and subdivisions, derived from the places inside them.

The gazetteer's sources give countries and subdivisions no coordinates, so
their point is derived from the places inside them: the midpoint of the range
(bounding box) of their latitudes and longitudes, which approximates the
middle of the settled territory (GeoNames puts country and province points
near the geographic centre), after dropping far-away admin1 units with under
2% of a country's places (Alaska and Hawaii for the United States); a unit
without places has no point. Countries spanning over 100 degrees of longitude
(Russia) get the extent-weighted mean of their admin1 units' bounding-box
centres instead. A country's point is then replaced by its centre from the
countryinfo package (``latlng``, the centres GeoNames and the CIA Factbook
also use) where it has one. ``lexicons/place_points.tsv`` overrides a point where
a public geographic centre is better (the contiguous United States).
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from importlib import resources


def bbox_point(pts: list[tuple[float, float]], trim: float = 0.0) -> tuple | None:
    """Return the middle of the bounding box of ``pts`` (None without points),
    ``trim`` of them dropped at each end."""
    if not pts:
        return None
    lats = sorted(p[0] for p in pts)
    lons = sorted(p[1] for p in pts)
    lo = int(len(pts) * trim)
    hi = max(lo, len(pts) - 1 - lo)
    if lons[hi] - lons[lo] > 180:  # straddles the antimeridian
        lons = sorted(x + 360 if x < 0 else x for x in lons)
    lon = (lons[lo] + lons[hi]) / 2
    return (lats[lo] + lats[hi]) / 2, lon - 360 if lon > 180 else lon


def mainland(pts: list[tuple[float, float, str]]) -> list[tuple[float, float]]:
    """Drop admin1 units far from the country's median with < 2% of its places."""
    mid = (
        sorted(p[0] for p in pts)[len(pts) // 2],
        sorted(p[1] for p in pts)[len(pts) // 2],
    )
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, a1 in pts:
        groups[a1].append((lat, lon))
    keep = []
    for g in groups.values():
        gm = (
            sorted(p[0] for p in g)[len(g) // 2],
            sorted(p[1] for p in g)[len(g) // 2],
        )
        far = abs(gm[0] - mid[0]) + abs(gm[1] - mid[1]) * math.cos(math.radians(mid[0]))
        if len(g) >= len(pts) / 50 or far * 111 < 2000:
            keep += g
    return keep


def extent_point(pts: list[tuple[float, float, str]]) -> tuple[float, float] | None:
    """Return the extent-weighted mean of the admin1 units' bounding-box centres.

    Used for transcontinental countries (over 100 degrees of longitude), whose
    places crowd one end (European Russia) so that their own bounding box or
    density says little about the middle of the territory.
    """
    ref = sorted(p[1] for p in pts)[len(pts) // 2]
    groups: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for lat, lon, a1 in pts:
        groups[a1].append((lat, ((lon - ref + 180) % 360) - 180 + ref))
    lons = sorted(p[1] for g in groups.values() for p in g)
    if lons[-1] - lons[0] <= 100:
        return None
    total = y = x = 0.0
    for g in groups.values():
        la0, la1 = min(p[0] for p in g), max(p[0] for p in g)
        lo0, lo1 = min(p[1] for p in g), max(p[1] for p in g)
        mid = (la0 + la1) / 2
        area = max(la1 - la0, 0.1) * max(lo1 - lo0, 0.1) * math.cos(math.radians(mid))
        total += area
        y += area * mid
        x += area * (lo0 + lo1) / 2
    return y / total, ((x / total + 180) % 360) - 180


def country_points() -> dict[str, tuple[float, float]]:
    """Country centre points (``latlng``) from the countryinfo package, by ISO2."""
    out = {}
    for f in resources.files("countryinfo").joinpath("data").iterdir():
        if not f.name.endswith(".json"):
            continue
        data = json.loads(f.read_text("utf-8"))
        cc, ll = (data.get("ISO") or {}).get("alpha2"), data.get("latlng")
        if cc and ll and len(ll) == 2:
            out[cc] = (float(ll[0]), float(ll[1]))
    return out
