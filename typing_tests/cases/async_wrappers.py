"""Async callables that are not `async def` functions themselves.

A partial of an `async def` function and an object with an async
`__call__`: Starlette 0.20+ awaits them (it unwraps partials and looks at
`__call__`); older releases call them in the thread pool and never await
the coroutine (an expected runtime failure there, see the matrix).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


async def send_email(to: str, subject: str) -> None:
    CALLS.append(locals())


class AsyncNotifier:
    async def __call__(self, user_id: int) -> None:
        CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(AsyncNotifier(), 1)
    tasks.add_task(functools.partial(send_email, "a@example.com"), "hi")
    if TYPE_ERRORS:
        tasks.add_task(AsyncNotifier(), "1")  # E
    if SHAPE_ERRORS:
        tasks.add_task(AsyncNotifier(), 1, 2)  # E
