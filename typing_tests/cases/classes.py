"""A class passed as the task: its constructor is called."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


class Job:
    def __init__(self, job_id: int, *, priority: int = 0) -> None:
        CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(Job, 1)
    tasks.add_task(Job, 1, priority=5)
    if TYPE_ERRORS:
        tasks.add_task(Job, "1")  # E
    if SHAPE_ERRORS:
        tasks.add_task(Job)  # E
        tasks.add_task(Job, 1, 5)  # E
        tasks.add_task(Job, 1, urgent=True)  # E
