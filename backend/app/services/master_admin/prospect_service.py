"""Prospects: each user's CRM, with a lead score and last activity date computed by the
database when read, so they are never stale.

`ProspectService(session, clock, settings=None)`: `session` is the request's session
(the service only flushes), `clock` gives the caller's today (the lead score decays with
the age of activities), `settings` the activity weights (the defaults when omitted).

Lead score, 0..100: closed prospects (`closed_won`, `closed_lost`) score 0; otherwise
`stage + engagement` rounded half up, where `stage` is new 0, qualified 10, engaged 20,
proposal 30, negotiation 40, and `engagement` = min(60, Σ weight(type) * amount *
0.5^(age/14)) over the prospect's done activities, `age` the whole days from the
activity's date to today (at least 0).
"""

from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from functools import cache
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Float,
    Integer,
    Numeric,
    Row,
    Select,
    String,
    bindparam,
    case,
    cast,
    delete,
    func,
    select,
    true,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from app.core.clock import Clock
from app.core.config import DEFAULT_ACTIVITY_WEIGHTS, Settings
from app.core.errors import Conflict, NotFound
from app.models import (
    ActivityStatus,
    ActivityType,
    AdminActivity,
    AdminProspect,
    ProspectStatus,
    User,
)
from app.models.prospect import EMAIL_PER_USER_INDEX
from app.schemas.master_admin.prospects import (
    AdminProspectCreate,
    AdminProspectResponse,
    AdminProspectUpdate,
)
from app.services.master_admin.pipeline_queries import lock_pipeline
from app.services.paging import COUNTED_BY_WINDOW, counted, page_and_total, paged
from app.services.parameters import OWNER, TODAY, owner_params

ProspectSort = Literal["-created_at", "name", "-lead_score", "-last_activity_date"]

STAGE_POINTS = {
    ProspectStatus.NEW: 0,
    ProspectStatus.QUALIFIED: 10,
    ProspectStatus.ENGAGED: 20,
    ProspectStatus.PROPOSAL: 30,
    ProspectStatus.NEGOTIATION: 40,
}
CLOSED_STATUSES = (ProspectStatus.CLOSED_WON, ProspectStatus.CLOSED_LOST)
MAX_ENGAGEMENT = 60
HALF_LIFE_DAYS = 14

# The count of a list's matches, a subquery of its page (aliased: no correlation).
COUNTED = aliased(AdminProspect)


# The activity weights as (type, weight) pairs: hashable, so a cache key (scoring's
# `Weights` is the mapping they come from).
WeightPairs = tuple[tuple[ActivityType, int], ...]


# Cached on first use, before mutmut can switch a mutant on (README, "Mutation testing").
@cache
def scored_prospects(weights: WeightPairs) -> Select[Any]:  # pragma: no mutate block
    """Every column of the owner's prospects plus `last_activity_date`, `lead_score`
    and its parts `stage_points` and `engagement` (2 decimals), for one set of weights;
    bound: the shared `OWNER` and `TODAY` (`_params`). Callers add filters, order and paging."""
    points = case(dict(weights), value=AdminActivity.type, else_=0) * AdminActivity.amount
    age = func.greatest(0, TODAY - AdminActivity.date)
    decayed = points * func.power(0.5, cast(age, Float) / float(HALF_LIFE_DAYS))
    activity = (
        select(
            func.max(AdminActivity.date).label("last_activity_date"),
            func.least(MAX_ENGAGEMENT, func.coalesce(func.sum(decayed), 0)).label("engagement"),
        )
        .where(
            AdminActivity.prospect_id == AdminProspect.id,
            AdminActivity.status == ActivityStatus.DONE,
        )
        .lateral("activity")
    )
    closed = AdminProspect.status.in_(CLOSED_STATUSES)
    stage_points = case(STAGE_POINTS, value=AdminProspect.status, else_=0)
    # Numeric: round() of a numeric rounds half away from zero (half up, for scores).
    engagement = case((closed, 0), else_=cast(activity.c.engagement, Numeric))
    lead_score = cast(func.round(stage_points + engagement), Integer)
    return (
        select(
            *(column for column in AdminProspect.__table__.c if column.key != "search_text"),
            activity.c.last_activity_date,
            lead_score.label("lead_score"),
            stage_points.label("stage_points"),
            func.round(engagement, 2).label("engagement"),
        )
        .join_from(AdminProspect, activity, true())
        .where(AdminProspect.user_id == OWNER)
    )


# The list's filters: any of the statuses, has every tag of the list (one), and the
# search, its LIKE wildcards escaped with "/".
STATUSES = bindparam("statuses", type_=AdminProspect.status.type, expanding=True)
TAGS = bindparam("tags", type_=AdminProspect.tags.type)
SEARCH = bindparam("search", type_=String)


# Cached on first use, before mutmut can switch a mutant on (README, "Mutation testing").
@cache
def prospect_list(
    scored: Select[Any], statuses: bool, tag: bool, search: bool, sort: ProspectSort
) -> tuple[Select[Any], Select[Any]]:  # pragma: no mutate block
    """The page (`paging.paged`: the JSON of `scored`'s rows, from `scored_prospects`)
    and the count of `GET /prospects` for one combination of filters: `STATUSES` when
    `statuses`, `TAGS` when `tag`, `SEARCH` when `search`; in the order `sort` names, the
    id breaking ties."""

    def matching(prospect: Any) -> list[ColumnElement[bool]]:
        criteria = []
        if statuses:
            criteria.append(prospect.status.in_(STATUSES))
        if tag:
            criteria.append(prospect.tags.contains(TAGS))
        if search:
            pattern = func.concat("%", func.lower(SEARCH), "%")
            criteria.append(prospect.search_text.like(pattern, escape="/"))
        return criteria

    count = (
        select(func.count())
        .select_from(COUNTED)
        .where(COUNTED.user_id == OWNER, *matching(COUNTED))
    )
    columns = scored.selected_columns
    # Ordered by a column computed when read, every matching prospect is computed: a
    # window counts them. Ordered by a stored column, a count of its own is cheaper.
    by_stored = {
        "-created_at": AdminProspect.created_at.desc(),
        "name": AdminProspect.name,
    }
    by_computed = {
        "-lead_score": columns.lead_score.desc(),
        "-last_activity_date": columns.last_activity_date.desc().nulls_last(),
    }
    order = {**by_stored, **by_computed}[sort]
    total = COUNTED_BY_WINDOW if sort in by_computed else counted(count)
    tiebreak = AdminProspect.id if sort == "name" else AdminProspect.id.desc()
    page = scored.where(*matching(AdminProspect))
    return paged(page, total, (order, tiebreak), AdminProspectResponse), count


class ProspectService:
    def __init__(
        self, session: AsyncSession, clock: Clock, settings: Settings | None = None
    ) -> None:
        self.session = session
        self.clock = clock
        weights = DEFAULT_ACTIVITY_WEIGHTS if settings is None else settings.activity_weights
        self.scored = scored_prospects(tuple(weights.items()))

    def _params(self, user: User) -> dict[str, Any]:
        return owner_params(user.id, today=self.clock.today(user.timezone))

    async def create_prospect(self, user: User, data: AdminProspectCreate) -> Row[Any]:
        """Add a prospect; 409 when the user has one with the same email, ignoring case
        (the unique index decides, so racing creates cannot both succeed)."""
        prospect = AdminProspect(user_id=user.id, **data.model_dump())
        await lock_pipeline(self.session, user.id)
        async with self._unique_email(data.email):
            self.session.add(prospect)
        return await self.get_prospect(user, prospect.id)

    async def get_prospect(self, user: User, prospect_id: int) -> Row[Any]:
        """The prospect with its lead score, its parts and its last activity date."""
        row: Row[Any] | None = (
            await self.session.execute(
                self.scored.where(AdminProspect.id == prospect_id), self._params(user)
            )
        ).one_or_none()
        if row is None:
            raise NotFound(f"prospect {prospect_id} not found")
        return row

    async def list_prospects(
        self,
        user: User,
        *,
        statuses: Sequence[ProspectStatus] = (),
        tag: str | None = None,
        q: str | None = None,
        sort: ProspectSort,
        limit: int,
        offset: int,
    ) -> tuple[str, int]:
        """A page of the user's prospects as the JSON of `AdminProspectResponse`s, and
        how many match in all (one statement: the count rides on the page, and is asked
        for alone only when the page is empty past the first)."""

        page, count = prospect_list(self.scored, bool(statuses), tag is not None, bool(q), sort)
        params = {**self._params(user), STATUSES.key: statuses, TAGS.key: [tag]}
        if q:
            params[SEARCH.key] = q.replace("/", "//").replace("%", "/%").replace("_", "/_")
        return await page_and_total(self.session, page, count, params, limit=limit, offset=offset)

    async def update_prospect(
        self, user: User, prospect_id: int, data: AdminProspectUpdate
    ) -> Row[Any]:
        """Apply the fields sent (`null` clears; `tags: null` empties the list)."""
        changes = data.model_dump(exclude_unset=True)
        if "tags" in changes and changes["tags"] is None:
            changes["tags"] = []
        if changes:
            await lock_pipeline(self.session, user.id)
            async with self._unique_email(changes.get("email")):
                updated = await self.session.scalar(
                    update(AdminProspect)
                    .where(AdminProspect.id == prospect_id, AdminProspect.user_id == user.id)
                    .values(**changes)
                    .returning(AdminProspect.id)
                )
            if updated is None:
                raise NotFound(f"prospect {prospect_id} not found")
        return await self.get_prospect(user, prospect_id)

    async def delete_prospect(self, user: User, prospect_id: int) -> None:
        """Delete the prospect and its deals; its activities stay, unlinked (the foreign
        keys do both), so no score changes."""
        await lock_pipeline(self.session, user.id)
        deleted = await self.session.scalar(
            delete(AdminProspect)
            .where(AdminProspect.id == prospect_id, AdminProspect.user_id == user.id)
            .returning(AdminProspect.id)
        )
        if deleted is None:
            raise NotFound(f"prospect {prospect_id} not found")

    @asynccontextmanager
    async def _unique_email(self, email: str | None) -> AsyncIterator[None]:
        """A savepoint around a write that may repeat an address: the unique index's
        refusal becomes a 409 and leaves the request's transaction usable."""
        try:
            async with self.session.begin_nested():
                yield
        except IntegrityError as error:
            if EMAIL_PER_USER_INDEX not in str(error.orig):
                raise
            raise Conflict(f"you already have a prospect with the email {email}") from None
