"""The server process's garbage collector: startup objects frozen, young collections rare,
and both undone when the app stops."""

import gc

from fastapi import FastAPI

from app.core.runtime import YOUNG_GENERATION_THRESHOLD, tuned_garbage_collector


def test_the_collector_is_tuned_while_the_app_runs_and_restored_after() -> None:
    before = gc.get_threshold()
    gc.unfreeze()

    with tuned_garbage_collector():
        assert gc.get_freeze_count() > 0
        assert gc.get_threshold() == (YOUNG_GENERATION_THRESHOLD, *before[1:])

    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


async def test_the_app_runs_with_the_tuned_collector(app: FastAPI) -> None:
    # The `app` fixture runs the lifespan: startup has frozen what it built.
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == YOUNG_GENERATION_THRESHOLD


def test_objects_frozen_before_the_app_stay_frozen_after_it() -> None:
    # A process that froze its own heap first (mutmut's, before it forks a run per
    # mutant) keeps it frozen: otherwise its next full collection walks all of it.
    gc.unfreeze()
    gc.freeze()
    frozen = gc.get_freeze_count()
    try:
        with tuned_garbage_collector():
            assert gc.get_freeze_count() >= frozen

        assert gc.get_freeze_count() >= frozen > 0
    finally:
        gc.unfreeze()
