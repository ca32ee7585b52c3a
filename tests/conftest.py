"""Test configuration: hypothesis profiles and shared fixtures.

No test has a wall-clock limit: every profile sets ``deadline=None`` (speed is measured by the
benchmarks, never asserted). The "default" profile keeps a full run of the suite short and
explores: each run draws new random examples, so local runs keep finding new cases (pin each
one found with ``@example``). The "ci" profile, selected when the environment variable ``CI``
is set, runs more examples and is derandomized, with no example database: the same examples on
every run, so a CI run is never rejected by chance. ``HYPOTHESIS_PROFILE`` picks a profile by
name and wins over ``CI``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

import wwc_standard as wwc

# tests/ is not a package: make `import strategies` work however pytest is started.
sys.path.insert(0, str(Path(__file__).parent))

settings.register_profile(
    "default",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    deadline=None,
    max_examples=400,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    database=None,
    print_blob=True,
)
settings.register_profile("dev", deadline=None, max_examples=20)
settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "default")
)


from strategies import COMPLETE_SHIPPED  # noqa: E402 (after the sys.path entry above)


@pytest.fixture(params=COMPLETE_SHIPPED)
def shipped(request: pytest.FixtureRequest) -> wwc.Standard:
    """Every shipped revision that can score a city, one test per revision."""
    return wwc.standard(request.param)


@pytest.fixture(params=wwc.standards())
def any_shipped(request: pytest.FixtureRequest) -> wwc.Standard:
    """Every shipped revision, complete or not, one test per revision."""
    return wwc.standard(request.param)


@pytest.fixture
def example_data() -> dict[str, object]:
    """A fresh copy of the data of the example assessment (Exampleton, pinned to 2024)."""
    from wwc_standard.evaluation.examples import example_data

    return example_data()
