"""Lambdas: their parameters are checked like a function's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(lambda: CALLS.append(locals()))
    tasks.add_task(lambda x, y=2: CALLS.append(locals()), 1)
    tasks.add_task(lambda x, y=2: CALLS.append(locals()), 1, y=3)
    if SHAPE_ERRORS:
        tasks.add_task(lambda: CALLS.append(locals()), 1)  # E
        tasks.add_task(lambda x: CALLS.append(locals()))  # E
        tasks.add_task(lambda x: CALLS.append(locals()), 1, z=2)  # E
