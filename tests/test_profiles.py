"""The hypothesis profiles: CI runs are derandomized so that no submission is rejected by chance."""

from __future__ import annotations

import os

from hypothesis import settings


def test_the_ci_profile_is_derandomized_and_no_smaller_than_before() -> None:
    ci = settings.get_profile("ci")
    assert ci.derandomize is True
    assert ci.database is None
    assert ci.max_examples >= 400
    assert ci.deadline is None


def test_ci_selects_the_ci_profile() -> None:
    """Under CI=true (as .ci/run runs) the loaded profile is the derandomized one."""
    if os.environ.get("CI") and not os.environ.get("HYPOTHESIS_PROFILE"):
        assert settings.default.derandomize is True
        assert settings.default.max_examples == settings.get_profile("ci").max_examples
    elif not os.environ.get("HYPOTHESIS_PROFILE"):
        # Locally each run explores new random examples.
        assert settings.default.derandomize is False
