"""The one rule for text that comes from outside a request body (token claims, headers,
settings, the AI's replies), applied where it enters, before it is stored or echoed.

Request bodies have their own: Pydantic refuses lone surrogates in JSON, and the
schemas refuse NUL. Text from elsewhere may carry either (a JSON escape such as
`\\ud83d`, an undecodable byte of the environment), and PostgreSQL refuses both: stored
as they come, they would turn every request that writes them into a 500.
"""

import re

# NUL, and the surrogates, which are code points but not Unicode scalar values: a lone
# one cannot be encoded in UTF-8, and a pair inside a Python str is two code points.
NOT_TEXT = re.compile("[\x00\ud800-\udfff]")


def outside_text(value: object, *, max_length: int) -> str | None:
    """`value` when it is a str of 1..`max_length` Unicode scalar values without NUL;
    None for anything else (not a str, empty, too long, or not text)."""
    if isinstance(value, str) and 0 < len(value) <= max_length and not NOT_TEXT.search(value):
        return value
    return None
