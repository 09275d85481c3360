"""What the commands share: options, date checks, errors, settings, progress."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import click

from reportedly.errors import ReportedlyError
from reportedly.settings import Settings
from reportedly.store import DEFAULT_PATH

T = TypeVar("T")


def iso_date(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    """Validate a date option at the boundary: an ISO date or nothing."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(
            f"{value!r} is not a date; expected YYYY-MM-DD, e.g. 2015-10-01"
        ) from None


def errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Show a ReportedlyError as a one-line message and exit 1."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ReportedlyError as e:
            raise click.ClickException(str(e)) from e

    return wrapper


def settings(model: str | None = None) -> Settings:
    """Read the environment once for this command; ``--model`` wins over it."""
    try:
        s = Settings.from_env()
    except ReportedlyError as e:
        raise click.ClickException(str(e)) from e
    return s if model is None else dataclasses.replace(s, model=model)


def bar(progress: bool | None, total: int | None = None) -> Any:
    from tqdm import tqdm

    show = sys.stderr.isatty() if progress is None else progress
    return tqdm(total=total, unit="doc", file=sys.stderr, disable=not show, leave=False)


def ticking(items: Iterable[T], bar: Any) -> Iterator[T]:
    """Yield the items, advancing the progress bar by one for each."""
    for item in items:
        bar.update(1)
        yield item


published = click.option(
    "--published",
    callback=iso_date,
    metavar="DATE",
    help="Publication date (YYYY-MM-DD) for every document.",
)
raw = click.option(
    "--raw", is_flag=True, help="No cleaning: article.text is the input byte for byte."
)
workers = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes (default: the machine's cores; an input of up to 32 "
    "documents runs in this process). Records are the same for any N.",
)
progress = click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: when stderr is a terminal).",
)
db = click.option(
    "--db", default=DEFAULT_PATH, show_default=True, metavar="PATH", help="The store."
)
fmt = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)
