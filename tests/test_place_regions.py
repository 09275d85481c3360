"""Regions drawn from member places (lexicons/place_regions.toml) are in the
gazetteer, under their names and alternates, near their members."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

import reportedly
from reportedly.distance import km
from reportedly.extract.places._readings import candidates
from reportedly.extract.places.gazetteer import gazetteer

REGIONS = tomllib.loads(
    resources.files("reportedly.lexicons").joinpath("place_regions.toml").read_text()
)


@pytest.mark.parametrize("name", sorted(REGIONS))
def test_each_region_is_a_place_near_its_members(name: str) -> None:
    spec = REGIONS[name]
    for spelling in (name, *spec.get("alternates", ())):
        found = [e for e, _ in candidates(spelling) if e.name == name]
        assert found, (spelling, candidates(spelling)[:3])
        (region,) = found
        assert region.level == "region" and region.country == spec["country"]
    members = []
    for member in spec["members"]:
        cc, _, town = member.partition("/")
        members += [
            e
            for e, _ in gazetteer().lookup(town)
            if e.country == cc and e.lat is not None and e.lon is not None
        ]
    assert len(members) >= 2, (name, spec["members"])
    near = [m for m in members if km(region.lat, region.lon, m.lat, m.lon) < 400]
    assert len(near) >= 2, (name, [(m.name, m.lat, m.lon) for m in members])


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Regime forces shelled Eastern Ghouta on Monday.", "Eastern Ghouta", "SY"),
        ("Separatists fought in the Donbas for years.", "Donbas", "UA"),
        ("Thousands fled the fighting in Darfur last year.", "Darfur", "SD"),
    ],
)
def test_regions_are_found_in_text(text: str, name: str, country: str) -> None:
    a = reportedly.analyze(text, published="2018-03-05")
    got = {p.name: p.country for p in a.places}
    assert got.get(name) == country, got
