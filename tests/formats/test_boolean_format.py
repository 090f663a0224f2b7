"""Boolean formats: the words for true and false, exactly."""

from __future__ import annotations

import pytest

from csvlint.formats.boolean import BooleanFormat


@pytest.mark.parametrize(
    ("text", "value"),
    [("TRUE", True), ("true", True), ("True", True), ("1", True), ("FALSE", False), ("0", False)],
)
def test_default_words(text: str, value: bool) -> None:
    assert BooleanFormat().parse(text) is value


@pytest.mark.parametrize(
    ("text", "hint"),
    [("yes", ""), ("tRUE", " (case matters)"), (" TRUE", " (remove the surrounding whitespace)")],
)
def test_other_words_are_refused(text: str, hint: str) -> None:
    with pytest.raises(ValueError) as caught:
        BooleanFormat().parse(text)
    assert str(caught.value) == (
        f"{text!r} is not a boolean in this column: expected TRUE, true, True or 1 for true, "
        f"FALSE, false, False or 0 for false{hint}"
    )


def test_configured_words() -> None:
    fmt = BooleanFormat.from_options({"true_values": ["Y"], "false_values": ["N"], "prefix": "$"})
    assert fmt.parse("Y") is True
    assert fmt.parse("N") is False
    with pytest.raises(ValueError, match="expected Y for true, N for false"):
        fmt.parse("TRUE")
    assert fmt == BooleanFormat(("Y",), ("N",))
    assert hash(fmt) == hash(BooleanFormat(("Y",), ("N",)))


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"true_values": "TRUE"}, "must be a list of strings"),
        ({"true_values": [True]}, "must hold strings only"),
        ({"true_values": []}, "true_values is empty"),
        ({"false_values": [""]}, "'' in false_values"),
        ({"true_values": ["1", "Y"], "false_values": ["Y"]}, "Y both true and false"),
    ],
)
def test_bad_words_are_refused(options: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError) as caught:
        BooleanFormat.from_options(options)
    assert problem in str(caught.value)
