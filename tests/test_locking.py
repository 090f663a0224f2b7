"""The save lock: a second holder waits for the first, follows a file replaced by a rename, and
gives up with a clear error after its wait."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest

from csvlint.errors import LockTimeoutError
from csvlint.locking import exclusive

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="no advisory locks on Windows")


def test_a_second_holder_waits_and_follows_the_replaced_file(tmp_path: Path) -> None:
    path = tmp_path / "x.import.yaml"
    path.write_text("first\n", encoding="utf-8")
    seen: list[str] = []

    def second() -> None:
        with exclusive(path):
            seen.append(path.read_text(encoding="utf-8"))

    with exclusive(path):
        waiting = threading.Thread(target=second)
        waiting.start()
        time.sleep(0.1)
        assert seen == []  # still waiting
        replacement = tmp_path / "new"
        replacement.write_text("second\n", encoding="utf-8")
        os.replace(replacement, path)  # what an atomic save does
    waiting.join(5)
    assert seen == ["second\n"]


def test_a_lock_held_too_long_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.import.yaml"
    path.write_text("x\n", encoding="utf-8")
    failed: list[BaseException] = []

    def second() -> None:
        try:
            with exclusive(path, wait=0.1):
                pass
        except LockTimeoutError as error:
            failed.append(error)

    with exclusive(path):
        waiting = threading.Thread(target=second)
        waiting.start()
        waiting.join(5)
    assert [str(e) for e in failed] == [f"{path}: another csvlint is still saving it"]
