"""A response's `background=` takes a task or a task list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks
from fastapi.responses import JSONResponse
from starlette.background import BackgroundTask
from starlette.responses import Response

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def audit(event: str) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> Response:
    tasks.add_task(audit, "created")
    if TYPE_ERRORS:
        JSONResponse({}, background=audit)  # E
        JSONResponse({}, background=[BackgroundTask(audit, "x")])  # E
    if SHAPE_ERRORS:
        JSONResponse({}, background=BackgroundTask(audit))  # E
    return JSONResponse({"ok": True}, background=tasks)
