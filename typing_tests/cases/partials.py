"""`functools.partial` objects: the remaining parameters are checked."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def send_email(to: str, subject: str, body: str = "") -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    to_admin = functools.partial(send_email, "admin@example.com")
    tasks.add_task(to_admin, "hi")
    tasks.add_task(to_admin, "hi", body="text")
    tasks.add_task(to_admin, subject="hi")
    tasks.add_task(functools.partial(send_email, subject="hi"), "a@example.com")
    tasks.add_task(functools.partial(send_email, "a@example.com", "hi"))
    if TYPE_ERRORS:
        tasks.add_task(to_admin, 1)  # E
        tasks.add_task(to_admin, "hi", body=2)  # E
    if SHAPE_ERRORS:
        tasks.add_task(to_admin, "hi", "text", "extra")  # E
        tasks.add_task(to_admin, "hi", cc="x")  # E
