"""Parameters with defaults may be omitted, but not misused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def backup(path: str, compress: bool = True, level: int = 6) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(backup, "/data")
    tasks.add_task(backup, "/data", False)
    tasks.add_task(backup, "/data", level=9)
    tasks.add_task(backup, "/data", False, 1)
    if TYPE_ERRORS:
        tasks.add_task(backup, "/data", level="max")  # E
    if SHAPE_ERRORS:
        tasks.add_task(backup, "/data", True, 6, "extra")  # E
        tasks.add_task(backup, compress=False)  # E
