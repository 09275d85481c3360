"""Place recognition, hints and resolution against the offline gazetteer."""

from __future__ import annotations

import functools
import math
from pathlib import Path

import pytest

from reportedly.extract.places import PlaceMention, places, resolve
from reportedly.extract.places.gazetteer import gazetteer
from reportedly.model import Article, Place

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = map(math.radians, (lat1, lat2, lon2 - lon1))
    c = math.sin(p1) * math.sin(p2) + math.cos(p1) * math.cos(p2) * math.cos(dl)
    return 6371.0 * math.acos(max(-1.0, min(1.0, c)))


@functools.cache
def run(text: str) -> tuple[list[Place], list[PlaceMention]]:
    from reportedly.annotate import parse

    return places(parse(text), Article(id="t", text=text))


def place_of(text: str, name: str) -> tuple[Place, PlaceMention]:
    found, mentions = run(text)
    by_id = {p.id: p for p in found}
    for m in mentions:
        if m.span.text == name:
            return by_id[m.place_id], m
    raise AssertionError(f"{name!r} not found in {[m.span.text for m in mentions]}")


CASES = [
    # text, name, country, (lat, lon) or None, precision
    (
        "Government troops shelled Homs, the third city of Syria, on Friday.",
        "Homs",
        "SY",
        (34.72, 36.72),
        "point",
    ),
    (
        "Heavy clashes were reported in Homs province of Syria.",
        "Homs province",
        "SY",
        None,
        "admin1",
    ),
    (
        "The foreign ministers met in Paris on Monday to talk trade.",
        "Paris",
        "FR",
        (48.85, 2.35),
        "point",
    ),
    (
        "A tornado tore through Paris, Texas, late on Sunday night.",
        "Paris",
        "US",
        (33.66, -95.56),
        "point",
    ),
    (
        "Voters in Illinois went to the polls in large numbers.",
        "Illinois",
        "US",
        None,
        "admin1",
    ),
    (
        "Militants seized the ancient city of Palmyra in central Syria.",
        "Palmyra",
        "SY",
        (34.56, 38.28),
        "point",
    ),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "name", "country", "point", "precision"), CASES)
def test_resolves(text, name, country, point, precision) -> None:
    place, mention = place_of(text, name)
    assert place.country == country
    assert mention.precision == precision
    if point:
        assert km(place.lat, place.lon, *point) < 30
    assert place.geonames_id is not None and 0 <= place.confidence <= 1


@pytest.mark.model
def test_illinois_is_admin1() -> None:
    place, _ = place_of(CASES[4][0], "Illinois")
    assert place.feature == "A.ADM1" and place.admin1 == "IL"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name", "hint", "phrase"),
    [
        (
            "Jets struck northern Homs in Syria at dawn.",
            "Homs",
            "northern",
            "northern Homs",
        ),
        (
            "The army camped east of Palmyra in Syria.",
            "Palmyra",
            "east of",
            "east of Palmyra",
        ),
        (
            "Clashes spread in Homs province of Syria.",
            "Homs province",
            "province",
            "Homs province",
        ),
    ],
)
def test_hints(text, name, hint, phrase) -> None:
    _, mention = place_of(text, name)
    assert mention.hint == hint
    assert mention.hint_span is not None and mention.hint_span.text == phrase
    assert text[mention.hint_span.start : mention.hint_span.end] == phrase


@pytest.mark.model
@pytest.mark.parametrize("case", CASES)
def test_offsets(case) -> None:
    text = case[0]
    found, mentions = run(text)
    for m in mentions:
        assert text[m.span.start : m.span.end] == m.span.text
    for p in found:
        for s in p.mentions:
            assert text[s.start : s.end] == s.text


def test_unknown_name_is_unresolved() -> None:
    text = "They met in Zzyqoville Blorptown yesterday."
    (res,) = resolve([("Zzyqoville Blorptown", 12, 32)], text)
    assert res.entry is None and res.confidence == 0.0


def test_gold_span_context() -> None:
    text = "Springfield, Illinois and Chicago"
    res = resolve([("Springfield", 0, 11), ("Illinois", 13, 21)], text)
    assert res[0].entry.country == "US" and res[0].entry.admin1 == "IL"


def test_country_and_province_have_points() -> None:
    g = gazetteer()
    syria = g.countries["SY"]
    assert syria.lat is not None and 32 < syria.lat < 37 and 35 < syria.lon < 42
    homs = g.admin1[("SY", "11")]
    assert homs.lat is not None and km(homs.lat, homs.lon, 34.7, 37.5) < 200


@pytest.mark.model
def test_reference_article(demo_text: str) -> None:
    found, mentions = run(demo_text)
    got = {m.span.text: p for m in mentions for p in found if p.id == m.place_id}
    assert got["Syria"].country == "SY"
    homs = got["Homs"]
    assert homs.country == "SY" and km(homs.lat, homs.lon, 34.7, 36.7) < 30
    assert got["Palmyra"].country == "SY"
    assert got["Illinois"].country == "US" and got["Illinois"].feature == "A.ADM1"
    assert got["Paris"].country == "FR"
    northern = [m for m in mentions if m.hint == "northern"]
    assert northern and northern[0].hint_span.text == "northern Homs"


@pytest.mark.shared
def test_benchmark_gold_spans() -> None:
    base = SHARED / "data" / "geo" / "gritta_pragmatic_guide"
    if not (base / "lgl.xml").exists():
        pytest.skip("../shared geo benchmarks absent")
    from bench.eval_places import documents, gold_spans

    flags = []
    for i, text, gold in documents(base / "lgl.xml"):
        if i % 2 == 1 and i < 120:
            flags += gold_spans(text, gold)
    assert sum(flags) / len(flags) >= 0.65


def test_cache_path_is_versioned(tmp_path) -> None:
    from reportedly.extract.places.gazetteer import path_in

    path = path_in(tmp_path)
    assert path.parent == tmp_path
    assert "geonamescache3.0.2" in path.name and "localis2.1.0" in path.name


def test_missing_gazetteer_raises_setup_error(tmp_path) -> None:
    """The gazetteer is built at setup, never on first use."""
    from reportedly.errors import SetupError
    from reportedly.extract import Resources, check_resources, using
    from reportedly.extract.places.gazetteer import path_in

    missing = path_in(tmp_path)
    with using(Resources(cache_dir=tmp_path)), pytest.raises(SetupError) as err:
        gazetteer()
    assert str(missing) in str(err.value) and "reportedly setup" in str(err.value)
    with pytest.raises(SetupError, match="reportedly setup"):
        check_resources(Resources(cache_dir=tmp_path))
    assert list(tmp_path.iterdir()) == []  # nothing was built
    check_resources(Resources())  # the default one is built at install
