from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules.base import ConfigRule, Violation, Violations


class SchemaError(ConfigRule):
    """The configuration file is not valid YAML/JSON, or does not match the schema.

    `csvlint schema import-config` prints the schema (JSON Schema 2020-12); editors with a YAML
    language server use it to complete and check the file as it is typed. Each violation is
    reported with its JSON pointer and line; nothing else is checked until they are fixed.

    Fails: `file: {delimiter: "|"}` (Pigment offers only `,` and `;`), or an unknown key.
    Passes: `file: {encoding: utf-8, delimiter: ","}`.
    """

    code = "CFG401"
    name = "schema-error"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        for problem in subject.loaded.problems:
            yield Violation(
                problem.message,
                line=problem.line or 1,
                pointer=problem.pointer,
                hint="`csvlint schema import-config` prints the schema",
                guards=True,
            )
