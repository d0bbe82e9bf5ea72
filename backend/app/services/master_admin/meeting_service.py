"""Meeting templates: each user's own reusable agendas."""

from collections.abc import Sequence

from sqlalchemy import Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import NotFound
from app.models import AdminMeeting, User
from app.schemas.master_admin.meetings import AdminMeetingCreate, AdminMeetingUpdate
from app.services.changes import save_changes
from app.services.master_admin.meeting_defaults import DEFAULT_TEMPLATES


class MeetingService:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @staticmethod
    def default_templates() -> Sequence[AdminMeetingCreate]:
        return DEFAULT_TEMPLATES

    async def create_meeting(self, user: User, data: AdminMeetingCreate) -> AdminMeeting:
        meeting = AdminMeeting(user_id=user.id, **data.model_dump())
        self.session.add(meeting)
        await self.session.flush()
        return meeting

    async def list_meetings(self, user: User) -> Sequence[AdminMeeting]:
        meetings = await self.session.scalars(
            select(AdminMeeting)
            .where(AdminMeeting.user_id == user.id)
            .order_by(AdminMeeting.created_at.desc(), AdminMeeting.id.desc())
        )
        return meetings.all()

    async def get_meeting(self, user: User, meeting_id: int) -> AdminMeeting:
        meeting = await self.session.scalar(self._select_own(user, meeting_id))
        if meeting is None:
            raise NotFound(f"meeting template {meeting_id} not found")
        return meeting

    async def update_meeting(
        self, user: User, meeting_id: int, update: AdminMeetingUpdate
    ) -> AdminMeeting:
        meeting = await self.get_meeting(user, meeting_id)
        return await save_changes(self.session, meeting, update.model_dump(exclude_unset=True))

    async def delete_meeting(self, user: User, meeting_id: int) -> None:
        deleted = await self.session.scalar(
            delete(AdminMeeting)
            .where(AdminMeeting.id == meeting_id, AdminMeeting.user_id == user.id)
            .returning(AdminMeeting.id)
        )
        if deleted is None:
            raise NotFound(f"meeting template {meeting_id} not found")

    @staticmethod
    def _select_own(user: User, meeting_id: int) -> Select[AdminMeeting]:
        return select(AdminMeeting).where(
            AdminMeeting.id == meeting_id, AdminMeeting.user_id == user.id
        )
