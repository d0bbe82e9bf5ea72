"""The one budget every outbound call keeps (Clerk's JWKS, the AI that phrases nudges):
each call ends within its deadline, calls are rate-limited, and a failure holds the next
call back for a while, so an outage upstream never turns into a flood of calls, or of
requests waiting on them, here."""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Outbound:
    """One endpoint's budget, per process.

    - a call takes at most `timeout` seconds in all (httpx's own timeout bounds each
      phase only);
    - a token bucket of `burst` calls, one more every `interval` seconds: at most
      `burst` calls at once, then one per `interval`;
    - a call that fails gives its token back but holds every call back until
      `after_failure` seconds after it started.
    """

    def __init__(
        self, *, timeout: float, burst: int = 1, interval: float, after_failure: float
    ) -> None:
        self.timeout = timeout
        self.burst = burst
        self.interval = interval
        self.after_failure = after_failure
        self.tokens = float(burst)
        self.counted_at = time.monotonic()
        self.held_until = float("-inf")
        self.failing = False

    def ready(self) -> bool:
        """Whether a call may start now."""
        now = time.monotonic()
        refill = max(0.0, now - self.counted_at) / self.interval
        self.tokens = min(self.burst, self.tokens + refill)
        self.counted_at = now
        return now >= self.held_until and self.tokens >= 1

    @asynccontextmanager
    async def call(self) -> AsyncIterator[None]:
        """Run the block as one call (after `ready()` said it may start): cut at the
        deadline (TimeoutError), and a failure when anything escapes it."""
        started = time.monotonic()
        self.tokens -= 1
        try:
            async with asyncio.timeout(self.timeout):
                yield
        except BaseException:
            self.tokens += 1
            self.failing = True
            self.held_until = started + self.after_failure
            raise
        self.failing = False
