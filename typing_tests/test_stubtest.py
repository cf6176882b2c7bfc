"""Run mypy's stubtest against every release in ``matrix.toml``.

For each release, stubtest compares the stubs installed from the wheel
(``starlette-stubs``) with the modules it imports from the pinned release:
``starlette``, ``starlette.background`` and ``starlette.concurrency``.

stubtest imports the runtime modules, so it has to run inside a venv that
holds the release; that venv gets the pinned mypy from ``requirements.txt``
as well (mypy needs Python >= 3.10, so the release's interpreter is 3.11 if
it lists it, else its first one >= 3.10).  The venv is separate from the
runtime-test venvs of ``envs.venv`` (``<release>-py<X.Y>-stubtest`` under
``.venvs/``) and is rebuilt only when its pins, mypy pin or the wheel change.

Known differences are listed in ``stubtest_allowlist.txt`` (format described
at its top).  Each release gets the entries that apply to it; an entry that
names releases must be used on each of them, and an entry for all releases
must be used on at least one (``test_allowlist_has_no_stale_entries``).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

# Same top-level `envs` module as conftest/static_suite use (one wheel build).
if str(Path(__file__).resolve().parent) not in sys.path:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
import envs  # noqa: E402

ALLOWLIST = envs.TESTS / "stubtest_allowlist.txt"
REQUIREMENTS = envs.TESTS / "requirements.txt"
STARLETTE_MODULES = ("starlette.background", "starlette.concurrency")
STUBTEST_TIMEOUT = 600

RELEASES, _TARGETS = envs.load_matrix()


# --------------------------------------------------------------------------
# Allowlist


@dataclass(frozen=True)
class Entry:
    line: int
    pattern: str
    releases: tuple[str, ...] | None  # None: every release
    reason: str

    def applies_to(self, release: str) -> bool:
        return self.releases is None or release in self.releases


_ENTRY = re.compile(r"^(?P<pattern>\S+)(?:\s+\[(?P<releases>[^\]]*)\])?\s*$")


@functools.cache
def allowlist() -> tuple[Entry, ...]:
    """Parse ``stubtest_allowlist.txt``; raise ValueError on a malformed file."""
    entries: list[Entry] = []
    reason: list[str] = []
    problems: list[str] = []
    for lineno, raw in enumerate(ALLOWLIST.read_text().splitlines(), 1):
        line = raw.strip()
        if not line:
            reason = []  # a blank line ends a reason
            continue
        if line.startswith("#"):
            reason.append(line.lstrip("#").strip())
            continue
        m = _ENTRY.match(line)
        if m is None:
            problems.append(f"line {lineno}: expected `PATTERN [release, ...]`: {raw!r}")
            continue
        try:
            if re.fullmatch(m["pattern"], ""):
                # stubtest never reports such an entry as unused
                problems.append(f"line {lineno}: {m['pattern']!r} matches the empty string")
        except re.error as exc:
            problems.append(f"line {lineno}: bad regex {m['pattern']!r}: {exc}")
        releases = None
        if m["releases"] is not None:
            releases = tuple(r.strip() for r in m["releases"].split(",") if r.strip())
            unknown = [r for r in releases if r not in RELEASES]
            if unknown or not releases:
                problems.append(f"line {lineno}: unknown or no releases {unknown} in {raw!r}")
        text = " ".join(r for r in reason if r)
        if not text:
            problems.append(f"line {lineno}: entry {m['pattern']!r} has no reason comment above it")
        entries.append(Entry(lineno, m["pattern"], releases, text))
    if problems:
        raise ValueError(f"{ALLOWLIST}:\n" + "\n".join(problems))
    return tuple(entries)


# --------------------------------------------------------------------------
# Venv with the release, the stub wheel and the pinned mypy


def mypy_pin() -> str:
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if re.match(r"mypy\s*==", line):
            return line.replace(" ", "")
    raise envs.EnvError(f"{REQUIREMENTS} has no mypy== pin")


def stubtest_python(release: envs.Release) -> str | None:
    """Interpreter version stubtest runs on for ``release`` (3.11 if listed)."""
    ok = [p for p in release.pythons if tuple(map(int, p.split("."))) >= (3, 10)]
    ok.sort(key=lambda p: p != "3.11")  # stable: 3.11 first, then matrix order
    for py in ok:
        if envs.interpreter(py) is not None:
            return py
    return None


def stubtest_venv(release: envs.Release, python: str) -> Path:
    """Like ``envs.venv(release, python)`` but with the pinned mypy added."""
    base = envs.interpreter(python)
    if base is None:
        raise envs.EnvError(f"no CPython {python} on this machine")
    name = f"{release.name}-py{python}-stubtest"
    reqs = [*release.pins, mypy_pin()]
    whl = envs.wheel()
    digest = hashlib.sha256("\n".join([base, *reqs]).encode())
    digest.update(whl.read_bytes())
    reqs.append(str(whl))
    with envs._locked(name):
        return envs._build(release, python, base, envs.VENVS / name, reqs, digest.hexdigest())


# --------------------------------------------------------------------------
# Running stubtest


@dataclass(frozen=True)
class Result:
    release: str
    python: str
    command: str
    returncode: int
    output: str
    applied: tuple[Entry, ...]
    unused: frozenset[str]  # patterns stubtest reported as unused

    @property
    def errors(self) -> bool:
        """Whether stubtest reported anything but unused allowlist entries."""
        if self.returncode == 0:
            return False
        for line in self.output.splitlines():
            if line.startswith("note: unused allowlist entry "):
                continue
            if line.startswith("Found ") and " error" in line:
                continue
            if line.strip():
                return True
        return False


@functools.cache
def run_stubtest(name: str) -> Result:
    release = RELEASES[name]
    python = stubtest_python(release)
    if python is None:
        pytest.skip(f"{name}: no CPython >= 3.10 from {release.pythons} on this machine")
    exe = stubtest_venv(release, python)
    modules = list(STARLETTE_MODULES)
    applied = tuple(e for e in allowlist() if e.applies_to(name))
    with tempfile.TemporaryDirectory(prefix=f"stubtest-{name}-") as tmp:
        allow = Path(tmp) / "allowlist.txt"
        allow.write_text("".join(f"{e.pattern}\n" for e in applied))
        # An empty config keeps any mypy settings of the cwd/home out.
        config = Path(tmp) / "mypy.ini"
        config.write_text("[mypy]\n")
        cmd = [
            str(exe),
            "-m",
            "mypy.stubtest",
            *modules,
            "--mypy-config-file",
            str(config),
            "--allowlist",
            str(allow),
        ]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MYPY", "PYTHON"))}
        env["NO_COLOR"] = "1"
        proc = subprocess.run(
            cmd,
            cwd=tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=STUBTEST_TIMEOUT,
            check=False,
        )
    output = (proc.stdout + proc.stderr).strip()
    unused = frozenset(
        line.removeprefix("note: unused allowlist entry ").strip()
        for line in output.splitlines()
        if line.startswith("note: unused allowlist entry ")
    )
    shown = " ".join(["python", "-m", "mypy.stubtest", *modules, "--allowlist", "<generated>"])
    return Result(name, python, shown, proc.returncode, output, applied, frozenset(unused))


def _header(result: Result) -> str:
    pins = ", ".join(RELEASES[result.release].pins)
    return (
        f"stubtest on release {result.release} ({pins}; "
        f"Python {result.python}, {mypy_pin()})\n$ {result.command}\n"
    )


@pytest.mark.parametrize("name", list(RELEASES))
def test_stubtest(name: str) -> None:
    try:
        result = run_stubtest(name)
    except envs.EnvError as exc:
        pytest.fail(f"stubtest venv for release {name} could not be built: {exc}")
    if result.errors:
        pytest.fail(_header(result) + result.output, pytrace=False)
    # A release-specific entry documents where the difference exists, so it
    # must be needed on every release it names.
    stale = [e for e in result.applied if e.releases is not None and e.pattern in result.unused]
    if stale:
        lines = "\n".join(
            f"  line {e.line}: {e.pattern} [{', '.join(e.releases or ())}]" for e in stale
        )
        pytest.fail(
            f"release {name}: these allowlist entries name {name} but stubtest "
            f"no longer needs them there; drop {name} from their release lists:\n"
            f"{lines}\n\n" + _header(result) + result.output,
            pytrace=False,
        )


def test_allowlist_is_well_formed() -> None:
    entries = allowlist()  # raises on a missing reason, bad regex or unknown release
    seen: dict[str, int] = {}
    for e in entries:
        # stubtest reports unused entries by pattern, so a pattern must be unique
        assert e.pattern not in seen, f"line {e.line} repeats line {seen[e.pattern]}: {e.pattern}"
        seen[e.pattern] = e.line


def test_allowlist_has_no_stale_entries() -> None:
    """An entry unused on every release it applies to is stale."""
    results = []
    for name in RELEASES:
        try:
            results.append(run_stubtest(name))
        except (envs.EnvError, pytest.skip.Exception) as exc:
            pytest.skip(f"cannot judge stale entries without release {name}: {exc}")
    stale = []
    for e in allowlist():
        ran = [r for r in results if e in r.applied]
        if all(e.pattern in r.unused for r in ran):
            where = ", ".join(e.releases) if e.releases else "every release"
            stale.append(f"  line {e.line}: {e.pattern}  (unused on {where})")
    if stale:
        pytest.fail(
            f"{ALLOWLIST}: stale entries, remove them:\n" + "\n".join(stale),
            pytrace=False,
        )


@pytest.mark.parametrize("name", sorted(RELEASES))
def test_package_init_stub(name: str) -> None:
    """starlette-stubs/__init__.pyi declares only `__version__`; stubtest is
    not run on `starlette` itself (it would recurse into every unstubbed
    submodule), so compare the runtime package's public names directly."""
    release = RELEASES[name]
    python = stubtest_python(release)
    if python is None:
        pytest.skip(f"{name}: no CPython >= 3.10 on this machine")
    exe = stubtest_venv(release, python)
    code = (
        "import starlette, types; print(sorted(n for n, v in vars(starlette).items()"
        " if not n.startswith('_') and not isinstance(v, types.ModuleType)))"
    )
    proc = subprocess.run([str(exe), "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", (
        f"{name}: starlette/__init__ has public names {proc.stdout.strip()} "
        "that stubs/starlette-stubs/__init__.pyi does not declare"
    )
    proc = subprocess.run(
        [str(exe), "-c", "import starlette; print(type(starlette.__version__).__name__)"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.stdout.strip() == "str", proc.stderr
