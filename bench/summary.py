"""Print every figure the harnesses recorded in ``bench/out/`` as one table.

Example: python -m bench.summary
"""

from __future__ import annotations

import json

from bench.common import OUT, table

ORDER = [
    "quotes_dev",
    "quotes_test",
    "claims_dev",
    "events_test",
    "actors",
    "petrarch",
    "places",
    "dates",
    "speed",
]


def main() -> None:
    files = sorted(
        OUT.glob("*.json"),
        key=lambda p: (ORDER.index(p.stem) if p.stem in ORDER else len(ORDER), p.stem),
    )
    rows = []
    for f in files:
        data = json.loads(f.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "header" not in data:
            continue  # raw run data (speed_runs.json), not a table
        head = [h.lower() for h in data["header"]]
        tcol = next((i for i, h in enumerate(head) if h.startswith("target")), None)
        for r in data["rows"]:
            values = [c for i, c in enumerate(r[1:], 1) if i != tcol]
            rows.append(
                (
                    f.stem,
                    r[0],
                    " · ".join(v for v in values if v),
                    r[tcol] if tcol is not None else "",
                )
            )
    if not rows:
        raise SystemExit(f"nothing recorded in {OUT}: run make eval first")
    print(table(rows, ("harness", "measure", "value", "target")))


if __name__ == "__main__":
    main()
