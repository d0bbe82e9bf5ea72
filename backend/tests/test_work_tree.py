"""`make test` leaves the work tree as it found it: whatever the test tools write there
by default is ignored by git."""

import subprocess
from pathlib import Path

import pytest
from schemathesis.config._report import DEFAULT_REPORT_DIRECTORY
from schemathesis.core.storage import DEFAULT_ROOT

BACKEND = Path(__file__).resolve().parents[1]

# Each tool's default, relative to where `make test` runs it (backend/); a directory's
# name ends with "/".
TOOL_OUTPUTS = [
    f"{DEFAULT_ROOT}/",  # Schemathesis' cache and crash reports
    f"{DEFAULT_REPORT_DIRECTORY.name}/",  # Schemathesis' reports
    ".hypothesis/",  # Hypothesis' example database
    ".pytest_cache/",
    ".coverage",
    ".coverage.worker-1",  # coverage's parallel data files
    "htmlcov/",
    ".mypy_cache/",
    ".ruff_cache/",
]


def ignored_by_git(paths: list[str]) -> set[str]:
    checked = subprocess.run(
        ["git", "check-ignore", "--no-index", *paths],
        cwd=BACKEND,
        capture_output=True,
        text=True,
        check=False,
    )
    if checked.returncode == 128:
        pytest.skip(f"not a git work tree: {checked.stderr.strip()}")
    return set(checked.stdout.split())


def test_every_test_tool_output_is_ignored() -> None:
    assert ignored_by_git(TOOL_OUTPUTS) == set(TOOL_OUTPUTS)


def test_the_check_can_fail() -> None:
    assert ignored_by_git(["app/main.py", ".mypy_cache/"]) == {".mypy_cache/"}
