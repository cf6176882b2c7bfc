"""Keyword-only parameters cannot be passed by position."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def notify(user_id: int, *, channel: str, silent: bool = False) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(notify, 1, channel="sms")
    tasks.add_task(notify, 1, channel="sms", silent=True)
    tasks.add_task(notify, user_id=1, channel="sms")
    if SHAPE_ERRORS:
        tasks.add_task(notify, 1, "sms")  # E
        tasks.add_task(notify, 1)  # E
        tasks.add_task(notify, 1, "sms", True)  # E
    if TYPE_ERRORS:
        tasks.add_task(notify, 1, channel=2)  # E
