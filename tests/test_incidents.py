"""Incident linking: pairwise rules, contradictions, order independence."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from corpus_records import analysis

from reportedly import incidents, open_store
from reportedly.corpus import store_batch
from reportedly.incidents import _rules as linking
from reportedly.incidents import _text as incident_text
from reportedly.model import Analysis, Count, LinkRecord, stable_id


def L(d: dict) -> LinkRecord:
    """Return the typed link record of a table row written as a dict."""
    return LinkRecord.from_dict(d)


def links_of(d: dict) -> list[LinkRecord]:
    """Return the link records of an analysis given in its dict form."""
    return incidents.link_records(Analysis.from_dict(d))


def rec(**over: object) -> dict:
    """Return a link record of a Russian airstrike on IS in Homs, with changes."""
    base = _base()
    base["quantities"] = [{"value": 19, "unit": "civilians", "text": "19 civilians"}]
    base.update(outlet="x", evidence="Russian jets struck Talbiseh", title="A")
    return {**base, **over}


def _base() -> dict:
    """Return the bare link record of a Russian airstrike on IS in Homs."""
    base = {
        "evidence": "Russian jets struck Talbiseh",
        "article_id": "a1",
        "event_id": "e1",
        "type": "ASSAULT",
        "date": "2015-10-01",
        "day": 735872,
        "actors": [["Russia", "RUS", "MIL"]],
        "recipients": [["Islamic State", None, "UAF"]],
        "place": {
            "geonames_id": 169577,
            "name": "Homs",
            "lat": 34.73,
            "lon": 36.72,
            "country": "SY",
        },
        "claimant_key": "outlet:reuters",
        "modality": "asserted",
        "quantities": [],
    }
    return base


B = {"article_id": "a2", "event_id": "e2"}
ALEPPO = {"name": "Aleppo", "lat": 36.2, "lon": 37.16, "country": "SY"}
NEAR = {"name": "Talbiseh", "lat": 34.84, "lon": 36.73, "country": "SY"}

NAMELESS = "Russian jets struck a village"
SYRIA = {
    "geonames_id": 163843,
    "name": "Syria",
    "lat": 35.0,
    "lon": 38.0,
    "country": "SY",
}
PAIRS = [
    # (changes to the second record, linked?, reason contains)
    ({}, True, "place agree"),
    ({"article_id": "a1", "event_id": "e2"}, False, "same article and claimant"),
    ({"article_id": "a1", "claimant_key": "khaled khoja"}, True, "actor agree"),
    (
        {"article_id": "a1", "claimant_key": "khaled khoja", "place": None},
        False,
        "same article, and no resolved place",
    ),
    (
        {
            "article_id": "a1",
            "claimant_key": "khaled khoja",
            "quantities": [],
            "evidence": "Jets also hit Talbiseh",
        },
        False,
        "no shared count or wording",
    ),
    ({"type": "PROTEST"}, False, "not compatible"),
    ({"type": "COERCE"}, True, "evidence"),
    ({"day": 735873, "date": "2015-10-02"}, True, "date agree"),
    ({"day": 735874, "date": "2015-10-03"}, False, "too far apart"),
    ({"day": 735874, "date": "2015-10-03", "place": None}, False, "too far apart"),
    ({"day": 735873, "date": "2015-10-02", "place": None}, True, "place named"),
    ({"evidence": "Russian jets struck Talbiseh", "title": "B"}, False, "stock"),
    ({"evidence": "Russian jets struck Talbiseh", "title": "A"}, True, "evidence"),
    (
        {
            "article_id": "a1",
            "claimant_key": "observatory",
            "quantities": [{"value": 4, "unit": "civilians", "text": "4 civilians"}],
        },
        False,
        "different sub-events",
    ),
    ({"day": None, "date": None}, True, "date unknown"),
    ({"place": ALEPPO}, False, "locations disagree"),
    # a province is too wide to tell two attacks apart
    (
        {"place": {**SYRIA, "precision": "admin1"}, "evidence": NAMELESS},
        False,
        "no place and no place-like name",
    ),
    # one country-wide place is no agreement on where (both say "Syria")
    (
        {
            "place": {**SYRIA, "precision": "country"},
            "evidence": NAMELESS,
        },
        False,
        "no place and no place-like name",
    ),
    ({"place": NEAR}, True, "place agree"),
    ({"place": None}, True, "place named"),
    ({"place": None, "evidence": NAMELESS}, False, "no place and no place-like name"),
    ({"place": None, "recipients": []}, True, "evidence 4"),
    ({"place": None, "recipients": [], "day": None}, False, "below"),
    ({"actors": [["Syrian army", "SYR", "MIL"]]}, False, "actors disagree"),
    ({"actors": [["Russian jets", "RUS", None]]}, True, "actor agree"),
    ({"actors": [], "place": None}, False, "neither actor nor location"),
    ({"actors": [["warplanes", None, None]]}, True, "actor unknown"),
    ({"recipients": [["rebels", "SYR", "REB"]], "place": None}, True, "recipient unk"),
    (
        {"recipients": [["rebels", "SYR", "REB"]], "actors": [["x", "SYR", "GOV"]]},
        False,
        "actors disagree",
    ),
    (
        {"recipients": [["Nusra", "SYR", "REB"]], "quantities": []},
        True,
        "recipient unknown",
    ),
]


@pytest.mark.parametrize(("change", "linked", "reason"), PAIRS)
def test_link_rules(change: dict, linked: bool, reason: str) -> None:
    a, b = rec(), rec(**{**B, **change})
    got, why = linking.compare(L(a), L(b))
    assert (got, reason in why) == (linked, True), why
    assert linking.compare(L(b), L(a))[0] == got  # symmetric


CONTRADICTIONS = [
    ({"quantities": [{"value": 36, "unit": "people", "text": "36 people"}]}, []),
    (
        {"quantities": [{"value": 12, "unit": "people", "text": "12 people"}]},
        ["quantity"],
    ),
    (
        {"quantities": [{"value": 30, "unit": "people", "text": "at least 30 people"}]},
        [],
    ),
    ({"quantities": [{"value": 40, "unit": "person", "text": "about 40 person"}]}, []),
    ({"quantities": [{"value": 12, "unit": "tanks", "text": "12 tanks"}]}, []),
    ({"modality": "denied", "evidence": "Russia denied hitting Homs"}, ["modality"]),
    ({"modality": "denied"}, []),  # the same words: an extraction slip
    ({"modality": "alleged"}, []),
    (
        {
            "quantities": [
                {"value": 8, "unit": "people", "text": "8 people"},
                {"value": 36, "unit": "people", "text": "36 people"},
            ]
        },
        [],
    ),
    ({"recipients": [["Free Syrian Army", "SYR", "REB"]]}, []),  # IS has no country
]


@pytest.mark.parametrize(("change", "kinds"), CONTRADICTIONS)
def test_contradictions(change: dict, kinds: list[str]) -> None:
    a = {
        **_base(),
        "quantities": [{"value": 36, "unit": "people", "text": "36 people"}],
    }
    found = linking.contradictions(L(a), L({**_base(), **B, **change}))
    assert [c.kind for c in found] == kinds


def test_disjoint_resolved_recipients_contradict() -> None:
    a = {**_base(), "recipients": [["Free Syrian Army", "SYR", "REB"]]}
    b = {**_base(), **B, "recipients": [["Islamic State", "IRQ", "UAF"]]}
    assert [c.kind for c in linking.contradictions(L(a), L(b))] == ["recipient"]


@pytest.mark.parametrize(
    ("change", "n"),
    [
        ({}, 1),
        ({"type": "ACCUSE"}, 0),
        ({"modality": "demanded"}, 0),
        ({"modality": "future"}, 0),
        ({"modality": "denied"}, 1),
        ({"date_precision": "month"}, 0),  # "in May": background, no incident
        ({"date_precision": "year"}, 0),
    ],
)
def test_which_events_make_link_records(change: dict, n: int) -> None:
    d = analysis(1).to_dict()
    d["events"][0].update(change)
    assert len(links_of(d)) == n


def test_background_years_make_the_date_unknown() -> None:
    d = analysis(1).to_dict()
    (r,) = links_of(d)
    assert r.date == "2015-10-01"
    d["events"][0]["evidence"]["text"] = "the war that began in 2011"
    (r,) = links_of(d)
    assert r.date is None and r.day is None


def test_empty_events_make_no_link_records() -> None:
    d = analysis(1).to_dict()
    ev = d["events"][0]
    ev.update(actor=None, actors=[], recipient=None, recipients=[], location=None)
    assert links_of(d) == []


CORPUS = [
    analysis(1, outlet="Reuters", published="2015-10-01"),
    analysis(2, outlet="AFP", published="2015-10-02", killed="12 people"),
    analysis(
        3,
        outlet="TASS",
        published="2015-10-01",
        claimant=None,
        modality="denied",
        killed=None,
    ),
    analysis(4, outlet="SANA", published="2015-10-03", place=None),
    analysis(5, outlet="RT", published="2015-10-09"),  # outside the window
    analysis(
        6,
        outlet="BBC",
        actor="Syrian army",
        recipient="rebels",
        place=("Aleppo", 36.2, 37.16),
    ),
    analysis(
        7,
        outlet="AP",
        actor="Syrian army",
        recipient="rebels",
        place=("Aleppo", 36.2, 37.16),
    ),
]


def _tables(path: Path) -> dict[str, list]:
    with open_store(path) as s:
        out = {}
        for t in ("incidents", "incident_reports", "link_index"):
            names, rows = s.sql(f"SELECT * FROM {t} ORDER BY ALL")
            out[t] = rows
        return out


def test_incidents_do_not_depend_on_order_or_batches(tmp_path: Path) -> None:
    results = []
    for seed in range(4):
        docs = list(CORPUS)
        random.Random(seed).shuffle(docs)
        size = seed + 1
        path = tmp_path / f"{seed}.duckdb"
        with open_store(path) as s:
            for i in range(0, len(docs), size):
                store_batch(s, docs[i : i + size])
        results.append(_tables(path))
    assert all(r == results[0] for r in results[1:])
    incs = results[0]["incidents"]
    assert sorted(r[11] for r in incs) == [2, 3]  # n_reports; #4 names no place
    with open_store(tmp_path / "0.duckdb") as s:
        (homs,) = s.query("incidents", place="Homs")
        assert homs["n_outlets"] == 3 and homs["n_claimants"] == 2
        kinds = sorted({c["kind"] for c in homs["contradictions"]})
    assert kinds == ["modality", "quantity"]


def test_incident_id_is_the_earliest_reports() -> None:
    recs = [r for a in CORPUS[:4] for r in incidents.link_records(a)]
    upd = incidents.update(recs, [], lambda ids: [])
    (inc,) = upd.incidents
    first = min(recs, key=lambda r: (r.day, r.article_id, r.event_id))
    assert inc.id == stable_id("incident", first.article_id, first.event_id)
    assert [r.incident_id for r in inc.reports] == [inc.id] * len(inc.reports)


NAMES = [
    ("Russian jets struck Talbiseh, Rastan and Zafaraniyeh", {"talbiseh", "rastan"}),
    (
        "bombed positions in Unq al-Hawa and Wadi al-Mesk",
        {"unq al-hawa", "wadi al-mesk"},
    ),
    ("Air raids kill 11 civilians in east Syria Monitor AFP Friday", set()),
    ("the US-led coalition and the Syrian Democratic Forces", set()),
    ("Deir Ezzor Units of the army killed 15 ISIS terrorists", {"deir ezzor"}),
]


@pytest.mark.parametrize(("text", "names"), NAMES)
def test_place_like_names_of_evidence(text: str, names: set[str]) -> None:
    assert names <= incident_text.evidence_names(text)
    if not names:
        assert incident_text.evidence_names(text) == frozenset()


COUNT = [{"value": 20, "unit": "people", "text": "20 people"}]
NEWS = [
    ("Russian jets struck Talbiseh", "struck", [], False),
    ("Kurds and Arabs fighting against ISIS along the border", "fighting", [], True),
    (
        "the regime has heavily bombarded areas in Aleppo province",
        "bombarded",
        [],
        True,
    ),
    ("The war has killed more than 280000 people", "killed", COUNT, True),
    ("20 people have been killed in an airstrike on Monday", "killed", COUNT, False),
    ("A suicide bombing killed 20 people in Idlib", "bombing", COUNT, False),
    ("Istanbul Film Festival | Episode | Showcase", "Showcase", [], True),
]


@pytest.mark.parametrize(("text", "trigger", "quantities", "expected"), NEWS)
def test_ongoing_or_cumulative_sentences_are_not_incidents(
    text: str, trigger: str, quantities: list, expected: bool
) -> None:
    counts = [Count.from_dict(q) for q in quantities]
    assert incident_text.not_news(text, trigger, counts) is expected


def test_near_copies() -> None:
    a = "The blast hit the southwestern neighbourhood of Salaheddin on Wednesday"
    b = "The blast hit the southwestern neighborhood of Salaheddin on Wednesday"
    assert incident_text.same_text(a, a) and not incident_text.same_text(a, "other")
    assert incident_text.same_text(a, b)  # 9 of 11 words


def test_an_article_focus_location_is_no_place_evidence() -> None:
    d = analysis(1).to_dict()
    ev = d["events"][0]
    if not ev.get("location"):
        pytest.skip("fixture event has no location")
    ev["location_source"] = "article"
    (r,) = links_of(d)
    assert r.place is None
