"""Bad input: every bad document becomes a specific error record; nothing raises."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from warc_files import write_warc

from reportedly.clean import clean
from reportedly.errors import InputError
from reportedly.ingest import read_sources
from reportedly.model import ErrorRecord, RawDocument

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
WARC_TESTS = SHARED / "data" / "corpora" / "warc" / "resiliparse_tests"

BODY = "The city council approved the new budget on Tuesday, the mayor said."
PAGE = (
    "<html><head><title>Council approves budget</title></head><body>"
    "<article><p>The city council approved the new budget on Tuesday.</p>"
    "</article></body></html>"
)
ENGLISH = (
    "Officials in the capital said on Monday that the talks had been delayed "
    "because the two sides could not agree on an agenda. The minister said "
    "that he would meet the envoy again next week, and that he was hopeful."
)


def read(*sources: str | Path) -> list[RawDocument | ErrorRecord]:
    return list(read_sources([str(s) for s in sources]))


def errors(items: list) -> list[ErrorRecord]:
    return [i for i in items if isinstance(i, ErrorRecord)]


# (file name, file bytes, expected error kind, words the message must contain)
BAD_FILE_CASES = [
    ("empty.txt", b"", "empty", ["empty.txt", "empty", "expected"]),
    ("blank.txt", b" \n\n \t\n", "empty", ["blank.txt", "empty"]),
    ("junk.txt", bytes(range(256)) * 8, "binary", ["junk.txt", "binary", "expected"]),
    (
        "image.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "binary",
        ["NUL"],
    ),
    ("junk.jsonl", b"", "empty", ["junk.jsonl"]),
    ("junk.csv", b"\x00\x01\x02" * 100, "binary", ["junk.csv"]),
    ("junk.html", b"\x00" * 50 + b"<html>", "binary", ["junk.html"]),
]


@pytest.mark.parametrize(("name", "data", "kind", "words"), BAD_FILE_CASES)
def test_bad_files(tmp_path: Path, name: str, data: bytes, kind: str, words) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (err,) = read(path)
    assert isinstance(err, ErrorRecord)
    assert (err.source, err.error) == (str(path), kind)
    for w in words:
        assert w in err.message


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    (err,) = read(tmp_path / "nope.txt")
    assert err.error == "unreadable"
    assert "nope.txt" in err.message and "no such file" in err.message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    path.chmod(0)
    (err,) = read(path)
    assert err.error == "unreadable"


# (text, encoding): non-UTF-8 text must be decoded right, not rejected
ENCODING_CASES = [
    ("Caf\xe9 owners in Z\xfcrich said the na\xefve plan would fail.", "latin-1"),
    ("The fianc\xe9e said \u201cno\u201d \u2013 and left for S\xe3o Paulo.", "cp1252"),
    ("\u00a9 2015 \u00a3 prices rose, \u00bd of traders said.", "latin-1"),
    ("Plain UTF-16 text, with a BOM: na\xefve.", "utf-16"),
]


@pytest.mark.parametrize(("text", "encoding"), ENCODING_CASES)
def test_non_utf8_text_is_decoded(tmp_path: Path, text: str, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    (doc,) = read(path)
    assert isinstance(doc, RawDocument)
    assert doc.content == text


def test_html_with_declared_charset(tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1251"></head><body>Привет</body></html>'
    path = tmp_path / "a.html"
    path.write_bytes(html.encode("cp1251"))
    (doc,) = read(path)
    assert doc.content == html


def test_malformed_jsonl_line_others_still_read(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(
        json.dumps({"text": "One."}) + "\n"
        '{"text": "broken\n'
        "[1, 2]\n"
        + json.dumps({"title": "no text here"})
        + "\n"
        + json.dumps({"text": "Five."})
        + "\n",
        encoding="utf-8",
    )
    items = read(path)
    assert [(i.source, getattr(i, "error", None)) for i in items] == [
        (f"{path}:1", None),
        (f"{path}:2", "malformed_jsonl"),
        (f"{path}:3", "malformed_jsonl"),
        (f"{path}:4", "no_text"),
        (f"{path}:5", None),
    ]
    assert "line 2" in items[1].message
    assert "keys found: title" in items[3].message
    assert items[4].content == "Five."


def test_jsonl_with_a_latin1_line(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "Caf\xe9 news."}\n{"text": "Two."}\n')
    assert [d.content for d in read(path)] == ["Caf\xe9 news.", "Two."]


def test_csv_without_text_column(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,headline,author\n1,A,B\n2,C,D\n", encoding="utf-8")
    (err,) = read(path)
    assert (err.source, err.error) == (str(path), "no_text_column")
    assert "columns found: id, headline, author" in err.message
    assert "expected one of text, content, article_content" in err.message


def test_csv_empty_cell_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("title,text\nA,\nB,Real text.\n", encoding="utf-8")
    first, second = read(path)
    with pytest.raises(InputError) as e:
        clean(first)
    assert e.value.kind == "empty" and "#row 2" in e.value.message
    assert second.content == "Real text."


def test_json_that_is_not_objects(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text('{"text": ', encoding="utf-8")
    (err,) = read(path)
    assert err.error == "malformed_json"
    path.write_text('[{"text": "Fine."}, 3]', encoding="utf-8")
    ok, err = read(path)
    assert ok.content == "Fine." and err.error == "malformed_json"


def test_clipped_warc_gives_what_it_could_read(tmp_path: Path) -> None:
    full = tmp_path / "full.warc.gz"
    pages = [
        ("response", f"http://x.org/{i}", "text/html", (PAGE * 50).encode())
        for i in range(3)
    ]
    write_warc(full, pages)
    data = full.read_bytes()
    clipped = tmp_path / "clipped.warc.gz"
    clipped.write_bytes(data[: int(len(data) * 0.8)])
    items = read(clipped)
    docs = [i for i in items if isinstance(i, RawDocument)]
    (err,) = errors(items)
    assert [d.url for d in docs][:2] == ["http://x.org/0", "http://x.org/1"]
    assert err.source.startswith(f"{clipped}@")
    assert err.error in ("truncated_warc", "malformed_warc")
    assert "byte offset" in err.message


def test_warc_with_garbage_after_records(tmp_path: Path) -> None:
    path = tmp_path / "a.warc"
    write_warc(path, [("response", "http://x.org/", "text/html", PAGE.encode())])
    size = path.stat().st_size
    with open(path, "ab") as fh:
        fh.write(b"this is not a WARC record\r\n\r\n")
    doc, err = read(path)
    assert doc.content == PAGE
    assert (err.error, err.source) == ("malformed_warc", f"{path}@{size}")
    assert "record 2" in err.message and "1 records were read" in err.message


def test_warc_without_html_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "a.warc.gz"
    write_warc(path, [("response", "http://x.org/a.png", "image/png", b"\x89PNG")])
    (err,) = read(path)
    assert err.error == "empty"


def _shared(name: str) -> Path:
    path = WARC_TESTS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.mark.shared
def test_shared_clipped_warc() -> None:
    path = _shared("clipped.warc.gz")
    items = read(path)
    docs = [i for i in items if isinstance(i, RawDocument)]
    (err,) = errors(items)
    assert len(docs) == 1 and docs[0].url.startswith("http://www.houstonpress.com/")
    assert (err.error, err.source) == ("truncated_warc", f"{path}@0")
    assert "payload bytes missing" in err.message
    article = clean(docs[0])
    assert article.published == "2016-10-17" and article.outlet


@pytest.mark.shared
def test_shared_malformed_warc_date() -> None:
    path = _shared("clueweb-quirk.warc.gz")
    items = read(path)
    assert len(items) == 29 and not errors(items)
    # WARC-Date '2008-10-294T05:21:46-0700' is malformed: no date, and no crash.
    assert items[0].fetched.startswith("2008-10-294")
    results = []
    for doc in items:
        try:
            results.append(clean(doc).published)
        except InputError as e:  # Japanese pages: not English
            results.append(e.kind)
    assert set(results) <= {None, "language", "empty"}


# (content, raw, expected error kind, words the message must contain)
CLEAN_ERROR_CASES = [
    ("", False, "empty", ["no text"]),
    ("   \n\n\t ", True, "empty", ["no text"]),
    ("Share\n\nAdvertisement\n", False, "empty", ["only boilerplate"]),
    ("word " * 250_001, False, "oversized", ["1,000,000"]),
    ("word " * 250_001, True, "oversized", ["1,000,000"]),
    (
        "Le gouvernement a annoncé mardi que les négociations avec les syndicats "
        "reprendront la semaine prochaine, selon un communiqué du ministère. Les "
        "représentants des salariés ont salué une décision qu'ils jugent tardive.",
        False,
        "language",
        ["English"],
    ),
    (
        "Die Regierung hat am Dienstag angekündigt, dass die Verhandlungen mit den "
        "Gewerkschaften in der kommenden Woche fortgesetzt werden. Die Vertreter "
        "der Beschäftigten begrüßten die Entscheidung, die sie für verspätet halten.",
        False,
        "language",
        ["English"],
    ),
    (
        "El gobierno anunció el martes que las negociaciones con los sindicatos se "
        "reanudarán la próxima semana, según un comunicado del ministerio. Los "
        "representantes de los trabajadores celebraron una decisión que consideran "
        "tardía.",
        False,
        "language",
        ["English"],
    ),
    (
        "Правительство объявило во вторник о переговорах. " * 5,
        False,
        "language",
        ["Latin"],
    ),
    (
        "政府は火曜日、労働組合との交渉を来週再開すると発表した。" * 3,
        True,
        "language",
        ["Latin"],
    ),
]


@pytest.mark.parametrize(("content", "raw", "kind", "words"), CLEAN_ERROR_CASES)
def test_clean_rejects(content: str, raw: bool, kind: str, words) -> None:
    doc = RawDocument(source="in.txt", content=content)
    with pytest.raises(InputError) as e:
        clean(doc, raw=raw)
    assert e.value.kind == kind
    assert e.value.message.startswith("in.txt: ")
    for w in words:
        assert w in e.value.message


def test_declared_foreign_language_is_rejected() -> None:
    doc = RawDocument(source="r", content=ENGLISH, language="de")
    with pytest.raises(InputError) as e:
        clean(doc)
    assert e.value.kind == "language" and "'de'" in e.value.message
    assert clean(RawDocument(source="r", content=ENGLISH, language="en-GB")).text


def test_short_english_and_terse_wire_copy_pass() -> None:
    for text in [
        "Obama wins.",
        "Fri Apr 29 2016 9 Injured in Mortar Shell Attacks on Aleppo",
    ]:
        assert clean(RawDocument(source="s", content=text)).text == text


def test_html_without_article_text() -> None:
    doc = RawDocument(
        source="p.html", content="<html><body></body></html>", content_type="html"
    )
    with pytest.raises(InputError) as e:
        clean(doc)
    assert e.value.kind == "empty" and "p.html" in e.value.message


def test_a_bad_batch_never_stops(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "2.bin").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "3.jsonl").write_text('{"text": "A."}\nnot json\n', encoding="utf-8")
    (tmp_path / "4.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "5.txt").write_bytes(b"")
    (tmp_path / "6.warc").write_bytes(b"WARC/1.0\r\nbroken")
    (tmp_path / "7.txt").write_text(
        "Avant-hier, le maire a dit non. " * 10, encoding="utf-8"
    )
    outcome = []
    for item in read_sources([str(tmp_path), str(tmp_path / "missing")]):
        if isinstance(item, ErrorRecord):
            outcome.append(item.error)
            continue
        try:
            clean(item)
            outcome.append("ok")
        except InputError as e:
            outcome.append(e.kind)
    assert outcome == [
        "ok",
        "binary",
        "ok",
        "malformed_jsonl",
        "no_text_column",
        "empty",
        "malformed_warc",
        "language",
        "unreadable",
    ]
