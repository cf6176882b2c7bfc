"""Bound, static and class methods, sync and async."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fastapi import BackgroundTasks

SHAPE_ERRORS = TYPE_CHECKING  # rejected; the runtime raises TypeError
TYPE_ERRORS = TYPE_CHECKING  # rejected; the runtime does not check types
CALLS: list[dict[str, Any]] = []


class Mailer:
    def send(self, to: str, retries: int = 0) -> None:
        CALLS.append(locals())

    async def send_async(self, to: str) -> None:
        CALLS.append(locals())

    @staticmethod
    def render(template: str) -> None:
        CALLS.append(locals())

    @classmethod
    def configure(cls, host: str) -> None:
        CALLS.append(locals())


async def endpoint(tasks: BackgroundTasks) -> None:
    mailer = Mailer()
    tasks.add_task(mailer.send, "a@example.com")
    tasks.add_task(mailer.send, "a@example.com", retries=2)
    tasks.add_task(mailer.send_async, "a@example.com")
    tasks.add_task(Mailer.render, "welcome")
    tasks.add_task(Mailer.configure, "smtp.example.com")
    tasks.add_task(Mailer.send, mailer, "a@example.com")
    if TYPE_ERRORS:
        tasks.add_task(mailer.send, 1)  # E
        tasks.add_task(mailer.send_async, to=1)  # E
        tasks.add_task(Mailer.render, 1)  # E
        tasks.add_task(Mailer.configure, None)  # E
        tasks.add_task(mailer.send, mailer, "a@example.com")  # E
    if SHAPE_ERRORS:
        tasks.add_task(Mailer.send, "a@example.com")  # E
        tasks.add_task(Mailer.configure)  # E
