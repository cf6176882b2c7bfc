# Stub for starlette.background, valid for Starlette 0.13 to 1.x.
# Starlette < 0.18 types `func` as a bare `Callable` and the arguments as
# `Any`; this stub gives every release the ParamSpec signature of 0.18+.
from collections.abc import Callable, Sequence
from typing import Annotated, Any

from annotated_doc import Doc
from starlette.concurrency import run_in_threadpool as run_in_threadpool
from typing_extensions import ParamSpec

_P = ParamSpec("_P")

class BackgroundTask:
    func: Annotated[
        Callable[..., Any],
        Doc("The callable to call, as given to the constructor."),
    ]
    args: Annotated[
        tuple[Any, ...],
        Doc("The positional arguments `func` is called with."),
    ]
    kwargs: Annotated[
        dict[str, Any],
        Doc("The keyword arguments `func` is called with."),
    ]
    is_async: Annotated[
        bool,
        Doc(
            "Whether `func` is awaited (True) or run in the thread pool. "
            "Starlette 0.20+ unwraps `functools.partial` and looks at "
            "`__call__`; older releases use `asyncio.iscoroutinefunction`, "
            "so there an object with an async `__call__` (such as a "
            "nested `BackgroundTasks`) is called in the thread pool and "
            "its coroutine never runs."
        ),
    ]
    def __init__(
        self,
        func: Annotated[
            Callable[_P, Any],
            Doc(
                "The function to call later with `*args` and `**kwargs`, "
                "which the type checker matches against its signature. "
                "An `async def` function is awaited; a regular function "
                "runs in the thread pool. The return value is ignored. "
                "A generator function, or a sync callable returning a "
                "coroutine, is accepted but its body never runs."
            ),
        ],
        *args: _P.args,
        **kwargs: _P.kwargs,
    ) -> None: ...
    async def __call__(self) -> None: ...

class BackgroundTasks(BackgroundTask):
    tasks: Annotated[
        list[BackgroundTask],
        Doc("The tasks, in the order they will run."),
    ]
    def __init__(
        self,
        tasks: Annotated[
            Sequence[BackgroundTask] | None,
            Doc("Tasks to start with, copied into a new list."),
        ] = None,
    ) -> None: ...
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
