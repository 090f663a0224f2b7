"""Number formats: the parser, the formatter and the regex agree on one grammar."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from csvlint.formats.number import (
    DECIMAL_SEPARATORS,
    THOUSANDS_SEPARATORS,
    NumberFormat,
    format_number,
    is_integral,
    number_pattern,
    parse_integer,
    parse_number,
    whole_number_pattern,
)

SEPARATOR_PAIRS = [(d, t) for d in DECIMAL_SEPARATORS for t in THOUSANDS_SEPARATORS if d != t]
PREFIXES = ["", "$", "€", "USD ", "R$ ", "'", "£"]
SUFFIXES = ["", "K", " EUR", "%", " K", "'"]
# Letters that no prefix or suffix above contains: inserting one always breaks a value.
FOREIGN_LETTERS = "qxzQ"


def _valid_format(pair: tuple[str, str], prefix: str, suffix: str, percent: bool) -> bool:
    try:
        NumberFormat(pair[0], pair[1], prefix, suffix, percent)
    except ValueError:
        return False
    return True


number_formats = (
    st.tuples(
        st.sampled_from(SEPARATOR_PAIRS),
        st.sampled_from(PREFIXES),
        st.sampled_from(SUFFIXES),
        st.booleans(),
    )
    .filter(lambda args: _valid_format(*args))
    .map(lambda args: NumberFormat(args[0][0], args[0][1], args[1], args[2], args[3]))
)


@st.composite
def decimals(draw: st.DrawFn) -> Decimal:
    """Finite decimals with 0 to 6 places, small and large."""
    digits = draw(st.integers(min_value=-(10**15), max_value=10**15))
    places = draw(st.integers(min_value=0, max_value=6))
    return Decimal(digits).scaleb(-places)


def accepts(text: str, fmt: NumberFormat) -> bool:
    try:
        parse_number(text, fmt)
    except ValueError:
        return False
    return True


def regex_accepts(text: str, fmt: NumberFormat) -> bool:
    return re.fullmatch(number_pattern(fmt), text) is not None


def assert_agree(text: str, fmt: NumberFormat) -> None:
    """The regex matches exactly what the parser accepts, also for whole numbers."""
    parsed = accepts(text, fmt)
    assert regex_accepts(text, fmt) == parsed, (text, fmt)
    whole = parsed and is_integral(parse_number(text, fmt))
    assert (re.fullmatch(whole_number_pattern(fmt), text) is not None) == whole, (text, fmt)


@settings(max_examples=300, deadline=None)
@given(value=decimals(), fmt=number_formats, grouped=st.booleans())
def test_every_written_number_reads_back(value: Decimal, fmt: NumberFormat, grouped: bool) -> None:
    text = format_number(value, fmt, grouped)
    assert parse_number(text, fmt) == value
    assert parse_integer(text, fmt) == value
    assert regex_accepts(text, fmt)
    assert_agree(text, fmt)


@settings(max_examples=300, deadline=None)
@given(
    value=decimals(),
    fmt=number_formats,
    grouped=st.booleans(),
    data=st.data(),
)
def test_a_foreign_letter_breaks_a_number(
    value: Decimal, fmt: NumberFormat, grouped: bool, data: st.DataObject
) -> None:
    text = format_number(value, fmt, grouped)
    at = data.draw(st.integers(min_value=0, max_value=len(text)))
    letter = data.draw(st.sampled_from(FOREIGN_LETTERS))
    mutated = text[:at] + letter + text[at:]
    assert not accepts(mutated, fmt)
    assert_agree(mutated, fmt)


@settings(max_examples=200, deadline=None)
@given(value=decimals(), fmt=number_formats, grouped=st.booleans(), data=st.data())
def test_a_wrong_decimal_separator_breaks_a_number(
    value: Decimal, fmt: NumberFormat, grouped: bool, data: st.DataObject
) -> None:
    text = format_number(value, fmt, grouped)
    if fmt.decimal_separator not in text:
        return
    others = [c for c in ".,' " if c not in (fmt.decimal_separator, fmt.thousands_separator)]
    wrong = data.draw(st.sampled_from(others))
    at = text.rindex(fmt.decimal_separator)
    mutated = text[:at] + wrong + text[at + 1 :]
    assert not accepts(mutated, fmt)
    assert_agree(mutated, fmt)


@settings(max_examples=200, deadline=None)
@given(
    value=st.integers(min_value=1000, max_value=10**15),
    fmt=number_formats.filter(lambda f: f.thousands_separator != ""),
    data=st.data(),
)
def test_a_bad_grouping_breaks_a_number(value: int, fmt: NumberFormat, data: st.DataObject) -> None:
    text = format_number(Decimal(value), fmt, grouped=True)
    sep = fmt.thousands_separator
    body_start = len(fmt.prefix)
    positions = [i for i, c in enumerate(text) if c == sep and i > body_start]
    positions = [i for i in positions if text[i - 1].isdigit() and text[i + 1 : i + 2].isdigit()]
    at = data.draw(st.sampled_from(positions))
    how = data.draw(st.sampled_from(["drop-digit", "move-left", "move-right", "double"]))
    if how == "drop-digit":
        mutated = text[: at + 1] + text[at + 2 :]
    elif how == "move-left":
        mutated = text[: at - 1] + sep + text[at - 1] + text[at + 1 :]
    elif how == "move-right":
        mutated = text[:at] + text[at + 1] + sep + text[at + 2 :]
    else:
        mutated = text[:at] + sep + text[at:]
    assert not accepts(mutated, fmt), mutated
    assert_agree(mutated, fmt)


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="0123456789.,' -+$%KEUR€q", max_size=14), fmt=number_formats)
@example(text="-$-5", fmt=NumberFormat(prefix="$"))
@example(text="5%%", fmt=NumberFormat(percent=True))
@example(text="R$ 1 234", fmt=NumberFormat(",", " ", prefix="R$ "))
@example(text="1 234 K", fmt=NumberFormat(",", " ", suffix=" K"))
def test_regex_and_parser_agree_on_any_text(text: str, fmt: NumberFormat) -> None:
    assert_agree(text, fmt)


@settings(max_examples=100, deadline=None)
@given(text=st.text(max_size=20), fmt=number_formats)
def test_any_text_is_a_number_or_a_value_error(text: str, fmt: NumberFormat) -> None:
    try:
        parse_number(text, fmt)
    except ValueError as error:
        assert "is not a number under this column's format" in str(error)
    assert_agree(text, fmt)


GROUPED_DOLLARS = NumberFormat(".", ",", prefix="$")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1234567", "1234567"),
        ("1,234,567", "1234567"),
        ("-$5", "-5"),
        ("$-5", "-5"),
        ("+5", "5"),
        ("$5", "5"),
        ("5", "5"),
        (".5", "0.5"),
        ("-.5", "-0.5"),
        ("0.50", "0.50"),
        ("007", "7"),
        ("001,234", "1234"),
        ("$1,234.50", "1234.50"),
    ],
)
def test_accepted_numbers(text: str, value: str) -> None:
    assert parse_number(text, GROUPED_DOLLARS) == Decimal(value)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12,34", "digit groups after a thousands separator must have 3 digits"),
        ("1,23,456", "digit groups after a thousands separator must have 3 digits"),
        ("1234,567", "the first digit group before a thousands separator has more than 3 digits"),
        ("5.", 'the decimal separator "." must be followed by digits'),
        ("1.2.3", 'it has more than one decimal separator "."'),
        ("90.063,12", 'a thousands separator "," comes after the decimal separator "."'),
        ("1e5", 'it contains "e", which this format does not allow here'),
        ("NaN", "it must start with a sign, a digit or the prefix"),
        ("(5)", "it must start with a sign, a digit or the prefix"),
        ("\u22125", "it must start with a sign, a digit or the prefix"),
        ("\u0663", "is not an ASCII digit"),
        (" 5", "it has leading or trailing whitespace"),
        ("5 ", "it has leading or trailing whitespace"),
        ("5%", '"%" is not allowed: this column is not a percent'),
        ("-$-5", "it has more than one sign"),
        ("5-", "a sign must come first, or right after the prefix"),
        ("$", "it has no digits"),
        (",234", 'it starts with the thousands separator ","'),
        ("1 234", '" " is not a separator of this format (decimal ".", thousands ",")'),
        ("1\t234", "it contains the whitespace '\\t'"),
        ("", "it is blank"),
    ],
)
def test_rejected_numbers_say_why(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match="is not a number under this column's format") as caught:
        parse_number(text, GROUPED_DOLLARS)
    assert reason in str(caught.value)
    assert not regex_accepts(text, GROUPED_DOLLARS)


def test_the_message_names_the_value_the_format_and_the_reason() -> None:
    with pytest.raises(ValueError) as caught:
        parse_number("12,34", NumberFormat(".", ","))
    assert str(caught.value) == (
        '\'12,34\' is not a number under this column\'s format (decimal ".", thousands ","): '
        "digit groups after a thousands separator must have 3 digits"
    )


def test_an_integer_column_speaks_of_integers() -> None:
    with pytest.raises(ValueError, match="'12a' is not an integer under this column's format"):
        parse_integer("12a", NumberFormat())
    assert parse_integer("12.5", NumberFormat()) == Decimal("12.5")


def test_percent_sign_is_optional_and_the_value_is_as_written() -> None:
    fmt = NumberFormat(percent=True)
    assert parse_number("1.8%", fmt) == parse_number("1.8", fmt) == Decimal("1.8")
    assert fmt.scale(Decimal("1.8")) == Decimal("0.018")
    assert not accepts("1.8%%", fmt)


def test_the_multiplier_scales_but_does_not_change_validity() -> None:
    fmt = NumberFormat(multiplier=1000.0)
    assert parse_number("1.5", fmt) == Decimal("1.5")
    assert fmt.scale(Decimal("1.5")) == Decimal("1500")
    assert number_pattern(fmt) == number_pattern(NumberFormat())


def test_a_decimal_comma_format_reads_european_numbers() -> None:
    fmt = NumberFormat(",", ".")
    assert parse_number("90.063,12", fmt) == Decimal("90063.12")
    assert parse_number("$600,10", NumberFormat(",", prefix="$")) == Decimal("600.10")
    assert parse_number("1,8%", NumberFormat(",", percent=True)) == Decimal("1.8")


def test_formatting_groups_by_threes() -> None:
    fmt = NumberFormat(",", ".", prefix="$", suffix=" K")
    assert format_number(Decimal("-1234567.5"), fmt, grouped=True) == "-$1.234.567,5 K"
    assert format_number(Decimal("-1234567.5"), fmt) == "-$1234567,5 K"
    assert format_number(Decimal("1E+3"), NumberFormat(".", ","), grouped=True) == "1,000"
    with pytest.raises(ValueError):
        format_number(Decimal("NaN"), fmt)


def test_is_integral() -> None:
    assert is_integral(Decimal("12"))
    assert is_integral(Decimal("12.00"))
    assert is_integral(Decimal("-0"))
    assert not is_integral(Decimal("12.5"))


@pytest.mark.parametrize(
    ("kwargs", "problem"),
    [
        ({"decimal_separator": ";"}, "decimal separator"),
        ({"thousands_separator": "_"}, "thousands separator"),
        ({"decimal_separator": ",", "thousands_separator": ","}, "must differ"),
        ({"prefix": "1$"}, "the prefix '1$' may not contain '1'"),
        ({"suffix": "-"}, "may not contain"),
        ({"suffix": ".K"}, "may not contain '.'"),
        ({"prefix": " $"}, "may not start"),
        ({"suffix": "K "}, "may not end"),
        ({"suffix": "%", "percent": True}, "may not contain %"),
        ({"multiplier": 0.0}, "multiplier"),
        ({"multiplier": float("nan")}, "multiplier"),
    ],
)
def test_an_ambiguous_format_is_refused(kwargs: dict[str, object], problem: str) -> None:
    with pytest.raises(ValueError, match="invalid number format") as caught:
        NumberFormat(**kwargs)  # type: ignore[arg-type]
    assert problem in str(caught.value)


def test_from_options_reads_configuration_keys_and_ignores_others() -> None:
    fmt = NumberFormat.from_options(
        {"decimal_separator": ",", "thousands_separator": ".", "prefix": "$", "date_format": "x"}
    )
    assert fmt == NumberFormat(",", ".", prefix="$")
    assert NumberFormat.from_options({"multiplier": 1000}).multiplier == 1000.0
    with pytest.raises(ValueError, match="prefix must be a string"):
        NumberFormat.from_options({"prefix": 5})
    with pytest.raises(ValueError, match="percent must be true or false"):
        NumberFormat.from_options({"percent": "yes"})
    with pytest.raises(ValueError, match="multiplier must be a number"):
        NumberFormat.from_options({"multiplier": True})


def test_describe() -> None:
    assert NumberFormat().describe() == 'decimal ".", no thousands separator'
    assert (
        NumberFormat(",", " ", "$", "K", percent=True).describe()
        == 'decimal ",", thousands " ", prefix "$", suffix "K", percent'
    )
