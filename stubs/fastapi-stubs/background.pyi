# Stub for fastapi.background, valid for FastAPI 0.6x to 0.16x.
# FastAPI < 0.104 re-exports Starlette's class; 0.104+ subclasses it with
# the same ParamSpec `add_task`. This stub declares the subclass for every
# release (see README: "Deliberate differences from the runtime").
from collections.abc import Callable
from typing import Annotated, Any

from annotated_doc import Doc
from starlette.background import BackgroundTasks as StarletteBackgroundTasks
from typing_extensions import ParamSpec

_P = ParamSpec("_P")

class BackgroundTasks(StarletteBackgroundTasks):
    def add_task(
        self,
        func: Annotated[
            Callable[_P, Any],
            Doc(
                "The function to call after the response is sent, with "
                "`*args` and `**kwargs`, which the type checker matches "
                "against its signature. An `async def` function is "
                "awaited; a regular function runs in the thread pool. "
                "Tasks run in the order added; the return value is ignored. "
                "A generator function, or a sync callable returning a "
                "coroutine, is accepted but its body never runs."
            ),
        ],
        *args: _P.args,
        **kwargs: _P.kwargs,
    ) -> None: ...
    async def __call__(self) -> None: ...
