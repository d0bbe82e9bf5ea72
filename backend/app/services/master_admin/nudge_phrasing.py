"""Optional AI wording of nudges, through an OpenAI-compatible chat-completions endpoint.

The AI sees only the rule's own message and the facts it was computed from, and may only
rephrase them. Anything short of a sound answer within the deadline (an error, a
timeout, a non-2xx status, an empty, malformed or overlong reply) keeps the rule's text:
phrasing is a nicety and must never fail or stall a request.
"""

import json
import logging
from collections.abc import Mapping

import httpx

from app.core.config import Settings
from app.core.outbound import Outbound
from app.core.text import outside_text

DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TIMEOUT_SECONDS = 5.0
# After a failure the AI is left alone this long: the rule text is used at once, rather
# than every generate call waiting out the deadline of an endpoint that is down.
RETRY_INTERVAL_SECONDS = 30.0
# A generate call asks for at most one wording per rule (six) at once; beyond that, one
# more every 10 s: racing or repeated calls cannot run up the AI's bill.
CALLS_AT_ONCE = 6
CALL_INTERVAL_SECONDS = 10.0
MAX_MESSAGE_LENGTH = 500
SYSTEM_PROMPT = (
    "You word short nudges for a founder tracking their sales activity. You receive a "
    "nudge message and the facts behind it, as JSON. Only rephrase the message: keep "
    "every fact and number, add none, stay under 300 characters, and reply with the "
    "new message alone, in plain text."
)

logger = logging.getLogger(__name__)


class NudgePhraser:
    def __init__(
        self,
        http_client: httpx.AsyncClient,
        *,
        base_url: str,
        api_key: str,
        model: str,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self.http_client = http_client
        self.url = f"{base_url.rstrip('/')}/chat/completions"
        self.api_key = api_key
        self.model = model
        self.outbound = Outbound(
            timeout=timeout,
            burst=CALLS_AT_ONCE,
            interval=CALL_INTERVAL_SECONDS,
            after_failure=RETRY_INTERVAL_SECONDS,
        )

    @property
    def timeout(self) -> float:
        return self.outbound.timeout

    async def phrase(self, message: str, facts: Mapping[str, object]) -> str:
        """The AI's wording of `message`, or `message` itself when there is none: the AI
        failed, failed less than `RETRY_INTERVAL_SECONDS` ago, or was asked more than
        `CALLS_AT_ONCE` times within the last `CALL_INTERVAL_SECONDS` each."""
        if not self.outbound.ready():
            return message
        try:
            async with self.outbound.call():
                return await self._ask(message, facts)
        except (httpx.HTTPError, TimeoutError, ValueError) as error:
            logger.warning("nudge phrasing failed, keeping the rule text: %r", error)
            return message

    async def _ask(self, message: str, facts: Mapping[str, object]) -> str:
        """The AI's wording; an unusable reply is a failure (ValueError) like an error.
        Its deadline is the whole call's (`Outbound.call`), not httpx's per phase."""
        response = await self.http_client.post(
            self.url,
            headers={"Authorization": f"Bearer {self.api_key}"},
            json=self._request_body(message, facts),
        )
        response.raise_for_status()
        phrased = sound_reply(response.json())
        if phrased is None:
            raise ValueError("no usable text in the reply")
        return phrased

    def _request_body(self, message: str, facts: Mapping[str, object]) -> dict[str, object]:
        return {
            "model": self.model,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": json.dumps({"message": message, "facts": facts})},
            ],
            "temperature": 0.7,
            "max_tokens": 200,
        }


def sound_reply(payload: object) -> str | None:
    """The first choice's text, when it is text (`outside_text`): non-blank, at most
    `MAX_MESSAGE_LENGTH` characters."""
    match payload:
        case {"choices": [{"message": {"content": str(content)}}, *_]}:
            return outside_text(content.strip(), max_length=MAX_MESSAGE_LENGTH)
    return None


def nudge_phraser(settings: Settings, http_client: httpx.AsyncClient) -> NudgePhraser | None:
    """A phraser when an endpoint and its key are configured; without them, rules only."""
    if not settings.nudge_ai_base_url or not settings.nudge_ai_api_key:
        return None
    return NudgePhraser(
        http_client,
        base_url=settings.nudge_ai_base_url,
        api_key=settings.nudge_ai_api_key,
        model=settings.nudge_ai_model or DEFAULT_MODEL,
    )
