"""The nudge rules: pure functions from the founder's situation to nudge drafts.

Every draft carries a `rule_key` naming its rule and period (the local day, or the week
for celebrations); the database keeps one nudge per user and key, which is what makes a
rule fire at most once per period.
"""

from dataclasses import dataclass, field
from datetime import date, time

from app.models.enums import ActivityType, NudgePriority, NudgeType
from app.schemas.master_admin.progress import ActivityTypeProgress, WeeklyProgressResponse

FOCUS_DEADLINE = time(14)
STREAK_DEADLINE = time(17)
STREAK_WORTH_SAVING = 2

NO_GOAL = "No goal is set for this week yet: set your targets so your pace can be tracked."
NO_FOCUS = "No focus session completed yet today: block 50 minutes for your most important work."
NAMES = {
    ActivityType.DISCOVERY: ("discovery", "discoveries"),
    ActivityType.EMAIL: ("email", "emails"),
    ActivityType.VIDEO: ("video", "videos"),
    ActivityType.CALL: ("call", "calls"),
}


@dataclass(frozen=True)
class Situation:
    """What the rules read, as it stands at `local_time` on the user's local `today`."""

    today: date
    local_time: time
    progress: WeeklyProgressResponse
    pending_before_today: int
    focus_completed_today: bool
    current_streak: int
    scored_today: bool
    # Today is one of the profile's rest days: pace and the streak wait for a working day.
    rest_day: bool


@dataclass(frozen=True)
class NudgeDraft:
    rule_key: str
    type: NudgeType
    priority: NudgePriority
    message: str
    # What the message was computed from: all an AI may use to reword it.
    facts: dict[str, object] = field(default_factory=dict)


def nudge_drafts(situation: Situation) -> list[NudgeDraft]:
    return [
        *no_goal(situation),
        *pending_before_today(situation),
        *behind_pace(situation),
        *no_focus_session(situation),
        *streak_at_risk(situation),
        *targets_reached(situation),
    ]


def no_goal(situation: Situation) -> list[NudgeDraft]:
    if situation.progress.goal_id is not None:
        return []
    return [
        NudgeDraft(
            rule_key=f"no_goal:{situation.today}",
            type=NudgeType.REMINDER,
            priority=NudgePriority.HIGH,
            message=NO_GOAL,
            facts={"week_start": situation.progress.week_start.isoformat()},
        )
    ]


def pending_before_today(situation: Situation) -> list[NudgeDraft]:
    count = situation.pending_before_today
    if count == 0:
        return []
    noun, them = ("activity is", "it") if count == 1 else ("activities are", "them")
    return [
        NudgeDraft(
            rule_key=f"pending_activities:{situation.today}",
            type=NudgeType.REMINDER,
            priority=NudgePriority.NORMAL,
            message=f"{count} pending {noun} dated before today: mark {them} done or cancel {them}.",
            facts={"pending_activities_dated_before_today": count},
        )
    ]


def behind_pace(situation: Situation) -> list[NudgeDraft]:
    if situation.rest_day:
        return []
    behind = [entry for entry in situation.progress.types if entry.done < entry.expected_by_today]
    if not behind:
        return []
    described = [
        f"{NAMES[entry.type][1]} ({entry.done} done, "
        f"{number(entry.expected_by_today)} expected by today)"
        for entry in behind
    ]
    return [
        NudgeDraft(
            rule_key=f"behind_pace:{situation.today}",
            type=NudgeType.SUGGESTION,
            priority=NudgePriority.NORMAL,
            message=f"Behind this week's pace on {and_list(described)}.",
            facts={"behind": [pace_facts(entry) for entry in behind]},
        )
    ]


def no_focus_session(situation: Situation) -> list[NudgeDraft]:
    if situation.local_time < FOCUS_DEADLINE or situation.focus_completed_today:
        return []
    return [
        NudgeDraft(
            rule_key=f"no_focus:{situation.today}",
            type=NudgeType.SUGGESTION,
            priority=NudgePriority.LOW,
            message=NO_FOCUS,
            facts={
                "local_time": situation.local_time.strftime("%H:%M"),
                "focus_sessions_completed_today": 0,
            },
        )
    ]


def streak_at_risk(situation: Situation) -> list[NudgeDraft]:
    streak = situation.current_streak
    if (
        situation.rest_day
        or situation.local_time < STREAK_DEADLINE
        or situation.scored_today
        or streak < STREAK_WORTH_SAVING
    ):
        return []
    return [
        NudgeDraft(
            rule_key=f"streak_at_risk:{situation.today}",
            type=NudgeType.ALERT,
            priority=NudgePriority.URGENT,
            message=(
                f"Your {streak}-day streak ends tonight: log a done activity today to keep it "
                "alive."
            ),
            facts={
                "current_streak_days": streak,
                "local_time": situation.local_time.strftime("%H:%M"),
                "scored_today": False,
            },
        )
    ]


def targets_reached(situation: Situation) -> list[NudgeDraft]:
    week_start = situation.progress.week_start
    return [
        NudgeDraft(
            rule_key=f"celebration:{entry.type}:{week_start}",
            type=NudgeType.CELEBRATION,
            priority=NudgePriority.LOW,
            message=(
                f"Weekly {NAMES[entry.type][0]} target reached: "
                f"{entry.done} done of {entry.target}."
            ),
            facts={"type": entry.type.value, "done": entry.done, "weekly_target": entry.target},
        )
        for entry in situation.progress.types
        if entry.target > 0 and entry.done >= entry.target
    ]


def pace_facts(entry: ActivityTypeProgress) -> dict[str, object]:
    return {
        "type": entry.type.value,
        "done": entry.done,
        "expected_by_today": entry.expected_by_today,
        "weekly_target": entry.target,
    }


def number(value: float) -> str:
    """2 decimals at most, none when whole: 4.29, 3, 0.5."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def and_list(items: list[str]) -> str:
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} and {items[-1]}"
