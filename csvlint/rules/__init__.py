"""The rule catalogue: one module per rule, found by its file name (`csv109_ragged_row.py`).

Codes and names are a user contract (`rules.md`): a code never changes meaning.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from functools import cache

from csvlint.rules.base import ConfigRule, FeedRule, Rule, Violation

__all__ = [
    "ConfigRule",
    "FeedRule",
    "Rule",
    "UnknownRule",
    "Violation",
    "all_rules",
    "find",
    "resolve",
]

_MODULE = re.compile(r"^[a-z]{3}\d{3}_\w+$")


class UnknownRule(ValueError):
    """A code, prefix or name that matches no rule."""


@cache
def all_rules() -> tuple[type[Rule], ...]:
    """Every rule, in catalogue order."""
    found: list[type[Rule]] = []
    for module in pkgutil.iter_modules(__path__):
        if not _MODULE.match(module.name):
            continue
        loaded = importlib.import_module(f"{__name__}.{module.name}")
        for value in vars(loaded).values():
            if (
                isinstance(value, type)
                and issubclass(value, Rule)
                and value.__module__ == loaded.__name__
            ):
                found.append(value)
    # by number, so the families come in catalogue order: CSV1xx, HDR2xx, VAL3xx, CFG4xx
    return tuple(sorted(found, key=lambda rule: (rule.code[3:], rule.code)))


def find(code_or_name: str) -> type[Rule]:
    """The rule with this code (any case) or kebab-case name."""
    wanted = code_or_name.strip()
    for rule in all_rules():
        if wanted.upper() == rule.code or wanted.lower() == rule.name:
            return rule
    raise UnknownRule(f"no rule is called {code_or_name!r}")


def resolve(selectors: Iterable[str]) -> frozenset[str]:
    """The codes a list of selectors means: codes, code prefixes (`CSV1`, `VAL`) or names."""
    codes: set[str] = set()
    for selector in selectors:
        wanted = selector.strip()
        if not wanted:
            continue
        if wanted.upper() == "ALL":
            codes.update(rule.code for rule in all_rules())
            continue
        matched = [
            rule.code
            for rule in all_rules()
            if rule.code.startswith(wanted.upper()) or rule.name == wanted.lower()
        ]
        if not matched:
            raise UnknownRule(f"no rule is called {selector!r} (see `csvlint rules`)")
        codes.update(matched)
    return frozenset(codes)
