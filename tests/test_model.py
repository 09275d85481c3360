"""The records' one generic dict form: round trips and clear errors."""

from __future__ import annotations

import json

import pytest

from reportedly.model import (
    Analysis,
    Article,
    Contradiction,
    Count,
    ErrorRecord,
    Event,
    EventArg,
    Incident,
    LinkPlace,
    LinkRecord,
    Party,
    Removed,
    Span,
)
from tests.conftest import golden_articles
from tests.corpus_records import analysis as synthetic


def _round_trip(record):
    return type(record).from_dict(json.loads(json.dumps(record.to_dict())))


@pytest.mark.model
def test_reference_article_round_trips(demo_analysis):
    assert _round_trip(demo_analysis) == demo_analysis


@pytest.mark.model
@pytest.mark.parametrize("name", sorted(golden_articles()))
def test_golden_articles_round_trip(name, analysis_of):
    a = analysis_of(golden_articles()[name], raw=False)
    assert _round_trip(a) == a


@pytest.mark.parametrize("n", range(4))
def test_synthetic_analyses_round_trip(n):
    a = synthetic(n, killed=None if n % 2 else "36 people")
    assert _round_trip(a) == a


def test_removed_is_written_beside_the_article_and_read_back_into_it():
    art = Article(id="a1", text="Hello.", removed=(Removed(text="Share", reason="x"),))
    d = Analysis(article=art).to_dict()
    assert "removed" not in d["article"]
    assert d["removed"] == [{"text": "Share", "reason": "x"}]
    assert Analysis.from_dict(d).article.removed == art.removed


def test_event_writes_its_first_actor_and_recipient_and_flat_spans():
    sp = Span(text="Russia", start=0, end=6)
    ev = Event(
        id="e",
        type="ASSAULT",
        cameo="19",
        evidence=sp,
        actors=(EventArg(span=sp, actor_id="x"),),
    )
    d = ev.to_dict()
    assert d["actor"] == {"text": "Russia", "start": 0, "end": 6, "actor_id": "x"}
    assert d["recipient"] is None
    assert list(d)[:6] == ["id", "type", "mode", "cameo", "actor", "recipient"]
    assert Event.from_dict(d) == ev


def test_incident_records_round_trip():
    link = LinkRecord(
        article_id="a",
        event_id="e",
        type="ASSAULT",
        day=735872,
        actors=(Party("Russia", "RUS", None),),
        place=LinkPlace(name="Homs", precision="point", lat=34.7, lon=36.7),
        claimant_key="outlet:x",
        quantities=(Count(value=4.0, unit="t", text="4 t"),),
        evidence="Russia struck Homs.",
    )
    inc = Incident(
        id="i",
        type="ASSAULT",
        n_reports=2,
        n_articles=2,
        n_outlets=2,
        n_claimants=1,
        contradictions=(Contradiction(kind="modality", detail="d", a="e", b="f"),),
        reports=(link, link),
    )
    assert "incident_id" not in link.to_dict()  # unset: not written
    assert "unit" not in inc.contradictions[0].to_dict()
    back = _round_trip(inc)
    assert back == inc
    assert isinstance(back.reports[0].actors[0], Party)


@pytest.mark.parametrize(
    ("cls", "data", "message"),
    [
        (Span, {"text": "x", "start": 0}, "Span: missing field 'end'"),
        (ErrorRecord, ["not", "a", "dict"], "ErrorRecord: expected an object"),
        (Analysis, {"removed": []}, "Article: missing field 'id'"),
    ],
)
def test_from_dict_names_what_is_missing(cls, data, message):
    with pytest.raises(ValueError, match=message):
        cls.from_dict(data)
