"""`csvlint rules`, `csvlint explain` and `csvlint schema`: what csvlint knows, printed."""

from __future__ import annotations

import json

import click

from csvlint.bundled import NAMES, schema_text
from csvlint.cli.errors import Fatal
from csvlint.rules import Rule, UnknownRule, all_rules, find


def severity_text(rule: type[Rule]) -> str:
    """The rule's default severity, and its severity under `config verify` and `config id`
    where that differs: `info (error on verify)`."""
    if rule.on_verify is not None and rule.on_verify is not rule.severity:
        return f"{rule.severity.value} ({rule.on_verify.value} on verify)"
    return rule.severity.value


def rules_markdown() -> str:
    """The rule catalogue as the Markdown table the README shows."""
    lines = [
        "| code | name | severity | blocks Copy ID | what it reports |",
        "|---|---|---|---|---|",
    ]
    for r in all_rules():
        summary = r.summary().replace("|", "\\|")
        lines.append(
            f"| {r.code} | {r.name} | {severity_text(r)} | {r.copy_id_gate()} | {summary} |"
        )
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
                "severity_on_verify": (r.on_verify or r.severity).value,
                "blocks_copy_id": r.copy_id_gate() != "no",
                "blocks_copy_id_when": r.copy_id_gate(),
                "needs_config": r.needs_config,
                "summary": r.summary(),
            }
            for r in rules
        ]
        click.echo(json.dumps(data, indent=2))
        return
    click.echo(f"{'code':<8}{'name':<29}{'severity':<26}{'blocks Copy ID':<15} summary")
    for r in rules:
        click.echo(
            f"{r.code:<8}{r.name:<29}{severity_text(r):<26}{r.copy_id_gate():<15} {r.summary()}"
        )


@click.command("explain")
@click.argument("rule")
def explain_command(rule: str) -> None:
    """Print one rule's documentation (by code or name)."""
    try:
        found = find(rule)
    except UnknownRule as exc:
        raise Fatal(f"{exc}; `csvlint rules` lists them") from None
    click.echo(f"{found.code} {found.name}")
    click.echo(f"severity: {severity_text(found)}; blocks Copy ID: {found.copy_id_gate()}")
    click.echo()
    click.echo(found.documentation())


@click.command("schema")
@click.argument("name", type=click.Choice(NAMES))
def schema_command(name: str) -> None:
    """Print a bundled JSON Schema (for editors and other tools)."""
    click.echo(schema_text(name), nl=False)
