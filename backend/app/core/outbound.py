"""The one budget every outbound call keeps (Clerk's JWKS, the AI that phrases nudges):
each call ends within its deadline, and the next waits its interval, after a failure
as after a success, so an outage upstream never turns into a flood of calls or of
waiting requests here."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Outbound:
    """One endpoint's budget, per process: a call takes at most `timeout` seconds in all
    (httpx's own timeout bounds each phase only); the next call may start
    `after_success` or `after_failure` seconds after this one started."""

    def __init__(self, *, timeout: float, after_success: float, after_failure: float) -> None:
        self.timeout = timeout
        self.after_success = after_success
        self.after_failure = after_failure
        self.next_call_at = float("-inf")
        self.failing = False

    def ready(self) -> bool:
        """Whether a call may start now."""
        return time.monotonic() >= self.next_call_at

    @asynccontextmanager
    async def call(self) -> AsyncIterator[None]:
        """Run the block as one call: cut at the deadline (TimeoutError), and counted a
        failure when anything escapes it."""
        started = time.monotonic()
        try:
            async with asyncio.timeout(self.timeout):
                yield
        except BaseException:
            self.failing = True
            self.next_call_at = started + self.after_failure
            raise
        self.failing = False
        self.next_call_at = started + self.after_success
