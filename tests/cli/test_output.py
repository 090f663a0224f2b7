"""Colour and progress: only for a person at a terminal, never in a pipe, in CI or with NO_COLOR."""

from __future__ import annotations

import io

import pytest

from csvlint.cli import output


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert output.wants_color(Terminal())
    assert not output.wants_color(io.StringIO())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not output.wants_color(Terminal())


def test_progress_only_for_big_files_on_a_terminal_outside_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(output.sys, "stderr", Terminal())
    make = output.progress_factory(quiet=False)
    assert make is not None
    assert make("small.csv", 1000) is None
    assert make("big.csv", output.PROGRESS_MIN_BYTES) is not None
    assert output.progress_factory(quiet=True) is None
    monkeypatch.setenv("CI", "true")
    assert output.progress_factory(quiet=False) is None
    monkeypatch.delenv("CI")
    monkeypatch.setattr(output.sys, "stderr", io.StringIO())
    assert output.progress_factory(quiet=False) is None


def test_the_bar_draws_and_clears_itself() -> None:
    screen = Terminal()
    bar = output.ProgressBar("orders.csv", 100 << 20, screen)
    bar(50 << 20)
    assert "orders.csv [###############---------------]  50% 50/100 MiB" in screen.getvalue()
    bar(100 << 20)
    assert screen.getvalue().endswith("\r")


def test_the_bar_shows_a_hostile_name_escaped() -> None:
    screen = Terminal()
    output.ProgressBar("a\x1b]0;pwned\x07\n.csv", 100 << 20, screen)(50 << 20)
    assert "a\\x1b]0;pwned\\x07\\n.csv [" in screen.getvalue()
    assert "\x1b" not in screen.getvalue() and "\n" not in screen.getvalue()
