"""The README stays true: its rule table is the registry's, and it shows every option."""

from __future__ import annotations

import re
from pathlib import Path

import click

from csvlint.cli import cli
from csvlint.cli.catalogue import rules_markdown

README = Path(__file__).resolve().parents[1] / "README.md"


def _table(text: str) -> str:
    found = re.search(r"<!-- rules:start -->\n(.*?)<!-- rules:end -->", text, re.DOTALL)
    assert found, "the README has no rules table markers"
    return found.group(1)


def test_rule_table_is_generated_from_the_registry() -> None:
    # regenerate with: python -c "import tests.test_readme as t; t.regenerate()"
    assert _table(README.read_text(encoding="utf-8")) == rules_markdown()


def regenerate() -> None:
    """Write the current rule table into the README."""
    text = README.read_text(encoding="utf-8")
    README.write_text(text.replace(_table(text), rules_markdown()), encoding="utf-8")


def _subcommands(group: click.Group) -> list[tuple[str, click.Command]]:
    """Every command of a group, those it imports on first use included."""
    context = click.Context(group)
    found = [(name, group.get_command(context, name)) for name in group.list_commands(context)]
    return [(name, sub) for name, sub in found if sub is not None]


def _options(command: click.Command, prefix: str) -> list[tuple[str, str]]:
    found = []
    if isinstance(command, click.Group):
        for name, sub in _subcommands(command):
            found += _options(sub, f"{prefix} {name}".strip())
    for param in command.params:
        if isinstance(param, click.Option):
            longest = max(param.opts, key=len)
            if longest not in ("--help", "--version", "--verbose"):
                found.append((prefix, longest))
    return found


def test_every_command_and_option_is_in_the_readme() -> None:
    text = README.read_text(encoding="utf-8")
    for name, _ in _subcommands(cli):
        assert f"csvlint {name}" in text, f"the README never shows `csvlint {name}`"
    missing = [f"{where}: {option}" for where, option in _options(cli, "") if option not in text]
    assert not missing, f"options the README does not show: {missing}"


def test_the_two_commands_are_there() -> None:
    text = README.read_text(encoding="utf-8")
    assert "pip install . && .venv/bin/csvlint lint examples/" in text
    assert "pip install -e '.[test]' && .venv/bin/pytest" in text
