"""Virtualenvs holding one pinned FastAPI/Starlette release plus the stubs.

Each (release, interpreter) pair gets one venv under ``.venvs/``, built with
uv from the pins in ``matrix.toml`` and the wheel built from this checkout.
A venv is reused while its pins and the wheel are unchanged (a stamp file
holds their hash), so one test run builds each pair once.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "typing_tests"
VENVS = ROOT / ".venvs"
MATRIX = TESTS / "matrix.toml"


class EnvError(RuntimeError):
    """A venv could not be built; the message names the release and why."""


@dataclass(frozen=True)
class Release:
    name: str
    pins: tuple[str, ...]
    pythons: tuple[str, ...]
    fastapi: bool
    why: str
    runtime_xfail: dict[str, str] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Target:
    python: str
    release: str
    interpreter: str


@functools.cache
def load_matrix() -> tuple[dict[str, Release], list[Target]]:
    data = tomllib.loads(MATRIX.read_text())
    releases = {}
    for entry in data["release"]:
        rel = Release(
            name=entry["name"],
            pins=tuple(entry["pins"]),
            pythons=tuple(entry["pythons"]),
            fastapi=any(p.startswith("fastapi==") for p in entry["pins"]),
            why=entry["why"],
            runtime_xfail=dict(entry.get("runtime_xfail", {})),
        )
        releases[rel.name] = rel
    targets = [Target(**t) for t in data["target"]]
    for t in targets:
        if t.release not in releases:
            raise EnvError(f"{MATRIX}: target {t.python} names unknown release {t.release}")
    return releases, targets


@functools.cache
def interpreter(version: str) -> str | None:
    """Path of a CPython ``version`` (e.g. "3.9") on this machine, or None."""
    candidates = [shutil.which(f"python{version}")]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted(glob.glob(str(pyenv / "versions" / f"{version}.*" / "bin" / "python3")))
    for cand in candidates:
        if not cand:
            continue
        try:
            out = subprocess.run(
                [cand, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            ).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out == version:
            return cand
    return None


def _uv() -> list[str]:
    exe = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if exe is None:
        raise EnvError("uv is not installed: pip install -r typing_tests/requirements.txt")
    return [exe]


@functools.cache
def wheel() -> Path:
    """Build the stub wheel from this checkout once per process."""
    VENVS.mkdir(exist_ok=True)
    out = Path(tempfile.mkdtemp(prefix="dist-", dir=VENVS))
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    wheels = list(out.glob("*.whl"))
    if proc.returncode != 0 or len(wheels) != 1:
        raise EnvError(f"building the wheel failed:\n{proc.stdout}\n{proc.stderr}")
    return wheels[0]


@contextlib.contextmanager
def _locked(name: str):
    VENVS.mkdir(exist_ok=True)
    with open(VENVS / f".{name}.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def venv(release: Release, python: str, *, stubs: bool = True) -> Path:
    """Path of the venv's interpreter for ``release`` on CPython ``python``."""
    base = interpreter(python)
    if base is None:
        raise EnvError(f"no CPython {python} on this machine")
    name = f"{release.name}-py{python}" + ("" if stubs else "-nostubs")
    path = VENVS / name
    reqs = list(release.pins)
    digest = hashlib.sha256("\n".join([base, *reqs]).encode())
    if stubs:
        whl = wheel()
        digest.update(whl.read_bytes())
        reqs.append(str(whl))
    with _locked(name):
        return _build(release, python, base, path, reqs, digest.hexdigest())


def _build(
    release: Release, python: str, base: str, path: Path, reqs: list[str], digest: str
) -> Path:
    stamp = path / "stamp"
    if stamp.exists() and stamp.read_text() == digest:
        return path / "bin" / "python"
    shutil.rmtree(path, ignore_errors=True)
    env = {**os.environ, "UV_PYTHON_DOWNLOADS": "never", "VIRTUAL_ENV": str(path)}
    for cmd in (
        [*_uv(), "venv", "--quiet", "--python", base, str(path)],
        [*_uv(), "pip", "install", "--quiet", "--python", str(path / "bin" / "python"), *reqs],
    ):
        proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
        if proc.returncode != 0:
            raise EnvError(
                f"{release.name} on Python {python}: {' '.join(cmd[:3])} failed:\n"
                f"{proc.stderr.strip()}"
            )
    stamp.write_text(digest)
    return path / "bin" / "python"
