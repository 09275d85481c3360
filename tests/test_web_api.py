"""The web app in process: every API route, filter and error code; the JSON
twin of each page equals the API's answer; hostile text is escaped; reviews."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from reportedly import service  # noqa: E402
from reportedly.web import create_app  # noqa: E402

DEMO = Path(__file__).resolve().parents[1] / "reportedly" / "demo"
HOSTILE = {
    "title": "Rebels <script>window.__pwned=1</script> shelled "
    '<img src=x onerror="window.__pwned=2">',
    "outlet": '"><svg onload="window.__pwned=3"> Daily',
    "url": "javascript:window.__pwned=4",
    "published": "2019-03-02",
    "text": "Rebels shelled the town of Idlib on Monday, the army said. Officials "
    "said the attack killed four people and wounded nine others near the market.",
}
LISTINGS = ("events", "claims", "quotes", "incidents", "actors", "articles")
pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("web")
    shutil.copytree(DEMO, tmp / "demo")
    (tmp / "hostile.jsonl").write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = tmp / "web.duckdb"
    service.ingest([str(tmp / "demo"), str(tmp / "hostile.jsonl")], db=path)
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Any:
    app = create_app(db)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with TestClient(app) as c:
            yield c


def get(client: Any, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    return r


def first_id(client: Any, kind: str, key: str, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    items = get(client, f"/api/{kind}?{query}").json()["items"]
    assert items, kind
    return str(items[0][key])


@pytest.mark.parametrize("kind", LISTINGS)
def test_listing_json_and_csv(client: Any, kind: str) -> None:
    data = get(client, f"/api/{kind}?limit=3").json()
    assert data["kind"] == kind and data["limit"] == 3 and data["offset"] == 0
    assert 0 < len(data["items"]) <= 3 <= data["total"] or data["total"] < 3
    rows = list(
        csv.DictReader(io.StringIO(get(client, f"/api/{kind}?limit=3&format=csv").text))
    )
    assert len(rows) == len(data["items"])
    assert list(rows[0]) == list(data["items"][0])


@pytest.mark.parametrize("kind", LISTINGS)
def test_paging_covers_every_row_once(client: Any, kind: str) -> None:
    whole = get(client, f"/api/{kind}?limit=500").json()
    key = next(k for k in whole["items"][0] if k.endswith("_id"))
    paged = []
    for offset in range(0, whole["total"], 7):
        paged += get(client, f"/api/{kind}?limit=7&offset={offset}").json()["items"]
    assert [r[key] for r in paged] == [r[key] for r in whole["items"]]


@pytest.mark.parametrize(
    "param, check",
    [
        ("type=ASSAULT", lambda r: r["type"] == "ASSAULT"),
        ("type=assault", lambda r: r["type"] == "ASSAULT"),
        ("modality=denied", lambda r: r["modality"] == "denied"),
        ("min_confidence=0.25", lambda r: r["confidence"] >= 0.25),
        ("since=2015-10-01", lambda r: r["date"] >= "2015-10-01"),
        ("until=2015-09-30", lambda r: r["date"] <= "2015-09-30"),
        ("outlet=bulletin", lambda r: "bulletin" in r["outlet"].lower()),
        ("claimant=konashenkov", lambda r: "konashenkov" in r["claimant"].lower()),
        (
            "recipient=civilian",
            lambda r: "civilian" in (r["recipient_name"] or "").lower(),
        ),
        (
            "country=RUS",
            lambda r: (
                "RUS" in (r["actor_country"], r["recipient_country"])
                or r["geonames_id"]
            ),
        ),
        ("place=Homs", lambda r: "homs" in (r["place_name"] or "").lower()),
        ("text=Homs", lambda r: "homs" in (r["evidence"] + (r["title"] or "")).lower()),
    ],
)
def test_event_filters_keep_only_matching_rows(
    client: Any, param: str, check: Any
) -> None:
    data = get(client, f"/api/events?{param}&limit=500").json()
    assert data["items"], f"no events for {param}: the demo corpus has some"
    assert all(check(r) for r in data["items"]), param
    assert data["total"] < get(client, "/api/events?limit=1").json()["total"]


def test_sorting(client: Any) -> None:
    newest = [r["date"] for r in get(client, "/api/events?limit=500").json()["items"]]
    oldest = [
        r["date"]
        for r in get(client, "/api/events?sort=oldest&limit=500").json()["items"]
    ]
    for dates, reverse in ((newest, True), (oldest, False)):
        known = [d for d in dates if d]
        assert dates[: len(known)] == sorted(known, reverse=reverse)  # undated last
    conf = [
        r["confidence"]
        for r in get(client, "/api/events?sort=confidence").json()["items"]
    ]
    assert conf == sorted(conf, reverse=True)


@pytest.mark.parametrize(
    "url",
    [
        "/api/events?since=2015-13-45",
        "/api/events?limit=-1",
        "/api/events?limit=501",
        "/api/events?limit=ten",
        "/api/events?offset=-3",
        "/api/events?type=BOMBING",
        "/api/events?modality=maybe",
        "/api/events?min_confidence=2",
        "/api/events?country=12",
        "/api/events?colour=red",
        "/api/events?sort=loudest",
        "/api/events?format=xml",
        "/api/quotes?type=ASSAULT",
        "/api/actors?modality=denied",
        "/events?since=yesterday",
        "/events.json?type=BOMBING",
        "/map.json?until=2015-02-30",
    ],
)
def test_bad_filters_are_400_with_what_is_allowed(client: Any, url: str) -> None:
    r = get(client, url, 400)
    message = r.json()["error"] if "json" in r.headers["content-type"] else r.text
    assert any(w in message for w in ("expected", "from", "unknown", "not a")), message
    if url.startswith("/events?"):
        assert "text/html" in r.headers["content-type"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/0000000000000000",
        "/api/incidents/nope",
        "/api/actors/nope",
        "/articles/0000000000000000",
        "/articles/0000000000000000.json",
        "/incidents/nope",
        "/actors/nope",
        "/no/such/page",
    ],
)
def test_unknown_ids_are_404(client: Any, url: str) -> None:
    r = get(client, url, 404)
    if url.startswith("/api/") or url.endswith(".json"):
        assert r.json()["status"] == 404
    else:
        assert "text/html" in r.headers["content-type"] and "404" in r.text


@pytest.mark.parametrize(
    "url",
    [
        "/static/../../../../etc/passwd",
        "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/static/..%2f..%2f..%2fetc/passwd",
        "/static/vendor/../../_app.py",
        "/static/%2e%2e/_app.py",
    ],
)
def test_no_path_traversal(client: Any, url: str) -> None:
    r = client.get(url)
    assert r.status_code in (400, 404), url
    assert "root:" not in r.text and "create_app" not in r.text


def twins(client: Any) -> list[tuple[str, str]]:
    inc = first_id(client, "incidents", "incident_id")
    art = first_id(client, "articles", "article_id")
    act = first_id(client, "actors", "entity_id")
    pairs = [
        ("/.json", "/api/overview"),
        ("/map.json?type=ASSAULT", "/api/map?type=ASSAULT"),
    ]
    for kind in LISTINGS:
        for q in ("", "?limit=5&offset=2", "?since=2015-09-01&sort=oldest"):
            if kind == "actors" and "since" in q:
                q = "?type=country"
            pairs.append((f"/{kind}.json{q}", f"/api/{kind}{q}"))
    pairs += [
        (f"/incidents/{inc}.json", f"/api/incidents/{inc}"),
        (f"/articles/{art}.json", f"/api/articles/{art}"),
        (f"/actors/{act}.json", f"/api/actors/{act}"),
    ]
    return pairs


def test_json_twins_equal_the_api(client: Any) -> None:
    for page, api in twins(client):
        assert get(client, page).json() == get(client, api).json(), page
        html = page.replace(".json", "") if page != "/.json" else "/"
        assert "text/html" in get(client, html).headers["content-type"], html


def test_article_record_is_the_output_contract(client: Any, db: Path) -> None:
    art = first_id(client, "articles", "article_id")
    data = get(client, f"/api/articles/{art}").json()
    with service.open_existing(db) as store:
        assert data == store.read_analysis(art).to_dict()


def _spans(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, dict):
        here = [obj] if {"text", "start", "end"} <= set(obj) else []
        return here + [s for v in obj.values() for s in _spans(v)]
    if isinstance(obj, list):
        return [s for v in obj for s in _spans(v)]
    return []


def test_article_page_shows_the_text_whole_and_spans_right(client: Any) -> None:
    from reportedly.web import _article

    for art in get(client, "/api/articles?limit=10").json()["items"]:
        a = get(client, f"/api/articles/{art['article_id']}").json()
        text = a["article"]["text"]
        segs = _article.segments(a)
        assert "".join(s["text"] for s in segs) == text
        for s in segs:
            assert text[s["start"] : s["start"] + len(s["text"])] == s["text"]
        for span in _spans({k: a[k] for k in ("quotes", "events", "actors", "places")}):
            assert text[span["start"] : span["end"]] == span["text"]


def test_security_headers(client: Any) -> None:
    for url in ("/", "/api/events", "/static/style.css", "/no/such/page"):
        h = get(client, url, 404 if "no/such" in url else 200).headers
        csp = h["content-security-policy"]
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "script-src 'self'" in csp and "object-src 'none'" in csp
        assert h["x-content-type-options"] == "nosniff"


def test_hostile_text_is_escaped(client: Any) -> None:
    arts = get(client, "/api/articles?outlet=svg").json()["items"]
    assert len(arts) == 1
    art = arts[0]["article_id"]
    for url in (f"/articles/{art}", "/articles?outlet=svg", "/events?outlet=svg", "/"):
        body = get(client, url).text
        for raw in ("<script>window", "<img src=x", "<svg onload", 'href="javascript:'):
            assert raw not in body, (url, raw)
    page = get(client, f"/articles/{art}").text
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page
    assert "javascript:window.__pwned=4" in page  # shown as text, not a link


def test_analyze_text_html_and_json(client: Any) -> None:
    before = get(client, "/api/articles").json()["total"]
    text = "Rebels shelled Aleppo on Monday, the army said. Two people were killed."
    bodies = [
        (text, "text/plain"),
        (f"<html><body><article><p>{text}</p></article></body></html>", "text/html"),
        (
            json.dumps({"text": text, "published": "2016-02-01", "outlet": "Test"}),
            "application/json",
        ),
    ]
    for body, kind in bodies:
        r = client.post("/api/analyze", content=body, headers={"content-type": kind})
        assert r.status_code == 200, r.text
        a = r.json()
        assert a["events"] and a["article"]["text"].startswith("Rebels shelled Aleppo")
        for span in _spans({k: a[k] for k in ("quotes", "events", "actors", "places")}):
            assert a["article"]["text"][span["start"] : span["end"]] == span["text"]
    assert get(client, "/api/articles").json()["total"] == before  # read-only


@pytest.mark.parametrize(
    "body, kind, status, says",
    [
        ("x" * 5_000_001, "text/plain", 413, "larger than"),
        ("hello", "image/png", 415, "not supported"),
        ("hello", "", 415, "not supported"),
        ("{bad json", "application/json", 422, "malformed JSON"),
        ("[1, 2]", "application/json", 422, "object"),
        ('{"text": ""}', "application/json", 422, "non-empty"),
        ('{"text": "x", "colour": 1}', "application/json", 422, "unknown fields"),
        ('{"text": 5}', "application/json", 422, "non-empty"),
        ("   ", "text/plain", 422, ""),
    ],
)
def test_analyze_rejects_bad_bodies(
    client: Any, body: str, kind: str, status: int, says: str
) -> None:
    headers = {"content-type": kind} if kind else {}
    r = client.post("/api/analyze", content=body, headers=headers)
    assert r.status_code == status, r.text
    assert says in r.json()["error"]


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_cross_origin_posts_are_refused(client: Any, headers: dict[str, str]) -> None:
    r = client.post(
        "/api/analyze",
        content="Rebels shelled Aleppo.",
        headers={"content-type": "text/plain", **headers},
    )
    assert r.status_code == 403
    assert r.json()["error"] == "cross-origin request refused"


def test_reviews_need_review_mode(client: Any) -> None:
    r = client.post("/api/reviews", json={"reviewer": "x"})
    assert r.status_code == 403 and "read-only" in r.json()["error"]


def test_openapi_and_docs_are_local(client: Any) -> None:
    spec = get(client, "/openapi.json").json()
    for path in (
        "/api/events",
        "/api/articles/{article_id}",
        "/api/analyze",
        "/api/map",
    ):
        assert path in spec["paths"], path
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"type", "since", "limit", "format"} <= names
    docs = get(client, "/docs").text
    assert (
        "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs and "http" not in docs
    )


def test_review_round_trip(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "review.duckdb"
    shutil.copy(db, copy)
    app = create_app(copy, review=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with TestClient(app) as c:
            ev = get(c, "/api/events?type=ASSAULT&limit=1").json()["items"][0]
            review = {
                "reviewer": "tester",
                "kind": "event",
                "article_id": ev["article_id"],
                "record_id": ev["event_id"],
                "field": "actor",
                "verdict": "wrong",
                "correct": "Russian air force",
                "note": "checked",
            }
            assert c.post("/api/reviews", json=review).status_code == 403  # no token
            token = {"x-review-token": app.state.token}
            bad = dict(review, verdict="maybe")
            assert c.post("/api/reviews", json=bad, headers=token).status_code == 422
            gone = dict(review, record_id="nope")
            assert c.post("/api/reviews", json=gone, headers=token).status_code == 404
            r = c.post("/api/reviews", json=review, headers=token)
            assert r.status_code == 200, r.text
            real = dict(review, field="real", verdict="yes", correct=None)
            assert c.post("/api/reviews", json=real, headers=token).status_code == 200
            saved = get(c, "/api/reviews").json()
            assert {s["field"] for s in saved} == {"actor", "real"}
            events_after = get(c, "/api/events?limit=500").json()["items"]
    app.state.store.close()
    with service.open_existing(db) as store:
        before = store.query("events", limit=500)
    assert [e["actor_name"] for e in events_after] == [e["actor_name"] for e in before]
    out = tmp_path / "reviews.jsonl"
    assert service.export_reviews(copy, out) == 2
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    actor = next(x for x in lines if x["field"] == "actor")
    assert actor["judge"] == "tester" and actor["verdict"] == "wrong"
    assert actor["correct"] == {"actor": "Russian air force"}
    assert (
        actor["locator"] == f"article:{ev['article_id']}" and len(actor["value"]) == 12
    )
    with service.open_existing(copy) as store:
        scores = service.review_scores(store)
    assert scores["fields"]["event.actor"] == (0, 1)
    assert scores["fields"]["event.real"] == (1, 1)
    with service.open_existing(db) as store:  # the same records in the original store
        assert service.review_scores(store, lines)["stale"] == 0


def test_ingest_while_served_says_why(db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "served.duckdb"
    shutil.copy(db, copy)
    app = create_app(copy)  # holds the store open, read-only
    try:
        (tmp_path / "one.txt").write_text("Rebels shelled Aleppo on Monday.\n")
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "reportedly.cli",
                "ingest",
                "--no-progress",
                "--db",
                str(copy),
                str(tmp_path / "one.txt"),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode != 0
        assert "in use by another process" in run.stderr, run.stderr
    finally:
        app.state.store.close()
