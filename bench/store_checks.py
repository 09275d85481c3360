"""What a user meets first in a store: the checks of issue 10 on real corpora.

Ingests FA-KES (804), the Guardian Syria sample (249) and the ScrapingHub WARC
file (181 pages) into stores under ``bench/out/stores/`` (or reuses them with
``--reuse``) and counts, per store: event actors or recipients whose name is a
pronoun, a weekday, a month or a bare number; speakers taken from page
furniture; events dated before 1900 or more than 2 days after publication;
the share of events with neither actor nor recipient; events per 1,000 words;
and the actors of the Islamic State and the United States.

    python -m bench.store_checks [--reuse] [--list]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

from bench.common import OUT, record, shared_dir, table
from reportedly import open_store

CORPORA = {
    "FA-KES": "data/corpora/news/fa_kes_syria/FA-KES-Dataset.csv",
    "Guardian": "data/corpora/news/guardian_syria_sdf_2019/Guardian_SDF_sample.csv",
    "WARC": "data/corpora/warc/scrapinghub_aeb_derived.warc.gz",
}
PRONOUNS = [
    "i",
    "you",
    "he",
    "she",
    "it",
    "we",
    "they",
    "me",
    "him",
    "her",
    "us",
    "them",
    "who",
    "whom",
    "whose",
    "which",
    "that",
    "this",
    "these",
    "those",
    "its",
    "his",
    "hers",
    "their",
    "theirs",
    "our",
    "ours",
    "my",
    "mine",
    "your",
    "yours",
    "itself",
    "himself",
    "herself",
    "themselves",
    "one",
]
WEEKDAYS = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
]
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
FURNITURE = re.compile(
    r"^(see|read|watch) more\b|^(related|share|click|subscribe|advertisement)\b|"
    r"\b(getty images|ap photo|afp photo)\b|reuters/|^(photo|image)s? (by|credit)\b",
    re.IGNORECASE,
)
IS_NAMES = {"islamic state", "isis", "isil", "is", "daesh", "islamic state group"}
US_NAMES = {"united states", "us", "u.s.", "usa", "u.s.a.", "america", "washington"}


def _bad_name(name: str | None) -> bool:
    n = (name or "").strip().casefold().strip(".,'\"’")
    return (
        n in PRONOUNS
        or n in WEEKDAYS
        or n in MONTHS
        or bool(re.fullmatch(r"[\d.,]+", n))
    )


def _one(per_name: list, names: set[str]) -> str:
    """How many actors the names of one entity make, and how many names occur."""
    hits = [(n, e) for n, e in per_name if n in names]
    return f"{len({e for _, e in hits})} ({len({n for n, _ in hits})} names)"


def _ingest(shared: Path, name: str, db: Path) -> None:
    db.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "reportedly.cli", "ingest", "--no-progress"]
    subprocess.run([*cmd, "--db", str(db), str(shared / CORPORA[name])], check=True)


def checks(db: Path, show: bool) -> dict[str, str]:
    """Return the figures of one store (and print offenders with ``show``)."""
    with open_store(db, read_only=True) as s:
        _, ev = s.sql(
            "SELECT e.actor_text, e.recipient_text, e.date, a.published, e.id, "
            "e.actor_name, e.recipient_name FROM events e "
            "JOIN articles a ON a.id = e.article_id"
        )
        _, q = s.sql("SELECT speaker_text FROM quotes WHERE speaker_text IS NOT NULL")
        _, words = s.sql("SELECT sum(len(string_split(text, ' '))) FROM articles")
        _, names = s.sql("SELECT lower(name), count(*) FROM actors GROUP BY 1")
        has_entities = "entity_id" in s.sql("SELECT * FROM actors LIMIT 0")[0]
        ents = "entity_id" if has_entities else "lower(name)"
        _, per_name = s.sql(f"SELECT DISTINCT lower(name), {ents} FROM actors")
        scope = "entity_scope = 'corpus'" if has_entities else "true"
        _, n_ents = s.sql(
            f"SELECT count(DISTINCT {ents}) FILTER (WHERE {scope}), "
            f"count(DISTINCT {ents}) FILTER (WHERE NOT {scope}) FROM actors"
        )
        _, dated = s.sql(
            "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE TRY_CAST(e.date AS DATE) < DATE '1900-01-01' OR "
            "TRY_CAST(e.date AS DATE) > TRY_CAST(a.published AS DATE) + 2"
        )
    # the name an event row shows: the resolved actor's, else the text as written
    bad_args = [r for r in ev if _bad_name(r[5]) or _bad_name(r[6])]
    furniture = [r[0] for r in q if FURNITURE.search(r[0].strip())]
    empty = sum(1 for r in ev if not r[0] and not r[1])
    n_words = words[0][0] or 1
    actor_names = {n for n, _ in names}
    if show:
        for r in bad_args[:40]:
            print(
                "  bad argument:", r[5], "|", r[6], "(as written:", r[0], "|", r[1], ")"
            )
        for f in furniture[:40]:
            print("  furniture speaker:", f)
    return {
        "events": str(len(ev)),
        "actors or recipients that are pronouns, weekdays, months, numbers": str(
            len(bad_args)
        ),
        "speakers from page furniture": str(len(furniture)),
        "events dated before 1900 or > 2 days after publication": str(dated[0][0]),
        "events with neither actor nor recipient": f"{empty / max(len(ev), 1):.2f}",
        "events per 1,000 words": f"{1000 * len(ev) / n_words:.1f}",
        "distinct actor names": str(len(actor_names)),
        "actors: named entities across articles / generic, of one article": (
            f"{n_ents[0][0]} / {n_ents[0][1]}"
        ),
        "actors for the Islamic State (its names)": _one(per_name, IS_NAMES),
        "actors for the United States (its names)": _one(per_name, US_NAMES),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--reuse", action="store_true", help="use the stores built before")
    ap.add_argument("--list", action="store_true", help="print the offenders")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    folder = OUT / "stores"
    folder.mkdir(parents=True, exist_ok=True)
    cols = {}
    for name in CORPORA:
        db = folder / f"{name}.duckdb"
        if not (args.reuse and db.exists()):
            _ingest(shared, name, db)
        cols[name] = checks(db, args.list)
    measures = list(next(iter(cols.values())))
    rows = [(m, *(cols[c][m] for c in CORPORA)) for m in measures]
    header = ("store check", *CORPORA)
    print(table(rows, header))
    record("store_checks", header, rows)


if __name__ == "__main__":
    main()
