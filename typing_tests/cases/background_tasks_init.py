"""`BackgroundTasks(tasks=...)` takes a sequence of `BackgroundTask`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.background import BackgroundTask, BackgroundTasks
from starlette.responses import PlainTextResponse, Response

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def cleanup(path: str) -> None:
    CALLS.append(locals())


async def endpoint() -> Response:
    tasks = BackgroundTasks(tasks=[BackgroundTask(cleanup, "/a")])
    tasks.add_task(cleanup, "/b")
    more = BackgroundTasks([BackgroundTask(cleanup, "/c")])
    tasks = BackgroundTasks([*tasks.tasks, *more.tasks])
    if TYPE_ERRORS:
        BackgroundTasks(tasks=[cleanup])  # E
        BackgroundTasks(tasks=BackgroundTask(cleanup, "/a"))  # E
    if SHAPE_ERRORS:
        BackgroundTasks(tasks=[BackgroundTask(cleanup)])  # E
        BackgroundTasks(tasks=[BackgroundTask(cleanup, "/a", force=True)])  # E
    return PlainTextResponse("ok", background=tasks)
