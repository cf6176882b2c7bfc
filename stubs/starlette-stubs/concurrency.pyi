# Stub for starlette.concurrency, valid for Starlette 0.13 to 1.x.
# Starlette < 0.18 and 0.31-0.33 type `run_in_threadpool` with
# `Callable[..., T]` and `Any` arguments; this stub gives every release the
# ParamSpec signature of 0.18-0.30 and 0.34+.
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from typing import Annotated, Any, TypeVar

from annotated_doc import Doc
from typing_extensions import ParamSpec

_P = ParamSpec("_P")
_T = TypeVar("_T")

async def run_until_first_complete(
    *args: Annotated[
        tuple[Callable[..., Awaitable[Any]], dict[str, Any]],
        Doc(
            "`(handler, kwargs)` pairs. Each `handler(**kwargs)` is "
            "started concurrently; when the first one returns, the others "
            "are cancelled. Deprecated since Starlette 0.19."
        ),
    ],
) -> None: ...
async def run_in_threadpool(
    func: Annotated[
        Callable[_P, _T],
        Doc(
            "A regular (sync) function, called in a worker thread with "
            "`*args` and `**kwargs`, which the type checker matches "
            "against its signature. Awaiting the call returns what `func` "
            "returns and raises what it raises."
        ),
    ],
    *args: _P.args,
    **kwargs: _P.kwargs,
) -> _T: ...
def iterate_in_threadpool(
    iterator: Annotated[
        Iterable[_T],
        Doc(
            "A sync iterable; each `next()` call runs in the thread pool. "
            "Starlette before 0.35 calls `next()` on it directly, so "
            "there it must be an iterator."
        ),
    ],
) -> AsyncIterator[_T]: ...
