"""Every model, imported so `Base.metadata` knows all tables."""

from app.models.deal import (
    AdminDeal,
    AdminDealStageChange,
    AdminPipelineBucket,
    AdminPipelineTotals,
)
from app.models.enums import (
    ActivityStatus,
    ActivityType,
    DealStage,
    MeetingType,
    NudgePriority,
    NudgeType,
    ProspectStatus,
)
from app.models.idempotency import IdempotencyKey
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
    "AdminDeal",
    "AdminDealStageChange",
    "AdminFocusSession",
    "AdminGoal",
    "AdminMeeting",
    "AdminNudge",
    "AdminPipelineBucket",
    "AdminPipelineTotals",
    "AdminProspect",
    "AdminScore",
    "DealStage",
    "IdempotencyKey",
    "MeetingType",
    "NudgePriority",
    "NudgeType",
    "ProspectStatus",
    "ScoringSettings",
    "User",
]
