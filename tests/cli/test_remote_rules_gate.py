"""What `csvlint rules` and `explain` say of the Pigment rules matches what `pigment verify`
does: they never run on a sample, so none of them is said to block "on a sample"."""

from __future__ import annotations

import json

from click.testing import CliRunner

from csvlint.cli import cli


def test_no_pigment_rule_claims_to_block_on_a_sample() -> None:
    result = CliRunner().invoke(cli, ["rules", "--format", "json"])
    rules = {rule["code"]: rule for rule in json.loads(result.stdout)}
    gates = {code: rules[code]["blocks_copy_id_when"] for code in rules if code.startswith("PGM")}
    assert gates == {
        "PGM501": "yes",
        "PGM502": "yes",
        "PGM503": "yes",
        "PGM504": "yes",
        "PGM505": "yes",
        "PGM506": "no",
        "PGM507": "no",
    }
    explained = CliRunner().invoke(cli, ["explain", "not-verifiable"]).stdout
    assert "blocks Copy ID: no" in explained, explained
