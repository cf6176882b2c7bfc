"""`fastapi.concurrency.run_in_threadpool` is Starlette's function."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi.concurrency import run_in_threadpool
from typing_extensions import assert_type

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def compute(a: int) -> str:
    return str(a)


async def endpoint() -> None:
    assert_type(await run_in_threadpool(compute, 1), str)
    if TYPE_ERRORS:
        await run_in_threadpool(compute, "1")  # E
    if SHAPE_ERRORS:
        await run_in_threadpool(compute, 1, 2)  # E
