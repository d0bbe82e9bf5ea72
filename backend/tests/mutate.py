"""`make mutate`: mutation testing of `app/services` and `app/core/security.py` with
mutmut, on the real test database; prints the score and every mutant not killed.

mutmut (configured in pyproject.toml, `[tool.mutmut]`) copies `app/` into `mutants/`,
runs the suite once to learn which tests call each function, then, for each mutant,
forks and runs only those tests (of `OWN_TESTS` only, for its modules), stopping at the
first failure, within a time limit of 10 times theirs. The migrated template database and one copy of it per child are
built once here (`TEST_DATABASE_TEMPLATE`, `TEST_DATABASE_COPIES`): a child claims a
free copy, as creating and dropping a database costs more than the tests. Results
are kept in `mutants/`: a second run retests only what changed (delete `backend/mutants`
for a full run).

Usage: python -m tests.mutate [--max-children N] [MUTANT_NAME ...] (names, or mutmut's
patterns such as "app.services.users*": retest only those)
Exit status: 0 when the score is at least TARGET_PERCENT, else 1.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests import database

TARGET_PERCENT = 90.0
# Modules that every request (or every app's start) runs: a surviving mutant of one would
# otherwise run the whole suite, for minutes. Their own test files pin their behaviour.
OWN_TESTS = {
    "app.core.security.": ("tests/test_auth.py", "tests/test_config.py"),
    "app.services.users.": ("tests/test_auth.py", "tests/test_me.py", "tests/test_outside_text.py"),
    "app.services.master_admin.rescoring.": ("tests/master_admin/test_scoring_settings.py",),
    "app.services.master_admin.nudge_phrasing.": (
        "tests/master_admin/test_nudge_phrasing.py",
        "tests/master_admin/test_nudges.py",
    ),
}
STATS = Path("mutants/mutmut-cicd-stats.json")


def mutmut(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([str(Path(sys.executable).parent / "mutmut"), *args], check=True, env=env)


def score(stats: dict[str, int]) -> float:
    """mutmut's own measure, in percent: mutants killed (a timeout counts: the tests
    noticed) over mutants tested (a mutant with no test calling its function counts
    as not killed)."""
    tested = stats["total"] - stats["skipped"]
    return 100 * (stats["killed"] + stats["timeout"]) / tested if tested else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 1)
    parser.add_argument("mutants", nargs="*", help="retest only these (mutmut names or patterns)")
    arguments = parser.parse_args()
    children: int = arguments.max_children

    started = time.monotonic()
    server = database.server_url()
    template = database.create_template(server)
    # One spare: a finished child may still hold its copy while the next one starts.
    copies = [database.copy_name(template, number) for number in range(children + 1)]
    try:
        for name in copies:
            database.clone_database(server, template, name)
        mutmut(
            "run",
            f"--max-children={children}",
            *arguments.mutants,
            env=os.environ
            | {database.TEMPLATE_VARIABLE: template, database.COPIES_VARIABLE: str(len(copies))},
        )
    finally:
        for name in [*copies, template]:
            database.drop_database(server, name)
    seconds = time.monotonic() - started

    mutmut("export-cicd-stats")
    stats = json.loads(STATS.read_text())
    print("\nNot killed:", flush=True)
    mutmut("results")
    result = score(stats)
    print(
        f"\nMutation score: {result:.1f}% ({stats['killed']} killed, {stats['timeout']} timed "
        f"out, {stats['survived']} survived, {stats['no_tests']} without tests, "
        f"{stats['suspicious']} suspicious, of {stats['total']}) in {seconds / 60:.1f} min; "
        f"target {TARGET_PERCENT:.0f}%"
    )
    return 0 if result >= TARGET_PERCENT else 1


if __name__ == "__main__":
    sys.exit(main())
