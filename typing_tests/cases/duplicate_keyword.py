"""An argument given both by position and by keyword."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def store(key: str, value: int) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(store, "k", value=1)
    if SHAPE_ERRORS:
        tasks.add_task(store, "k", 1, key="k")  # E
        tasks.add_task(store, "k", key="k", value=1)  # E
