"""Print a seeded random sample of incidents with 2+ reports, for judging by reading.

Usage: python -m bench.sample_incidents DB [--seed 0] [--n 30] [> sample.md]
"""

from __future__ import annotations

import argparse
import random

from reportedly import Incident, open_store


def _clip(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1] + "…"


def sample(db: str, *, seed: int = 0, n: int = 30) -> list[Incident]:
    """Return ``n`` incidents with 2+ reports, drawn at random with ``seed``."""
    with open_store(db, read_only=True) as store:
        rows = store.query("incidents")
        ids = sorted(r["incident_id"] for r in rows if r["n_reports"] >= 2)
        picked = random.Random(seed).sample(ids, min(n, len(ids)))
        return [store.incident(i) for i in picked]


def render(incidents: list[Incident]) -> str:
    """Render incidents and their reports as Markdown for a reader."""
    out = []
    for k, inc in enumerate(incidents, start=1):
        out.append(
            f"## {k}. {inc.id} {inc.type} {inc.date_start}..{inc.date_end}"
            f" ({inc.n_reports} reports, {inc.n_outlets} outlets)"
        )
        for c in inc.contradictions:
            out.append(f"- contradiction {c.kind}: {_clip(c.detail, 120)}")
        for r in inc.reports:
            who = r.claimant or "(outlet)"
            qty = ", ".join(q.text for q in r.quantities)
            line = f"- [{r.outlet} {r.date}] {_clip(r.title, 90)} | {who}, "
            line += f"{r.modality} | {_clip(r.evidence)}"
            out.append(line + (f" | {qty}" if qty else ""))
        out.append("")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("db")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--n", type=int, default=30)
    args = ap.parse_args()
    print(render(sample(args.db, seed=args.seed, n=args.n)))


if __name__ == "__main__":
    main()
