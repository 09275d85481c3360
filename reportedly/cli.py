"""The command line: a thin skin over the Python API."""

from __future__ import annotations

import json
import sys
from typing import IO

import click

from reportedly import report
from reportedly.model import Analysis, ErrorRecord
from reportedly.pipeline import analyze_many


@click.group()
@click.version_option(package_name="reportedly")
def main() -> None:
    """reportedly: event data that knows who said so."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "text"]),
    default="json",
    show_default=True,
    help="json: one object (a list for several documents); "
    "jsonl: one line per document; text: a readable report.",
)
@click.option(
    "--raw",
    is_flag=True,
    help="No cleaning: article.text is the input "
    "text byte for byte, so offsets index the input file.",
)
@click.option(
    "--published",
    default=None,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every document.",
)
@click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="spaCy pipeline to load (default: en_core_web_sm).",
)
@click.option(
    "-o",
    "--output",
    type=click.File("w", encoding="utf-8"),
    default="-",
    help="Write here instead of stdout.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
def analyze(
    paths: tuple[str, ...],
    fmt: str,
    raw: bool,
    published: str | None,
    model: str | None,
    output: IO[str],
    progress: bool | None,
) -> None:
    """Analyse articles: quotes, speakers and sourcing signals.

    PATHS are files (.txt .html .jsonl .json .csv .warc .warc.gz), directories
    (read recursively) or - for stdin. Every document comes out as an analysis
    or as an error record; the summary goes to stderr.

    Example: reportedly analyze --format text article.txt
    """
    from tqdm import tqdm

    results = analyze_many(paths, raw=raw, published=published, model=model)
    bar = tqdm(
        results,
        unit="doc",
        file=sys.stderr,
        disable=progress is False if progress is not None else None,
        leave=False,
    )
    if progress:
        bar.disable = False
    ok = failed = 0
    collected: list[dict] = []
    for res in bar:
        if isinstance(res, ErrorRecord):
            failed += 1
            record = res.to_dict()
            text = report.render_error(res)
        else:
            ok += 1
            record = res.to_dict()
            text = report.render(res) if fmt == "text" else ""
        if fmt == "jsonl":
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif fmt == "text":
            output.write(text + ("\n" if isinstance(res, Analysis) else ""))
        else:
            collected.append(record)
    if fmt == "json":
        doc = collected[0] if len(collected) == 1 else collected
        output.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    click.echo(f"{ok} analysed, {failed} failed", err=True)
    if ok == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
