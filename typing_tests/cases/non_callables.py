"""The first argument must be callable."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


async def endpoint(tasks: BackgroundTasks) -> None:
    if SHAPE_ERRORS:
        tasks.add_task(42)  # E
        tasks.add_task("send_email", "a@example.com")  # E
        tasks.add_task(None)  # E
        tasks.add_task()  # E
