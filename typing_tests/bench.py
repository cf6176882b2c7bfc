"""Benchmark of the static harness (a script, not a test).

In one run, on the same case files and targets, with the same two workers:
  suite     static_suite.run_all(): every checker once per target, parsed
            and compared with the markers
  direct    the same checker commands run bare (no parsing, no comparison)
  per-case  one checker process per case file (pytest-mypy-plugins style),
            on the newest target only, scaled to all targets for comparison
Venvs are built before timing; mypy's cache is warm for all three modes.

    .venvs/tools/bin/python typing_tests/bench.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import envs  # noqa: E402
import harness  # noqa: E402
import static_suite  # noqa: E402


def runs() -> list[tuple[str, harness.Run]]:
    releases, targets = envs.load_matrix()
    cases = harness.load_cases()
    out = []
    for t in targets:
        rel = releases[t.release]
        files = tuple(c.path for c in cases if rel.fastapi or not c.needs_fastapi)
        python = envs.venv(rel, t.interpreter)
        cache = envs.VENVS / "cache" / static_suite.target_id(t).replace("/", "-")
        out.append((t.python, harness.Run(python, t.python, files, cache)))
    return out


def bare(argvs: list[list[str]]) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(
            pool.map(
                lambda a: subprocess.run(
                    [str(static_suite.TOOLS / a[0]), *a[1:]],
                    capture_output=True,
                    cwd=harness.CASES,
                    check=False,
                ),
                argvs,
            )
        )
    return time.perf_counter() - start


def main() -> None:
    plan = runs()  # builds the venvs outside the timings
    jobs = [c.argv(r) for v, r in plan for c in harness.CHECKERS.values() if c.supports(v)]
    bare(jobs)  # warm caches
    start = time.perf_counter()
    static_suite.run_all()
    suite = time.perf_counter() - start
    direct = bare(jobs)
    version, newest = plan[-2]
    per_case_jobs = [
        c.argv(harness.Run(newest.python, version, (f,), newest.cache))
        for c in harness.CHECKERS.values()
        for f in newest.files
    ]
    per_case_one = bare(per_case_jobs)
    per_case = per_case_one * len(plan)
    print(f"targets: {len(plan)}, checker processes: {len(jobs)}")
    print(f"suite (run, parse, compare):  {suite:7.1f} s")
    print(f"direct (same commands, bare): {direct:7.1f} s")
    print(f"harness overhead:             {100 * (suite - direct) / direct:7.1f} %")
    print(
        f"one process per case file:    {per_case:7.1f} s "
        f"({per_case_one:.1f} s for {len(per_case_jobs)} processes on {version}, x{len(plan)})"
    )
    print(f"speed-up vs per case:         {per_case / suite:7.1f} x")


if __name__ == "__main__":
    main()
