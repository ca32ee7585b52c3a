"""Every public class and function, and every public method and property of those classes, has
a doctested example (.ci/examples.py --check --members).

The examples themselves run with the doctests of their modules (``--doctest-modules``); this
checks that none is missing, so that a new public name cannot arrive without one.
"""

from __future__ import annotations

import importlib.util
import types
from pathlib import Path
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "examples.py"

if not SCRIPT.exists():  # the sdist ships tests/ but not .ci/
    pytest.skip(f"{SCRIPT} is not in this tree", allow_module_level=True)


@pytest.fixture(scope="module")
def examples() -> Any:
    spec = importlib.util.spec_from_file_location("ci_examples", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_public_class_and_function_has_an_example(
    examples: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    status = examples.main(["--check", "--members"])
    out = capsys.readouterr().out
    assert status == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("0 of "), out
    assert lines[1].startswith("0 of "), out


def test_the_public_names_are_every_family(examples: Any) -> None:
    import wwc_standard as wwc

    names = examples.public_names()
    assert "wwc_standard.evaluate" in names
    assert "wwc_standard.planning.guidance" in names  # a function wrapped by functools.cache
    assert "wwc_standard.errors.did_you_mean" in names
    # Each object once, under the first name that publishes it: Tier is in the core namespace.
    assert "wwc_standard.Tier" in names
    assert "wwc_standard.revisions.Tier" not in names
    published = {
        id(getattr(family, name))
        for family in (wwc, wwc.revisions, wwc.evaluation, wwc.planning, wwc.history, wwc.i18n)
        for name in family.__all__
        if name != "__version__"
    } | {id(getattr(wwc.errors, name)) for name in wwc.errors.__all__}
    assert {id(value) for value, _, _ in names.values()} == published
    # A published class is looked for where it is defined, not in its package's __init__.
    _value, module, own = names["wwc_standard.Evaluation"]
    assert module.__name__ == "wwc_standard.evaluation.engine"
    assert own == "Evaluation"


def test_a_skipped_example_does_not_count(examples: Any) -> None:
    module = types.ModuleType("wwc_examples_probe")
    source = '''
def shown():
    """Shown.

    >>> 1 + 1
    2
    """

def skipped():
    """Skipped.

    >>> 1 + 1  # doctest: +SKIP
    3
    """

def bare():
    """No example."""
'''
    exec(compile(source, "<probe>", "exec"), module.__dict__)
    counts = examples.examples_by_name(module)
    assert counts.get("shown") == 1
    assert counts.get("skipped", 0) == 0
    assert counts.get("bare", 0) == 0


def test_a_member_counts_when_its_class_example_uses_it(examples: Any) -> None:
    sources = {"Plan": ["plan = make()\n", "print(plan.explain())\n"], "Plan.to_dict": []}
    assert examples.member_has_example(sources, "Plan", "explain")
    assert not examples.member_has_example(sources, "Plan", "to_dict")
    assert not examples.member_has_example(sources, "Plan", "expl")  # a whole name only


def test_an_override_without_a_docstring_is_documented_by_its_base(examples: Any) -> None:
    import wwc_standard as wwc

    bands = wwc.revisions.PercentageBands
    assert examples.documented_by(bands, "tally") is wwc.revisions.TierRule
    assert examples.documented_by(bands, "thresholds") is bands


def test_check_fails_when_an_example_is_missing(
    examples: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = examples.example_sources

    def without_evaluate(module: types.ModuleType) -> dict[str, list[str]]:
        found: dict[str, list[str]] = real(module)
        found.pop("evaluate", None)
        return found

    monkeypatch.setattr(examples, "example_sources", without_evaluate)
    assert examples.main(["--check"]) == 1
    out = capsys.readouterr().out
    assert "no doctested example: wwc_standard.evaluate\n" in out
    assert out.splitlines()[-1].startswith("1 of ")
