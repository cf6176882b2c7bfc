"""Positional-only parameters cannot be passed by keyword."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


def charge(account: str, amount: int, /, currency: str = "EUR") -> None:
    CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(charge, "acc", 10)
    tasks.add_task(charge, "acc", 10, "USD")
    tasks.add_task(charge, "acc", 10, currency="USD")
    if SHAPE_ERRORS:
        tasks.add_task(charge, "acc", amount=10)  # E
        tasks.add_task(charge, account="acc", amount=10)  # E
