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

YOUNG_GENERATION_THRESHOLD = 20_000


@contextmanager
def tuned_garbage_collector() -> Iterator[None]:
    """Freeze the objects alive now and raise the young generation's threshold until the
    block ends; then restore the thresholds and unfreeze (so a process that runs several
    apps, as the tests do, can collect a stopped one). Unfreezing is all or nothing: in
    a process that had frozen objects of its own before (mutmut's, which forks a test
    run per mutant), they all stay frozen rather than go back into every collection."""
    thresholds = gc.get_threshold()
    frozen_before = gc.get_freeze_count()
    gc.freeze()
    gc.set_threshold(YOUNG_GENERATION_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        if not frozen_before:
            gc.unfreeze()
