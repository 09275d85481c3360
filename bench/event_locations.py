"""Where the events of a store are located: by precision and by source.

For one type of event (ASSAULT by default), the share of events with a
location, at each ``location_precision`` (point, admin2, admin1, country)
and from each ``location_source`` (clause, sentence, statement, article; or,
with no location, why: ambiguous, no_place). Give several stores to compare
them (a store built before a change and one after):

    python -m bench.event_locations /tmp/before.duckdb /tmp/after.duckdb
"""

from __future__ import annotations

import argparse
from pathlib import Path

import duckdb

from bench.common import table

BY_PRECISION = """
select coalesce(record->>'location_precision', '(none)') as k, count(*) as n
from events where type = ? group by all
"""
BY_SOURCE = """
select coalesce(record->>'location_source', '(none)')
       || case when location_text is null then ' (empty)' else '' end as k,
       count(*) as n
from events where type = ? group by all
"""
PRECISIONS = ("point", "admin2", "admin1", "country", "region")


def counts(db: Path, sql: str, kind: str) -> dict[str, int]:
    """Run one of the queries above on a store, read-only."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {k: n for k, n in con.execute(sql, [kind]).fetchall()}
    finally:
        con.close()


def _share(n: int, total: int) -> str:
    return f"{n / total:.3f} ({n})" if total else "-"


def rows(dbs: list[Path], kind: str) -> list[tuple[str, ...]]:
    """One row per precision and per source, one column per store."""
    prec = [counts(db, BY_PRECISION, kind) for db in dbs]
    src = [counts(db, BY_SOURCE, kind) for db in dbs]
    totals = [sum(c.values()) for c in prec]
    out = [(f"{kind} events", *(str(t) for t in totals))]
    located = [t - c.get("(none)", 0) for c, t in zip(prec, totals, strict=True)]
    out.append(("with a location", *map(_share, located, totals)))
    for p in PRECISIONS:
        out.append(
            (
                f"  precision {p}",
                *(_share(c.get(p, 0), t) for c, t in zip(prec, totals, strict=True)),
            )
        )
    keys = sorted({k for c in src for k in c})
    for k in keys:
        out.append(
            (
                f"  source {k}",
                *(_share(c.get(k, 0), t) for c, t in zip(src, totals, strict=True)),
            )
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("stores", nargs="+", type=Path)
    ap.add_argument("--type", default="ASSAULT")
    args = ap.parse_args()
    header = ("measure", *(p.stem for p in args.stores))
    print(table(rows(args.stores, args.type), header))


if __name__ == "__main__":
    main()
