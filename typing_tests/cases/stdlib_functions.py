"""Builtin and standard-library functions as tasks."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []

logger = logging.getLogger(__name__)


async def endpoint(tasks: BackgroundTasks) -> None:
    tasks.add_task(time.sleep, 0)
    tasks.add_task(logger.info, "sent %s", "mail")
    tasks.add_task(print, "done", end="")
    if TYPE_ERRORS:
        tasks.add_task(time.sleep, "0")  # E
        tasks.add_task(print, "done", end=1)  # E
    if SHAPE_ERRORS:
        tasks.add_task(time.sleep)  # E
        tasks.add_task(time.sleep, 0, 1)  # E
