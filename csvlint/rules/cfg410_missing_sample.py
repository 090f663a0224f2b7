from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class MissingSample(ConfigRule):
    """`sample` is missing, unreadable, not a CSV file, or outside the project.

    The sample is the evidence the configuration was built from: without it, nothing shows the
    configuration fits a real extract. A sample outside the project is not read at all.

    Fails: `sample: ../../elsewhere/e.csv`, or a sample that was deleted.
    Passes: `sample: samples/employees.csv`, committed beside the configuration.
    """

    code = "CFG410"
    name = "missing-sample"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None or subject.sample_problem is None:
            return
        pointer = "/sample" if config.sample is not None else ""
        yield at(
            config,
            pointer,
            subject.sample_problem,
            hint="commit the sample extract the configuration was built from, and point "
            "`sample` at it (relative to the configuration file)",
        )
