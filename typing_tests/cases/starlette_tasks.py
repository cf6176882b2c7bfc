"""Starlette's own `BackgroundTasks.add_task`, without FastAPI."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.background import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def send_email(to: str, subject: str = "") -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(send_email, "a@example.com")
    tasks.add_task(send_email, to="a@example.com", subject="hi")
    if TYPE_ERRORS:
        tasks.add_task(send_email, 42)  # E
    if SHAPE_ERRORS:
        tasks.add_task(send_email)  # E
        tasks.add_task(send_email, "a@example.com", "hi", "x")  # E
        tasks.add_task(send_email, "a@example.com", cc="b@example.com")  # E
