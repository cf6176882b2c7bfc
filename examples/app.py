"""A FastAPI app whose background tasks are called with the wrong arguments.

`python3 dev.py demo` type-checks this file next to FastAPI 0.70.0 and the
newest FastAPI, with and without fastapi-background-stubs installed.
"""

from __future__ import annotations

from fastapi import BackgroundTasks, FastAPI
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse

app = FastAPI()


def send_email(to: str, subject: str, *, urgent: bool = False) -> None: ...


async def notify(user_id: int) -> None: ...


def resize(path: str, width: int) -> bytes:
    return b""


@app.post("/signup")
async def signup(email: str, background_tasks: BackgroundTasks) -> dict[str, str]:
    background_tasks.add_task(send_email, email, "Welcome")  # fine
    background_tasks.add_task(send_email, 42, "Welcome")  # wrong type
    background_tasks.add_task(send_email, email)  # missing subject
    background_tasks.add_task(send_email, email, "Hi", True)  # urgent is keyword-only
    background_tasks.add_task(notify, user_id="7")  # wrong type, async task
    return {"status": "ok"}


@app.get("/thumbnail")
async def thumbnail(path: str) -> JSONResponse:
    data = await run_in_threadpool(resize, path, "100")  # width must be int
    return JSONResponse({"size": len(data)}, background=BackgroundTask(notify))  # missing user_id
