"""Self-tests of the static harness: each injected fault fails loudly, naming
checker, file and line; none passes silently."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import harness
import pytest
from harness import CHECKERS, Diagnostic, ExpectedFailure, HarnessError, Run


def _case(tmp_path: Path, body: str, name: str = "case.py") -> harness.Case:
    path = tmp_path / name
    path.write_text(body)
    return harness.parse_case(path)


def _fake_tool(tmp_path: Path, script: str) -> Path:
    """A stand-in checker executable named like pyright, in its own bin dir."""
    bindir = tmp_path / "bin"
    bindir.mkdir()
    exe = bindir / "pyright"
    exe.write_text(f"#!{sys.executable}\n{script}\n")
    exe.chmod(0o755)
    return bindir


def _run(tmp_path: Path) -> Run:
    case = tmp_path / "x.py"
    case.write_text("x = 1\n")
    return Run(Path(sys.executable), "3.12", (case,), tmp_path / "cache")


def test_missing_checker_names_it(tmp_path: Path) -> None:
    with pytest.raises(HarnessError, match=r"pyright: executable .*pyright not found"):
        harness.run_checker(CHECKERS["pyright"], _run(tmp_path), tmp_path / "nothing")


def test_crashing_checker_names_checker_and_files(tmp_path: Path) -> None:
    tools = _fake_tool(tmp_path, "import sys; print('Traceback: boom'); sys.exit(3)")
    with pytest.raises(HarnessError, match=r"pyright \(target 3.12, files x.py\): exited 3"):
        harness.run_checker(CHECKERS["pyright"], _run(tmp_path), tools)


def test_unparseable_output_names_checker(tmp_path: Path) -> None:
    tools = _fake_tool(tmp_path, "print('this is not json')")
    with pytest.raises(HarnessError, match=r"pyright .*cannot parse output"):
        harness.run_checker(CHECKERS["pyright"], _run(tmp_path), tools)


def test_exit_1_without_diagnostics_is_an_error(tmp_path: Path) -> None:
    tools = _fake_tool(tmp_path, "import sys; print('{\"generalDiagnostics\": []}'); sys.exit(1)")
    with pytest.raises(HarnessError, match=r"exited 1 but reported no error"):
        harness.run_checker(CHECKERS["pyright"], _run(tmp_path), tools)


def test_text_parser_rejects_unknown_lines() -> None:
    with pytest.raises(ValueError, match="unparseable line"):
        harness._parse_text("thread 'main' panicked at src/lib.rs:1\n", Path("."))


@pytest.mark.parametrize("marker", ["# E[", "# E[]", "# E!", "# E?? x", "#E[a b]"])
def test_malformed_marker_names_file_and_line(tmp_path: Path, marker: str) -> None:
    with pytest.raises(HarnessError, match=r"case.py:2: malformed marker"):
        _case(tmp_path, f"x = 1\ny = 2  {marker}\n")


def test_markers_are_parsed(tmp_path: Path) -> None:
    case = _case(tmp_path, "a = 1  # E\nb = 2  # E?\nc = 3  # E[g]\nd = 4  # E: why\n")
    assert case.markers[1] == harness.Marker(1)
    assert case.markers[2].optional
    assert case.markers[3].tag == "g"
    assert 4 in case.markers


def test_missed_rejection_names_checker_file_line(tmp_path: Path) -> None:
    case = _case(tmp_path, "a = 1\nb: int = ''  # E\n")
    outcome = harness.compare("mypy", "3.12/x", [case], [], [])
    assert outcome.failures == ["mypy [3.12/x] missed rejection at case.py:2: b: int = ''"]


def test_unexpected_error_names_checker_file_line(tmp_path: Path) -> None:
    case = _case(tmp_path, "a = 1\nb = 2\n")
    diags = [Diagnostic(case.path, 1, "boom")]
    outcome = harness.compare("ty", "3.12/x", [case], diags, [])
    assert outcome.failures == ["ty [3.12/x] unexpected error at case.py:1: boom"]


def test_optional_and_group_markers(tmp_path: Path) -> None:
    case = _case(tmp_path, "a = 1  # E?\nb = 2  # E[g]\nc = 3  # E[g]\n")
    one = [Diagnostic(case.path, 2, "x")]
    assert harness.compare("mypy", "t", [case], one, []).failures == []
    two = [*one, Diagnostic(case.path, 3, "y")]
    failures = harness.compare("mypy", "t", [case], two, []).failures
    assert failures and "needs exactly one error, got 2" in failures[0]
    none = harness.compare("mypy", "t", [case], [], []).failures
    assert none and "got 0" in none[0]


def test_expected_failure_is_used_and_reported_when_it_passes(tmp_path: Path) -> None:
    case = _case(tmp_path, "a = 1\nb: int = ''  # E\n")
    xf = ExpectedFailure("mypy", "case.py", "b: int = ''", "missed", "why", "https://x")
    assert harness.compare("mypy", "t", [case], [], [xf]).failures == []
    caught = [Diagnostic(case.path, 2, "incompatible")]
    failures = harness.compare("mypy", "t", [case], caught, [xf]).failures
    assert failures == [
        "mypy [t] expected failure now passes: case.py: \"b: int = ''\" (missed; https://x)"
    ]
    other = replace(xf, targets=("other",))
    assert harness.compare("mypy", "t", [case], [], [other]).missed


def test_expected_failures_file_is_validated(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text('[[xfail]]\nchecker = "mypy"\ncase = "a.py"\n')
    with pytest.raises(HarnessError, match="entry 1: needs"):
        harness.load_expected_failures(bad)
