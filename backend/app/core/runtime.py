"""The server process's garbage collector, tuned for a long-running async service.

Measured under `make bench`: with Python's defaults, a full collection walked every
object built at startup (FastAPI, SQLAlchemy and Pydantic's own) about once a second,
stopping the event loop for up to 70 ms, which every in-flight request waited out (the
p99 at 32 clients); and 32 concurrent requests' short-lived objects crossed the young
generation's threshold of 700 about 120 times a second. Freezing what startup built
takes it out of every collection; a higher young threshold leaves the short-lived
objects to reference counting, which frees all but the few in reference cycles (about
25 a request), and those wait for the next young collection: a few MB at most.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

YOUNG_GENERATION_THRESHOLD = 20_000


@cache
def freeze_startup_objects() -> None:
    """Freeze the objects alive now, once per process: at the first app's start, which
    in a server is its only one. Never undone: unfreezing is all or nothing, and would
    also hand back to every collection whatever else the process froze (mutmut freezes
    its own heap, gigabytes, before it forks a test run per mutant); a process that runs
    several apps, as the tests do, collects the later ones as usual."""
    gc.freeze()


@contextmanager
def tuned_garbage_collector() -> Iterator[None]:
    """Startup's objects frozen (`freeze_startup_objects`) and the young generation's
    threshold raised until the block ends, when the thresholds are restored."""
    thresholds = gc.get_threshold()
    freeze_startup_objects()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
