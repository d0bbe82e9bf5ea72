"""Weekly goals: at most one per user and week, enforced by the database's unique key."""

from collections.abc import Sequence

from sqlalchemy import Select, delete, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.clock import Clock
from app.core.errors import Conflict, NotFound
from app.models import AdminGoal, User
from app.schemas.master_admin.goals import AdminGoalCreate, AdminGoalResponse, AdminGoalUpdate
from app.services.changes import save_changes
from app.services.master_admin.scoring import goal_of_week


class GoalService:
    def __init__(self, session: AsyncSession, clock: Clock) -> None:
        self.session = session
        self.clock = clock

    async def create_goal(self, user: User, data: AdminGoalCreate) -> AdminGoal:
        """Set a week's goal (this week's, in the caller's time zone, when `week_start` is
        not sent); 409 when that week has one."""
        values = data.model_dump()
        if values["week_start"] is None:
            values["week_start"] = self.clock.week_start(user.timezone)
        # ON CONFLICT DO NOTHING waits for a racing insert of the same week and then
        # returns no row: the loser gets its 409 without an error aborting the transaction.
        statement = (
            insert(AdminGoal)
            .values(user_id=user.id, **values)
            .on_conflict_do_nothing(index_elements=[AdminGoal.user_id, AdminGoal.week_start])
            .returning(AdminGoal)
        )
        goal = await self.session.scalar(statement)
        if goal is None:
            raise Conflict(f"a goal for the week of {values['week_start']} already exists")
        return goal

    async def list_goals(self, user: User) -> Sequence[AdminGoal]:
        goals = await self.session.scalars(
            self._select_own(user).order_by(AdminGoal.week_start.desc())
        )
        return goals.all()

    async def get_current_goal(self, user: User) -> AdminGoalResponse:
        """The goal this week runs on: its own, else the most recent earlier week's
        (`inherited`); NotFound when no goal is set on or before this week."""
        week_start = self.clock.week_start(user.timezone)
        goal = await goal_of_week(self.session, user.id, week_start)
        if goal is None:
            raise NotFound(f"no goal is set for the week of {week_start} or before")
        response = AdminGoalResponse.model_validate(goal)
        response.inherited = goal.week_start != week_start
        return response

    async def get_goal(self, user: User, goal_id: int) -> AdminGoal:
        goal = await self.session.scalar(self._select_own(user).where(AdminGoal.id == goal_id))
        if goal is None:
            raise NotFound(f"goal {goal_id} not found")
        return goal

    async def update_goal(self, user: User, goal_id: int, data: AdminGoalUpdate) -> AdminGoal:
        goal = await self.get_goal(user, goal_id)
        return await save_changes(self.session, goal, data.model_dump(exclude_unset=True))

    async def delete_goal(self, user: User, goal_id: int) -> None:
        deleted = await self.session.scalar(
            delete(AdminGoal)
            .where(AdminGoal.id == goal_id, AdminGoal.user_id == user.id)
            .returning(AdminGoal.id)
        )
        if deleted is None:
            raise NotFound(f"goal {goal_id} not found")

    @staticmethod
    def _select_own(user: User) -> Select[AdminGoal]:
        return select(AdminGoal).where(AdminGoal.user_id == user.id)
