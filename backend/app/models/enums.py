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
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    WON = "won"
    LOST = "lost"
