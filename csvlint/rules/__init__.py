"""The rule catalogue: one module per rule, named after its code and name
(`csv109_ragged_row.py` holds CSV109 `ragged-row`).

Codes and names are a user contract (`rules.md`): a code never changes meaning. Because the
module name says a rule's code and name, selecting rules needs no import; a rule module is
imported only when its family runs (configuration rules only for configurations, value rules
only with a configuration), which keeps start-up short.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterable
from functools import cache

from csvlint.rules.base import ClaimRule, ConfigRule, FeedRule, Rule, Violation

__all__ = [
    "ClaimRule",
    "ConfigRule",
    "FeedRule",
    "Rule",
    "UnknownRule",
    "Violation",
    "all_rules",
    "catalogue",
    "find",
    "resolve",
    "rules_of",
]

_MODULE = re.compile(r"^(?P<family>[a-z]{3})(?P<number>\d{3})_(?P<name>\w+)$")


class UnknownRule(ValueError):
    """A code, prefix or name that matches no rule."""


@cache
def catalogue() -> dict[str, tuple[str, str]]:
    """Every rule's code mapped to its kebab-case name and module, in catalogue order (by
    number: CSV1xx, HDR2xx, VAL3xx, CFG4xx), read from the module names alone."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        parts = _MODULE.match(module.name)
        if parts:
            code = parts["family"].upper() + parts["number"]
            name = parts["name"].replace("_", "-")
            found.append((parts["number"], code, name, f"{__name__}.{module.name}"))
    return {code: (name, module) for _, code, name, module in sorted(found)}


def _load(module: str) -> type[Rule]:
    loaded = importlib.import_module(module)
    classes = [
        value
        for value in vars(loaded).values()
        if isinstance(value, type) and issubclass(value, Rule) and value.__module__ == module
    ]
    if len(classes) != 1:
        raise RuntimeError(f"{module} must define exactly one rule, not {len(classes)}")
    return classes[0]


@cache
def _rule(code: str) -> type[Rule]:
    return _load(catalogue()[code][1])


def rules_of(codes: Iterable[str]) -> tuple[type[Rule], ...]:
    """The rules with these codes, imported on first use, in catalogue order."""
    wanted = set(codes)
    return tuple(_rule(code) for code in catalogue() if code in wanted)


def all_rules() -> tuple[type[Rule], ...]:
    """Every rule, in catalogue order."""
    return rules_of(catalogue())


def find(code_or_name: str) -> type[Rule]:
    """The rule with this code (any case) or kebab-case name."""
    wanted = code_or_name.strip()
    for code, (name, _) in catalogue().items():
        if wanted.upper() == code or wanted.lower() == name:
            return _rule(code)
    raise UnknownRule(f"no rule is called {code_or_name!r}")


def resolve(selectors: Iterable[str]) -> frozenset[str]:
    """The codes a list of selectors means: codes, code prefixes (`CSV1`, `VAL`) or names."""
    codes: set[str] = set()
    for selector in selectors:
        wanted = selector.strip()
        if not wanted:
            continue
        if wanted.upper() == "ALL":
            codes.update(catalogue())
            continue
        matched = [
            code
            for code, (name, _) in catalogue().items()
            if code.startswith(wanted.upper()) or name == wanted.lower()
        ]
        if not matched:
            raise UnknownRule(f"no rule is called {selector!r} (see `csvlint rules`)")
        codes.update(matched)
    return frozenset(codes)
