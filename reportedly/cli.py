"""The command line: a thin skin over the Python API."""

from __future__ import annotations

import datetime
import json
import sys
from typing import IO

import click

from reportedly import report
from reportedly.errors import ReportedlyError
from reportedly.model import ErrorRecord
from reportedly.pipeline import analyze_many


def _iso_date(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> str | None:
    """Validate ``--published`` at the boundary: an ISO date or nothing."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2015-10-01"
        ) from None


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
    callback=_iso_date,
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
    # disable=None: a bar only when stderr is a terminal
    bar = tqdm(
        results,
        unit="doc",
        file=sys.stderr,
        disable=None if progress is None else not progress,
        leave=False,
    )
    ok = failed = 0
    collected: list[dict] = []
    try:
        for res in bar:
            if isinstance(res, ErrorRecord):
                failed += 1
                text = report.render_error(res)
            else:
                ok += 1
                text = report.render(res) + "\n" if fmt == "text" else ""
            if fmt == "jsonl":
                output.write(json.dumps(res.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "text":
                output.write(text)
            else:
                collected.append(res.to_dict())
    except ReportedlyError as e:  # set-up problems, e.g. no spaCy model installed
        raise click.ClickException(str(e)) from e
    if fmt == "json":
        doc = collected[0] if len(collected) == 1 else collected
        output.write(json.dumps(doc, ensure_ascii=False, indent=1) + "\n")
    click.echo(f"{ok} analysed, {failed} failed", err=True)
    if ok == 0:
        sys.exit(1)


if __name__ == "__main__":
    main()
