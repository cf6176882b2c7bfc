"""A required argument that is not passed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def send_email(to: str, subject: str) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(send_email, "a@example.com", "hi")
    tasks.add_task(send_email, "a@example.com", subject="hi")
    if SHAPE_ERRORS:
        tasks.add_task(send_email)  # E
        tasks.add_task(send_email, "a@example.com")  # E
        tasks.add_task(send_email, subject="hi")  # E
