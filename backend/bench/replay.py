"""The SQL transaction of `POST /activities` as a pgbench script: the statements the
service sends, compiled from the very SQLAlchemy objects it executes, with pgbench
expressions in place of the request's values. `tests/test_bench.py` checks that a POST
sends exactly these statements."""

import re
from typing import Any

from sqlalchemy import make_url
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from app.core.config import DEFAULT_ACTIVITY_WEIGHTS
from app.services.master_admin.scoring import DAYS, LOG_ACTIVITY, rescore_days, rest_params
from app.services.parameters import OWNER
from app.services.users import CLERK_USER_ID, USER_BY_CLERK_ID

# In the order a POST of a done activity sends them (BEGIN and COMMIT aside).
POST_ACTIVITY_STATEMENTS: list[ClauseElement] = [
    USER_BY_CLERK_ID,
    LOG_ACTIVITY,
    rescore_days(tuple(DEFAULT_ACTIVITY_WEIGHTS.items())),
]


def pgbench_constant(value: int | list[int]) -> str:
    """A request value that is the same for every writer, as a pgbench expression."""
    if isinstance(value, list):
        return "ARRAY[" + ", ".join(map(str, value)) + "]"
    return str(value)


# The request's values, as the bench's writers send them (see post_activity.lua).
PGBENCH_VALUES = {
    CLERK_USER_ID.key: "('bench_writer_' || lpad((:uid - :first_writer)::text, 2, '0'))",
    OWNER.key: ":uid",
    "type": "(ARRAY['discovery', 'email', 'video', 'call'])[:kind]",
    "status": "'done'",
    "date": "(:today::date - :back)",
    "amount": ":amount",
    "notes": "'bench'",
    "prospect_id": "NULL",
    DAYS.key: "ARRAY[:today::date - :back]",
    # The bench's writers have no rest days: 7 working days, ARRAY[0, 1, ..., 6] before.
    **{name: pgbench_constant(value) for name, value in rest_params(()).items()},
}

ASYNCPG = make_url("postgresql+asyncpg://").get_dialect()()

HEADER = """\
-- POST /activities' transaction, for one of the bench's writer users: 80% dated today,
-- the rest backfills of the last 30 days. Variables: first_writer, writers, today.
\\set uid random(:first_writer, :first_writer + :writers - 1)
\\set back random(1, 100)
\\set back CASE WHEN :back <= 80 THEN 0 ELSE random(1, 29) END
\\set kind random(1, 4)
\\set amount random(1, 3)
"""


def sql_literal(value: Any) -> str:
    """A constant the statement binds itself (a weight, the score cap, a status)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"no pgbench literal for {value!r}")
    if isinstance(value, int):
        return str(value)
    return "'" + value.replace("'", "''") + "'"


def compile_statement(statement: ClauseElement) -> SQLCompiler:
    """The statement as the app's driver receives it: SQL with $n placeholders."""
    compiled = statement.compile(dialect=ASYNCPG)
    assert isinstance(compiled, SQLCompiler)
    return compiled


def pgbench_sql(statement: ClauseElement) -> str:
    compiled = compile_statement(statement)
    names = compiled.positiontup or []

    def value(placeholder: re.Match[str]) -> str:
        name = names[int(placeholder.group(1)) - 1]
        if name in PGBENCH_VALUES:
            return PGBENCH_VALUES[name]
        return sql_literal(compiled.params[name])

    return re.sub(r"\$(\d+)", value, compiled.string)


def post_activity_script() -> str:
    statements = [pgbench_sql(statement) + ";" for statement in POST_ACTIVITY_STATEMENTS]
    return HEADER + "\n".join(["BEGIN;", *statements, "END;"]) + "\n"
