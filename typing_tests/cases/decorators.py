"""A ParamSpec-preserving decorator keeps the signature checked."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from fastapi import BackgroundTasks
from typing_extensions import ParamSpec

P = ParamSpec("P")
R = TypeVar("R")

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def logged(func: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return func(*args, **kwargs)

    return wrapper


@logged
def send_email(to: str, subject: str) -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(send_email, "a@example.com", "hi")
    tasks.add_task(send_email, "a@example.com", subject="hi")
    if TYPE_ERRORS:
        tasks.add_task(send_email, "a@example.com", 1)  # E
    if SHAPE_ERRORS:
        tasks.add_task(send_email, "a@example.com")  # E
        tasks.add_task(send_email, "a@example.com", "hi", "extra")  # E
