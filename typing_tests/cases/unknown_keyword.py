"""A keyword argument that matches no parameter."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def resize(path: str, width: int = 100) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(resize, "a.png", width=20)
    tasks.add_task(resize, path="a.png")
    if SHAPE_ERRORS:
        tasks.add_task(resize, "a.png", height=20)  # E
        tasks.add_task(resize, "a.png", Width=20)  # E
        tasks.add_task(resize, pth="a.png")  # E
