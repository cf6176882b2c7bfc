"""Accepted by the types, but the task's body never runs.

A type checker cannot tell `async def f` from a sync callable returning a
coroutine, and a generator function is a valid `Callable`. The runtime calls
each of these in the thread pool and drops the result: the body of a
generator never starts, and the coroutine is never awaited (Python warns
"coroutine ... was never awaited"). See README, "What types cannot catch".
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

NEVER_RUNS = TYPE_CHECKING  # accepted; the runtime never runs the body
CALLS: list[dict[str, Any]] = []


def numbers(n: int) -> Iterator[int]:
    CALLS.append(locals())
    yield n


async def async_numbers(n: int) -> AsyncIterator[int]:
    CALLS.append(locals())
    yield n


async def send_email(to: str) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    if NEVER_RUNS:
        tasks.add_task(numbers, 1)
        tasks.add_task(async_numbers, 1)
        tasks.add_task(lambda: send_email("a@example.com"))
