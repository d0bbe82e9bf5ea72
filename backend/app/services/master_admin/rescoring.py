"""Stored scores and streaks recomputed when the scoring settings change.

`admin_scores` is derived from the activities *and* the weights. A row is recomputed
when an activity of its day changes; when the weights change instead (a restart with
another `ACTIVITY_WEIGHTS`), every row is stale at once. `scoring_settings` stores the
fingerprint of the settings the rows were computed with; each process compares it
with its own at startup, before serving, and on a difference rescores every user, in
one transaction: all users or none, never half old and half new weights.

Safe with several workers starting at once: the first takes a transaction-scoped
advisory lock and rescores; the others wait for it, then find the fingerprint theirs
and do nothing. Each user is rescored under their score lock, so a write of a process
already serving finishes first and is rescored with the rest, or waits and then sees
the new scores.
"""

import hashlib
import json
import logging
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select, union
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncEngine

from app.models import (
    ActivityStatus,
    ActivityType,
    AdminActivity,
    AdminScore,
    ScoringSettings,
    User,
)
from app.services.master_admin.scoring import SCORE_CAP, lock_scores, rescore
from app.services.parameters import OWNER, owner_params

logger = logging.getLogger(__name__)

# Two-key advisory lock (class, 0) serialising the comparison across processes; apart
# from the score locks (`SCORES_LOCK_CLASS`, user id).
SCORING_SETTINGS_LOCK_CLASS = 0x5C0F
# Raised whenever the formula itself changes (what is summed, how streaks count), so
# that a deployment of a new formula rescores as a change of weights does.
FORMULA_VERSION = 1

LOCK_SCORING_SETTINGS = select(func.pg_advisory_xact_lock(SCORING_SETTINGS_LOCK_CLASS, 0))
_scored_user_ids = union(
    select(AdminScore.user_id),
    select(AdminActivity.user_id).where(AdminActivity.status == ActivityStatus.DONE),
).subquery("scored")
# Each user with stored or due scores, and their rest days (streaks are numbered with them).
SCORED_USERS = select(User.id, User.rest_days).join(
    _scored_user_ids, User.id == _scored_user_ids.c.user_id
)
# Every day of a user that has, or should have, a stored score.
SCORED_DAYS = union(
    select(AdminScore.date).where(AdminScore.user_id == OWNER),
    select(AdminActivity.date).where(
        AdminActivity.user_id == OWNER, AdminActivity.status == ActivityStatus.DONE
    ),
)


def scoring_fingerprint(weights: Mapping[ActivityType, int]) -> str:
    """SHA-256 (hex, 64 characters) of the settings a stored score depends on: the
    formula's version, the daily cap and the weight of every type, in a canonical form."""
    settings: dict[str, Any] = {
        "formula": FORMULA_VERSION,
        "cap": SCORE_CAP,
        "weights": {str(kind): weight for kind, weight in weights.items()},
    }
    canonical = json.dumps(settings, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def rescore_if_scoring_changed(
    engine: AsyncEngine, weights: Mapping[ActivityType, int]
) -> int | None:
    """Rescore every user's stored days with `weights` when the stored fingerprint is not
    theirs (or there is none yet), and store it. Returns how many users were rescored,
    or None when the stored scores were already computed with these settings."""
    fingerprint = scoring_fingerprint(weights)
    async with engine.begin() as connection:
        await connection.execute(LOCK_SCORING_SETTINGS)
        if await connection.scalar(select(ScoringSettings.fingerprint)) == fingerprint:
            return None
        users = (await connection.execute(SCORED_USERS)).all()
        for user_id, rest_days in users:
            await lock_scores(connection, user_id)
            days = (await connection.scalars(SCORED_DAYS, owner_params(user_id))).all()
            await rescore(connection, user_id, days, rest_days=rest_days, weights=weights)
        stored = insert(ScoringSettings).values(id=1, fingerprint=fingerprint)
        await connection.execute(
            stored.on_conflict_do_update(
                index_elements=[ScoringSettings.id],
                set_={"fingerprint": fingerprint, "updated_at": func.now()},
            )
        )
    logger.info("scoring settings changed: rescored %d users", len(users))
    return len(users)
