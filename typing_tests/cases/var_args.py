"""Callees taking `*args` and `**kwargs`, and calls unpacking them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def log_all(*messages: str) -> None:
    CALLS.append(locals())


def audit(action: str, **fields: int) -> None:
    CALLS.append(locals())


def anything(*args: Any, **kwargs: Any) -> None:
    CALLS.append(locals())


def send_email(to: str, subject: str, body: str = "") -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    words = ["a", "b"]
    email: dict[str, str] = {"subject": "hi", "body": "text"}
    tasks.add_task(log_all)
    tasks.add_task(log_all, "a", "b", "c")
    tasks.add_task(log_all, *words)
    tasks.add_task(audit, "login", user=1, ip=2)
    tasks.add_task(anything, 1, "x", key=None)
    tasks.add_task(send_email, "a@example.com", **email)
    tasks.add_task(send_email, *["a@example.com", "hi"])
    if TYPE_ERRORS:
        tasks.add_task(log_all, "a", 2)  # E
        tasks.add_task(audit, "login", user="x")  # E
        tasks.add_task(log_all, *[1, 2])  # E
    if SHAPE_ERRORS:
        tasks.add_task(audit, "login", 1)  # E
        tasks.add_task(log_all, key="a")  # E
