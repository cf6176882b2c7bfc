"""More positional arguments than the function takes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def log_event(name: str) -> None:
    CALLS.append(locals())


def tick() -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(log_event, "signup")
    tasks.add_task(tick)
    if SHAPE_ERRORS:
        tasks.add_task(log_event, "signup", "extra")  # E
        tasks.add_task(tick, 1)  # E
