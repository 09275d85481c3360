"""Helpers shared by the benchmark harnesses: locate ../shared, print tables."""

from __future__ import annotations

import json
import os
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir(arg: str | None) -> Path:
    """Return the shared data folder, or exit with a clear message."""
    path = Path(arg) if arg else ROOT.parent / "shared"
    if not (path / "data").is_dir():
        sys.exit(f"shared data not found at {path}/data (pass --shared DIR)")
    return path


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """Render rows as a Markdown table."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(r: tuple[str, ...]) -> str:
        cells = (str(c).ljust(w) for c, w in zip(r, widths, strict=True))
        return "| " + " | ".join(cells) + " |"

    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


OUT = ROOT / "bench" / "out"


def record(name: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Keep a harness's table in ``bench/out/<name>.json`` for ``bench.summary``."""
    OUT.mkdir(parents=True, exist_ok=True)
    data = {"header": list(header), "rows": [list(map(str, r)) for r in rows]}
    (OUT / f"{name}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")


def machine_basics() -> dict[str, str]:
    """Cores, CPU model and Python version of this machine, for bench tables."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
    }


def write_todo(out: Path, text: list[str], lines: list[dict], what: str) -> None:
    """Write a judging round: ``todo.md`` to read and ``verdicts.jsonl`` to fill."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "todo.md").write_text("\n".join(text), encoding="utf-8")
    with (out / "verdicts.jsonl").open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(
        f"{len(lines)} {what} to judge: read {out}/todo.md, fill {out}/verdicts.jsonl"
    )
