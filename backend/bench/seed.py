"""Realistic history, written straight in SQL: a year for the reader, a month per writer."""

from datetime import date

import asyncpg

READER = "bench_reader"  # a year of history: a 365-day streak
SHORT = "bench_short"  # history of one day: a 1-day streak
WRITERS = [f"bench_writer_{n:02d}" for n in range(32)]

USERS = """
INSERT INTO users (clerk_user_id, email, role, timezone)
SELECT name, name || '@bench.example', 'master_admin', 'UTC' FROM unnest($1::text[]) AS name
"""

# Per day: 2 discovery meetings and 3 emails done, 1 call pending, 1 video cancelled.
ACTIVITIES = """
INSERT INTO admin_activities (user_id, type, status, date, amount, notes)
SELECT u.id, a.type, a.status, d::date, a.amount, 'seeded'
FROM users u
CROSS JOIN LATERAL generate_series(
    $1::date - CASE u.clerk_user_id WHEN $2 THEN 364 WHEN $3 THEN 0 ELSE 29 END,
    $1::date, interval '1 day') AS d
CROSS JOIN (VALUES ('discovery', 'done', 2), ('email', 'done', 3), ('call', 'pending', 1),
                   ('video', 'cancelled', 1)) AS a(type, status, amount)
"""

# 2 x 10 + 3 x 5 = 35 points a day; every seeded day scores, so streaks are unbroken.
SCORES = """
INSERT INTO admin_scores (user_id, date, score, activities_count, streak_days)
SELECT user_id, date, 35, 2, row_number() OVER (PARTITION BY user_id ORDER BY date)
FROM (SELECT DISTINCT user_id, date FROM admin_activities) AS days
"""

GOALS = """
INSERT INTO admin_goals (user_id, week_start, target_discoveries, target_emails,
                         target_videos, target_calls)
SELECT DISTINCT user_id, date_trunc('week', date)::date, 10, 15, 2, 5 FROM admin_activities
"""

FOCUS_SESSIONS = """
INSERT INTO admin_focus_sessions (user_id, start_time, end_time, duration_minutes, completed)
SELECT user_id, date + time '09:00', date + time '09:50', 50, true
FROM (SELECT DISTINCT user_id, date FROM admin_activities WHERE date < $1::date) AS days
"""


async def seed(dsn: str, today: date) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        async with connection.transaction():
            await connection.execute(USERS, [READER, SHORT, *WRITERS])
            await connection.execute(ACTIVITIES, today, READER, SHORT)
            await connection.execute(SCORES)
            await connection.execute(GOALS)
            await connection.execute(FOCUS_SESSIONS, today)
        await connection.execute("ANALYZE")
    finally:
        await connection.close()
