"""Static half of the typing suite: run each checker once per target over all
case files, parse its output, and compare it with the `# E` markers.

Markers (the typing conformance suite's semantics), at the end of a line:
  ``# E``        the checker must report an error on this line
  ``# E?``       an error is allowed but not required
  ``# E[tag]``   exactly one line of the lines tagged ``tag`` must error
Any other line must be clean.  A known checker difference is listed in
``expected_failures.toml`` (checker, case, line text, reason, link); it is
reported as a failure once it stops happening.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import tokenize
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import tomllib

TESTS = Path(__file__).resolve().parent
CASES = TESTS / "cases"
CONFIGS = TESTS / "checkers"
XFAILS = TESTS / "expected_failures.toml"


class HarnessError(RuntimeError):
    """Bad input or a checker that crashed; the message names what and where."""


# --------------------------------------------------------------------------
# Case files and markers

_MARKER = re.compile(r"#\s*E(?P<opt>\?)?(?:\[(?P<tag>[A-Za-z0-9_-]+)\])?(?:\s*:.*)?$")
_MARKER_LIKE = re.compile(r"#\s*E(?![A-Za-z])")


@dataclass(frozen=True)
class Marker:
    line: int
    optional: bool = False
    tag: str | None = None


@dataclass
class Case:
    path: Path
    markers: dict[int, Marker]
    lines: list[str]
    needs_fastapi: bool

    @property
    def name(self) -> str:
        return self.path.name

    def text(self, line: int) -> str:
        """The source of ``line`` without its marker comment."""
        return re.sub(r"\s*#.*$", "", self.lines[line - 1]).strip()


def parse_case(path: Path) -> Case:
    source = path.read_text()
    markers: dict[int, Marker] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        tree = ast.parse(source, str(path))
    except (SyntaxError, tokenize.TokenError) as exc:
        raise HarnessError(f"{path}: cannot parse: {exc}") from exc
    for tok in tokens:
        if tok.type != tokenize.COMMENT or not _MARKER_LIKE.match(tok.string):
            continue
        line = tok.start[0]
        match = _MARKER.fullmatch(tok.string)
        if match is None:
            raise HarnessError(
                f"{path}:{line}: malformed marker {tok.string!r} "
                "(expected '# E', '# E?' or '# E[tag]')"
            )
        markers[line] = Marker(line, bool(match["opt"]), match["tag"])
    needs_fastapi = any(
        (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "fastapi")
        or (isinstance(n, ast.Import) and any(a.name.split(".")[0] == "fastapi" for a in n.names))
        for n in ast.walk(tree)
    )
    return Case(path, markers, source.splitlines(), needs_fastapi)


def load_cases(paths: Iterable[Path] | None = None) -> list[Case]:
    files = sorted(paths) if paths is not None else sorted(CASES.glob("*.py"))
    if not files:
        raise HarnessError(f"no case files in {CASES}")
    return [parse_case(p) for p in files]


# --------------------------------------------------------------------------
# Checkers


@dataclass(frozen=True)
class Diagnostic:
    file: Path
    line: int
    message: str


@dataclass(frozen=True)
class Run:
    """One checker invocation: which venv, which target, which files."""

    python: Path  # interpreter of the venv whose site-packages are checked against
    version: str  # target Python version, e.g. "3.12"
    files: tuple[Path, ...]
    cache: Path


@dataclass(frozen=True)
class Checker:
    name: str
    argv: Callable[[Run], list[str]]
    parse: Callable[[str, Path], list[Diagnostic]]
    ok_codes: frozenset[int]
    version: list[str]
    config: str
    min_python: str = "3.9"

    def supports(self, version: str) -> bool:
        return _v(version) >= _v(self.min_python)


def _v(version: str) -> tuple[int, ...]:
    return tuple(int(x) for x in version.split("."))


def _json(out: str) -> object:
    try:
        return json.loads(out)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON: {exc}") from exc


def _parse_mypy_json(out: str, cwd: Path) -> list[Diagnostic]:
    diags = []
    for raw in out.splitlines():
        if not raw.strip():
            continue
        d = _json(raw)
        if not isinstance(d, dict) or "severity" not in d:
            raise ValueError(f"unexpected mypy line {raw!r}")
        if d["severity"] == "error":
            msg = d["message"] + (f"  [{d['code']}]" if d.get("code") else "")
            diags.append(Diagnostic(cwd / d["file"], int(d["line"]), msg))
    return diags


def _parse_pyright(out: str, cwd: Path) -> list[Diagnostic]:
    d = _json(out)
    if not isinstance(d, dict) or "generalDiagnostics" not in d:
        raise ValueError("no generalDiagnostics in pyright output")
    return [
        Diagnostic(
            Path(x["file"]),
            x["range"]["start"]["line"] + 1,
            x["message"] + (f"  [{x['rule']}]" if x.get("rule") else ""),
        )
        for x in d["generalDiagnostics"]
        if x["severity"] == "error"
    ]


def _parse_pyrefly(out: str, cwd: Path) -> list[Diagnostic]:
    d = _json(out)
    if not isinstance(d, dict) or "errors" not in d:
        raise ValueError("no 'errors' in pyrefly output")
    return [
        Diagnostic(cwd / x["path"], int(x["line"]), f"{x['description']}  [{x['name']}]")
        for x in d["errors"]
        if x.get("severity", "error") == "error"
    ]


_TEXT_LINE = re.compile(
    r"^(?P<file>[^:\n]+):(?P<line>\d+):(?:\d+:)? (?P<sev>error|warning|note|info)"
    r"(?:\[(?P<code>[\w-]+)\])?:? (?P<msg>.*)$"
)
_SUMMARY = re.compile(
    r"^(Found \d+ (errors?|diagnostics?)\b.*|Success: .*|All checks passed!?|"
    r"WARN .*|warning: .*)$"
)


def _parse_text(out: str, cwd: Path) -> list[Diagnostic]:
    """``file:line:col: error[code] msg`` (ty) and ``file:line:col: error: msg  [code]``
    (zuban); any line that is neither a diagnostic nor a known summary is a
    parse failure, so a crash message cannot pass unnoticed."""
    diags = []
    for raw in out.splitlines():
        if not raw.strip() or _SUMMARY.match(raw.strip()):
            continue
        m = _TEXT_LINE.match(raw)
        if m is None:
            raise ValueError(f"unparseable line {raw!r}")
        if m["sev"] == "error":
            msg = m["msg"] + (f"  [{m['code']}]" if m["code"] else "")
            diags.append(Diagnostic(cwd / m["file"], int(m["line"]), msg))
    return diags


def _files(run: Run) -> list[str]:
    return [str(f) for f in run.files]


def _pyright_family(exe: str, config: str, mode: str) -> Checker:
    """pyright and basedpyright share their CLI and JSON output."""
    return Checker(
        name=exe,
        argv=lambda r: [
            exe,
            "--outputjson",
            "-p",
            str(CONFIGS / config),
            "--pythonpath",
            str(r.python),
            "--pythonversion",
            r.version,
            *_files(r),
        ],
        parse=_parse_pyright,
        ok_codes=frozenset({0, 1}),
        version=[exe, "--version"],
        config=f"typing_tests/checkers/{config} ({mode})",
    )


CHECKERS: dict[str, Checker] = {
    c.name: c
    for c in [
        Checker(
            name="mypy",
            argv=lambda r: [
                "mypy",
                "--config-file",
                str(CONFIGS / "mypy.ini"),
                "--python-executable",
                str(r.python),
                "--python-version",
                r.version,
                "--cache-dir",
                str(r.cache / "mypy"),
                "-O",
                "json",
                *_files(r),
            ],
            parse=_parse_mypy_json,
            ok_codes=frozenset({0, 1}),
            version=["mypy", "--version"],
            config="typing_tests/checkers/mypy.ini (defaults)",
            # mypy 2.x: "Python 3.9 is not supported (must be 3.10 or higher)"
            min_python="3.10",
        ),
        _pyright_family("pyright", "pyrightconfig.json", "standard mode"),
        _pyright_family("basedpyright", "basedpyright.json", "'recommended' mode; errors only"),
        Checker(
            name="pyrefly",
            argv=lambda r: [
                "pyrefly",
                "check",
                "--config",
                str(CONFIGS / "pyrefly.toml"),
                "--python-interpreter-path",
                str(r.python),
                "--python-version",
                r.version,
                "--output-format",
                "json",
                *_files(r),
            ],
            parse=_parse_pyrefly,
            ok_codes=frozenset({0, 1}),
            version=["pyrefly", "--version"],
            config='typing_tests/checkers/pyrefly.toml (preset = "default")',
        ),
        Checker(
            name="ty",
            argv=lambda r: [
                "ty",
                "check",
                "--config-file",
                str(CONFIGS / "ty.toml"),
                "--python",
                str(r.python),
                "--python-version",
                r.version,
                "--output-format",
                "concise",
                "--color",
                "never",
                *_files(r),
            ],
            parse=_parse_text,
            ok_codes=frozenset({0, 1}),
            version=["ty", "--version"],
            config="typing_tests/checkers/ty.toml (defaults)",
        ),
        Checker(
            name="zuban",
            argv=lambda r: [
                "zuban",
                "mypy",
                "--config-file",
                str(CONFIGS / "mypy.ini"),
                "--python-executable",
                str(r.python),
                "--python-version",
                r.version,
                "--show-column-numbers",
                "--no-pretty",
                *_files(r),
            ],
            parse=_parse_text,
            ok_codes=frozenset({0, 1}),
            version=["zuban", "--version"],
            config="typing_tests/checkers/mypy.ini via `zuban mypy` (defaults)",
        ),
    ]
}


def run_checker(checker: Checker, run: Run, tools: Path) -> list[Diagnostic]:
    """Run one checker process over all files of ``run``; raise HarnessError
    naming the checker and files if it is missing, crashes or prints output
    that cannot be parsed."""
    argv = checker.argv(run)
    exe = tools / argv[0]
    if not exe.exists():
        raise HarnessError(f"{checker.name}: executable {exe} not found (is it installed?)")
    cwd = CASES
    try:
        proc = subprocess.run(
            [str(exe), *argv[1:]],
            capture_output=True,
            text=True,
            cwd=cwd,
            timeout=900,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise HarnessError(f"{checker.name}: could not run {argv[0]}: {exc}") from exc
    where = f"{checker.name} (target {run.version}, files {', '.join(f.name for f in run.files)})"
    if proc.returncode not in checker.ok_codes:
        raise HarnessError(
            f"{where}: exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    try:
        diags = checker.parse(proc.stdout, cwd)
    except (ValueError, KeyError, TypeError) as exc:
        raise HarnessError(f"{where}: cannot parse output ({exc}):\n{proc.stdout[-3000:]}") from exc
    if proc.returncode == 1 and not diags:
        raise HarnessError(
            f"{where}: exited 1 but reported no error:\n"
            f"{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
        )
    return diags


# --------------------------------------------------------------------------
# Expected failures


@dataclass(frozen=True)
class ExpectedFailure:
    checker: str
    case: str
    code: str  # the line's source text, without the marker
    kind: str  # "missed" or "unexpected"
    reason: str
    link: str
    targets: tuple[str, ...] = ()  # target ids ("3.12/fastapi-0.120"); empty: all

    def applies(self, target_id: str) -> bool:
        return not self.targets or target_id in self.targets


def load_expected_failures(path: Path = XFAILS) -> list[ExpectedFailure]:
    if not path.exists():
        return []
    data = tomllib.loads(path.read_text())
    out = []
    for i, entry in enumerate(data.get("xfail", []), 1):
        missing = {"checker", "case", "code", "kind", "reason", "link"} - set(entry)
        if missing or entry["kind"] not in ("missed", "unexpected"):
            raise HarnessError(f"{path}: entry {i}: needs checker, case, code, kind, reason, link")
        if entry["checker"] not in CHECKERS:
            raise HarnessError(f"{path}: entry {i}: unknown checker {entry['checker']!r}")
        out.append(ExpectedFailure(**{**entry, "targets": tuple(entry.get("targets", ()))}))
    return out


# --------------------------------------------------------------------------
# Comparison


@dataclass
class Outcome:
    """What one checker did on one target."""

    checker: str
    target: str
    missed: list[str] = field(default_factory=list)  # "file:line: code"
    unexpected: list[str] = field(default_factory=list)  # "file:line: message"
    xfailed: list[tuple[str, ExpectedFailure]] = field(default_factory=list)
    xpassed: list[ExpectedFailure] = field(default_factory=list)
    errors_by_line: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    per_case: dict[str, list[str]] = field(default_factory=dict)  # case -> failures
    error: str | None = None  # the checker could not be run
    skipped: str | None = None  # the checker does not support the target

    @property
    def failures(self) -> list[str]:
        out = [f"{self.checker} [{self.target}] missed rejection at {m}" for m in self.missed]
        out += [f"{self.checker} [{self.target}] unexpected error at {u}" for u in self.unexpected]
        out += [
            f"{self.checker} [{self.target}] expected failure now passes: "
            f"{x.case}: {x.code!r} ({x.kind}; {x.link})"
            for x in self.xpassed
        ]
        if self.error:
            out.append(self.error)
        return out


def compare(
    checker: str,
    target: str,
    cases: list[Case],
    diags: list[Diagnostic],
    xfails: list[ExpectedFailure],
) -> Outcome:
    outcome = Outcome(checker, target)
    by_name = {c.name: c for c in cases}
    by_path = {c.path.resolve(): c for c in cases}
    for d in diags:
        case = by_path.get(d.file.resolve())
        key = (case.name if case else str(d.file), d.line)
        outcome.errors_by_line.setdefault(key, []).append(d.message)
    active = [x for x in xfails if x.checker == checker and x.applies(target)]
    used: set[ExpectedFailure] = set()

    def xfail_for(case: str, line: int, kind: str) -> ExpectedFailure | None:
        c = by_name.get(case)
        for x in active:
            if x.case == case and x.kind == kind and c is not None and c.text(line) == x.code:
                return x
        return None

    def fail(case: str, line: int, kind: str, text: str) -> None:
        x = xfail_for(case, line, kind)
        if x is not None:
            used.add(x)
            outcome.xfailed.append((f"{case}:{line}", x))
            return
        (outcome.missed if kind == "missed" else outcome.unexpected).append(
            f"{case}:{line}: {text}"
        )
        outcome.per_case.setdefault(case, []).append(f"{kind} {case}:{line}")

    for case in cases:
        groups: dict[str, list[int]] = {}
        for line, marker in case.markers.items():
            if marker.tag:
                groups.setdefault(marker.tag, []).append(line)
            elif not marker.optional and (case.name, line) not in outcome.errors_by_line:
                fail(case.name, line, "missed", case.text(line))
        for tag, lines in groups.items():
            hits = [ln for ln in lines if (case.name, ln) in outcome.errors_by_line]
            if len(hits) != 1:
                first = min(lines)
                fail(
                    case.name,
                    first,
                    "missed",
                    f"group E[{tag}] (lines {lines}) needs exactly one error, got {len(hits)}",
                )
    for (name, line), messages in sorted(outcome.errors_by_line.items()):
        case = by_name.get(name)
        if case is not None and line in case.markers:
            continue
        fail(name, line, "unexpected", " | ".join(messages))
    outcome.xpassed = [x for x in active if x not in used and x.case in by_name]
    return outcome


def check_target(
    checker: Checker,
    target_id: str,
    run: Run,
    cases: list[Case],
    xfails: list[ExpectedFailure],
    tools: Path,
) -> Outcome:
    try:
        diags = run_checker(checker, run, tools)
    except HarnessError as exc:
        return Outcome(checker.name, target_id, error=str(exc))
    return compare(checker.name, target_id, cases, diags, xfails)


def run_parallel(jobs: list[Callable[[], Outcome]], workers: int = 2) -> list[Outcome]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda job: job(), jobs))
