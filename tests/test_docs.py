"""The README documents every CLI command and option (fails when one is added
without documentation)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from reportedly.cli import main
from reportedly.settings import VARIABLES

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, click.Command]]:
    return sorted(main.commands.items())


def test_readme_opens_with_the_two_commands() -> None:
    head = README[: README.find("## Use")]
    assert "make run" in head and "make test" in head


@pytest.mark.parametrize(("name", "cmd"), _commands())
def test_every_command_is_documented(name: str, cmd: click.Command) -> None:
    assert f"reportedly {name}" in README or f"`{name}`" in README


@pytest.mark.parametrize(
    ("name", "opt"),
    [
        (name, opt)
        for name, cmd in _commands()
        for p in cmd.params
        if isinstance(p, click.Option)
        for opt in p.opts
        if opt.startswith("--")
    ],
)
def test_every_option_is_documented(name: str, opt: str) -> None:
    assert f"`{opt}" in README or f" {opt}" in README, f"{name} {opt} not in README"


@pytest.mark.parametrize(("name", "cmd"), _commands())
def test_every_command_help_has_an_example(name: str, cmd: click.Command) -> None:
    assert "Example:" in (cmd.help or ""), f"'{name}' help lacks an Example:"


@pytest.mark.parametrize("name", VARIABLES)
def test_every_setting_is_documented(name: str) -> None:
    assert f"`{name}`" in README, f"{name} not in README"
