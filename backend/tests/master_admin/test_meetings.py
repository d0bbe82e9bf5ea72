from datetime import date, datetime

import httpx
import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.models import AdminMeeting, MeetingType, User
from tests.clock import TODAY, utc
from tests.factories import create_meeting, create_user
from tests.helpers import API
from tests.statements import counting_statements

MEETINGS = f"{API}/meetings"


async def create(client: httpx.AsyncClient, **body: object) -> dict[str, object]:
    response = await client.post(MEETINGS, json={"title": "Intro", "type": "demo", **body})
    assert response.status_code == 201, response.text
    created: dict[str, object] = response.json()
    return created


# --- creating -------------------------------------------------------------------------


async def test_create_a_template_with_defaults(client: httpx.AsyncClient) -> None:
    response = await client.post(MEETINGS, json={"title": "Acme discovery", "type": "discovery"})

    assert response.status_code == 201
    body = response.json()
    me = (await client.get(f"{API}/me")).json()
    assert body["user_id"] == me["id"]
    assert isinstance(body["id"], int)
    assert body["title"] == "Acme discovery"
    assert body["type"] == "discovery"
    assert body["duration_minutes"] == 60
    assert body["agenda"] is None
    assert body["questions"] is None
    assert body["follow_up_tasks"] is None
    assert datetime.fromisoformat(body["created_at"]).tzinfo is not None
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None


async def test_create_a_full_template(client: httpx.AsyncClient, session: AsyncSession) -> None:
    body = await create(
        client,
        title="Closing: Acme",
        type="closing",
        duration_minutes=45,
        agenda="1. Recap\n2. Terms",
        questions="Who signs?",
        follow_up_tasks="Send the contract",
    )

    stored = await session.scalar(select(AdminMeeting).where(AdminMeeting.id == body["id"]))
    assert stored is not None
    assert (stored.title, stored.type, stored.duration_minutes) == (
        "Closing: Acme",
        MeetingType.CLOSING,
        45,
    )
    assert (stored.agenda, stored.questions, stored.follow_up_tasks) == (
        "1. Recap\n2. Terms",
        "Who signs?",
        "Send the contract",
    )


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "t"},
        {"title": "é" * 255},
        {"duration_minutes": 5},
        {"duration_minutes": 480},
        {"agenda": "a" * 10_000, "questions": "q" * 10_000, "follow_up_tasks": "f" * 10_000},
        {"type": "negotiation"},
    ],
)
async def test_bounds_are_accepted(client: httpx.AsyncClient, fields: dict[str, object]) -> None:
    body = await create(client, **fields)

    for name, value in fields.items():
        assert body[name] == value


@pytest.mark.parametrize(
    "body",
    [
        {"type": "demo"},
        {"title": "Demo"},
        {"title": "", "type": "demo"},
        {"title": "x" * 256, "type": "demo"},
        {"title": None, "type": "demo"},
        {"title": "a\x00b", "type": "demo"},
        {"title": "Demo", "type": "webinar"},
        {"title": "Demo", "type": None},
        {"title": "Demo", "type": "demo", "duration_minutes": 4},
        {"title": "Demo", "type": "demo", "duration_minutes": 481},
        {"title": "Demo", "type": "demo", "duration_minutes": 2**63},
        {"title": "Demo", "type": "demo", "duration_minutes": None},
        {"title": "Demo", "type": "demo", "duration_minutes": "60"},
        {"title": "Demo", "type": "demo", "duration_minutes": 60.0},
        {"title": "Demo", "type": "demo", "duration_minutes": True},
        {"title": "Demo", "type": "demo", "agenda": "a" * 10_001},
        {"title": "Demo", "type": "demo", "questions": "q" * 10_001},
        {"title": "Demo", "type": "demo", "follow_up_tasks": "f" * 10_001},
        {"title": "Demo", "type": "demo", "agenda": "\x00"},
        {"title": "Demo", "type": "demo", "user_id": 1},
        {"title": "Demo", "type": "demo", "colour": "blue"},
    ],
)
async def test_create_refuses_bad_input(
    client: httpx.AsyncClient, session: AsyncSession, body: dict[str, object]
) -> None:
    response = await client.post(MEETINGS, json=body)

    assert response.status_code == 422
    assert isinstance(response.json()["detail"], list)
    assert (await session.scalars(select(AdminMeeting))).all() == []


# --- reading --------------------------------------------------------------------------


async def test_list_is_mine_only_newest_first(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    await create_meeting(session, other)
    first = await create(client, title="First")
    second = await create(client, title="Second")

    response = await client.get(MEETINGS)

    assert response.status_code == 200
    assert [row["id"] for row in response.json()] == [second["id"], first["id"]]
    assert response.json()[0] == second


async def test_list_is_newest_created_first_whatever_the_ids(
    client: httpx.AsyncClient, session: AsyncSession, founder: User
) -> None:
    later = await create_meeting(session, founder, created_at=utc(TODAY, 10))
    earlier = await create_meeting(session, founder, created_at=utc(date(2026, 11, 24), 10))

    response = await client.get(MEETINGS)

    assert [row["id"] for row in response.json()] == [later.id, earlier.id]


async def test_list_is_empty_for_a_new_user(client: httpx.AsyncClient) -> None:
    response = await client.get(MEETINGS)

    assert response.status_code == 200
    assert response.json() == []


async def test_get_one(client: httpx.AsyncClient) -> None:
    created = await create(client, agenda="Show the dashboard")

    response = await client.get(f"{MEETINGS}/{created['id']}")

    assert response.status_code == 200
    assert response.json() == created


async def test_another_users_or_unknown_template_is_not_found(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    other = await create_user(session)
    foreign = await create_meeting(session, other, title="Theirs")

    for meeting_id in (foreign.id, 2_147_483_647):
        url = f"{MEETINGS}/{meeting_id}"
        expected = {"detail": f"meeting template {meeting_id} not found"}
        for response in (
            await client.get(url),
            await client.put(url, json={"title": "Mine now"}),
            await client.delete(url),
        ):
            assert response.status_code == 404
            assert response.json() == expected
    await session.refresh(foreign)
    assert foreign.title == "Theirs"


@pytest.mark.parametrize("method", ["PUT", "DELETE", "POST"])
async def test_the_defaults_path_only_reads(client: httpx.AsyncClient, method: str) -> None:
    response = await client.request(method, f"{MEETINGS}/defaults", json={"title": "T"})

    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD"


# --- updating -------------------------------------------------------------------------


async def test_update_changes_only_the_fields_sent(client: httpx.AsyncClient) -> None:
    created = await create(
        client, title="Demo", duration_minutes=30, agenda="Agenda", questions="Questions"
    )

    response = await client.put(
        f"{MEETINGS}/{created['id']}", json={"title": "Demo v2", "duration_minutes": 90}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["title"] == "Demo v2"
    assert body["duration_minutes"] == 90
    assert body["type"] == "demo"
    assert body["agenda"] == "Agenda"
    assert body["questions"] == "Questions"
    assert body["created_at"] == created["created_at"]
    assert datetime.fromisoformat(body["updated_at"]).tzinfo is not None
    assert (await client.get(f"{MEETINGS}/{created['id']}")).json() == body


async def test_update_with_null_clears_the_text_fields(client: httpx.AsyncClient) -> None:
    created = await create(client, agenda="A", questions="Q", follow_up_tasks="F")

    response = await client.put(
        f"{MEETINGS}/{created['id']}",
        json={"agenda": None, "questions": None, "follow_up_tasks": "Call back"},
    )

    body = response.json()
    assert (body["agenda"], body["questions"], body["follow_up_tasks"]) == (
        None,
        None,
        "Call back",
    )


async def test_an_empty_update_changes_nothing(
    client: httpx.AsyncClient, engine: AsyncEngine
) -> None:
    created = await create(client, agenda="A")

    with counting_statements(engine) as sent:
        response = await client.put(f"{MEETINGS}/{created['id']}", json={})

    assert [statement for statement in sent if statement.startswith("UPDATE")] == []

    assert response.status_code == 200
    body = response.json()
    assert {name: body[name] for name in ("title", "type", "duration_minutes", "agenda")} == {
        "title": "Intro",
        "type": "demo",
        "duration_minutes": 60,
        "agenda": "A",
    }


@pytest.mark.parametrize(
    "body",
    [
        {"title": None},
        {"type": None},
        {"duration_minutes": None},
        {"title": ""},
        {"title": "x" * 256},
        {"type": "lunch"},
        {"duration_minutes": 481},
        {"duration_minutes": "90"},
        {"duration_minutes": 90.0},
        {"agenda": "a" * 10_001},
        {"questions": "\x00"},
        {"id": 7},
    ],
)
async def test_update_refuses_bad_input(client: httpx.AsyncClient, body: dict[str, object]) -> None:
    created = await create(client)

    response = await client.put(f"{MEETINGS}/{created['id']}", json=body)

    assert response.status_code == 422
    assert (await client.get(f"{MEETINGS}/{created['id']}")).json() == created


async def test_a_null_title_names_the_field(client: httpx.AsyncClient) -> None:
    created = await create(client)

    response = await client.put(f"{MEETINGS}/{created['id']}", json={"title": None})

    assert response.json()["detail"][0]["loc"] == ["body", "title"]


# --- deleting -------------------------------------------------------------------------


async def test_delete_removes_the_template(client: httpx.AsyncClient) -> None:
    kept = await create(client, title="Kept")
    gone = await create(client, title="Gone")

    response = await client.delete(f"{MEETINGS}/{gone['id']}")

    assert response.status_code == 204
    assert response.content == b""
    assert (await client.get(f"{MEETINGS}/{gone['id']}")).status_code == 404
    assert (await client.delete(f"{MEETINGS}/{gone['id']}")).status_code == 404
    assert [row["id"] for row in (await client.get(MEETINGS)).json()] == [kept["id"]]


# --- default templates ----------------------------------------------------------------


async def test_defaults_offer_one_unsaved_template_per_type(client: httpx.AsyncClient) -> None:
    response = await client.get(f"{MEETINGS}/defaults")

    assert response.status_code == 200
    defaults = response.json()
    assert [template["type"] for template in defaults] == [
        "discovery",
        "demo",
        "negotiation",
        "closing",
    ]
    for template in defaults:
        assert set(template) == {
            "title",
            "type",
            "duration_minutes",
            "agenda",
            "questions",
            "follow_up_tasks",
        }
        assert template["title"]
        assert 5 <= template["duration_minutes"] <= 480
        assert template["agenda"]
        assert template["questions"]
        assert template["follow_up_tasks"]
    assert (await client.get(MEETINGS)).json() == []


async def test_a_default_can_be_saved_as_it_is(client: httpx.AsyncClient) -> None:
    defaults = (await client.get(f"{MEETINGS}/defaults")).json()

    saved = [await client.post(MEETINGS, json=template) for template in defaults]

    assert [response.status_code for response in saved] == [201] * 4
    for response, template in zip(saved, defaults, strict=True):
        assert {name: response.json()[name] for name in template} == template


async def test_openapi_documents_the_bounds_of_an_update(
    anonymous_client: httpx.AsyncClient,
) -> None:
    schemas = (await anonymous_client.get("/openapi.json")).json()["components"]["schemas"]
    update = schemas["AdminMeetingUpdate"]["properties"]

    assert (update["title"]["minLength"], update["title"]["maxLength"]) == (1, 255)
    assert (update["duration_minutes"]["minimum"], update["duration_minutes"]["maximum"]) == (
        5,
        480,
    )
    assert update["agenda"]["anyOf"] == [{"type": "string", "maxLength": 10_000}, {"type": "null"}]
    # A field that cannot be cleared offers no null, not even as its default.
    assert update["title"] == {"type": "string", "minLength": 1, "maxLength": 255, "title": "Title"}
