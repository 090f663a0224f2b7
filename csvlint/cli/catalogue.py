"""`csvlint rules`, `csvlint explain` and `csvlint schema`: what csvlint knows, printed."""

from __future__ import annotations

import json

import click

from csvlint.bundled import NAMES, schema_text
from csvlint.cli.errors import Fatal
from csvlint.rules import UnknownRule, all_rules, find


def rules_markdown() -> str:
    """The rule catalogue as the Markdown table the README shows."""
    lines = [
        "| code | name | severity | blocks Copy ID | what it reports |",
        "|---|---|---|---|---|",
    ]
    for r in all_rules():
        blocks = "yes" if r.blocks_copy_id else "no" if r.on_sample == "never" else "on a sample"
        summary = r.summary().replace("|", "\\|")
        lines.append(f"| {r.code} | {r.name} | {r.severity.value} | {blocks} | {summary} |")
    return "\n".join(lines) + "\n"


@click.command("rules")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="A table for people, JSON for tools, or Markdown for documentation.",
)
def rules_command(fmt: str) -> None:
    """List every rule: code, name, severity, whether it blocks Copy ID, summary."""
    rules = all_rules()
    if fmt == "markdown":
        click.echo(rules_markdown(), nl=False)
        return
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
    blocks = (
        "yes, when an error"
        if found.blocks_copy_id
        else "no"
        if found.on_sample == "never"
        else "on a configuration's sample"
        if found.on_sample == "always"
        else "when an error on a configuration's sample"
    )
    click.echo(f"{found.code} {found.name}")
    click.echo(f"severity: {found.severity.value}; blocks Copy ID: {blocks}")
    click.echo()
    click.echo(found.documentation())


@click.command("schema")
@click.argument("name", type=click.Choice(NAMES))
def schema_command(name: str) -> None:
    """Print a bundled JSON Schema (for editors and other tools)."""
    click.echo(schema_text(name), nl=False)
