from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class EncodingError(Rule):
    """Bytes that the declared encoding (the configuration's, else UTF-8) cannot decode.

    Pigment decodes the file with the encoding chosen in the import configuration; text that
    does not decode becomes garbage or fails the row. The finding gives the line and column of
    the first bad byte and, when one fits, the encoding that would decode the file.

    Fails: `Jos\\xe9,10` (Latin-1 `é`) in a file declared UTF-8; the hint names windows-1252.
    Passes: `José,10` encoded as UTF-8.
    """

    code = "CSV103"
    name = "encoding-error"
    severity = Severity.ERROR
    # a sample whose dialect differs from the configuration blocks, whatever the severity
    on_sample = "always"

    def check_file(self, facts: FileFacts) -> Violations:
        bad = facts.undecodable
        if bad is None:
            return
        shown = " ".join(f"0x{byte:02X}" for byte in bad.data[:4])
        hint = None
        if facts.fitting_encoding:
            hint = (
                f"the file decodes as {facts.fitting_encoding}: re-export it as {bad.encoding}, "
                f"or declare file.encoding: {facts.fitting_encoding}"
            )
        field = bad.field or None
        header = facts.header
        where = (
            f"field {field} (character {bad.column} of line {bad.line})"
            if field
            else (f"line {bad.line}, character {bad.column}")
        )
        yield Violation(
            f"bytes {shown} in {where} are not valid {bad.encoding}",
            line=bad.line,
            column=field,
            column_name=header.name(field) if header and field and bad.line > header.line else None,
            hint=hint,
        )
