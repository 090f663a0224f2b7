"""A lint of many files: each file once, then the checks that look across files."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.csvfile import CsvLinter, Progress
from csvlint.engine.facts import FileFacts
from csvlint.engine.selection import Selection
from csvlint.report import FileResult, Report
from csvlint.rules import ConfigRule, FeedRule, Rule

#: the rule families that judge CSV files (CFG rules judge configurations)
_CSV_FAMILIES = ("CSV", "HDR", "VAL")

#: builds a progress callback for a file of a known size, or None when no progress is shown
ProgressFactory = Callable[[str, int], Progress | None]


@dataclass(frozen=True)
class LintOptions:
    """How to lint: which rules, how many findings to list, when to stop."""

    selection: Selection = field(default_factory=Selection)
    max_per_rule: int = 0
    fail_fast: bool = False
    field_size_limit: int = 1 << 20
    same_header: bool = False
    #: read clean stretches with the native scanner when it is installed (the findings are the
    #: same either way: the exact path reads every record the scanner declines)
    native: bool = True


class Run:
    """One lint over any number of files, sharing one collector and the cross-file checks."""

    def __init__(self, options: LintOptions, progress: ProgressFactory | None = None) -> None:
        self.options = options
        self.progress = progress
        self.collector = Collector(options.selection, options.max_per_rule, options.fail_fast)
        self.files: list[FileResult] = []
        self.contexts: list[FileContext] = []

    def lint_csv(self, context: FileContext, blocks: Iterator[bytes], size: int = 0) -> FileFacts:
        """Lint one CSV given as blocks of bytes; returns what was learnt about it."""
        rules = [
            rule
            for rule in self.options.selection.rules_for(
                context.path,
                context.config is not None,
                # value rules all need a configuration: without one, not even imported
                _CSV_FAMILIES if context.config is not None else _CSV_FAMILIES[:2],
            )
            if not issubclass(rule, (FeedRule, ConfigRule))
        ]
        needs_rows = context.config is not None and any(r.code.startswith("VAL") for r in rules)
        progress = self.progress(context.path, size) if self.progress else None
        linter = CsvLinter(
            context, rules, self.collector, needs_rows, progress, self.options.native
        )
        facts = linter.run(blocks)
        self.contexts.append(context)
        self.files.append(
            FileResult(
                path=context.path,
                kind="csv",
                rows=facts.data_rows if facts.readable else None,
                dialect=facts.dialect if facts.readable else None,
                config=context.config_path,
                header=facts.header.names if facts.header else None,
            )
        )
        return facts

    @property
    def stopped(self) -> bool:
        """True once --fail-fast has seen its first error."""
        return self.collector.stopped

    def report(self) -> Report:
        """Run the cross-file checks and return the report."""
        self._check_feeds()
        return Report.build(self.files, self.collector.findings, self.collector.omitted)

    def _check_feeds(self) -> None:
        feeds: dict[str, list[FileContext]] = {}
        for context in self.contexts:
            if context.sample:
                continue
            if self.options.same_header:
                feeds.setdefault("", []).append(context)
            elif context.config_path is not None:
                feeds.setdefault(context.config_path, []).append(context)
        for members in feeds.values():
            self._judge_feed(members)

    def _judge_feed(self, members: Sequence[FileContext]) -> None:
        if len(members) < 2:
            return
        selection = self.options.selection
        for rule in selection.rules_for(members[0].path, True, ("HDR",)):
            if issubclass(rule, FeedRule):
                judge: Rule = rule(members[0])
                assert isinstance(judge, FeedRule)
                self.collector.add(rule, judge.check_feed(members), members[0].path)
