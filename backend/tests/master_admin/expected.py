"""The JSON shapes of scores and progress, for tests that write the expected values out."""

from typing import Any

ACTIVITY_TYPES = ("discovery", "email", "video", "call")


def day_score(day: str, score: int = 0, streak_days: int = 0, count: int = 0) -> dict[str, Any]:
    """A day's score as `/scores/*` and the dashboard show it."""
    return {"date": day, "score": score, "streak_days": streak_days, "activities_count": count}


def progress(
    kind: str, target: int, done: int, remaining: int, percent: int, expected: float
) -> dict[str, Any]:
    """One activity type's line of a week's progress."""
    return {
        "type": kind,
        "target": target,
        "done": done,
        "remaining": remaining,
        "percent": percent,
        "expected_by_today": expected,
    }


def untouched_week(week_start: str) -> dict[str, Any]:
    """The progress of a week with no goal and nothing done."""
    return {
        "week_start": week_start,
        "goal_id": None,
        "inherited": False,
        "types": [progress(kind, 0, 0, 0, 0, 0) for kind in ACTIVITY_TYPES],
    }
