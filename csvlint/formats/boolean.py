"""Pigment booleans: the words a column writes for true and for false.

A value is valid when it is exactly one of the words (case and whitespace matter); a blank value
is a blank boolean, which callers deal with before asking.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from csvlint.formats import quote_value

DEFAULT_TRUE_VALUES = ("TRUE", "true", "True", "1")
DEFAULT_FALSE_VALUES = ("FALSE", "false", "False", "0")


@dataclass(frozen=True, slots=True)
class BooleanFormat:
    """The words for true and for false (`formats.true_values` / `false_values`)."""

    true_values: tuple[str, ...] = field(default=DEFAULT_TRUE_VALUES)
    false_values: tuple[str, ...] = field(default=DEFAULT_FALSE_VALUES)

    def __post_init__(self) -> None:
        # Accept any sequence (a configuration gives lists) but keep the format hashable.
        object.__setattr__(self, "true_values", tuple(self.true_values))
        object.__setattr__(self, "false_values", tuple(self.false_values))
        for name, words in (("true_values", self.true_values), ("false_values", self.false_values)):
            if not words:
                raise ValueError(f"invalid boolean format: {name} is empty")
            for word in words:
                if not isinstance(word, str) or not word or "\x00" in word:
                    raise ValueError(f"invalid boolean format: {word!r} in {name}")
        both = sorted(set(self.true_values) & set(self.false_values))
        if both:
            raise ValueError(f"invalid boolean format: {', '.join(both)} both true and false")

    @classmethod
    def from_options(cls, options: Mapping[str, object]) -> BooleanFormat:
        """The format from configuration options `true_values` and `false_values` (lists of
        strings; the defaults when absent or None); other keys are ignored."""
        words: dict[str, tuple[str, ...]] = {}
        for key, default in (
            ("true_values", DEFAULT_TRUE_VALUES),
            ("false_values", DEFAULT_FALSE_VALUES),
        ):
            value = options.get(key)
            value = default if value is None else value
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise ValueError(f"boolean option {key} must be a list of strings, not {value!r}")
            if not all(isinstance(word, str) for word in value):
                raise ValueError(f"boolean option {key} must hold strings only: {value!r}")
            words[key] = tuple(str(word) for word in value)
        return cls(words["true_values"], words["false_values"])

    def parse(self, text: str) -> bool:
        """True or False for one of the words; `ValueError` with a user-facing message else."""
        if text in self.true_values:
            return True
        if text in self.false_values:
            return False
        raise ValueError(
            f"{quote_value(text)} is not a boolean in this column: expected "
            f"{_either(self.true_values)} for true, {_either(self.false_values)} for false"
            f"{self._hint(text)}"
        )

    def _hint(self, text: str) -> str:
        words = self.true_values + self.false_values
        if text.strip() in words:
            return " (remove the surrounding whitespace)"
        if any(text.casefold() == word.casefold() for word in words):
            return " (case matters)"
        return ""


def _either(words: tuple[str, ...]) -> str:
    if len(words) == 1:
        return words[0]
    return ", ".join(words[:-1]) + " or " + words[-1]
