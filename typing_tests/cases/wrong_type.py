"""An argument of the wrong type, by position or by keyword."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def send_email(to: str, retries: int, *, urgent: bool = False) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(send_email, "a@example.com", 3)
    tasks.add_task(send_email, "a@example.com", 3, urgent=True)
    tasks.add_task(send_email, to="a@example.com", retries=3)
    if TYPE_ERRORS:
        tasks.add_task(send_email, 42, 3)  # E
        tasks.add_task(send_email, "a@example.com", "3")  # E
        tasks.add_task(send_email, "a@example.com", 3, urgent="yes")  # E
        tasks.add_task(send_email, to=b"a@example.com", retries=3)  # E
        tasks.add_task(send_email, "a@example.com", None)  # E
