"""Reading every input format into RawDocuments, with metadata and sources."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from warc_files import write_warc

from reportedly.ingest import read_sources
from reportedly.model import ErrorRecord, RawDocument

BODY = (
    "The city council approved the new budget on Tuesday, the mayor said.\n\n"
    "Officials said the plan would fund two new schools."
)
PAGE = (
    "<html><head><title>Council approves budget</title></head><body>"
    "<article><p>The city council approved the new budget on Tuesday.</p>"
    "</article></body></html>"
)


def read(*sources: str | Path) -> list[RawDocument | ErrorRecord]:
    return list(read_sources([str(s) for s in sources]))


def docs(*sources: str | Path) -> list[RawDocument]:
    items = read(*sources)
    errors = [i for i in items if isinstance(i, ErrorRecord)]
    assert not errors, errors
    return items  # type: ignore[return-value]


# (file name, file content, expected (content_type, content, source suffix))
SINGLE_FILE_CASES = [
    ("a.txt", BODY, ("text", BODY, "")),
    ("b.html", PAGE, ("html", PAGE, "")),
    ("c.htm", PAGE, ("html", PAGE, "")),
    ("d.story", BODY, ("text", BODY, "")),  # unknown extension, decodes as text
    ("e.data", PAGE, ("html", PAGE, "")),  # unknown extension, recognised as HTML
    ("f.txt", "\ufeff" + BODY, ("text", BODY, "")),  # a UTF-8 BOM is dropped
]


@pytest.mark.parametrize(("name", "content", "exp"), SINGLE_FILE_CASES)
def test_single_document_files(tmp_path: Path, name: str, content: str, exp) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    (doc,) = docs(path)
    assert (doc.content_type, doc.content, doc.source) == (
        exp[0],
        exp[1],
        str(path) + exp[2],
    )


# (JSON record, expected metadata)
RECORD_CASES = [
    (
        {"text": BODY, "title": "T1", "url": "http://x.org/1", "outlet": "X News"},
        {"title": "T1", "url": "http://x.org/1", "outlet": "X News"},
    ),
    (
        {
            "article_content": BODY,
            "article_title": "T2",
            "source": "nna",
            "date": "4/5/2017",
        },
        {"title": "T2", "outlet": "nna", "published": "4/5/2017"},
    ),
    (
        {
            "content": BODY,
            "headline": "T3",
            "publisher": "P",
            "published": "2020-01-02",
        },
        {"title": "T3", "outlet": "P", "published": "2020-01-02"},
    ),
    (
        {"body": BODY, "source": {"id": "bbc", "name": "BBC News"}, "lang": "en"},
        {"outlet": "BBC News", "language": "en"},
    ),
    ({"Text": BODY, "Title": "Case"}, {"title": "Case"}),
]


@pytest.mark.parametrize(("record", "meta"), RECORD_CASES)
def test_jsonl_record_fields(tmp_path: Path, record: dict, meta: dict) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = docs(path)
    assert doc.content == BODY
    assert doc.source == f"{path}:1"
    for key, value in meta.items():
        assert getattr(doc, key) == value, key


def test_jsonl_lines_and_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": f"Article {i}. " + BODY}) for i in range(3)]
    path.write_text(lines[0] + "\n\n" + lines[1] + "\n" + lines[2], encoding="utf-8")
    got = docs(path)
    assert [d.source for d in got] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert [d.content[:9] for d in got] == ["Article 0", "Article 1", "Article 2"]


def test_jsonl_gz_and_html_field(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress(json.dumps({"html": PAGE}).encode() + b"\n"))
    (doc,) = docs(path)
    assert (doc.content_type, doc.content) == ("html", PAGE)


@pytest.mark.parametrize(
    ("payload", "sources"),
    [
        ({"text": BODY, "title": "One"}, [""]),
        ([{"text": BODY}, {"content": BODY}], ["[0]", "[1]"]),
        ({"status": "ok", "articles": [{"text": BODY}]}, ["[0]"]),
    ],
)
def test_json_object_or_list(tmp_path: Path, payload, sources: list[str]) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    got = docs(path)
    assert [d.source for d in got] == [f"{path}{s}" for s in sources]
    assert all(d.content == BODY for d in got)


def test_csv_rows_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "unit_id,article_title,article_content,source,date\n"
        f'1,First,"{BODY}",nna,4/5/2017\n'
        '2,Second,"He said ""no"", twice.",sana,2016-02-03\n',
        encoding="utf-8",
    )
    first, second = docs(path)
    assert (first.source, first.title, first.outlet, first.published) == (
        f"{path}#row 2",
        "First",
        "nna",
        "4/5/2017",
    )
    assert first.content == BODY
    assert (second.source, second.content) == (f"{path}#row 3", 'He said "no", twice.')


def test_tsv(tmp_path: Path) -> None:
    path = tmp_path / "a.tsv"
    path.write_text("title\ttext\nA title\tSome text here.\n", encoding="utf-8")
    (doc,) = docs(path)
    assert (doc.title, doc.content) == ("A title", "Some text here.")


def test_warc_html_responses_only(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(
        path,
        [
            ("request", "http://news.example/a", "text/html", b""),
            (
                "response",
                "http://news.example/a",
                "text/html; charset=utf-8",
                PAGE.encode(),
            ),
            (
                "response",
                "http://news.example/logo.png",
                "image/png",
                b"\x89PNG\x00\x00",
            ),
            ("response", "http://news.example/b", "text/plain", BODY.encode()),
        ],
    )
    got = docs(path)
    assert [(d.content_type, d.url) for d in got] == [
        ("html", "http://news.example/a"),
        ("text", "http://news.example/b"),
    ]
    assert got[0].content == PAGE
    # the WARC-Date is when the page was fetched, not when it was published
    assert (got[0].published, got[0].fetched) == (None, "2015-10-01T12:30:00Z")
    assert all(d.source.startswith(f"{path}@") for d in got)
    assert got[0].source != got[1].source


def test_warc_uncompressed_and_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    html = "<html><body><p>Caf\xe9 owners said the r\xe9sum\xe9 was fine.</p></body>"
    write_warc(
        path,
        [
            (
                "response",
                "http://x.org/",
                "text/html; charset=ISO-8859-1",
                html.encode("latin-1"),
            )
        ],
    )
    (doc,) = docs(path)
    assert doc.content == html


def test_directory_recursive_sorted_hidden_skipped(tmp_path: Path) -> None:
    (tmp_path / "b" / "c").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    files = ["z.txt", "a.txt", "b/c/deep.txt", "b/m.txt", ".hidden.txt", ".git/x.txt"]
    for name in files:
        (tmp_path / name).write_text(f"Text of {name}.", encoding="utf-8")
    got = docs(tmp_path)
    assert [Path(d.source).relative_to(tmp_path).as_posix() for d in got] == [
        "a.txt",
        "b/c/deep.txt",
        "b/m.txt",
        "z.txt",
    ]
    assert docs(tmp_path) == got  # same order every time


def test_several_sources_in_order(tmp_path: Path) -> None:
    a, b = tmp_path / "b.txt", tmp_path / "a.txt"
    a.write_text("First.", encoding="utf-8")
    b.write_text("Second.", encoding="utf-8")
    assert [d.content for d in docs(a, b)] == ["First.", "Second."]


class FakeStdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


# (stdin bytes, expected [(source, content_type, content)])
STDIN_CASES = [
    (BODY.encode(), [("<stdin>", "text", BODY)]),
    (PAGE.encode(), [("<stdin>", "html", PAGE)]),
    (
        (json.dumps({"text": "One."}) + "\n" + json.dumps({"text": "Two."})).encode(),
        [("<stdin>:1", "text", "One."), ("<stdin>:2", "text", "Two.")],
    ),
    (json.dumps([{"text": "One."}]).encode(), [("<stdin>[0]", "text", "One.")]),
    ("Caf\xe9 news.".encode("latin-1"), [("<stdin>", "text", "Caf\xe9 news.")]),
]


@pytest.mark.parametrize(("data", "exp"), STDIN_CASES)
def test_stdin_detects_format(
    monkeypatch: pytest.MonkeyPatch, data: bytes, exp
) -> None:
    monkeypatch.setattr(sys, "stdin", FakeStdin(data))
    assert [(d.source, d.content_type, d.content) for d in docs("-")] == exp


def test_stdin_warc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, [("response", "http://x.org/", "text/html", PAGE.encode())])
    monkeypatch.setattr(sys, "stdin", FakeStdin(path.read_bytes()))
    (doc,) = docs("-")
    assert (doc.source, doc.url, doc.content) == ("<stdin>@0", "http://x.org/", PAGE)
