"""Run typing case files against the installed FastAPI/Starlette release.

Usage (inside a release venv, see ``test_runtime.py``)::

    <venv python> typing_tests/runtime_runner.py CASE_FILE...

Must run on Python 3.9-3.13 and on every release in ``matrix.toml``
(Starlette 0.13.8 with asyncio and a requests-based TestClient, up to
Starlette 1.x with anyio and httpx).  For each case file it prints one JSON
object on stdout::

    {"case": "wrong_type.py", "status": "pass"|"fail"|"skip", "details": [...]}

Each detail is ``{"line": int|null, "kind": str, "ok": bool, "message": str}``.

What is checked:

* Accepted lines: ``endpoint`` runs behind a one-route Starlette app through
  the TestClient.  Every task the response carries whose function is defined
  in the case module must append exactly the arguments it was bound with
  (``inspect.signature(...).bind`` + defaults) to ``CALLS``, in order, after
  the response body was sent.  Other tasks (``print``...) must just run.
* ``if SHAPE_ERRORS:`` statements: each runs on its own (after the statements
  of ``endpoint`` that precede its block, so locals exist), with a fresh tasks
  object; the tasks it builds are awaited.  It must raise ``TypeError``.
* ``if NEVER_RUNS:`` statements: run the same way; they must not raise and
  must not add a record to ``CALLS`` beyond what the preceding statements add.
* ``if TYPE_ERRORS:`` statements are never executed.

The process exits 0 when every case was reported (whatever the verdicts), and
non-zero only when the runner itself crashed.
"""

from __future__ import annotations

import ast
import asyncio
import copy
import functools
import gc
import importlib.util
import inspect
import json
import os
import sys
import time
import traceback
import warnings
from typing import Any

GUARDS = ("SHAPE_ERRORS", "TYPE_ERRORS", "NEVER_RUNS")
MARKER_KEY = "__response_sent__"
VALUE_NAME = "_runtime_runner_value_"
STMT_FUNC = "_runtime_runner_statement_"
DROPPED_KEYS = ("self", "cls", "__class__")

_LOOP: asyncio.AbstractEventLoop | None = None


def loop() -> asyncio.AbstractEventLoop:
    """One event loop for the whole process, set as the current loop.

    Starlette 0.13's TestClient calls ``asyncio.get_event_loop()``, which
    fails after ``asyncio.run()`` has cleared the current loop, so the
    runner never uses ``asyncio.run``.
    """
    global _LOOP
    if _LOOP is None:
        _LOOP = asyncio.new_event_loop()
        asyncio.set_event_loop(_LOOP)
    return _LOOP


class Detail:
    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(self, kind: str, line: int | None, ok: bool, message: str) -> None:
        self.items.append({"line": line, "kind": kind, "ok": ok, "message": message})

    @property
    def failed(self) -> bool:
        return any(not d["ok"] for d in self.items)


# --------------------------------------------------------------- helpers


def _appended(records: list[Any], baseline: list[Any]) -> list[Any]:
    """Records a statement added on top of the baseline run (all, if it
    changed the baseline's own records)."""
    return records[len(baseline) :] if records[: len(baseline)] == baseline else records


def _short(value: Any, limit: int = 300) -> str:
    try:
        text = repr(value)
    except Exception as exc:  # pragma: no cover - defensive
        text = f"<unreprable {type(exc).__name__}>"
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _exc_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"


def _case_lines(exc: BaseException, path: str) -> list[int]:
    """Line numbers of the case file in the traceback of ``exc``."""
    lines: list[int] = []
    seen: set[int] = set()
    todo: list[BaseException] = [exc]
    while todo:
        cur = todo.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        for frame in traceback.extract_tb(cur.__traceback__):
            if os.path.abspath(frame.filename) == path and frame.lineno not in lines:
                lines.append(frame.lineno)
        for nxt in (cur.__cause__, cur.__context__):
            if nxt is not None:
                todo.append(nxt)
        todo.extend(getattr(cur, "exceptions", ()) or ())
    return lines


def _raised_at(exc: BaseException) -> str:
    """``file:line in func`` of the innermost frame that raised ``exc``."""
    tb = traceback.extract_tb(exc.__traceback__)
    if not tb:
        return "?"
    frame = tb[-1]
    return f"{os.path.basename(frame.filename)}:{frame.lineno} in {frame.name}"


def _find_type_error(exc: BaseException) -> BaseException | None:
    """``exc`` itself or a TypeError inside an exception group."""
    if isinstance(exc, TypeError):
        return exc
    for sub in getattr(exc, "exceptions", ()) or ():
        if isinstance(sub, BaseException):
            found = _find_type_error(sub)
            if found is not None:
                return found
    return None


def _caller_line(path: str) -> int | None:
    frame = sys._getframe(1)
    while frame is not None:
        if os.path.abspath(frame.f_code.co_filename) == path:
            return frame.f_lineno
        frame = frame.f_back
    return None


def _starlette() -> Any:
    import starlette.background as background
    import starlette.responses as responses

    return background, responses


class _HttpxAppCompat:
    """Let an httpx-based TestClient that passes ``app=`` run on httpx 0.28+.

    Starlette's TestClient up to 0.35 calls ``httpx.Client.__init__(app=...,
    transport=...)``; httpx 0.28 removed ``app``.  The transport is given as
    well, so ``app`` is redundant (httpx only used it to build a default
    transport): drop it while the client is built.  ``used`` tells whether
    the shim was needed.
    """

    def __init__(self) -> None:
        self.used = False
        self._client: Any = None
        self._init: Any = None

    def __enter__(self) -> _HttpxAppCompat:  # noqa: PYI034 - not subclassed
        try:
            import httpx
        except ImportError:
            return self
        init = httpx.Client.__init__
        try:
            if "app" in inspect.signature(init).parameters:
                return self
        except (TypeError, ValueError):
            return self
        shim = self

        @functools.wraps(init)
        def compat_init(client: Any, *args: Any, **kwargs: Any) -> None:
            if "app" in kwargs and kwargs.get("transport") is not None:
                kwargs.pop("app")
                shim.used = True
            init(client, *args, **kwargs)

        self._client, self._init = httpx.Client, init
        httpx.Client.__init__ = compat_init
        return self

    def __exit__(self, *exc: object) -> None:
        if self._client is not None:
            self._client.__init__ = self._init


# ------------------------------------------------- task -> expected record


class _Instance:
    """Stands for the ``self`` a class passed as a task is constructed with."""

    def __repr__(self) -> str:
        return "<new instance>"


def resolve(func: Any, args: tuple, kwargs: dict) -> tuple[Any, tuple, dict, str | None]:
    """The Python function a task ends up calling, with the arguments it gets.

    Unwraps partials (merging their arguments), ``functools.wraps`` chains,
    bound methods, classes (``__init__``) and callable instances
    (``type(obj).__call__``).  Returns ``(function, args, kwargs, injected)``
    where ``injected`` tells whether a ``self``/``cls`` was prepended.
    """
    injected = None
    for _ in range(50):
        if isinstance(func, functools.partial):
            args = tuple(func.args) + tuple(args)
            kwargs = {**func.keywords, **kwargs}
            func = func.func
            continue
        if inspect.ismethod(func):
            args = (func.__self__, *args)
            func = func.__func__
            injected = "bound"
            continue
        if inspect.isclass(func):
            args = (_Instance(), *args)
            func = func.__init__
            injected = "class"
            continue
        if inspect.isfunction(func):
            inner = inspect.unwrap(func)
            if inner is not func:
                func = inner
                continue
            return func, args, kwargs, injected
        if inspect.isbuiltin(func) or inspect.ismethoddescriptor(func) or inspect.isroutine(func):
            return func, args, kwargs, injected
        if not callable(func):
            return func, args, kwargs, injected
        call = type(func).__call__
        if call is None:
            return func, args, kwargs, injected
        args = (func, *args)
        func = call
        injected = "instance"
    return func, args, kwargs, injected


def expected_record(func: Any, args: tuple, kwargs: dict, injected: str | None) -> dict:
    sig = inspect.signature(func)
    bound = sig.bind(*args, **kwargs)
    bound.apply_defaults()
    record = dict(bound.arguments)
    if injected is not None:
        params = list(sig.parameters)
        if params:
            record.pop(params[0], None)
    for key in DROPPED_KEYS:
        record.pop(key, None)
    return record


def flatten(background: Any, via: tuple = ()) -> list[tuple[Any, tuple]]:
    """The BackgroundTask objects ``background`` runs, in order.

    Each comes with the lines of the tasks it is nested in (a task whose
    func is itself a BackgroundTasks/BackgroundTask).
    """
    bg_mod, _ = _starlette()
    out: list[tuple[Any, tuple]] = []
    if background is None:
        return out
    if isinstance(background, bg_mod.BackgroundTasks):
        for task in background.tasks:
            out.extend(flatten(task, via))
        return out
    if isinstance(background, bg_mod.BackgroundTask):
        func = background.func
        if (
            isinstance(func, bg_mod.BackgroundTask)
            and not background.args
            and not background.kwargs
        ):
            line = getattr(background, "_runtime_runner_line", None)
            return flatten(func, (*via, line))
        return [(background, via)]
    return out


# ------------------------------------------------------------- the module


def load(path: str, index: int) -> Any:
    stem = os.path.splitext(os.path.basename(path))[0]
    name = f"_runtime_case_{index}_{stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def endpoint_param(mod: Any) -> tuple[bool, Any]:
    """(takes a parameter, class to instantiate for it)."""
    sig = inspect.signature(mod.endpoint)
    params = list(sig.parameters.values())
    if not params:
        return False, None
    if len(params) > 1:
        raise TypeError(f"endpoint takes {len(params)} parameters; the runner passes one")
    ann = params[0].annotation
    if ann is inspect.Parameter.empty:
        raise TypeError("endpoint's parameter has no annotation naming its class")
    if isinstance(ann, str):
        ann = eval(ann, vars(mod))  # noqa: S307 - the case module's own annotation
    if not inspect.isclass(ann):
        raise TypeError(f"endpoint's parameter annotation {ann!r} is not a class")
    return True, ann


def reset_calls(mod: Any) -> None:
    mod.CALLS.clear()


# --------------------------------------------------------- accepted lines


def run_accepted(mod: Any, path: str, details: Detail) -> None:
    bg_mod, resp_mod = _starlette()
    from starlette.applications import Starlette
    from starlette.routing import Route
    from starlette.testclient import TestClient

    has_param, param_cls = endpoint_param(mod)
    state: dict[str, Any] = {}

    async def handler(request: Any) -> Any:
        if has_param:
            tasks = param_cls()
            result = await mod.endpoint(tasks)
        else:
            tasks = None
            result = await mod.endpoint()
        if isinstance(result, resp_mod.Response):
            response = result
        else:
            response = resp_mod.PlainTextResponse("ok", background=tasks)
        state["response"] = response
        return response

    inner = Starlette(routes=[Route("/", handler)])

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await inner(scope, receive, send)
            return

        async def marking_send(message: Any) -> None:
            await send(message)
            if message.get("type") == "http.response.body" and not message.get("more_body", False):
                mod.CALLS.append({MARKER_KEY: True})

        await inner(scope, receive, marking_send)

    original_init = bg_mod.BackgroundTask.__init__

    def recording_init(self: Any, *args: Any, **kwargs: Any) -> None:
        original_init(self, *args, **kwargs)
        self._runtime_runner_line = _caller_line(path)

    reset_calls(mod)
    bg_mod.BackgroundTask.__init__ = recording_init
    try:
        with _HttpxAppCompat() as compat:
            client = TestClient(app)
        if compat.used:
            details.add(
                "setup",
                None,
                True,
                "this Starlette's TestClient passes app= to httpx.Client, which the installed "
                "httpx rejects; the runner dropped app= (the transport is passed too)",
            )
        try:
            response = client.get("/")
        except BaseException as exc:
            lines = _case_lines(exc, path)
            details.add(
                "accepted",
                lines[-1] if lines else None,
                False,
                f"request raised {_exc_text(exc)} "
                f"(case lines {lines}; raised at {_raised_at(exc)})",
            )
            return
    finally:
        bg_mod.BackgroundTask.__init__ = original_init
    if response.status_code != 200:
        details.add(
            "accepted",
            None,
            False,
            f"response status {response.status_code}: {response.text[:200]}",
        )
        return

    calls = list(mod.CALLS)
    markers = [i for i, c in enumerate(calls) if isinstance(c, dict) and c.get(MARKER_KEY) is True]
    if len(markers) != 1:
        details.add(
            "accepted",
            None,
            False,
            f"expected one response-sent marker in CALLS, found {len(markers)}",
        )
        return
    marker = markers[0]
    records = [c for i, c in enumerate(calls) if i != marker]
    early = [c for i, c in enumerate(calls) if i < marker]
    if early:
        details.add(
            "accepted",
            None,
            False,
            f"{len(early)} record(s) appended before the response was sent: {_short(early)}",
        )

    expected: list[tuple[int | None, str, dict]] = []
    others: list[tuple[int | None, str]] = []
    response_obj = state.get("response")
    for task, via in flatten(response_obj.background if response_obj is not None else None):
        line = getattr(task, "_runtime_runner_line", None)
        where = "".join(f" (nested in the task added at line {v})" for v in reversed(via))
        try:
            func, args, kwargs, injected = resolve(task.func, task.args, task.kwargs)
        except Exception as exc:
            details.add(
                "accepted",
                line,
                False,
                f"cannot unwrap task {_short(task.func)}{where}: {_exc_text(exc)}",
            )
            continue
        if getattr(func, "__module__", None) != mod.__name__:
            others.append((line, f"{_short(task.func, 80)}{where}"))
            continue
        try:
            expected.append((line, where, expected_record(func, args, kwargs, injected)))
        except Exception as exc:
            details.add(
                "accepted",
                line,
                False,
                f"cannot bind the task's arguments to {func.__qualname__}{where}: {_exc_text(exc)}",
            )

    for line, name in others:
        details.add("accepted", line, True, f"task {name} (not from the case) ran without error")
    # Match records to tasks in order; a record that matches no task in turn
    # is extra, a task whose record never comes is missing.
    got = [
        {k: v for k, v in r.items() if k not in DROPPED_KEYS} if isinstance(r, dict) else r
        for r in records
    ]
    pos = 0
    for line, where, exp in expected:
        found = next((k for k in range(pos, len(got)) if got[k] == exp), None)
        if found is None:
            details.add(
                "accepted",
                line,
                False,
                f"missing record{where}: the task's body never ran with {_short(exp)}",
            )
            continue
        for k in range(pos, found):
            details.add(
                "accepted", None, False, f"record out of order or unexpected: {_short(got[k])}"
            )
        details.add("accepted", line, True, f"record {_short(got[found])}{where}")
        pos = found + 1
    for extra in got[pos:]:
        details.add(
            "accepted", None, False, f"extra record not matched by any task: {_short(extra)}"
        )
    if not expected and not others and not details.items:
        details.add("accepted", None, True, "endpoint ran; no tasks")


# ----------------------------------------------- SHAPE_ERRORS / NEVER_RUNS


def _guard_name(stmt: ast.stmt) -> str | None:
    if isinstance(stmt, ast.If) and isinstance(stmt.test, ast.Name) and stmt.test.id in GUARDS:
        return stmt.test.id
    return None


def _compile_statement(
    mod: Any, path: str, endpoint: ast.AST, prefix: list[ast.stmt], stmt: ast.stmt | None
) -> Any:
    """An ``async def`` with endpoint's parameters running prefix + stmt.

    It returns ``(value of stmt if an expression, locals())``.  Nodes keep
    their line numbers, and the code is compiled with the case's file name,
    so tracebacks name the case file's lines.
    """
    fn = copy.deepcopy(endpoint)
    fn.name = STMT_FUNC
    fn.decorator_list = []
    fn.returns = None
    a = fn.args
    for arg in [*getattr(a, "posonlyargs", []), *a.args, *a.kwonlyargs, a.vararg, a.kwarg]:
        if arg is not None:
            arg.annotation = None
    body = [copy.deepcopy(s) for s in prefix]
    anchor = stmt if stmt is not None else endpoint
    if stmt is None:
        value: ast.expr = ast.Constant(value=None)
    elif isinstance(stmt, ast.Expr):
        assign = ast.Assign(
            targets=[ast.Name(id=VALUE_NAME, ctx=ast.Store())], value=copy.deepcopy(stmt.value)
        )
        body.append(ast.copy_location(assign, stmt))
        value = ast.Name(id=VALUE_NAME, ctx=ast.Load())
    else:
        body.append(copy.deepcopy(stmt))
        value = ast.Constant(value=None)
    locals_call = ast.Call(func=ast.Name(id="locals", ctx=ast.Load()), args=[], keywords=[])
    ret = ast.Return(value=ast.Tuple(elts=[value, locals_call], ctx=ast.Load()))
    body.append(ast.copy_location(ret, anchor))
    fn.body = body
    module = ast.Module(body=[fn], type_ignores=[])
    ast.fix_missing_locations(module)
    code = compile(module, path, "exec", dont_inherit=True)
    namespace = vars(mod)
    exec(code, namespace)  # noqa: S102 - the case's own statements
    return namespace.pop(STMT_FUNC)


async def _drive(fn: Any, has_param: bool, param_cls: Any) -> tuple[str, BaseException | None]:
    """Run a compiled statement, then every task it built; (stage, exception)."""
    bg_mod, resp_mod = _starlette()
    stage = "the statement"
    try:
        if has_param:
            value, local_vars = await fn(param_cls())
        else:
            value, local_vars = await fn()
        targets: list[tuple[str, Any]] = []
        if isinstance(value, bg_mod.BackgroundTask):
            targets.append(("the statement's task", value))
        elif (
            isinstance(value, resp_mod.Response) and getattr(value, "background", None) is not None
        ):
            targets.append(("the response's background", value.background))
        for name, obj in local_vars.items():
            if name != VALUE_NAME and isinstance(obj, bg_mod.BackgroundTask):
                targets.append((f"tasks in local {name!r}", obj))
        done: set[int] = set()
        for label, task in targets:
            if id(task) in done:
                continue
            done.add(id(task))
            stage = f"running {label}"
            await task()
    except BaseException as exc:  # noqa: BLE001 - reported
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        return stage, exc
    return "", None


def _run(
    mod: Any, fn: Any, has_param: bool, param_cls: Any, quiet: bool
) -> tuple[str, BaseException | None, list]:
    reset_calls(mod)
    with warnings.catch_warnings():
        if quiet:
            warnings.filterwarnings(
                "ignore", message=r"coroutine .* was never awaited", category=RuntimeWarning
            )
        stage, exc = loop().run_until_complete(_drive(fn, has_param, param_cls))
        gc.collect()
        if quiet:
            # A worker thread may drop the unawaited coroutine just after
            # handing back its result: give it time while the filter holds.
            for _ in range(5):
                time.sleep(0.02)
                gc.collect()
    records = list(mod.CALLS)
    reset_calls(mod)
    return stage, exc, records


def run_guarded(mod: Any, path: str, source: str, details: Detail) -> None:
    tree = ast.parse(source, filename=path)
    endpoints = [
        n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "endpoint"
    ]
    if len(endpoints) != 1:
        details.add(
            "setup", None, False, f"expected one top-level endpoint, found {len(endpoints)}"
        )
        return
    endpoint = endpoints[0]
    top_level = {id(s) for s in endpoint.body}
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _guard_name(node) and id(node) not in top_level:
            details.add(
                "setup",
                node.lineno,
                False,
                f"`if {node.test.id}:` is not a top-level statement of endpoint; "
                "the runner cannot run it",
            )
        elif isinstance(node, ast.If) and _guard_name(node) and node.orelse:
            details.add(
                "setup", node.lineno, False, f"`if {node.test.id}:` has an else branch; unsupported"
            )
    for guard in {_guard_name(s) for s in endpoint.body} - {None}:
        if not hasattr(mod, guard):
            details.add("setup", None, False, f"{guard} is used but not defined in the module")
        elif getattr(mod, guard):
            details.add(
                "setup",
                None,
                False,
                f"{guard} is true at runtime; it must equal typing.TYPE_CHECKING",
            )

    has_param, param_cls = endpoint_param(mod)
    for index, block in enumerate(endpoint.body):
        guard = _guard_name(block)
        if guard not in ("SHAPE_ERRORS", "NEVER_RUNS"):
            continue
        kind = "shape" if guard == "SHAPE_ERRORS" else "never_runs"
        quiet = guard == "NEVER_RUNS"
        prefix = [s for s in endpoint.body[:index] if _guard_name(s) is None]
        try:
            base_fn = _compile_statement(mod, path, endpoint, prefix, None)
        except Exception as exc:
            details.add(
                kind,
                block.lineno,
                False,
                f"cannot compile the statements before `if {guard}:`: {_exc_text(exc)}",
            )
            continue
        stage, exc, baseline = _run(mod, base_fn, has_param, param_cls, quiet)
        if exc is not None:
            for stmt in block.body:
                details.add(
                    kind,
                    stmt.lineno,
                    False,
                    f"the accepted statements before `if {guard}:` raised {_exc_text(exc)} "
                    f"({stage}; raised at {_raised_at(exc)}), so this line cannot be judged",
                )
            continue
        for stmt in block.body:
            line = stmt.lineno
            try:
                fn = _compile_statement(mod, path, endpoint, prefix, stmt)
            except Exception as exc:
                details.add(kind, line, False, f"cannot compile: {_exc_text(exc)}")
                continue
            stage, exc, records = _run(mod, fn, has_param, param_cls, quiet)
            if guard == "SHAPE_ERRORS":
                type_error = _find_type_error(exc) if exc is not None else None
                if type_error is not None:
                    details.add(
                        kind,
                        line,
                        True,
                        f"TypeError ({stage}): {type_error} [raised at {_raised_at(type_error)}]",
                    )
                elif exc is not None:
                    details.add(
                        kind,
                        line,
                        False,
                        f"shape-rejected line raised {_exc_text(exc)} instead of TypeError "
                        f"({stage}; raised at {_raised_at(exc)})",
                    )
                else:
                    new = _appended(records, baseline)
                    details.add(
                        kind,
                        line,
                        False,
                        "shape-rejected line ran without TypeError"
                        + (f" (records appended: {_short(new)})" if new else ""),
                    )
            else:
                if exc is not None:
                    details.add(
                        kind,
                        line,
                        False,
                        f"never-runs line raised {_exc_text(exc)} "
                        f"({stage}; raised at {_raised_at(exc)})",
                    )
                elif records != baseline:
                    extra = _appended(records, baseline)
                    details.add(
                        kind,
                        line,
                        False,
                        f"never-runs line ran its body: CALLS got {_short(extra)}",
                    )
                else:
                    details.add(
                        kind, line, True, "ran without error; the body never ran (no record)"
                    )


# ------------------------------------------------------------------ main


def run_case(path: str, index: int) -> dict[str, Any]:
    path = os.path.abspath(path)
    name = os.path.basename(path)
    details = Detail()
    try:
        with open(path, encoding="utf-8") as fh:
            source = fh.read()
    except OSError as exc:
        details.add("setup", None, False, f"cannot read: {_exc_text(exc)}")
        return {"case": name, "status": "fail", "details": details.items}
    try:
        mod = load(path, index)
    except ModuleNotFoundError as exc:
        missing = exc.name or ""
        if (missing == "fastapi" or missing.startswith("fastapi.")) and importlib.util.find_spec(
            "fastapi"
        ) is None:
            details.add(
                "import", None, True, "imports fastapi, which this release does not install"
            )
            return {"case": name, "status": "skip", "details": details.items}
        lines = _case_lines(exc, path)
        details.add(
            "import", lines[-1] if lines else None, False, f"import failed: {_exc_text(exc)}"
        )
        return {"case": name, "status": "fail", "details": details.items}
    except BaseException as exc:
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        lines = _case_lines(exc, path)
        details.add(
            "import", lines[-1] if lines else None, False, f"import failed: {_exc_text(exc)}"
        )
        return {"case": name, "status": "fail", "details": details.items}

    if not isinstance(getattr(mod, "CALLS", None), list):
        details.add("setup", None, False, "module has no list CALLS")
        return {"case": name, "status": "fail", "details": details.items}
    if not inspect.iscoroutinefunction(getattr(mod, "endpoint", None)):
        details.add("setup", None, False, "module has no `async def endpoint`")
        return {"case": name, "status": "fail", "details": details.items}

    for step in (run_accepted, lambda m, p, d: run_guarded(m, p, source, d)):
        try:
            step(mod, path, details)
        except Exception as exc:
            lines = _case_lines(exc, path)
            details.add(
                "runner",
                lines[-1] if lines else None,
                False,
                f"runner error: {_exc_text(exc)}\n"
                + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__)),
            )
    return {"case": name, "status": "fail" if details.failed else "pass", "details": details.items}


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: runtime_runner.py CASE_FILE...", file=sys.stderr)
        return 2
    # Case code may print (``tasks.add_task(print, ...)``): keep the real
    # stdout for the JSON lines and send everything else to stderr.
    sys.stdout.flush()
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    loop()
    for index, path in enumerate(argv):
        result = run_case(path, index)
        out.write(json.dumps(result, default=repr) + "\n")
        out.flush()
    out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
