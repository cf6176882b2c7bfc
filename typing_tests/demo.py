"""Show the package's job: type-check examples/app.py with mypy and pyright
next to FastAPI 0.70.0 and the newest FastAPI, without and with the stubs,
and print the lines each checker rejects.  Run via `python3 dev.py demo`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import envs  # noqa: E402
import harness  # noqa: E402

EXAMPLE = envs.ROOT / "examples" / "app.py"
TOOLS = Path(sys.executable).parent
SHOWN = [("fastapi-0.70", "3.10"), ("fastapi-0.165", "3.13")]


def main() -> int:
    releases, _ = envs.load_matrix()
    lines = EXAMPLE.read_text().splitlines()
    status = 0
    for name, python in SHOWN:
        for stubs in (False, True):
            env = envs.venv(releases[name], python, stubs=stubs)
            label = "with" if stubs else "without"
            print(f"\n== {name} (Python {python}), {label} fastapi-background-stubs")
            for checker in ("mypy", "pyright"):
                run = harness.Run(env, python, (EXAMPLE,), envs.VENVS / "cache" / "demo")
                try:
                    diags = harness.run_checker(harness.CHECKERS[checker], run, TOOLS)
                except harness.HarnessError as exc:
                    print(f"   {checker}: {exc}")
                    status = 1
                    continue
                rejected = sorted({d.line for d in diags})
                print(f"   {checker}: {len(rejected)} rejected line(s)")
                for ln in rejected:
                    print(f"     {ln:3}: {lines[ln - 1].strip()}")
    return status


if __name__ == "__main__":
    sys.exit(main())
