"""The nudge inbox's statements, built once (bound: owner_id, now); the dashboard counts
the unread ones on every load."""

from sqlalchemy import bindparam, case, func, or_, select

from app.models import AdminNudge, NudgePriority

# Sorts by meaning (urgent, high, normal, low), which the stored strings do not.
PRIORITY_RANK = case(
    {priority: priority.rank for priority in NudgePriority}, value=AdminNudge.priority
)


# The inbox: the owner's undismissed, unexpired nudges.
IN_INBOX = (
    AdminNudge.user_id == bindparam("owner_id"),
    AdminNudge.dismissed_at.is_(None),
    or_(AdminNudge.expires_at.is_(None), AdminNudge.expires_at > bindparam("now")),
)
UNREAD = AdminNudge.read.is_(False)
COUNT_UNREAD = select(func.count()).where(*IN_INBOX, UNREAD)
INBOX = select(AdminNudge).where(*IN_INBOX)
