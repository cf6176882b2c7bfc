"""`iterate_in_threadpool` yields the items of a sync iterator."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.concurrency import iterate_in_threadpool
from typing_extensions import assert_type

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


async def endpoint() -> None:
    lines = iter(["a", "b"])
    seen: list[str] = []
    async for line in iterate_in_threadpool(lines):
        assert_type(line, str)
        seen.append(line)
    assert seen == ["a", "b"]
    if TYPE_ERRORS:
        iterate_in_threadpool(42)  # E
