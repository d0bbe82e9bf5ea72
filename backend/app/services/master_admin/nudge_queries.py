"""The nudge inbox's statements, built once (bound: the shared `OWNER` and `NOW`, see
`inbox_params`); the dashboard counts the unread ones on every load."""

from datetime import datetime
from typing import Any

from sqlalchemy import case, func, or_, select

from app.models import AdminNudge, NudgePriority
from app.services.parameters import NOW, OWNER, owner_params

# Sorts by meaning (urgent, high, normal, low), which the stored strings do not.
PRIORITY_RANK = case(
    {priority: priority.rank for priority in NudgePriority}, value=AdminNudge.priority
)


# The inbox: the owner's undismissed, unexpired nudges.
IN_INBOX = (
    AdminNudge.user_id == OWNER,
    AdminNudge.dismissed_at.is_(None),
    or_(AdminNudge.expires_at.is_(None), AdminNudge.expires_at > NOW),
)
UNREAD = AdminNudge.read.is_(False)
COUNT_UNREAD = select(func.count()).where(*IN_INBOX, UNREAD)
INBOX = select(AdminNudge).where(*IN_INBOX)


def inbox_params(user_id: int, now: datetime) -> dict[str, Any]:
    """`INBOX`'s and `COUNT_UNREAD`'s parameters: the user's inbox as of the instant `now`
    (time-zone aware; a nudge expiring at or before it is out)."""
    return owner_params(user_id, now=now)
