"""Constructing a single `BackgroundTask` for a response."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.background import BackgroundTask
from starlette.responses import PlainTextResponse, Response

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def cleanup(path: str, *, force: bool = False) -> None:
    CALLS.append(locals())


async def endpoint() -> Response:
    task = BackgroundTask(cleanup, "/tmp/x", force=True)
    if TYPE_ERRORS:
        BackgroundTask(cleanup, 1)  # E
        BackgroundTask(cleanup, "/tmp/x", force="yes")  # E
    if SHAPE_ERRORS:
        BackgroundTask(cleanup)  # E
        BackgroundTask(cleanup, "/tmp/x", True)  # E
        BackgroundTask(cleanup, "/tmp/x", mode=1)  # E
        BackgroundTask(42)  # E
    return PlainTextResponse("ok", background=task)
