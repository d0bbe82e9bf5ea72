"""The nudge rules as pure functions: every draft's key, kind, text and facts (what an AI
may use to reword it), read field by field, for situations computed by hand."""

from datetime import time

from app.models import ActivityType, NudgePriority, NudgeType
from app.schemas.master_admin.progress import ActivityTypeProgress, WeeklyProgressResponse
from app.services.master_admin.nudge_rules import NudgeDraft, Situation, nudge_drafts
from tests.clock import MONDAY, TODAY


def progress(
    type_: ActivityType, *, target: int, done: int, expected: float
) -> ActivityTypeProgress:
    return ActivityTypeProgress(
        type=type_,
        target=target,
        done=done,
        remaining=max(0, target - done),
        percent=min(100, done * 100 // target) if target else 0,
        expected_by_today=expected,
    )


def situation(
    types: list[ActivityTypeProgress],
    *,
    goal_id: int | None = 7,
    local_time: time = time(17),
    pending: int = 0,
    focus: bool = True,
    streak: int = 0,
    scored_today: bool = True,
    rest_day: bool = False,
) -> Situation:
    return Situation(
        today=TODAY,
        local_time=local_time,
        progress=WeeklyProgressResponse(
            week_start=MONDAY, goal_id=goal_id, inherited=False, types=types
        ),
        pending_before_today=pending,
        focus_completed_today=focus,
        current_streak=streak,
        scored_today=scored_today,
        rest_day=rest_day,
    )


def test_every_rule_at_once_with_its_facts() -> None:
    # Wednesday 17:00: 3 of 7 days elapsed. Calls: 3 of 7, 3 expected; emails 0.5 of a
    # target of 1 expected (0.43 rounded); videos 10 of 10, reached.
    drafts = nudge_drafts(
        situation(
            [
                progress(ActivityType.DISCOVERY, target=0, done=0, expected=0),
                progress(ActivityType.EMAIL, target=1, done=0, expected=0.43),
                progress(ActivityType.VIDEO, target=10, done=10, expected=4.29),
                progress(ActivityType.CALL, target=7, done=2, expected=3),
            ],
            goal_id=None,
            local_time=time(17, 5),
            pending=3,
            focus=False,
            streak=4,
            scored_today=False,
        )
    )

    assert drafts == [
        NudgeDraft(
            rule_key="no_goal:2026-11-25",
            type=NudgeType.REMINDER,
            priority=NudgePriority.HIGH,
            message=(
                "No goal is set for this week yet: set your targets so your pace can be tracked."
            ),
            facts={"week_start": "2026-11-23"},
        ),
        NudgeDraft(
            rule_key="pending_activities:2026-11-25",
            type=NudgeType.REMINDER,
            priority=NudgePriority.NORMAL,
            message="3 pending activities are dated before today: mark them done or cancel them.",
            facts={"pending_activities_dated_before_today": 3},
        ),
        NudgeDraft(
            rule_key="behind_pace:2026-11-25",
            type=NudgeType.SUGGESTION,
            priority=NudgePriority.NORMAL,
            message=(
                "Behind this week's pace on emails (0 done, 0.43 expected by today) and "
                "calls (2 done, 3 expected by today)."
            ),
            facts={
                "behind": [
                    {"type": "email", "done": 0, "expected_by_today": 0.43, "weekly_target": 1},
                    {"type": "call", "done": 2, "expected_by_today": 3, "weekly_target": 7},
                ]
            },
        ),
        NudgeDraft(
            rule_key="no_focus:2026-11-25",
            type=NudgeType.SUGGESTION,
            priority=NudgePriority.LOW,
            message=(
                "No focus session completed yet today: block 50 minutes for your most "
                "important work."
            ),
            facts={"local_time": "17:05", "focus_sessions_completed_today": 0},
        ),
        NudgeDraft(
            rule_key="streak_at_risk:2026-11-25",
            type=NudgeType.ALERT,
            priority=NudgePriority.URGENT,
            message=("Your 4-day streak ends tonight: log a done activity today to keep it alive."),
            facts={"current_streak_days": 4, "local_time": "17:05", "scored_today": False},
        ),
        NudgeDraft(
            rule_key="celebration:video:2026-11-23",
            type=NudgeType.CELEBRATION,
            priority=NudgePriority.LOW,
            message="Weekly video target reached: 10 done of 10.",
            facts={"type": "video", "done": 10, "weekly_target": 10},
        ),
    ]


def test_one_pending_activity_and_one_type_behind_read_in_the_singular() -> None:
    drafts = nudge_drafts(
        situation([progress(ActivityType.DISCOVERY, target=5, done=1, expected=2.14)], pending=1)
    )

    assert [draft.message for draft in drafts] == [
        "1 pending activity is dated before today: mark it done or cancel it.",
        "Behind this week's pace on discoveries (1 done, 2.14 expected by today).",
    ]


def test_exactly_on_pace_is_not_behind_and_a_target_of_zero_is_never_reached() -> None:
    drafts = nudge_drafts(
        situation(
            [
                progress(ActivityType.CALL, target=7, done=3, expected=3),
                progress(ActivityType.EMAIL, target=0, done=4, expected=0),
            ]
        )
    )

    assert drafts == []
