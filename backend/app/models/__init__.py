"""Every model, imported so `Base.metadata` knows all tables."""

from app.models.enums import (
    ActivityStatus,
    ActivityType,
    MeetingType,
    NudgePriority,
    NudgeType,
    ProspectStatus,
)
from app.models.master_admin import (
    AdminActivity,
    AdminFocusSession,
    AdminGoal,
    AdminMeeting,
    AdminNudge,
    AdminScore,
)
from app.models.prospect import AdminProspect
from app.models.scoring import ScoringSettings
from app.models.user import User

__all__ = [
    "ActivityStatus",
    "ActivityType",
    "AdminActivity",
    "AdminFocusSession",
    "AdminGoal",
    "AdminMeeting",
    "AdminNudge",
    "AdminProspect",
    "AdminScore",
    "MeetingType",
    "NudgePriority",
    "NudgeType",
    "ProspectStatus",
    "ScoringSettings",
    "User",
]
