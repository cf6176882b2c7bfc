"""Objects with a `__call__` method are checked against `__call__`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


class Notifier:
    def __call__(self, user_id: int, message: str = "") -> None:
        CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    notifier = Notifier()
    tasks.add_task(notifier, 1)
    tasks.add_task(notifier, 1, message="hi")
    if TYPE_ERRORS:
        tasks.add_task(notifier, "1")  # E
    if SHAPE_ERRORS:
        tasks.add_task(notifier)  # E
        tasks.add_task(notifier, 1, "hi", "extra")  # E
