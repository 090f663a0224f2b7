from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class BomMismatch(Rule):
    """A UTF-8 byte-order mark where `file.encoding` is not `utf-8-sig`, or none where it is.

    Excel and Pigment's own exports write a BOM; many other tools don't. Whether Pigment strips
    it is not documented: if it does not, the BOM is glued to the first header, which then
    matches no column. Under another encoding (`windows-1252`, say), its three bytes are read as
    characters (`ï»¿`) at the start of the first header. Any spelling of the encodings counts
    (`utf_8`, `u8`, `UTF8`). Without a configuration, a BOM is reported as information.

    Fails: `\\xef\\xbb\\xbfOrder ID,Amount` with `file.encoding: utf-8` (or `windows-1252`).
    Passes: the same bytes with `file.encoding: utf-8-sig`.
    """

    code = "CSV104"
    name = "bom-mismatch"
    severity = Severity.WARNING
    # a sample whose dialect differs from the configuration blocks, whatever the severity
    on_sample = "always"

    def check_file(self, facts: FileFacts) -> Violations:
        if not facts.readable:
            return
        declared = self.file.declared
        if declared is None:
            if facts.utf8_bom:
                yield Violation(
                    "the file starts with a UTF-8 byte-order mark",
                    line=1,
                    severity=Severity.INFO,
                    hint="declare file.encoding: utf-8-sig in the import configuration",
                )
        elif facts.utf8_bom and not declared.bom:
            written = self.file.config.file.encoding if self.file.config else declared.encoding
            read_as = "" if declared.encoding == "utf-8" else " (read as characters of the header)"
            yield Violation(
                f"the file starts with a UTF-8 byte-order mark but file.encoding is {written}"
                + read_as,
                line=1,
                hint="declare file.encoding: utf-8-sig, or export without a BOM",
            )
        elif declared.bom and not facts.utf8_bom:
            yield Violation(
                "file.encoding is utf-8-sig but the file has no byte-order mark",
                line=1,
                hint="declare file.encoding: utf-8, or export with a BOM",
            )
