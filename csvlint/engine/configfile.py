"""What the configuration rules judge: a configuration file, read, beside what its sample showed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from csvlint.engine.context import FileContext
from csvlint.engine.facts import FileFacts

if TYPE_CHECKING:
    from csvlint.config.load import LoadedConfig
    from csvlint.config.model import ImportConfig


@dataclass
class ConfigSubject:
    """One configuration file under check.

    `shown` is its path as reports show it; `root` the project folder its sample must stay in.
    `sample_problem` says why the sample could not be read (CFG410), else `sample` and
    `sample_facts` hold what linting it learnt. `verifying` is true for `config verify` and
    `config id`, where a draft blocks.
    """

    loaded: LoadedConfig
    shown: str
    root: Path
    sample_shown: str | None = None
    sample_problem: str | None = None
    sample: FileContext | None = None
    sample_facts: FileFacts | None = None
    verifying: bool = False
    #: false for a configuration read only to compare IDs: no finding is reported on it
    checked: bool = True

    @property
    def config(self) -> ImportConfig | None:
        """The configuration's model, None when the file has CFG401 problems."""
        return self.loaded.config

    @property
    def sample_header(self) -> tuple[str, ...] | None:
        """The sample's header, when the sample was read and has one."""
        if self.sample_facts is None or self.sample_facts.header is None:
            return None
        return self.sample_facts.header.names
