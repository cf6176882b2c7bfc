"""Async callables that are not `async def` functions themselves.

An object with an async `__call__` (a `BackgroundTasks` added to another
task list is one) and a partial of an `async def` function. Starlette 0.20+
awaits both (it unwraps partials and looks at `__call__`). Older releases
use `asyncio.iscoroutinefunction(func)`, which unwraps partials (Python 3.8+)
but not `__call__`: they call such an object in the thread pool and never
await its coroutine (an expected runtime failure there, see matrix.toml).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from starlette.background import BackgroundTask, BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


async def send_email(to: str, subject: str) -> None:
    CALLS.append(locals())


def cleanup(path: str) -> None:
    CALLS.append(locals())


class AsyncNotifier:
    async def __call__(self, user_id: int) -> None:
        CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    more = BackgroundTasks([BackgroundTask(cleanup, "/c")])
    tasks.add_task(AsyncNotifier(), 1)
    tasks.add_task(functools.partial(send_email, "a@example.com"), "hi")
    tasks.add_task(more)
    tasks.add_task(BackgroundTasks())
    if TYPE_ERRORS:
        tasks.add_task(AsyncNotifier(), "1")  # E
    if SHAPE_ERRORS:
        tasks.add_task(AsyncNotifier(), 1, 2)  # E
        tasks.add_task(more, 1)  # E
