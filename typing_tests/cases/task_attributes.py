"""Attributes of tasks keep their declared types."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks
from starlette.background import BackgroundTask
from typing_extensions import assert_type

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def ping(host: str) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(ping, "example.com")
    task = tasks.tasks[0]
    assert_type(tasks.tasks, list[BackgroundTask])
    assert_type(task.func, Callable[..., Any])
    assert_type(task.args, tuple[Any, ...])
    assert_type(task.kwargs, dict[str, Any])
    assert_type(task.is_async, bool)
    assert task.args == ("example.com",)
    if TYPE_ERRORS:
        tasks.tasks.append(ping)  # E
