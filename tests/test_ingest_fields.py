"""Reading: the store's own files are skipped; markup in a record field is HTML."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportedly.clean import clean
from reportedly.cli import main
from reportedly.errors import InputError
from reportedly.ingest import read_sources
from reportedly.ingest.markup import looks_like_markup
from reportedly.model import ErrorRecord, RawDocument

ARTICLE = "Troops fired on protesters in the capital on Monday, police said."
STORE_FILES = {"c.duckdb": b"DUCK\x00\x01\x02", "c.duckdb.wal": b"\x00\xffWAL"}


def _names(items: list[RawDocument | ErrorRecord]) -> list[tuple[str, str]]:
    kind = {RawDocument: "doc", ErrorRecord: "error"}
    return [(Path(i.source).name, kind[type(i)]) for i in items]


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """A directory holding one article and a DuckDB file with its log."""
    tmp_path = tmp_path / "d"
    tmp_path.mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for name, data in STORE_FILES.items():
        (tmp_path / name).write_bytes(data)
    return tmp_path


ALL = [("a.txt", "doc"), ("c.duckdb", "error"), ("c.duckdb.wal", "error")]
# (sources, exclude, expected (file name, kind)); "D" is the directory.
EXCLUDE_CASES = [
    (["D"], [], ALL),  # without exclude nothing changes: binary error records
    (["D/a.txt", "D/c.duckdb", "D/c.duckdb.wal"], [], ALL),
    (["D"], ["D/c.duckdb"], [("a.txt", "doc")]),
    (["D/a.txt", "D/c.duckdb", "D/c.duckdb.wal"], ["D/c.duckdb"], [("a.txt", "doc")]),
    (["D"], ["D/c.duckdb.wal"], ALL[:2]),  # only the file and its log, not "-.wal"
    (["D"], ["D/other.duckdb"], ALL),  # a store elsewhere excludes nothing here
    (["."], ["c.duckdb"], [("a.txt", "doc")]),  # relative, as `cd D && ingest .`
    (["D/./c.duckdb", "D/../X/c.duckdb.wal"], ["D/c.duckdb"], []),  # resolved paths
]


@pytest.mark.parametrize(("sources", "exclude", "expected"), EXCLUDE_CASES)
def test_exclude_store_files(
    store_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    sources: list[str],
    exclude: list[str],
    expected: list[tuple[str, str]],
) -> None:
    monkeypatch.chdir(store_dir)
    link = store_dir.parent / "X" / "c.duckdb.wal"  # a symlink to the log
    link.parent.mkdir()
    link.symlink_to(store_dir / "c.duckdb.wal")

    def path(s: str) -> str:  # "D/x" relative to the working directory
        return str(store_dir) if s == "D" else s.replace("D/", f"../{store_dir.name}/")

    srcs = [path(s) for s in sources]
    got = list(read_sources(srcs, exclude=[path(e) for e in exclude]))
    assert _names(got) == expected
    errors = [i for i in got if isinstance(i, ErrorRecord)]
    assert all(e.error == "binary" for e in errors)


def test_exclude_skip_is_logged(
    store_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="reportedly.ingest"):
        got = list(read_sources([str(store_dir)], exclude=[store_dir / "c.duckdb"]))
    assert _names(got) == [("a.txt", "doc")]
    skipped = sorted(Path(r.args[0]).name for r in caplog.records)  # type: ignore[index]
    assert skipped == ["c.duckdb", "c.duckdb.wal"]
    assert {r.levelno for r in caplog.records} == {logging.INFO}


def test_exclude_leaves_only_store_files(tmp_path: Path) -> None:
    for name, data in STORE_FILES.items():
        (tmp_path / name).write_bytes(data)
    (item,) = read_sources([str(tmp_path)], exclude=[tmp_path / "c.duckdb"])
    assert isinstance(item, ErrorRecord)
    assert item.error == "empty"
    assert "besides the store's own files" in item.message


SHOT = "Troops fired on protesters in the capital on Monday, killing three people."
SAID = "Police said the dead were students."

# (text of a record field, is it markup?)
MARKUP_CASES = [
    (f"<p>{SHOT}</p>", True),
    (f"  \n<P>{SHOT}", True),  # a leading tag, any case, no closing tag
    (f'<div class="story"><p>{SHOT}</p></div>', True),
    (f"<article>{SHOT}</article>", True),
    (f"<html><body>{SHOT}</body></html>", True),
    ("<!DOCTYPE html><title>T</title>", True),
    (f"{SHOT}<br>{SAID}", True),
    (f"{SHOT}<br/>{SAID}", True),
    (f"{SHOT} <b>{SAID}</b>", True),  # a closing inline tag
    (f'{SHOT} <img src="x.jpg" alt="">', True),
    (SHOT, False),
    ("Turnout was a < b in the north and c > d in the south.", False),
    ("Write to the editor <editor@news.example> or <b@x.org>.", False),
    ("<editor@news.example> wrote that the troops fired.", False),
    ("<Reuters> Troops fired on protesters, police said.", False),
    ("Press <Ctrl> and <B> to bold it.", False),  # <B> mid-way, no closing tag
    ("The page uses a <p> element for each paragraph.", False),
    ("I <3 this town, the mayor said. x<y>z", False),
    ('<tweet tweet-id="78"><tweet/>.', False),  # not an HTML tag
]


@pytest.mark.parametrize(("text", "expected"), MARKUP_CASES)
def test_looks_like_markup(text: str, expected: bool) -> None:
    assert looks_like_markup(text) is expected


# (JSONL record, expected (content_type, content))
FIELD_CASES = [
    ({"text": SHOT}, ("text", SHOT)),
    ({"text": f"<p>{SHOT}</p>"}, ("html", f"<p>{SHOT}</p>")),
    ({"content": f"{SHOT}<br>{SAID}"}, ("html", f"{SHOT}<br>{SAID}")),
    (
        {"body": "Rents rose, so a < b for most."},
        ("text", "Rents rose, so a < b for most."),
    ),
    ({"body_html": f"<p>{SHOT}</p>"}, ("html", f"<p>{SHOT}</p>")),
    ({"raw_html": SHOT}, ("html", SHOT)),  # an HTML field is HTML by its name
    # A non-empty text field wins over an HTML field; an empty one does not.
    ({"text": SHOT, "html": f"<p>{SAID}</p>"}, ("text", SHOT)),
    ({"html": f"<p>{SAID}</p>", "text": f"<p>{SHOT}</p>"}, ("html", f"<p>{SHOT}</p>")),
    ({"text": " ", "content_html": f"<p>{SAID}</p>"}, ("html", f"<p>{SAID}</p>")),
]


@pytest.mark.parametrize(("record", "expected"), FIELD_CASES)
def test_record_field_markup_is_html(tmp_path: Path, record: dict, expected) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = read_sources([str(path)])
    assert isinstance(doc, RawDocument)
    assert (doc.content_type, doc.content) == expected


def test_csv_html_column(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text(f'id,title,body_html\n1,Hello,"<p>{SHOT}</p>"\n', "utf-8")
    (doc,) = read_sources([str(path)])
    assert isinstance(doc, RawDocument)
    assert (doc.content_type, doc.title) == ("html", "Hello")


# (HTML fragment or page, expected article text); trafilatura rejected fragments.
FRAGMENT_CASES = [
    (f"<p>{SHOT}</p>", SHOT),
    (f"<p>{SHOT}</p>\n", SHOT),
    (f"<div><p>{SHOT}</p></div>", SHOT),
    (f"<article><p>{SHOT}</p></article>", SHOT),
    (f"<p>{SHOT}</p><p>{SAID}</p>", f"{SHOT}\n\n{SAID}"),
    (f"{SHOT}<br>{SAID}", f"{SHOT}\n\n{SAID}"),
    (f"<html><body><p>{SHOT}</p></body></html>", SHOT),
    (f"<!DOCTYPE html><html><body><p>{SHOT}</p></body></html>", SHOT),
]


@pytest.mark.parametrize(("html", "expected"), FRAGMENT_CASES)
def test_clean_short_html_fragment(html: str, expected: str) -> None:
    doc = RawDocument(source="f.jsonl:1", content=html, content_type="html")
    assert clean(doc).text == expected


@pytest.mark.parametrize("html", ["<p></p>", "<div><script>x = 1;</script></div>"])
def test_clean_fragment_without_text_is_empty(html: str) -> None:
    doc = RawDocument(source="f.jsonl:1", content=html, content_type="html")
    with pytest.raises(InputError) as e:
        clean(doc)
    assert e.value.kind == "empty"


# (file name, content): one short HTML article inside a record
RECORD_FILES = [
    ("s.csv", f'id,title,body_html\n1,Hello,"<p>{SHOT}</p>"\n'),
    ("s.jsonl", json.dumps({"html": f"<p>{SHOT}</p>"}) + "\n"),
    ("t.jsonl", json.dumps({"text": f"<p>{SHOT}</p>"}) + "\n"),
]


@pytest.mark.model
@pytest.mark.parametrize(("name", "content"), RECORD_FILES)
def test_analyze_html_in_a_record(tmp_path: Path, name: str, content: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    res = CliRunner().invoke(main, ["analyze", "--format", "json", str(path)])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    text = out["article"]["text"]
    assert text.endswith(SHOT) and "<p>" not in text
    assert {e["type"] for e in out["events"]} == {"ASSAULT"}
    for e in out["events"]:
        for span in (e["actor"], e["recipient"]):
            assert text[span["start"] : span["end"]] == span["text"]
