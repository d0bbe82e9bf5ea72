"""The server process's garbage collector: startup objects frozen once per process and
never unfrozen, young collections rare while the app runs."""

import gc

from fastapi import FastAPI

from app.core.runtime import (
    YOUNG_GENERATION_THRESHOLD,
    freeze_startup_objects,
    tuned_garbage_collector,
)


def test_the_first_start_freezes_what_is_alive_and_nothing_unfreezes_it() -> None:
    before = gc.get_threshold()
    gc.unfreeze()
    freeze_startup_objects.cache_clear()
    try:
        with tuned_garbage_collector():
            frozen = gc.get_freeze_count()
            assert frozen > 0
            assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, *before[1:])

        # Still frozen (objects freed since leave the count, hence no equality).
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == before
        # A later app in the same process freezes nothing more: not these either.
        _alive_since = [[n] for n in range(1000)]
        with tuned_garbage_collector():
            assert gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_objects_frozen_before_the_app_stay_frozen_after_it() -> None:
    # A process that froze its own heap first (mutmut's, before it forks a run per
    # mutant) keeps it frozen: otherwise its next full collection walks all of it.
    gc.unfreeze()
    freeze_startup_objects.cache_clear()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with tuned_garbage_collector():
            pass

        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()


async def test_the_app_runs_with_the_tuned_collector(app: FastAPI) -> None:
    # The `app` fixture runs the lifespan: the young threshold is raised while it runs.
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD
