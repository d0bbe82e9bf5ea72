"""The bound parameters that statements of several modules share, each defined once.

A statement composed of others' statements (the dashboard's) binds one value per name,
so the owner, the caller's today and the instant of the request must be the same
parameter wherever they appear: they are these objects, and `owner_params` is the one
place that names them in a parameter dict. A parameter of one module only is defined in
that module (e.g. `scoring`'s days, `pipeline_queries`' months).
"""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Integer, bindparam

# The user whose rows a statement reads or writes (`users.id`). Not "user_id": INSERT
# and UPDATE reserve column names for their own parameters.
OWNER = bindparam("owner_id", type_=Integer)
# The owner's local date (`Clock.today` in their time zone).
TODAY = bindparam("today", type_=Date)
# An instant (time-zone aware): the request's "now".
NOW = bindparam("now", type_=DateTime(timezone=True))


def owner_params(
    user_id: int, *, today: date | None = None, now: datetime | None = None
) -> dict[str, Any]:
    """The parameter dict binding `OWNER` to `user_id`, and `TODAY` and `NOW` when given
    (a statement that binds them needs them; extra ones are ignored)."""
    params: dict[str, Any] = {OWNER.key: user_id}
    if today is not None:
        params[TODAY.key] = today
    if now is not None:
        params[NOW.key] = now
    return params
