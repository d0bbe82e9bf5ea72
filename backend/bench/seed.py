"""Realistic history, written straight in SQL: a year for the reader, a month per writer,
and the reader's book: 10,000 prospects, 50,000 deals, 100,000 activities linked to them."""

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

# Each day's score from its done activities at the default weights (at least 2 x 10 +
# 3 x 5 = 35 points a day): every seeded day scores, so streaks are unbroken.
SCORES = """
INSERT INTO admin_scores (user_id, date, score, activities_count, streak_days)
SELECT user_id, date,
       least(100, sum(amount * CASE type WHEN 'discovery' THEN 10 WHEN 'email' THEN 5
                                         WHEN 'video' THEN 15 ELSE 20 END)
                  FILTER (WHERE status = 'done')),
       count(*) FILTER (WHERE status = 'done'),
       row_number() OVER (PARTITION BY user_id ORDER BY date)
FROM admin_activities GROUP BY user_id, date
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


BOOK_PROSPECTS = 10_000
DEALS_PER_PROSPECT = 5
LINKED_ACTIVITIES_PER_PROSPECT = 10
# Companies repeat every 500 prospects: this search matches "Company 42" and
# "Company 420".."Company 429", 11 of 500, so 220 prospects of the 10,000.
PROSPECT_SEARCH = "company 42"

PROSPECTS = """
INSERT INTO admin_prospects (user_id, name, email, company, status, source, tags)
SELECT u.id, 'Prospect ' || n, 'prospect' || n || '@bench.example', 'Company ' || n % 500,
       (ARRAY['new', 'qualified', 'engaged', 'proposal', 'negotiation', 'closed_won',
              'closed_lost'])[1 + n % 7],
       'referral', ARRAY['tag' || n % 20]
FROM users u CROSS JOIN generate_series(1, $2::int) AS n
WHERE u.clerk_user_id = $1
"""

# Every stage in turn; open deals expected over the month before and the 7 after today,
# closed ones closed over the last 120 days; all created 150..349 days ago.
DEALS = """
INSERT INTO admin_deals (user_id, prospect_id, title, stage, value, probability,
                         expected_close_date, closed_on, created_on, created_at,
                         stage_changed_at)
SELECT p.user_id, p.id, 'Deal ' || k, s.stage, 1000 + (p.id * 7919 + k * 104729) % 500000 + 0.5,
       s.probability, $1::date + ((p.id + k * 37) % 240 - 30),
       CASE WHEN s.stage IN ('won', 'lost') THEN $1::date - (p.id + k) % 120 END,
       $1::date - (150 + (p.id + k) % 200), now() - interval '1 day' * (150 + (p.id + k) % 200),
       now()
FROM admin_prospects p
CROSS JOIN generate_series(1, $2::int) AS k
JOIN (VALUES (0, 'discovery', 10), (1, 'qualification', 20), (2, 'proposal', 40),
             (3, 'negotiation', 60), (4, 'closing', 80), (5, 'won', 100), (6, 'lost', 0))
     AS s(i, stage, probability) ON s.i = (p.id + k) % 7
"""

DEAL_CREATIONS = """
INSERT INTO admin_deal_stage_changes (deal_id, to_stage, changed_at)
SELECT id, stage, created_at FROM admin_deals
"""

# Dated over the year before today (not today: GET /activities/today stays the size the
# other figures were measured at); one in five still pending.
LINKED_ACTIVITIES = """
INSERT INTO admin_activities (user_id, type, status, date, amount, prospect_id)
SELECT p.user_id, (ARRAY['discovery', 'email', 'video', 'call'])[1 + (p.id + k) % 4],
       CASE WHEN k % 5 = 0 THEN 'pending' ELSE 'done' END,
       $1::date - 1 - (p.id * 13 + k * 29) % 364, 1, p.id
FROM admin_prospects p CROSS JOIN generate_series(1, $2::int) AS k
"""


async def seed(dsn: str, today: date) -> None:
    connection = await asyncpg.connect(dsn)
    try:
        async with connection.transaction():
            await connection.execute(USERS, [READER, SHORT, *WRITERS])
            await connection.execute(ACTIVITIES, today, READER, SHORT)
            await connection.execute(PROSPECTS, READER, BOOK_PROSPECTS)
            await connection.execute(DEALS, today, DEALS_PER_PROSPECT)
            await connection.execute(DEAL_CREATIONS)
            await connection.execute(LINKED_ACTIVITIES, today, LINKED_ACTIVITIES_PER_PROSPECT)
            await connection.execute(SCORES)
            await connection.execute(GOALS)
            await connection.execute(FOCUS_SESSIONS, today)
        await connection.execute("VACUUM ANALYZE")
    finally:
        await connection.close()
