"""Coroutine functions are awaited; their parameters are checked alike."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


async def send_email(to: str, subject: str = "") -> None:
    CALLS.append(locals())


async def count(n: int) -> int:
    CALLS.append(locals())
    return n


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(send_email, "a@example.com")
    tasks.add_task(send_email, "a@example.com", subject="hi")
    tasks.add_task(count, 3)
    if TYPE_ERRORS:
        tasks.add_task(send_email, 1)  # E
        tasks.add_task(count, "3")  # E
    if SHAPE_ERRORS:
        tasks.add_task(send_email)  # E
        tasks.add_task(send_email, "a@example.com", body="x")  # E
