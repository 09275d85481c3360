"""Great-circle distance, shared by place resolution, incident linking and the
geoparsing benchmark."""

from __future__ import annotations

import math

EARTH_KM = 6371.0


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle (haversine) distance between two points, in km."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = (
        math.sin((la2 - la1) / 2) ** 2
        + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    )
    return EARTH_KM * 2 * math.asin(min(1.0, math.sqrt(h)))
