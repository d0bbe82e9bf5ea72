"""Enumerations shared by the models (stored as strings with CHECKs) and the schemas."""

from enum import StrEnum


class ActivityType(StrEnum):
    DISCOVERY = "discovery"
    EMAIL = "email"
    VIDEO = "video"
    CALL = "call"


class ActivityStatus(StrEnum):
    DONE = "done"
    PENDING = "pending"
    CANCELLED = "cancelled"


class NudgeType(StrEnum):
    REMINDER = "reminder"
    SUGGESTION = "suggestion"
    ALERT = "alert"
    CELEBRATION = "celebration"


class NudgePriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"

    @property
    def rank(self) -> int:
        """Higher is more pressing; used to sort by meaning, not alphabetically."""
        return list(NudgePriority).index(self)


class MeetingType(StrEnum):
    DISCOVERY = "discovery"
    DEMO = "demo"
    NEGOTIATION = "negotiation"
    CLOSING = "closing"


class ProspectStatus(StrEnum):
    NEW = "new"
    QUALIFIED = "qualified"
    ENGAGED = "engaged"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSED_WON = "closed_won"
    CLOSED_LOST = "closed_lost"


class DealStage(StrEnum):
    """In pipeline order: the five open stages, then the two closed ones."""

    DISCOVERY = "discovery"
    QUALIFICATION = "qualification"
    PROPOSAL = "proposal"
    NEGOTIATION = "negotiation"
    CLOSING = "closing"
    WON = "won"
    LOST = "lost"

    @property
    def is_closed(self) -> bool:
        return self in CLOSED_STAGES

    @property
    def default_probability(self) -> int:
        """The chance of winning a deal at this stage, in percent."""
        return STAGE_PROBABILITIES[self]


CLOSED_STAGES = frozenset({DealStage.WON, DealStage.LOST})
OPEN_STAGES = tuple(stage for stage in DealStage if stage not in CLOSED_STAGES)
STAGE_PROBABILITIES = {
    DealStage.DISCOVERY: 10,
    DealStage.QUALIFICATION: 20,
    DealStage.PROPOSAL: 40,
    DealStage.NEGOTIATION: 60,
    DealStage.CLOSING: 80,
    DealStage.WON: 100,
    DealStage.LOST: 0,
}
