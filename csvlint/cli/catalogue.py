"""`csvlint rules`, `csvlint explain` and `csvlint schema`: what csvlint knows, printed."""

from __future__ import annotations

import json

import click

from csvlint.bundled import NAMES, schema_text
from csvlint.cli.errors import Fatal
from csvlint.rules import UnknownRule, all_rules, find


@click.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="A table for people, or JSON for tools.",
)
def rules_command(fmt: str) -> None:
    """List every rule: code, name, severity, whether it blocks Copy ID, summary."""
    rules = all_rules()
    if fmt == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "blocks_copy_id": r.blocks_copy_id,
                "needs_config": r.needs_config,
                "summary": r.summary(),
            }
            for r in rules
        ]
        click.echo(json.dumps(data, indent=2))
        return
    for r in rules:
        blocks = "blocks Copy ID" if r.blocks_copy_id else ""
        click.echo(f"{r.code}  {r.name:<28} {r.severity.value:<8} {blocks:<15} {r.summary()}")


@click.command("explain")
@click.argument("rule")
def explain_command(rule: str) -> None:
    """Print one rule's documentation (by code or name)."""
    try:
        found = find(rule)
    except UnknownRule as exc:
        raise Fatal(f"{exc}; `csvlint rules` lists them") from None
    blocks = "yes, when an error" if found.blocks_copy_id else "no (except on a sample)"
    click.echo(f"{found.code} {found.name}")
    click.echo(f"severity: {found.severity.value}; blocks Copy ID: {blocks}")
    click.echo()
    click.echo(found.documentation())


@click.command("schema")
@click.argument("name", type=click.Choice(NAMES))
def schema_command(name: str) -> None:
    """Print a bundled JSON Schema (for editors and other tools)."""
    click.echo(schema_text(name), nl=False)
