from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import static_suite  # noqa: E402


@pytest.fixture(scope="session")
def static_outcomes() -> dict[str, static_suite.Outcome]:
    return static_suite.run_all()
