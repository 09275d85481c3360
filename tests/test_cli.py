"""The command line: formats, summary line, error records, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportedly.cli import main

pytestmark = pytest.mark.model

ARTICLE = (
    "Council approves new budget\n\n"
    '"We kept every library open," Mayor Ruth Okafor said on Tuesday.\n\n'
    "The treasurer, Dan Weller, said the reserves would last until spring.\n"
)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "junk.bin").write_bytes(bytes(range(256)) * 4)
    return tmp_path


def test_json_of_one_article_is_one_object(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", "--format", "json", str(path)])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    speakers = {q["speaker"]["text"] for q in doc["quotes"] if q["speaker"]}
    assert "Mayor Ruth Okafor" in speakers
    assert "1 analysed, 0 failed" in res.stderr


def test_jsonl_gives_one_line_per_document_errors_included(corpus: Path) -> None:
    res = CliRunner().invoke(main, ["analyze", "--format", "jsonl", str(corpus)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines()]
    assert len(lines) == 3
    errors = {Path(x["source"]).name: x["error"] for x in lines if "error" in x}
    assert errors == {"empty.txt": "empty", "junk.bin": "binary"}
    assert "1 analysed, 2 failed" in res.stderr


def test_text_report_names_speakers_and_quotes(corpus: Path) -> None:
    res = CliRunner().invoke(
        main, ["analyze", "--format", "text", str(corpus / "a.txt")]
    )
    assert res.exit_code == 0, res.output
    assert "Ruth Okafor" in res.stdout
    assert "We kept every library open" in res.stdout
    assert "Signals" in res.stdout


def test_raw_keeps_the_input_text(tmp_path: Path) -> None:
    text = "Share\n\n" + ARTICLE + "\n\nAdvertisement\n"
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", "--raw", str(path)])
    assert json.loads(res.stdout)["article"]["text"] == text


def test_published_option_sets_the_date(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", "--published", "2015-10-01", str(path)])
    assert json.loads(res.stdout)["article"]["published"] == "2015-10-01"


def test_nothing_analysed_exits_non_zero(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", str(path)])
    assert res.exit_code == 1
    assert "0 analysed, 1 failed" in res.stderr


def test_a_failing_stage_becomes_an_error_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An unexpected exception in one document never stops the batch."""
    from reportedly import pipeline
    from reportedly.model import RawDocument

    real_clean = pipeline.clean

    def flaky(doc: RawDocument, *, raw: bool = False):  # type: ignore[no-untyped-def]
        if "BOOM" in doc.content:
            raise RuntimeError("cleaner exploded")
        return real_clean(doc, raw=raw)

    monkeypatch.setattr(pipeline, "clean", flaky)
    docs = [
        RawDocument(source="a", content=ARTICLE),
        RawDocument(source="b", content="BOOM " + ARTICLE),
        RawDocument(source="c", content=ARTICLE.replace("Okafor", "Mensah")),
    ]
    out = list(pipeline.analyze_documents(docs))
    assert [type(x).__name__ for x in out] == ["Analysis", "ErrorRecord", "Analysis"]
    assert out[1].error == "internal" and "cleaner exploded" in out[1].message


def test_a_failing_extractor_becomes_an_error_record(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reportedly import pipeline
    from reportedly.extract import quotes as quotes_mod
    from reportedly.model import RawDocument

    real = quotes_mod.quotes

    def flaky(doc, article, **kw):  # type: ignore[no-untyped-def]
        if "ZAP" in article.text:
            raise ValueError("extractor exploded")
        return real(doc, article, **kw)

    monkeypatch.setattr(quotes_mod, "quotes", flaky)
    docs = [
        RawDocument(source="a", content="ZAP " + ARTICLE),
        RawDocument(source="b", content=ARTICLE),
    ]
    out = list(pipeline.analyze_documents(docs))
    assert out[0].error == "internal" and "extractor exploded" in out[0].message
    assert out[0].source == "a" and type(out[1]).__name__ == "Analysis"


def test_a_bad_published_date_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", "--published", "01/10/2015", str(path)])
    assert res.exit_code == 2
    assert "expected YYYY-MM-DD" in res.stderr


def test_a_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    res = CliRunner().invoke(
        main, ["analyze", "--model", "xx_no_such_model", str(path)]
    )
    assert res.exit_code == 1
    assert "no spaCy English pipeline could be loaded" in res.stderr
    assert "Traceback" not in res.stderr


def test_report_lists_events_as_claimant_actor_type_recipient() -> None:
    from reportedly.model import Claimant, Event, EventArg, Span
    from reportedly.report import _event_line

    t = "Russia struck Homs today, Khoja said."
    e = Event(
        id="x",
        type="ASSAULT",
        cameo="19",
        mode="aerial",
        evidence=Span.of(t, 0, 24),
        actors=(EventArg(span=Span.of(t, 0, 6)),),
        recipients=(EventArg(span=Span.of(t, 14, 18)),),
        date="2015-10-01",
        claimant=Claimant(span=Span.of(t, 26, 31)),
    )
    assert (
        _event_line(e, {})
        == "Khoja: Russia -ASSAULT:aerial-> Homs @ 2015-10-01 (asserted)"
    )
