"""The map in a real browser: how long until every place of the store is drawn.

Serves a store with uvicorn in a thread on a free loopback port, opens /map in
headless Debian chromium (selenium, /usr/bin/chromium and /usr/bin/chromedriver;
nothing is downloaded) with the HTTP cache off, and reads the performance mark
``map-ready`` that map.js sets once the circles are on the canvas: the time
from navigation start, so HTML, scripts, the base map, /map.json and drawing
are all in it. Best and median of ``--runs`` page loads.

Then saves two small screenshots for the README (about 900x560 PNG): an
incident with reports from several outlets, and the article of one of its
reports at that event (``docs/img/incident.png``, ``docs/img/article.png``).

Target (issue 11): the map of every FA-KES event drawn within 2 s.

Usage: python -m bench.web_browser --db PATH [--runs 3] [--img DIR | --no-img]
The store is opened read-only (copy a store another process writes first).
"""

from __future__ import annotations

import argparse
import json
import platform
import socket
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.common import ROOT, table

TARGET_MS = 2000.0
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOT = (900, 560)  # screenshot size for the README
MAX_SHOT = 150_000  # bytes
HEADER = (
    "store",
    "places",
    "events",
    "loads",
    "map.json ms",
    "circles best ms",
    "circles median ms",
    "base map median ms",
    "target",
)


class Served:
    """The app on a free loopback port, in a thread."""

    def __init__(self, db: str) -> None:
        import uvicorn

        from reportedly.web import create_app

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        config = uvicorn.Config(
            create_app(db), host="127.0.0.1", port=port, log_level="warning"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                sys.exit("the app did not start")
            time.sleep(0.02)
        self.base = f"http://127.0.0.1:{port}"

    def json(self, path: str) -> Any:
        with urllib.request.urlopen(self.base + path, timeout=60) as r:
            return json.loads(r.read())

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def chromium(size: tuple[int, int]) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    for p in (CHROMIUM, CHROMEDRIVER):
        if not p.exists():
            sys.exit(f"{p} is missing (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={size[0]},{size[1]}",
        "--hide-scrollbars",
        "--no-first-run",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(
        service=Service(executable_path=str(CHROMEDRIVER)), options=options
    )
    driver.set_page_load_timeout(60)
    return driver


def _wait(driver: Any, script: str, what: str, timeout: float = 60) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.02)
    sys.exit(f"timed out waiting for {what}")


READY = """
var box = document.getElementById('map');
if (box && box.dataset.error) { return {error: box.dataset.error}; }
var ready = performance.getEntriesByName('map-ready')[0];
var land = performance.getEntriesByName('map-land')[0];
if (!ready || !land) { return null; }
var data = performance.getEntriesByType('resource').filter(function (e) {
  return e.name.indexOf('/map.json') >= 0; })[0];
return {ready: ready.startTime, land: land.startTime,
        data: data ? data.responseEnd - data.startTime : null,
        places: +box.dataset.ready, markers: +box.dataset.markers};
"""


def time_map(served: Served, runs: int) -> list[dict[str, Any]]:
    """Load /map ``runs`` times with the HTTP cache off; the marks of each load."""
    driver = chromium((1400, 1000))
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
        out = []
        for _ in range(runs):
            driver.get("about:blank")
            driver.get(served.base + "/map")
            marks = _wait(driver, READY, "#map[data-ready]")
            if "error" in marks:
                sys.exit(f"the map failed: {marks['error']}")
            if marks["markers"] != marks["places"]:
                sys.exit(f"{marks['markers']} circles for {marks['places']} places")
            severe = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            if severe:
                sys.exit(f"console errors on /map: {severe}")
            out.append(marks)
        return out
    finally:
        driver.quit()


def screenshots(served: Served, out: Path) -> list[tuple[Path, int]]:
    """An incident with several outlets, and an article at one of its events."""
    incs = served.json("/api/incidents?sort=reports&limit=100")["items"]
    incs = [i for i in incs if i["n_outlets"] >= 2] or incs
    if not incs:
        sys.exit("the store has no incidents to show")
    # a readable example: a report whose event is near the top of its
    # article, so that the event and its record show in a small picture
    best = None
    for inc in incs[:60]:
        detail = served.json(f"/api/incidents/{inc['incident_id']}")
        for r in detail["reports"]:
            key = (_offset(served, r), -inc["n_contradictions"], -inc["n_outlets"])
            if best is None or key < best[0]:
                best = (key, inc, r)
    assert best is not None
    _, inc, report = best
    out.mkdir(parents=True, exist_ok=True)
    driver = chromium(SHOT)
    saved = []
    try:
        # the viewport itself at SHOT (a headless window's size includes chrome)
        driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": SHOT[0],
                "height": SHOT[1],
                "deviceScaleFactor": 1,
                "mobile": False,
            },
        )
        for name, path in (
            ("incident", f"/incidents/{inc['incident_id']}"),
            ("article", f"/articles/{report['article_id']}#e-{report['event_id']}"),
        ):
            driver.get(served.base + path)
            if name == "article":
                _wait(driver, "return document.querySelector('.hl.active')", "active")
                # from the top of the page when the event shows there
                driver.execute_script(
                    "var a = document.querySelector('.hl.active');"
                    " window.scrollTo(0, 0);"
                    " var y = a.getBoundingClientRect().bottom"
                    "   - window.innerHeight + 40;"
                    " if (y > 0) { window.scrollTo(0, y); }"
                )
            time.sleep(0.2)
            dest = out / f"{name}.png"
            driver.save_screenshot(str(dest))
            _shrink(dest)
            saved.append((dest, dest.stat().st_size))
    finally:
        driver.quit()
    return saved


def _shrink(png: Path) -> None:
    """Over MAX_SHOT bytes: down to 256 colours with ImageMagick, when it is there."""
    import shutil
    import subprocess

    convert = shutil.which("convert")
    if png.stat().st_size <= MAX_SHOT or convert is None:
        return
    tmp = png.with_suffix(".tmp.png")
    cmd = [convert, str(png), "-strip", "-colors", "256", f"PNG8:{tmp}"]
    if subprocess.run(cmd, capture_output=True, timeout=60).returncode == 0:
        tmp.replace(png)
    else:
        tmp.unlink(missing_ok=True)


def _offset(served: Served, report: dict[str, Any]) -> int:
    a = served.json(f"/api/articles/{report['article_id']}")
    for e in a["events"]:
        if e["id"] == report["event_id"]:
            return int((e.get("evidence") or {}).get("end") or 0)
    return 1 << 30


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", required=True, help="the store (a copy: read-only)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--img", default=str(ROOT / "docs" / "img"))
    ap.add_argument("--no-img", action="store_true", help="no screenshots")
    args = ap.parse_args()
    if not Path(args.db).exists():
        sys.exit(f"no store at {args.db}")
    served = Served(args.db)
    try:
        overview = served.json("/api/overview")
        marks = time_map(served, args.runs)
        shots = [] if args.no_img else screenshots(served, Path(args.img))
    finally:
        served.stop()
    ready = [m["ready"] for m in marks]
    best, median = min(ready), statistics.median(ready)
    row = (
        Path(args.db).name,
        f"{marks[0]['places']:,}",
        f"{overview['counts']['events']:,}",
        str(len(marks)),
        f"{statistics.median(m['data'] or 0 for m in marks):.0f}",
        f"{best:.0f}",
        f"{median:.0f}",
        f"{statistics.median(m['land'] for m in marks):.0f}",
        f"<= {TARGET_MS:.0f} ms " + ("met" if median <= TARGET_MS else "MISSED"),
    )
    print(table([row], HEADER))
    print(
        f"\nheadless chromium {_version()}, {platform.machine()}, "
        f"{len(marks)} loads of /map with the HTTP cache off; times from "
        "navigation start to the circles drawn (mark map-ready) and to the "
        "countries drawn (map-land); map.json: request to last byte."
    )
    for path, size in shots:
        note = "" if size <= MAX_SHOT else f" (over {MAX_SHOT // 1000} KB)"
        print(
            f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
            f" ({size / 1000:.0f} KB){note}"
        )


def _version() -> str:
    import subprocess

    try:
        out = subprocess.run(
            [str(CHROMIUM), "--version"], capture_output=True, text=True, timeout=30
        ).stdout
    except OSError:
        return "?"
    return out.split()[1] if len(out.split()) > 1 else "?"


if __name__ == "__main__":
    main()
