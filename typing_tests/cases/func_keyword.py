"""`func` is positional-or-keyword, as at runtime."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def send_email(to: str) -> None:
    CALLS.append(locals())


def configure(func: str) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(func=send_email, to="a@example.com")
    if SHAPE_ERRORS:
        tasks.add_task(configure, func="x")  # E
        tasks.add_task(send_email, "a@example.com", func=send_email)  # E
