"""Run every case file at runtime on every (release, interpreter) pair.

One test per pair from ``matrix.toml`` (``release.pythons``): build the venv
(``envs.venv``), run ``runtime_runner.py`` over all case files in one
subprocess and check its verdicts.  A case named in the release's
``runtime_xfail`` must fail; if it passes, the test fails so the matrix stays
true.  A pair whose venv cannot be built (or whose interpreter is missing) is
skipped; the end-of-session summary lists the pairs that ran and were skipped.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # e.g. --import-mode=importlib
    sys.path.insert(0, str(HERE))

import conftest_runtime_plugin as summary  # noqa: E402
import envs  # noqa: E402

RUNNER = HERE / "runtime_runner.py"
CASES = sorted((HERE / "cases").glob("*.py"))
TIMEOUT = 900

RELEASES, _TARGETS = envs.load_matrix()
PAIRS = [
    pytest.param(release, python, id=f"{release.name}-py{python}")
    for release in RELEASES.values()
    for python in release.pythons
]


@pytest.fixture(scope="session")
def runtime_results(request: pytest.FixtureRequest) -> dict[tuple[str, str], dict[str, Any]]:
    config = request.config
    if not summary.is_registered(config):
        config.pluginmanager.register(summary, "runtime_summary")
    return summary.results(config)


def _format_case(case: dict[str, Any]) -> list[str]:
    lines = []
    for d in case.get("details", []):
        if d.get("ok"):
            continue
        where = f"{case['case']}:{d['line']}" if d.get("line") else case["case"]
        lines.append(f"  {where} [{d.get('kind')}] {d.get('message')}")
    return lines or [f"  {case['case']}: status {case.get('status')!r} with no failing detail"]


def _run_runner(python: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")
    }
    return subprocess.run(
        [str(python), str(RUNNER), *map(str, CASES)],
        capture_output=True,
        text=True,
        cwd=str(envs.ROOT),
        env=env,
        timeout=TIMEOUT,
        check=False,
    )


@pytest.mark.parametrize(("release", "python"), PAIRS)
def test_runtime(release: envs.Release, python: str, runtime_results: dict) -> None:
    key = (release.name, python)
    record: dict[str, Any] = {"state": "skipped", "reason": ""}
    runtime_results[key] = record

    try:
        venv_python = envs.venv(release, python)
    except envs.EnvError as exc:
        record["reason"] = str(exc)
        msg = str(exc)
        if not msg.startswith(release.name):
            msg = f"{release.name} on Python {python}: {msg}"
        pytest.skip(msg)
    record["state"] = "crashed"

    try:
        proc = _run_runner(venv_python)
    except subprocess.TimeoutExpired as exc:
        record["problems"] = [f"runner timed out after {TIMEOUT}s"]
        pytest.fail(
            f"runtime_runner.py timed out after {TIMEOUT}s on {release.name} / Python {python}\n"
            f"stdout:\n{exc.stdout}\nstderr:\n{exc.stderr}",
            pytrace=False,
        )

    stderr_tail = "\n".join(proc.stderr.splitlines()[-60:])
    results: dict[str, dict[str, Any]] = {}
    bad_lines = []
    for raw in proc.stdout.splitlines():
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            if not isinstance(obj, dict) or not {"case", "status", "details"} <= obj.keys():
                raise ValueError("not a case result object")
        except ValueError as exc:
            bad_lines.append(f"{raw[:200]!r} ({exc})")
            continue
        results[obj["case"]] = obj
    names = [c.name for c in CASES]
    missing = [n for n in names if n not in results]
    if proc.returncode != 0 or bad_lines or missing:
        record["problems"] = [
            f"runner exited {proc.returncode}; "
            f"{len(bad_lines)} unparseable line(s); missing {missing}"
        ]
        pytest.fail(
            f"runtime_runner.py failed on {release.name} / Python {python} "
            f"(exit {proc.returncode})\n"
            + ("unparseable output:\n  " + "\n  ".join(bad_lines) + "\n" if bad_lines else "")
            + (f"no result for: {', '.join(missing)}\n" if missing else "")
            + f"stderr (last 60 lines):\n{stderr_tail}",
            pytrace=False,
        )

    counts = {"pass": 0, "fail": 0, "skip": 0}
    for r in results.values():
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    record.update(counts=counts, xfail=[], xfail_skipped=[], problems=[])

    failures: list[str] = []
    unknown_xfail = [name for name in release.runtime_xfail if name not in results]
    for name in unknown_xfail:
        failures.append(f"runtime_xfail of {release.name} names {name!r}, which is not a case file")
    for name in names:
        case = results[name]
        status = case["status"]
        reason = release.runtime_xfail.get(name)
        if reason is not None:
            if status == "pass":
                failures.append(f"expected failure now passes: {name} on {release.name}: {reason}")
            elif status == "fail":
                record["xfail"].append(name)
                print(f"expected failure: {name} on {release.name} / Python {python}: {reason}")
                print("\n".join(_format_case(case)))
            else:
                record["xfail_skipped"].append(name)
                print(f"expected failure not run ({status}): {name} on {release.name}: {reason}")
            continue
        if status == "fail":
            failures.append(f"{name} failed:\n" + "\n".join(_format_case(case)))
        elif status not in ("pass", "skip"):
            failures.append(f"{name}: unknown status {status!r}")

    record["problems"] = [
        line.strip() for f in failures for line in (f.splitlines()[1:] or f.splitlines())
    ]
    record["state"] = "failed" if failures else "passed"
    if failures:
        pytest.fail(
            f"{len(failures)} runtime problem(s) on {release.name} / Python {python}:\n"
            + "\n".join(failures)
            + (f"\nrunner stderr (last 60 lines):\n{stderr_tail}" if stderr_tail else ""),
            pytrace=False,
        )
