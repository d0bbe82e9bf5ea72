"""The optional AI phrasing of nudges, against a stubbed OpenAI-compatible endpoint."""

import asyncio
import json
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import respx
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from app.core.config import Settings
from app.models import User
from app.services.master_admin.nudge_phrasing import (
    DEFAULT_MODEL,
    MAX_MESSAGE_LENGTH,
    SYSTEM_PROMPT,
    NudgePhraser,
    nudge_phraser,
)
from app.services.master_admin.nudge_rules import NO_FOCUS, NO_GOAL
from tests.clock import FixedClock
from tests.committed_app import committing_app, unique_clerk_id
from tests.factories import create_nudge, create_user
from tests.helpers import API, ClientWith, configured, http_client

BASE_URL = "https://ai.example.test/v1"
COMPLETIONS = f"{BASE_URL}/chat/completions"
FACTS = {"week_start": "2026-11-23"}


def completion(content: object) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
    }


@pytest.fixture
async def outbound() -> AsyncIterator[httpx.AsyncClient]:
    """The client the phraser calls the AI endpoint with."""
    async with httpx.AsyncClient() as client:
        yield client


@pytest.fixture
def phraser(outbound: httpx.AsyncClient) -> NudgePhraser:
    return NudgePhraser(outbound, base_url=BASE_URL, api_key="sk-test", model="tiny-model")


# --- the client -----------------------------------------------------------------------


@respx.mock
async def test_the_ai_wording_is_used_when_it_is_sound(phraser: NudgePhraser) -> None:
    route = respx.post(COMPLETIONS).respond(
        json=completion("  Set this week's targets now, so you can see your pace.  ")
    )

    phrased = await phraser.phrase(NO_GOAL, FACTS)

    assert phrased == "Set this week's targets now, so you can see your pace."
    assert route.call_count == 1


@respx.mock
async def test_the_request_carries_only_the_rule_text_and_facts(phraser: NudgePhraser) -> None:
    route = respx.post(COMPLETIONS).respond(json=completion("Rephrased."))

    await phraser.phrase(NO_GOAL, FACTS)

    request = route.calls.last.request
    assert request.headers["Authorization"] == "Bearer sk-test"
    body = json.loads(request.content)
    assert body["model"] == "tiny-model"
    system, user = body["messages"]
    assert system["role"] == "system"
    assert system["content"] == SYSTEM_PROMPT
    assert user["role"] == "user"
    assert json.loads(user["content"]) == {"message": NO_GOAL, "facts": FACTS}


@respx.mock
async def test_a_trailing_slash_in_the_base_url_is_harmless(
    outbound: httpx.AsyncClient,
) -> None:
    route = respx.post(COMPLETIONS).respond(json=completion("Rephrased."))
    phraser = NudgePhraser(outbound, base_url=f"{BASE_URL}/", api_key="k", model="m")

    assert await phraser.phrase(NO_GOAL, FACTS) == "Rephrased."
    assert route.call_count == 1


@respx.mock
async def test_only_trailing_slashes_are_taken_off_the_base_url(
    outbound: httpx.AsyncClient,
) -> None:
    route = respx.post("https://ai.example/v1/X/chat/completions").respond(
        json=completion("Rephrased.")
    )
    phraser = NudgePhraser(outbound, base_url="https://ai.example/v1/X//", api_key="k", model="m")

    assert await phraser.phrase(NO_GOAL, FACTS) == "Rephrased."
    assert route.call_count == 1


@respx.mock
async def test_the_request_asks_for_a_short_varied_answer(phraser: NudgePhraser) -> None:
    route = respx.post(COMPLETIONS).respond(json=completion("Rephrased."))

    await phraser.phrase(NO_GOAL, FACTS)

    body = json.loads(route.calls.last.request.content)
    assert set(body) == {"model", "messages", "temperature", "max_tokens"}
    assert (body["temperature"], body["max_tokens"]) == (0.7, 200)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(500, json={"error": "boom"}),
        httpx.Response(404, json=completion("Not for a 404")),
        httpx.Response(429, json=completion("Slow down")),
        httpx.Response(200, text="not json at all"),
        httpx.Response(200, json=[]),
        httpx.Response(200, json={"choices": []}),
        httpx.Response(200, json={"choices": [{"message": {}}]}),
        httpx.Response(200, json={"choices": "many"}),
        httpx.Response(200, json=completion(None)),
        httpx.Response(200, json=completion(42)),
        httpx.Response(200, json=completion("")),
        httpx.Response(200, json=completion("   \n ")),
        httpx.Response(200, json=completion("x" * (MAX_MESSAGE_LENGTH + 1))),
        httpx.Response(200, json=completion("bad\x00text")),
        # ASCII-escaped, as a JSON encoder writes them (httpx cannot encode them raw).
        httpx.Response(200, content=json.dumps(completion("Set targets now \ud83d")).encode()),
        httpx.Response(200, content=json.dumps(completion("\udfaf Set targets")).encode()),
    ],
    ids=[
        "500",
        "404",
        "429",
        "not-json",
        "json-array",
        "no-choices",
        "no-content",
        "choices-not-a-list",
        "null-content",
        "number-content",
        "empty-content",
        "blank-content",
        "too-long",
        "nul-character",
        "lone-high-surrogate",
        "lone-low-surrogate",
    ],
)
@respx.mock
async def test_any_bad_answer_keeps_the_rule_text(
    phraser: NudgePhraser, response: httpx.Response
) -> None:
    route = respx.post(COMPLETIONS).mock(return_value=response)

    assert await phraser.phrase(NO_GOAL, FACTS) == NO_GOAL
    assert route.call_count == 1


@respx.mock
async def test_an_answer_of_exactly_the_maximum_length_is_used(phraser: NudgePhraser) -> None:
    respx.post(COMPLETIONS).respond(json=completion("y" * MAX_MESSAGE_LENGTH))

    assert await phraser.phrase(NO_GOAL, FACTS) == "y" * MAX_MESSAGE_LENGTH


@pytest.mark.parametrize(
    "error",
    [
        httpx.ConnectTimeout("connect timed out"),
        httpx.ReadTimeout("read timed out"),
        httpx.ConnectError("connection refused"),
        httpx.RemoteProtocolError("server hung up"),
    ],
)
@respx.mock
async def test_network_failures_keep_the_rule_text(
    phraser: NudgePhraser, error: httpx.HTTPError
) -> None:
    respx.post(COMPLETIONS).mock(side_effect=error)

    assert await phraser.phrase(NO_GOAL, FACTS) == NO_GOAL


@respx.mock
async def test_a_kept_rule_text_is_logged_with_its_reason(
    outbound: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    respx.post(COMPLETIONS).mock(
        side_effect=[httpx.ConnectError("connection refused"), httpx.Response(200, json={})]
    )

    # Two phrasers (two processes' budgets): after a failure one leaves the AI alone.
    for _ in range(2):
        phraser = NudgePhraser(outbound, base_url=BASE_URL, api_key="sk-test", model="m")
        await phraser.phrase(NO_GOAL, FACTS)

    assert [record.getMessage() for record in caplog.records] == [
        "nudge phrasing failed, keeping the rule text: ConnectError('connection refused')",
        "nudge phrasing failed, keeping the rule text: ValueError('no usable text in the reply')",
    ]


@respx.mock
async def test_a_slow_answer_is_abandoned_at_the_deadline(outbound: httpx.AsyncClient) -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(2)
        return httpx.Response(200, json=completion("Too late"))

    respx.post(COMPLETIONS).mock(side_effect=slow)
    phraser = NudgePhraser(outbound, base_url=BASE_URL, api_key="k", model="m", timeout=0.05)

    started = time.monotonic()
    phrased = await phraser.phrase(NO_GOAL, FACTS)

    assert phrased == NO_GOAL
    assert time.monotonic() - started < 1


def test_the_default_deadline_is_five_seconds(phraser: NudgePhraser) -> None:
    assert phraser.timeout == 5.0


@pytest.mark.parametrize(
    "failure",
    [httpx.Response(503), httpx.ConnectError("refused"), httpx.Response(200, json=completion(""))],
    ids=["503", "unreachable", "unusable-reply"],
)
@respx.mock
async def test_after_a_failure_the_ai_is_left_alone_for_30_seconds(
    phraser: NudgePhraser, monkeypatch: pytest.MonkeyPatch, failure: httpx.Response | Exception
) -> None:
    now = [1000.0]
    monkeypatch.setattr("app.core.outbound.time.monotonic", lambda: now[0])
    route = respx.post(COMPLETIONS).mock(
        side_effect=[failure, httpx.Response(200, json=completion("Back."))]
    )

    assert await phraser.phrase(NO_GOAL, FACTS) == NO_GOAL
    now[0] += 29.9
    assert await phraser.phrase(NO_FOCUS, FACTS) == NO_FOCUS  # at once, unasked
    assert route.call_count == 1
    now[0] += 0.1
    assert await phraser.phrase(NO_GOAL, FACTS) == "Back."
    assert route.call_count == 2


@respx.mock
async def test_successes_are_rate_limited_too(
    outbound: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = [1000.0]
    monkeypatch.setattr("app.core.outbound.time.monotonic", lambda: now[0])
    phraser = NudgePhraser(outbound, base_url=BASE_URL, api_key="k", model="m")
    route = respx.post(COMPLETIONS).respond(json=completion("Rephrased."))

    # Six at once (a generate call's worth), then the rule text, unasked.
    phrased = await asyncio.gather(*(phraser.phrase(NO_GOAL, FACTS) for _ in range(7)))
    assert phrased == ["Rephrased."] * 6 + [NO_GOAL]
    assert route.call_count == 6
    now[0] += 9.9
    assert await phraser.phrase(NO_GOAL, FACTS) == NO_GOAL
    now[0] += 0.1  # one more every 10 s
    assert [await phraser.phrase(NO_GOAL, FACTS) for _ in range(2)] == ["Rephrased.", NO_GOAL]
    now[0] += 60  # a quiet minute refills six, not more
    assert [await phraser.phrase(NO_GOAL, FACTS) for _ in range(7)] == ["Rephrased."] * 6 + [
        NO_GOAL
    ]
    assert route.call_count == 13


# --- configuration --------------------------------------------------------------------


@pytest.mark.parametrize(
    "overrides",
    [
        {},
        {"nudge_ai_base_url": BASE_URL},
        {"nudge_ai_api_key": "sk-test"},
        {"nudge_ai_base_url": "", "nudge_ai_api_key": "sk-test"},
    ],
)
def test_without_a_base_url_and_key_there_is_no_phraser(
    settings: Settings, outbound: httpx.AsyncClient, overrides: dict[str, str]
) -> None:
    assert nudge_phraser(configured(settings, **overrides), outbound) is None


def test_a_base_url_and_key_make_a_phraser(settings: Settings, outbound: httpx.AsyncClient) -> None:
    with_ai = configured(settings, nudge_ai_base_url=BASE_URL, nudge_ai_api_key="sk-test")

    phraser = nudge_phraser(with_ai, outbound)

    assert phraser is not None
    assert (phraser.model, phraser.api_key) == (DEFAULT_MODEL, "sk-test")
    named = nudge_phraser(configured(with_ai, nudge_ai_model="m-2"), outbound)
    assert named is not None
    assert named.model == "m-2"


# --- through the API ------------------------------------------------------------------


@pytest.fixture
def ai_client(client_with: ClientWith, bearer: Callable[..., dict[str, str]]) -> ClientWith:
    """`async with ai_client(**settings) as client`: `client_with`, signed in as the
    master admin."""

    @asynccontextmanager
    async def build(**overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        async with client_with(**overrides) as client:
            client.headers.update(bearer())
            yield client

    return build


AI = {"nudge_ai_base_url": BASE_URL, "nudge_ai_api_key": "sk-test", "nudge_ai_model": "m"}


@respx.mock
async def test_generate_uses_the_ai_wording(ai_client: ClientWith, founder: User) -> None:
    route = respx.post(COMPLETIONS).respond(json=completion("AI says hi."))

    async with ai_client(**AI) as client:
        response = await client.post(f"{API}/nudges/generate")

    assert response.status_code == 201
    assert sorted(nudge["rule_key"] for nudge in response.json()) == [
        "no_focus:2026-11-25",
        "no_goal:2026-11-25",
    ]
    assert [nudge["message"] for nudge in response.json()] == ["AI says hi.", "AI says hi."]
    assert route.call_count == 2
    sent = [
        json.loads(json.loads(call.request.content)["messages"][1]["content"])
        for call in route.calls
    ]
    assert sorted(sent, key=lambda request: request["message"]) == [
        {
            "message": NO_FOCUS,
            "facts": {"local_time": "15:00", "focus_sessions_completed_today": 0},
        },
        {"message": NO_GOAL, "facts": FACTS},
    ]


@respx.mock
async def test_no_database_connection_is_held_while_the_ai_answers(
    settings: Settings,
    clock: FixedClock,
    engine: AsyncEngine,
    bearer: Callable[..., dict[str, str]],
) -> None:
    # The real session dependency, so the pool shows what a request holds.
    clerk_user_id = unique_clerk_id("user_ai_pool")
    held: list[int] = []
    async with (
        committing_app(
            configured(settings, **AI), clock, engine, clerk_user_ids=[clerk_user_id]
        ) as app,
        http_client(app, headers=bearer(sub=clerk_user_id)) as client,
    ):

        def answer(request: httpx.Request) -> httpx.Response:
            held.append(app.state.engine.pool.checkedout())
            return httpx.Response(200, json=completion("AI says hi."))

        respx.post(COMPLETIONS).mock(side_effect=answer)
        response = await client.post(f"{API}/nudges/generate")

    assert response.status_code == 201
    assert [nudge["message"] for nudge in response.json()] == ["AI says hi.", "AI says hi."]
    assert held == [0, 0]


@respx.mock
async def test_generate_asks_the_ai_only_for_nudges_it_will_create(
    ai_client: ClientWith, founder: User
) -> None:
    route = respx.post(COMPLETIONS).respond(json=completion("AI says hi."))

    async with ai_client(**AI) as client:
        await client.post(f"{API}/nudges/generate")
        again = await client.post(f"{API}/nudges/generate")

    assert again.status_code == 201
    assert again.json() == []
    assert route.call_count == 2


@pytest.mark.parametrize(
    "side_effect",
    [httpx.Response(500), httpx.ReadTimeout("slow"), httpx.Response(200, json=completion(""))],
)
@respx.mock
async def test_generate_succeeds_with_the_rule_text_when_the_ai_fails(
    ai_client: ClientWith, founder: User, side_effect: httpx.Response | Exception
) -> None:
    respx.post(COMPLETIONS).mock(side_effect=[side_effect, side_effect])

    async with ai_client(**AI) as client:
        response = await client.post(f"{API}/nudges/generate")

    assert response.status_code == 201
    messages = {nudge["rule_key"]: nudge["message"] for nudge in response.json()}
    assert messages == {"no_goal:2026-11-25": NO_GOAL, "no_focus:2026-11-25": NO_FOCUS}


@respx.mock
async def test_a_reply_that_is_not_text_is_never_stored(
    ai_client: ClientWith, founder: User
) -> None:
    # The example: a lone surrogate, which asyncpg refuses to send to PostgreSQL.
    respx.post(COMPLETIONS).respond(
        content=b'{"choices":[{"message":{"content":"Set this week\'s targets now \\ud83d"}}]}'
    )

    async with ai_client(**AI) as client:
        generated = await client.post(f"{API}/nudges/generate")
        listed = await client.get(f"{API}/nudges")

    assert generated.status_code == 201
    messages = {nudge["rule_key"]: nudge["message"] for nudge in generated.json()}
    assert messages == {"no_goal:2026-11-25": NO_GOAL, "no_focus:2026-11-25": NO_FOCUS}
    assert sorted(nudge["message"] for nudge in listed.json()) == sorted([NO_GOAL, NO_FOCUS])


@respx.mock
async def test_without_ai_configuration_no_request_is_made(
    ai_client: ClientWith, founder: User
) -> None:
    route = respx.route().respond(json=completion("Should not be asked"))

    async with ai_client() as client:
        response = await client.post(f"{API}/nudges/generate")

    assert response.status_code == 201
    assert {nudge["rule_key"]: nudge["message"] for nudge in response.json()} == {
        "no_goal:2026-11-25": NO_GOAL,
        "no_focus:2026-11-25": NO_FOCUS,
    }
    assert route.call_count == 0


@respx.mock
async def test_another_users_nudge_of_the_same_rule_does_not_stop_the_callers(
    ai_client: ClientWith, founder: User, session: AsyncSession
) -> None:
    await create_nudge(session, await create_user(session), rule_key="no_goal:2026-11-25")
    respx.post(COMPLETIONS).respond(json=completion("AI says hi."))

    async with ai_client(**AI) as client:
        response = await client.post(f"{API}/nudges/generate")

    assert {nudge["rule_key"]: nudge["message"] for nudge in response.json()} == {
        "no_goal:2026-11-25": "AI says hi.",
        "no_focus:2026-11-25": "AI says hi.",
    }
