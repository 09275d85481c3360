"""The web app in a real browser: headless Debian chromium driven by Selenium.

A small store (the demo article, the demo corpus and one hostile article) is
served by uvicorn in a thread on a free loopback port. The tests load every
page and read the browser console (script errors and CSP violations are SEVERE
there), follow the reader's click path overview -> incident -> article ->
actor -> map, check that hostile text stays text, and save a review with
``--review``. Screenshots go to ``build/screens/``.

Needs /usr/bin/chromium and /usr/bin/chromedriver (apt: chromium,
chromium-driver) and selenium; skipped otherwise. Nothing is downloaded:
selenium-manager is never asked for a browser or a driver.
"""

from __future__ import annotations

import contextlib
import gc
import html
import json
import shutil
import socket
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.model]

ROOT = Path(__file__).resolve().parents[1]
SCREENS = ROOT / "build" / "screens"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
DEMO = ROOT / "reportedly" / "demo"


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    for p in (CHROMIUM, CHROMEDRIVER):
        if not p.exists():
            return f"{p} is missing (apt-get install chromium chromium-driver)"
    return None


if (_why := _missing()) is not None:
    pytest.skip(_why, allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

# Markup that must stay text wherever the app shows it.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=2">'
SVG = '"><svg onload="window.__pwned=3">'
JS_URL = "javascript:window.__pwned=4"
HOSTILE = (SCRIPT, IMG, SVG)
WAIT = 15  # seconds


def hostile_record() -> dict[str, str]:
    """A news-like article whose text, title, outlet and URL carry markup.

    A JSONL text field that holds real tags is read as HTML and cleaned (the
    script and the rest are dropped), so the paragraphs are HTML with the
    markup entity-escaped: the stored text then holds the markup literally,
    as an article quoting it would.
    """
    paragraphs = [
        f"Syrian army shells rebel-held town {SCRIPT} near Aleppo",
        "ALEPPO, Oct 2 - Syrian government forces shelled the rebel-held town "
        "of Anadan near Aleppo on Friday, killing at least 12 civilians, the "
        f"Syrian Observatory for Human Rights said. {IMG}",
        "Rami Abdulrahman, who heads the Observatory, said the army fired "
        '"dozens of rockets" at the town. "Government troops attacked homes and '
        f'a market {SVG} in the morning," he told Reuters.',
        "The Syrian defence ministry denied that its forces targeted civilians "
        "and said it struck militant positions.",
    ]
    text = "".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paragraphs)
    return {
        "title": f"Army shells Anadan {SCRIPT} {IMG} {SVG}",
        "outlet": f"Hostile Wire {SCRIPT}{SVG}",
        "url": JS_URL,
        "published": "2015-10-02",
        "text": text,
    }


# -- the store, the server, the browser ---------------------------------------


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from reportedly import service

    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "web.duckdb"
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(hostile_record()) + "\n", encoding="utf-8")
    article = str(DEMO / "000_49bb6308d4702ce6.txt")
    service.ingest([article], db=db, published="2015-09-30")
    service.ingest([str(DEMO / "corpus")], db=db)
    summary = service.ingest([str(hostile)], db=db)
    assert summary.stored == 1 and summary.events > 0, summary
    return db


class Served:
    """An app served by uvicorn in a thread on a free loopback port."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + WAIT
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        self.base = f"http://127.0.0.1:{port}"

    def json(self, path: str) -> Any:
        with urllib.request.urlopen(self.base + path, timeout=WAIT) as r:
            return json.loads(r.read())

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(WAIT)


@pytest.fixture(scope="module")
def served(store: Path) -> Iterator[Served]:
    from reportedly.web import create_app

    s = Served(create_app(store))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def ids(served: Served) -> dict[str, str]:
    """Ids of the records the pages show: an incident, articles, an actor."""
    arts = served.json("/api/articles?limit=50")["items"]
    hostile = [a for a in arts if (a["outlet"] or "").startswith("Hostile Wire")]
    demo = [a for a in arts if not a["outlet"]]
    incident = served.json("/api/incidents")["items"][0]
    actor = served.json("/api/actors?sort=articles")["items"][0]
    assert hostile and demo
    return {
        "hostile": hostile[0]["article_id"],
        "demo": demo[0]["article_id"],
        "incident": incident["incident_id"],
        "actor": actor["entity_id"],
    }


def chromium() -> WebDriver:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",  # root in a container
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        service=Service(executable_path=str(CHROMEDRIVER)), options=options
    )
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="module")
def driver() -> Iterator[WebDriver]:
    SCREENS.mkdir(parents=True, exist_ok=True)
    d = chromium()
    yield d
    d.quit()


# -- helpers ------------------------------------------------------------------


def wait(driver: WebDriver, until: Callable[[WebDriver], Any], what: str) -> Any:
    return WebDriverWait(driver, WAIT, poll_frequency=0.05).until(until, what)


def console(driver: WebDriver) -> list[dict[str, Any]]:
    """The browser console since the last call."""
    return driver.get_log("browser")


def problems(logs: list[dict[str, Any]], allow: tuple[str, ...] = ()) -> list[str]:
    """SEVERE entries and every CSP report, except those naming ``allow``."""
    out = []
    for e in logs:
        msg = e.get("message", "")
        if e.get("level") != "SEVERE" and "Content Security Policy" not in msg:
            continue
        if any(a in msg for a in allow):
            continue
        out.append(f"{e.get('level')}: {msg}")
    return out


def shot(driver: WebDriver, name: str) -> None:
    driver.save_screenshot(str(SCREENS / f"{name}.png"))


def no_alert(driver: WebDriver) -> None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"an alert opened: {text!r}")


def pwned(driver: WebDriver) -> str:
    return driver.execute_script("return typeof window.__pwned")


def map_ready(driver: WebDriver) -> Any:
    box = driver.find_element(By.ID, "map")
    if box.get_attribute("data-error"):
        raise AssertionError(f"the map failed: {box.get_attribute('data-error')}")
    return box.get_attribute("data-ready")


# Pixels of the circle colour (#d9583b at 55% over the land or the sea) on the
# map's canvases, and a point inside a circle (relative to the map's top left):
# proof that the markers were drawn.
RED_PIXELS = """
var found = 0, at = null, box = document.getElementById('map').getBoundingClientRect();
document.querySelectorAll('#map canvas').forEach(function (c) {
  var w = c.width, h = c.height;
  if (!w || !h) { return; }
  var d = c.getContext('2d').getImageData(0, 0, w, h).data;
  var r = c.getBoundingClientRect();
  for (var i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 100 && d[i] > 190 && d[i + 1] > 80 && d[i + 1] < 170
        && d[i + 2] < 150 && d[i] - d[i + 2] > 60) {
      found++;
      // the topmost pixel of a circle, 3px down: inside it, from the map's corner
      if (!at) { var p = i / 4;
        at = [r.left - box.left + (p % w) * r.width / w,
              r.top - box.top + Math.floor(p / w) * r.height / h + 3]; }
    }
  }
});
return [found, at];
"""


def fits(driver: WebDriver, where: str) -> None:
    """No horizontal scrolling: long data wraps."""
    over = driver.execute_script(
        "return document.documentElement.scrollWidth - window.innerWidth"
    )
    assert over <= 0, f"{where} is {over}px wider than the window"


def wait_map(driver: WebDriver) -> tuple[int, list[float]]:
    wait(driver, map_ready, "#map[data-ready]")
    box = driver.find_element(By.ID, "map")
    assert int(box.get_attribute("data-ready")) > 0, "no places on the map"
    assert box.get_attribute("data-markers") == box.get_attribute("data-ready")
    found, at = driver.execute_script(RED_PIXELS)
    assert found > 20, "no circle is drawn on the map canvas"
    return found, at


# -- (a) every page loads without console errors --------------------------------

PAGES = {
    "overview": "/",
    "events": "/events",
    "claims": "/claims",
    "quotes": "/quotes",
    "incidents": "/incidents",
    "incident": "/incidents/{incident}",
    "articles": "/articles",
    "article": "/articles/{demo}",
    "actors": "/actors",
    "actor": "/actors/{actor}",
    "map": "/map",
    "analyze": "/analyze",
    "docs": "/docs",
    "not-found": "/no/such/page",
    "missing-article": "/articles/0000000000000000",
}


@pytest.mark.parametrize("name", list(PAGES))
def test_page_loads_clean(
    name: str, driver: WebDriver, served: Served, ids: dict[str, str]
) -> None:
    path = PAGES[name].format(**ids)
    console(driver)  # drop what earlier pages left
    driver.get(served.base + path)
    allow: tuple[str, ...] = ()
    if name in ("not-found", "missing-article"):
        # the page itself answers 404: chromium logs that as a failed load
        allow = (f"{path} - Failed to load resource",)
        assert "not found" in driver.find_element(By.TAG_NAME, "h1").text
    elif name == "map":
        wait_map(driver)
    elif name == "docs":
        wait(
            driver,
            lambda d: d.find_elements(By.CSS_SELECTOR, ".opblock-summary"),
            "Swagger UI operations",
        )
    else:
        assert driver.find_element(By.TAG_NAME, "h1").text.strip()
        assert driver.find_elements(By.CSS_SELECTOR, "header.top nav a")
    shot(driver, f"page-{name}")
    assert problems(console(driver), allow) == []
    if name != "docs":
        fits(driver, path)


def test_docs_try_it_out(driver: WebDriver, served: Served) -> None:
    """Swagger UI under the app's CSP: open an operation and run it."""
    console(driver)
    driver.get(served.base + "/docs")
    summary = wait(
        driver,
        lambda d: [
            e
            for e in d.find_elements(By.CSS_SELECTOR, ".opblock-summary")
            if e.text.split()[1:2] == ["/api/overview"]
        ],
        "the /api/overview operation",
    )[0]
    summary.click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".try-out__btn"), "try")
    driver.find_element(By.CSS_SELECTOR, ".try-out__btn").click()
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".execute"), "execute")
    driver.find_element(By.CSS_SELECTOR, ".execute").click()
    body = wait(
        driver,
        lambda d: [
            e
            for e in d.find_elements(
                By.CSS_SELECTOR,
                ".responses-wrapper .live-responses-table .response-col_status",
            )
            if e.text.strip().startswith("200")
        ],
        "a 200 response",
    )
    assert body
    shot(driver, "docs-try-it-out")
    assert problems(console(driver)) == []


# -- (b) the reader's click path ------------------------------------------------


def test_click_path(driver: WebDriver, served: Served) -> None:
    console(driver)
    driver.get(served.base + "/")
    driver.find_element(By.CSS_SELECTOR, "header.top nav a[href='/incidents']").click()
    wait(driver, lambda d: d.current_url.endswith("/incidents"), "/incidents")
    link = driver.find_element(By.CSS_SELECTOR, "td.c-incident_id a")
    incident = link.text
    link.click()
    wait(driver, lambda d: f"/incidents/{incident}" in d.current_url, "the incident")
    reports = driver.find_elements(By.CSS_SELECTOR, ".report")
    assert len(reports) >= 2, "an incident of the demo corpus has several reports"
    shot(driver, "path-1-incident")

    # a report's evidence opens its article at the event
    evidence = reports[0].find_element(By.CSS_SELECTOR, "blockquote a")
    event_id = reports[0].get_attribute("id").removeprefix("r-")
    evidence.click()
    wait(driver, lambda d: "/articles/" in d.current_url, "the article")
    assert driver.current_url.endswith(f"#e-{event_id}")
    rid = f"e-{event_id}"
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".hl.active"), "active")
    mine = driver.execute_script(
        "var id = arguments[0];"
        " return Array.from(document.querySelectorAll('.hl')).filter(function (s) {"
        " return s.dataset.ids.split(' ').indexOf(id) >= 0; })"
        ".map(function (s) { return s.classList.contains('active'); });",
        rid,
    )
    assert mine and all(mine), "every segment of the event is outlined"
    active = driver.find_elements(By.CSS_SELECTOR, ".hl.active")
    assert len(active) == len(mine), "only the event's segments are outlined"
    panel = driver.find_element(By.ID, "panel")
    assert panel.find_element(By.TAG_NAME, "h3").text.startswith("event ")
    assert panel.find_element(By.CSS_SELECTOR, "a[href^='/incidents/']")
    shot(driver, "path-2-article")

    # an actor highlight shows the actor and links its canonical page
    ac = [
        s
        for s in driver.find_elements(By.CSS_SELECTOR, ".hl.ac")
        if "ev" not in (s.get_attribute("class") or "").split()
    ]
    assert ac, "the article has actor highlights"
    target = None
    for s in ac:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", s)
        s.click()
        links = panel.find_elements(By.CSS_SELECTOR, "a[href^='/actors/']")
        if links and panel.find_element(By.TAG_NAME, "h3").text.startswith("actor "):
            target = links[0]
            break
    assert target is not None, "no actor highlight leads to an actor page"
    shot(driver, "path-3-actor-panel")
    name = target.text.removeprefix("canonical actor: ")
    target.click()
    wait(driver, lambda d: "/actors/" in d.current_url, "the actor page")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith(name)
    shot(driver, "path-4-actor")

    # the map from the menu: drawn, and a circle opens its popup
    driver.find_element(By.CSS_SELECTOR, "header.top nav a[href='/map']").click()
    _, at = wait_map(driver)
    from selenium.webdriver.common.action_chains import ActionChains

    box = driver.find_element(By.ID, "map")
    size = box.size
    ActionChains(driver).move_to_element_with_offset(
        box, int(at[0] - size["width"] / 2), int(at[1] - size["height"] / 2)
    ).click().perform()
    popup = wait(
        driver,
        lambda d: d.find_elements(By.CSS_SELECTOR, ".leaflet-popup-content a"),
        "a popup with event links",
    )
    wait(  # faded in, and panned into view
        driver,
        lambda d: d.execute_script(
            "var p = document.querySelector('.leaflet-popup');"
            " var m = document.getElementById('map').getBoundingClientRect();"
            " var r = p.getBoundingClientRect();"
            " return getComputedStyle(p).opacity === '1' && r.top >= m.top - 1;"
        ),
        "the popup in view",
    )
    assert popup[0].get_attribute("href").split("/articles/")[1]
    shot(driver, "path-5-map")
    assert problems(console(driver)) == []


# -- (c) hostile input stays text -------------------------------------------------


def assert_inert(driver: WebDriver, where: str) -> None:
    no_alert(driver)
    assert pwned(driver) == "undefined", f"markup ran on {where}"
    bad = driver.execute_script(
        "return Array.from(document.querySelectorAll('*')).filter(function (e) {"
        " return Array.from(e.attributes).some(function (a) {"
        "  return /^on/i.test(a.name); }); }).length"
        " + document.querySelectorAll('svg[onload], img[src=\"x\"]').length"
        " + Array.from(document.querySelectorAll('script')).filter(function (s) {"
        "  return !(s.src && s.src.indexOf(location.origin + '/static/') === 0)"
        "   && s.type !== 'application/json'; }).length"
        " + Array.from(document.querySelectorAll('a[href], area[href]'))"
        "   .filter(function (a) { return a.protocol === 'javascript:'; }).length"
    )
    assert bad == 0, f"markup from the data became elements on {where}"


def test_hostile_article(
    driver: WebDriver, served: Served, ids: dict[str, str]
) -> None:
    console(driver)
    driver.get(f"{served.base}/articles/{ids['hostile']}")
    assert_inert(driver, "the hostile article")
    assert SCRIPT in driver.title
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    text = driver.find_element(By.ID, "article-text").text
    facts = driver.find_element(By.CSS_SELECTOR, ".facts").text
    for s in HOSTILE:
        assert s in h1
        assert s in text
    assert f"Hostile Wire {SCRIPT}{SVG}" in facts
    # the javascript: URL is shown as text, not as a link
    url = driver.find_element(By.CSS_SELECTOR, ".facts .url")
    assert url.text == JS_URL and url.tag_name == "span"
    assert not driver.find_elements(By.CSS_SELECTOR, ".facts a[href*='pwned']")
    # the side panel renders the records (with the markup) as text: one
    # record at least quotes some of it (which one depends on the records)
    for seg in driver.find_elements(By.CSS_SELECTOR, ".hl")[:40]:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", seg)
        seg.click()
    evidence = driver.find_elements(By.CSS_SELECTOR, ".records a[data-rid^='e-']")
    assert evidence
    for a in evidence:
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", a)
        a.click()
        panel = driver.find_element(By.ID, "panel").text
        # as written, or inside the record's JSON (quotes escaped there)
        if any(s in panel or json.dumps(s)[1:-1] in panel for s in HOSTILE):
            break
    else:
        pytest.fail("no event record shows the markup in the panel")
    shot(driver, "hostile-article")
    assert_inert(driver, "the hostile article after clicks")
    fits(driver, "the hostile article")
    assert problems(console(driver)) == []


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/events?outlet=Hostile",
        "/claims?outlet=Hostile",
        "/quotes?outlet=Hostile",
        "/articles",
        "/incidents?text=Anadan",
        "/map?outlet=Hostile",
    ],
)
def test_hostile_in_lists(driver: WebDriver, served: Served, path: str) -> None:
    console(driver)
    driver.get(served.base + path)
    if path.startswith("/map"):
        wait_map(driver)
    assert_inert(driver, path)
    fits(driver, path)
    if not path.startswith(("/map", "/incidents")):
        assert SCRIPT in driver.find_element(By.TAG_NAME, "main").text
    name = path.strip("/").split("?")[0] or "overview"
    shot(driver, f"hostile-{name}")
    assert problems(console(driver)) == []


def test_hostile_analyze(driver: WebDriver, served: Served) -> None:
    """Pasted markup in the analyze form (read-only: nothing is stored)."""
    console(driver)
    driver.get(served.base + "/analyze")
    record = hostile_record()
    text = "\n\n".join(html.unescape(p) for p in record["text"][3:-4].split("</p><p>"))
    area = driver.find_element(By.NAME, "text")
    driver.execute_script("arguments[0].value = arguments[1]", area, text)
    driver.find_element(By.NAME, "title").send_keys(record["title"])
    driver.find_element(By.NAME, "outlet").send_keys(record["outlet"])
    driver.find_element(By.CSS_SELECTOR, "form.analyze button[type=submit]").click()
    wait(driver, lambda d: d.find_elements(By.ID, "article-text"), "the analysis")
    assert_inert(driver, "the analysis of pasted markup")
    assert SCRIPT in driver.find_element(By.TAG_NAME, "h1").text
    shot(driver, "hostile-analyze")
    assert problems(console(driver)) == []
    gc.collect()  # the form's files are closed by the app, not left to the collector


# -- (d) a review from the side panel -------------------------------------------


@contextlib.contextmanager
def _reviewing(store: Path, copy: Path) -> Iterator[Served]:
    """Serve a copy of the store with review on; stop it at the end."""
    from reportedly.web import create_app

    shutil.copy(store, copy)
    served = Served(create_app(copy, review=True))
    try:
        yield served
    finally:
        served.stop()


def test_review_saved(
    driver: WebDriver, store: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    with _reviewing(store, tmp_path / "review.duckdb") as served:
        console(driver)
        driver.get(f"{served.base}/articles/{ids['demo']}")
        who = driver.find_element(By.ID, "reviewer")
        who.send_keys("Selenium Tester", Keys.TAB)  # the change event stores it
        assert (
            driver.execute_script("return localStorage.getItem('reportedly.reviewer')")
            == "Selenium Tester"
        )
        seg = driver.find_element(By.CSS_SELECTOR, ".hl.ev")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", seg)
        seg.click()
        panel = driver.find_element(By.ID, "panel")
        assert panel.find_element(By.TAG_NAME, "h3").text.startswith("event ")
        row = next(
            tr
            for tr in panel.find_elements(By.CSS_SELECTOR, "table tr")
            if tr.find_element(By.TAG_NAME, "td").text == "type"
        )
        shown = row.find_elements(By.TAG_NAME, "td")[1].text
        row.find_element(By.XPATH, ".//button[text()='right']").click()
        status = row.find_element(By.CSS_SELECTOR, ".saved")
        wait(driver, lambda d: status.text.startswith(("saved", "not saved")), "saved")
        assert status.text == "saved: right", status.text
        assert "on" in row.find_element(
            By.XPATH, ".//button[text()='right']"
        ).get_attribute("class")
        shot(driver, "review-saved")
        lines = served.json(f"/api/reviews?article_id={ids['demo']}")
        mine = [x for x in lines if x["judge"] == "Selenium Tester"]
        assert len(mine) == 1, lines
        assert mine[0]["kind"] == "event" and mine[0]["field"] == "type"
        assert mine[0]["verdict"] == "right" and mine[0]["shown"] == shown
        assert problems(console(driver)) == []


def test_review_from_the_incident_view(
    driver: WebDriver, store: Path, ids: dict[str, str], tmp_path: Path
) -> None:
    with _reviewing(store, tmp_path / "review-incident.duckdb") as served:
        console(driver)
        driver.get(f"{served.base}/incidents/{ids['incident']}")
        driver.find_element(By.ID, "reviewer").send_keys("Incident Reader", Keys.TAB)
        box = driver.find_element(By.CSS_SELECTOR, ".report details.review-box")
        box.find_element(By.TAG_NAME, "summary").click()
        table = box.find_element(By.CSS_SELECTOR, ".review-table")
        row = table.find_element(By.CSS_SELECTOR, "tr[data-field='modality']")
        row.find_element(By.CSS_SELECTOR, "input.note").send_keys("read it")
        row.find_element(By.XPATH, ".//button[text()='wrong']").click()
        status = row.find_element(By.CSS_SELECTOR, ".saved")
        wait(driver, lambda d: status.text.startswith(("saved", "not saved")), "saved")
        assert status.text == "saved: wrong", status.text
        shot(driver, "review-incident")
        lines = served.json("/api/reviews")
        mine = [x for x in lines if x["judge"] == "Incident Reader"]
        assert len(mine) == 1, lines
        assert mine[0]["key"] == table.get_attribute("data-record")
        assert mine[0]["field"] == "modality" and mine[0]["note"] == "read it"
        assert problems(console(driver)) == []
