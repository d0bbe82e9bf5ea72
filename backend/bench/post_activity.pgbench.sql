-- The transaction POST /activities runs (captured from the ORM's statements), for one of
-- the bench's writer users: 80% dated today, the rest backfills of the last 30 days.
-- Variables from `python -m bench`: first_writer, writers, today (a quoted date literal).
\set uid random(:first_writer, :first_writer + :writers - 1)
\set back random(1, 100)
\set back CASE WHEN :back <= 80 THEN 0 ELSE random(1, 29) END
\set kind random(1, 4)
\set amount random(1, 3)
BEGIN;
SELECT id, clerk_user_id, email, first_name, last_name, role, timezone, created_at, updated_at
FROM users WHERE clerk_user_id = 'bench_writer_' || lpad((:uid - :first_writer)::text, 2, '0');
WITH score_lock AS (SELECT pg_advisory_xact_lock(23566, :uid))
INSERT INTO admin_activities (user_id, type, status, date, amount, notes, prospect_id)
SELECT :uid, (ARRAY['discovery', 'email', 'video', 'call'])[:kind], 'done',
       :today::date - :back, :amount, 'bench', NULL::integer
FROM score_lock
RETURNING id, user_id, type, status, date, amount, notes, prospect_id, created_at, updated_at;
WITH fresh AS (
    SELECT days.day AS date,
           least(100, coalesce(sum(CASE admin_activities.type WHEN 'discovery' THEN 10
                                       WHEN 'email' THEN 5 WHEN 'video' THEN 15
                                       WHEN 'call' THEN 20 ELSE 0 END * admin_activities.amount), 0)) AS score,
           count(admin_activities.id) AS activities_count
    FROM unnest(ARRAY[:today::date - :back]) AS days(day)
    LEFT OUTER JOIN admin_activities ON admin_activities.user_id = :uid
        AND admin_activities.date = days.day AND admin_activities.status = 'done'
    GROUP BY days.day),
streaks AS (
    SELECT ranked.date,
           CASE WHEN ranked.scoring
                THEN ranked.date - min(ranked.date) OVER (PARTITION BY ranked.scoring, ranked.run) + 1
                ELSE 0 END AS streak_days
    FROM (SELECT scores.date, scores.score > 0 AS scoring,
                 scores.date - CAST(row_number() OVER (PARTITION BY scores.score > 0 ORDER BY scores.date) AS INTEGER) AS run
          FROM (SELECT date, score FROM admin_scores
                WHERE user_id = :uid AND date != ALL (ARRAY[:today::date - :back])
                UNION ALL SELECT fresh.date, fresh.score FROM fresh) AS scores) AS ranked),
rescored AS (
    INSERT INTO admin_scores (user_id, date, score, activities_count, streak_days)
    SELECT :uid, fresh.date, fresh.score, fresh.activities_count, streaks.streak_days
    FROM fresh JOIN streaks ON streaks.date = fresh.date
    ON CONFLICT (user_id, date) DO UPDATE
    SET score = excluded.score, streak_days = excluded.streak_days,
        activities_count = excluded.activities_count, updated_at = now())
UPDATE admin_scores SET streak_days = streaks.streak_days, updated_at = now()
FROM streaks
WHERE admin_scores.user_id = :uid AND admin_scores.date = streaks.date
  AND admin_scores.date > :today::date - :back
  AND admin_scores.date != ALL (ARRAY[:today::date - :back])
  AND admin_scores.streak_days != streaks.streak_days;
END;
