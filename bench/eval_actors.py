"""Score actor coding (ISO3 country / IGO and sector) on the PLOVER GSR actor
and recipient texts and on the NGEC actor-resolution test cases.

Each gold actor text is coded with ``code_actor``; the sentence gives the
context country (the first country named in it outside the actor text).
Gold codes use a few legacy CAMEO country codes (JAP, ITL, VTN), mapped to
ISO; sector suffixes (``CVLalb``) are cut to three letters, ``***`` is none.
The GSR puts IGO in the code and leaves the sector empty, where we give
sector IGO too: for a gold IGO/NGO code with no sector, IGO/NGO as sector counts.

Example: python -m bench.eval_actors --shared ../shared
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from pathlib import Path

from bench.common import record, shared_dir, table
from reportedly.extract.actors._codes import code_actor, countries_in

LEGACY = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
SECTOR_FIX = {"CIV": "CVL", "***": None}


def _gold_code(code: str | None) -> str | None:
    return LEGACY.get(code, code) if code else None


def _gold_sector(sector: str | None) -> str | None:
    if not sector:
        return None
    s = sector[:3].upper()
    return SECTOR_FIX.get(s, s)


def _context(sentence: str, text: str, use: bool) -> str | None:
    if not use:
        return None
    rest = sentence.replace(text.strip(), " ") if text.strip() else sentence
    found = countries_in(rest)
    return found[0] if found else None


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def gsr(path: Path, *, context: bool) -> list[tuple[str, ...]]:
    """Rows: role, n, code accuracy, sector accuracy; then sentence micro-F1."""
    stats = {r: Counter() for r in ("actor", "recipient")}
    tp = fp = fn = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        gold_codes: Counter = Counter()
        pred_codes: Counter = Counter()
        for role in ("actor", "recipient"):
            for arg in rec[role]:
                ctx = _context(rec["text"], arg["text"], context)
                got = code_actor(arg["text"], context_country=ctx)
                code, sector = (got.code, got.sector) if got else (None, None)
                g_code, g_sector = _gold_code(arg["code"]), _gold_sector(arg["sector"])
                s = stats[role]
                s["n"] += 1
                s["code"] += code == g_code
                if g_code in ("IGO", "NGO") and g_sector is None:
                    g_sector = sector if sector == g_code else None  # IGO in code
                s["sector"] += sector == g_sector
                s["coded"] += code is not None
                if g_code:
                    gold_codes[g_code] += 1
                if code:
                    pred_codes[code] += 1
        hit = sum((gold_codes & pred_codes).values())
        tp += hit
        fp += sum(pred_codes.values()) - hit
        fn += sum(gold_codes.values()) - hit
    rows = []
    for role, s in stats.items():
        n = s["n"]
        rows.append(
            (
                f"GSR {role}s",
                str(n),
                f"{s['code'] / n:.3f}",
                f"{s['sector'] / n:.3f}",
                f"{s['coded'] / n:.3f}",
            )
        )
    p, r, f = _f1(tp, fp, fn)
    rows.append(
        ("GSR codes per sentence", f"P {p:.3f} R {r:.3f}", f"F1 {f:.3f}", "", "")
    )
    return rows


_CODE = re.compile(r"^(?:code\['country'\]|cc) == '([A-Z]*)'$")
_SECT = re.compile(r"^code\['code_1'\] == '([A-Z]*)'$")
_NONE = re.compile(r"^code is None$")


def _ngec_cases(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    """(actor, context, expected country or None, expected sector or None)."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        calls = [
            c
            for c in rec["calls"]
            if c["method"] in ("agent_to_code", "search_nat", "short_text_to_agent")
        ]
        if not calls:
            continue
        args = calls[-1]["args"]
        for d in rec["input_dicts"] or [None]:
            actor = d["actor"] if d and args[0] == "d['actor']" else args[0]
            ctx = (d or {}).get("context", "") if len(args) > 1 else ""
            country = sector = None
            given = d or {}
            for a in rec["asserts"]:
                for key in ("correct_country", "correct_code1"):
                    a = a.replace(f"d['{key}']", repr(given.get(key)))
                if m := _CODE.match(a):
                    country = m.group(1)
                elif m := _SECT.match(a):
                    sector = m.group(1)
            if country is not None or sector is not None:
                cases.append((actor, ctx or "", country, sector))
    return cases


def ngec(path: Path) -> list[tuple[str, ...]]:
    cases = _ngec_cases(path)
    nc = ns = okc = oks = 0
    for actor, ctx, country, sector in cases:
        found = countries_in(ctx) if ctx else []
        got = code_actor(actor, context_country=found[0] if found else None)
        if country is not None:
            nc += 1
            okc += ((got.code if got else None) or "") == country
        if sector is not None:
            ns += 1
            oks += ((got.sector if got else None) or "") == sector
    return [
        (
            "NGEC resolution cases",
            f"{nc} / {ns}",
            f"{okc / max(nc, 1):.3f}",
            f"{oks / max(ns, 1):.3f}",
            "",
        )
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", help="the shared folder (default ../shared)")
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    data = shared / "data"
    t0 = time.perf_counter()
    rows = gsr(data / "events/normalized/plover_gsr_cameo.jsonl", context=True)
    rows += [
        (f"{r[0]} (no context)", *r[1:])
        for r in gsr(data / "events/normalized/plover_gsr_cameo.jsonl", context=False)
    ]
    rows += ngec(data / "actors/ngec/ngec_actor_resolution_cases.jsonl")
    header = ("set", "n", "ISO/IGO code acc", "sector acc", "coded share")
    print(table(rows, header))
    record("actors", header, rows)
    print(f"\n{time.perf_counter() - t0:.2f}s")


if __name__ == "__main__":
    main()
