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
SELECT pg_advisory_xact_lock(23566, :uid);
INSERT INTO admin_activities (user_id, type, status, date, amount, notes, prospect_id)
VALUES (:uid, (ARRAY['discovery', 'email', 'video', 'call'])[:kind], 'done',
        :today::date - :back, :amount, 'bench', NULL)
RETURNING id, created_at, updated_at;
INSERT INTO admin_scores (user_id, date, score, activities_count)
SELECT :uid, days.day,
       least(100, coalesce(sum(CASE admin_activities.type WHEN 'discovery' THEN 10
                                   WHEN 'email' THEN 5 WHEN 'video' THEN 15
                                   WHEN 'call' THEN 20 ELSE 0 END * admin_activities.amount), 0)),
       count(admin_activities.id)
FROM unnest(ARRAY[:today::date - :back]) AS days(day)
LEFT OUTER JOIN admin_activities ON admin_activities.user_id = :uid
    AND admin_activities.date = days.day AND admin_activities.status = 'done'
GROUP BY days.day
ON CONFLICT (user_id, date) DO UPDATE
SET score = excluded.score, activities_count = excluded.activities_count, updated_at = now();
UPDATE admin_scores SET streak_days = streaks.streak_days, updated_at = now()
FROM (SELECT ranked.id,
             CASE WHEN ranked.scoring
                  THEN ranked.date - min(ranked.date) OVER (PARTITION BY ranked.scoring, ranked.run) + 1
                  ELSE 0 END AS streak_days
      FROM (SELECT id, date, score > 0 AS scoring,
                   date - CAST(row_number() OVER (PARTITION BY score > 0 ORDER BY date) AS INTEGER) AS run
            FROM admin_scores WHERE user_id = :uid) AS ranked) AS streaks
WHERE admin_scores.id = streaks.id AND admin_scores.date >= :today::date - :back
  AND admin_scores.streak_days != streaks.streak_days;
END;
