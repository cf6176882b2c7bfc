"""End-of-session summary for ``test_runtime.py``: which pairs ran, which not.

``test_runtime.py`` registers this module itself when it runs, so nothing is
needed.  To load it from a conftest instead, add to ``typing_tests/conftest.py``::

    from conftest_runtime_plugin import pytest_terminal_summary  # noqa: F401

The results live on ``config`` (not in this module), so the summary is right
whichever way the module was imported, and it is printed once.
"""

from __future__ import annotations

from typing import Any

RESULTS_ATTR = "_runtime_matrix_results"


def results(config: Any) -> dict[tuple[str, str], dict[str, Any]]:
    """(release, python) -> what happened, in the order the tests ran."""
    data = getattr(config, RESULTS_ATTR, None)
    if data is None:
        data = {}
        setattr(config, RESULTS_ATTR, data)
    return data


def is_registered(config: Any) -> bool:
    for plugin in config.pluginmanager.get_plugins():
        hook = getattr(plugin, "pytest_terminal_summary", None)
        if getattr(hook, "runtime_summary", False):
            return True
    return False


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: Any) -> None:
    data = getattr(config, RESULTS_ATTR, None)
    if not data:
        return
    tr = terminalreporter
    tr.write_sep("=", "runtime matrix: (interpreter, release) pairs")
    ran = {k: v for k, v in data.items() if v["state"] != "skipped"}
    skipped = {k: v for k, v in data.items() if v["state"] == "skipped"}
    for (release, python), info in ran.items():
        counts = info.get("counts", {})
        parts = [f"{counts.get(s, 0)} {s}" for s in ("pass", "fail", "skip")]
        if info.get("xfail"):
            parts.append(f"{len(info['xfail'])} expected failure(s): {', '.join(info['xfail'])}")
        if info.get("xfail_skipped"):
            parts.append(
                f"xfail entries not run (case skipped): {', '.join(info['xfail_skipped'])}"
            )
        verdict = "ok" if info["state"] == "passed" else info["state"].upper()
        tr.write_line(f"ran     Python {python} / {release}: {verdict}; cases: {'; '.join(parts)}")
        for problem in info.get("problems", []):
            tr.write_line(f"          {problem}")
    for (release, python), info in skipped.items():
        reason = (info.get("reason") or "").strip().splitlines()
        tr.write_line(f"skipped Python {python} / {release}: {reason[0] if reason else '?'}")
        for extra in reason[1:6]:
            tr.write_line(f"          {extra}")
    tr.write_line(f"{len(ran)} pair(s) ran, {len(skipped)} skipped")


pytest_terminal_summary.runtime_summary = True  # type: ignore[attr-defined]
