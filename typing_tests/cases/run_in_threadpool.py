"""`await run_in_threadpool(func, ...)` checks the call and returns its type."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from typing_extensions import assert_type

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def compute(a: int, b: str, *, scale: float = 1.0) -> float:
    return a * len(b) * scale


def fetch(key: str) -> list[str]:
    return [key]


async def endpoint() -> None:
    assert_type(await run_in_threadpool(compute, 2, "ab"), float)
    assert_type(await run_in_threadpool(compute, 2, "ab", scale=2.0), float)
    assert_type(await run_in_threadpool(fetch, key="k"), list[str])
    assert await run_in_threadpool(compute, 2, b="ab", scale=0.5) == 2.0
    if TYPE_ERRORS:
        await run_in_threadpool(compute, "2", "ab")  # E
        await run_in_threadpool(compute, 2, "ab", scale="x")  # E
        n: int = await run_in_threadpool(fetch, "k")  # E
    if SHAPE_ERRORS:
        await run_in_threadpool(compute, 2)  # E
        await run_in_threadpool(compute, 2, "ab", 1.0)  # E
        await run_in_threadpool(fetch, "k", retries=3)  # E
