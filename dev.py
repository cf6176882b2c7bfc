"""Developer entry points; need only Python 3.11+ and pip.

    python3 dev.py test   # the whole test suite (what CI runs)
    python3 dev.py demo   # the package's job, shown on examples/app.py

Both create `.venvs/tools` with the pinned tools of
typing_tests/requirements.txt, then run inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
TOOLS = ROOT / ".venvs" / "tools"
REQS = ROOT / "typing_tests" / "requirements.txt"


def tools_python() -> Path:
    """Create or refresh the tools venv; return its interpreter."""
    python = TOOLS / "bin" / "python"
    stamp = TOOLS / "requirements.sha256"
    digest = hashlib.sha256(REQS.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return python
    print(f"dev.py: creating {TOOLS.relative_to(ROOT)} from {REQS.relative_to(ROOT)}", flush=True)
    venv.EnvBuilder(with_pip=True, clear=True).create(TOOLS)
    subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            str(REQS),
        ],
        check=True,
    )
    stamp.write_text(digest)
    return python


def test(args: list[str]) -> int:
    py = tools_python()
    bindir = py.parent
    lint = [
        [str(bindir / "ruff"), "check", "stubs", "typing_tests", "examples", "dev.py"],
        [str(bindir / "ruff"), "format", "--check", "stubs", "typing_tests", "examples", "dev.py"],
    ]
    for cmd in lint:
        print("$", " ".join(cmd), flush=True)
        if subprocess.run(cmd, cwd=ROOT).returncode != 0:
            return 1
    cmd = [str(py), "-m", "pytest", "typing_tests", "-ra", *args]
    print("$", " ".join(cmd), flush=True)
    return subprocess.run(cmd, cwd=ROOT).returncode


def demo(args: list[str]) -> int:
    py = tools_python()
    return subprocess.run(
        [str(py), str(ROOT / "typing_tests" / "demo.py"), *args], cwd=ROOT
    ).returncode


def main() -> int:
    commands = {"test": test, "demo": demo}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    os.environ.setdefault("UV_PYTHON_DOWNLOADS", "never")
    return commands[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
