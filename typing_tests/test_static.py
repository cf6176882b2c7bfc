"""Every checker, every target: the `# E` lines are rejected, all else is clean."""

from __future__ import annotations

import pytest
import static_suite

OUTCOMES = static_suite.planned_ids()


@pytest.mark.parametrize("job", OUTCOMES)
def test_checker_on_target(job: str, static_outcomes: dict[str, static_suite.Outcome]) -> None:
    outcome = static_outcomes[job]
    if outcome.skipped:
        pytest.skip(outcome.skipped)
    assert not outcome.failures, "\n".join(outcome.failures)


def test_results_matrix_is_current(static_outcomes: dict[str, static_suite.Outcome]) -> None:
    text = static_suite.render_results(static_outcomes)
    committed = static_suite.RESULTS.read_text() if static_suite.RESULTS.exists() else ""
    if static_suite.write_requested():
        static_suite.RESULTS.write_text(text)
        committed = text
    assert committed == text, (
        "typing_tests/results.md is stale; regenerate it with "
        "`WRITE_RESULTS=1 python -m pytest typing_tests/test_static.py`"
    )
