from datetime import datetime

from app.core.clock import Clock


class FixedClock(Clock):
    """A clock that stands still until a test moves it."""

    def __init__(self, instant: datetime) -> None:
        self.instant = instant

    def now(self) -> datetime:
        return self.instant
