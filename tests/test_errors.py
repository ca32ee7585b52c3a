"""The exception tree: one root, builtins as second parents, structured problems."""

from __future__ import annotations

import pytest

import wwc_standard as wwc
from wwc_standard import Problem


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (wwc.AssessmentError, ValueError),
        (wwc.InvalidStandard, ValueError),
        (wwc.IncompleteStandard, ValueError),
        (wwc.UnknownStandard, LookupError),
    ],
)
def test_every_error_has_one_root_and_a_builtin_parent(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, wwc.WWCError)
    assert issubclass(error, builtin)
    assert issubclass(wwc.WWCError, Exception)


def test_problem_str_with_and_without_path_and_hint() -> None:
    assert str(Problem(path="answers.DM1", code="c", message="m", hint="h")) == (
        "answers.DM1: m [c] (h)"
    )
    assert str(Problem(path="", code="c", message="m")) == "m [c]"


def test_problem_params_do_not_take_part_in_equality() -> None:
    one = Problem(path="p", code="c", message="m", params={"a": 1})
    two = Problem(path="p", code="c", message="m", params={"a": 2})
    assert one == two
    assert one.params == {"a": 1}


def test_assessment_error_lists_every_problem() -> None:
    problems = [
        Problem(path="answers.DM99", code="unknown-criterion", message="no DM99", hint="DM9?"),
        Problem(path="city.population", code="negative-population", message="negative"),
    ]
    error = wwc.AssessmentError(problems)
    assert error.problems == tuple(problems)
    assert str(error).splitlines() == [
        "2 problems in the assessment:",
        "  answers.DM99: no DM99 [unknown-criterion] (DM9?)",
        "  city.population: negative [negative-population]",
    ]


def test_one_problem_is_singular() -> None:
    error = wwc.AssessmentError([Problem(path="", code="c", message="m")])
    assert str(error).splitlines()[0] == "1 problem in the assessment:"


def test_invalid_standard_names_its_origin() -> None:
    error = wwc.InvalidStandard([Problem(path="x", code="c", message="m")], origin="mine.toml")
    assert error.origin == "mine.toml"
    assert str(error).splitlines() == ["1 problem in revision mine.toml:", "  x: m [c]"]


def test_unknown_standard_has_a_problem_and_a_message() -> None:
    error = wwc.UnknownStandard("2042", available=("2022", "2023"))
    assert str(error) == "no revision '2042' is shipped; available: 2022, 2023"
    assert error.version == "2042"
    assert error.available == ("2022", "2023")
    assert [(p.path, p.code) for p in error.problems] == [("standard", "unknown-standard")]
    reasoned = wwc.UnknownStandard("2020-01-01", available=("2022",), reason="too early")
    assert str(reasoned) == "too early"


def test_incomplete_standard_says_how_to_complete_it() -> None:
    error = wwc.IncompleteStandard("2018", listed=11, declared=45)
    assert (error.version, error.listed, error.declared) == ("2018", 11, 45)
    assert "lists 11 of its 45 criteria; 34 were not found in the sources we could read" in str(
        error
    )
    assert "not public" not in str(error)  # they were published; we could not read them
    assert 'extends "2018"' in str(error)
    assert error.problems[0].code == "incomplete-standard"
    assert error.missing == ()


def test_incomplete_standard_names_a_missing_tier_rule_parameter() -> None:
    """The 2017 launch standard ships no working_across (facts section 7: UNKNOWN)."""
    error = wwc.IncompleteStandard(
        "2017", listed=0, declared=50, missing=("tier_rule.working_across",)
    )
    assert [p.code for p in error.problems] == ["incomplete-standard"] * 2
    text = str(error)
    assert "50 were not found" in text
    assert "does not give tier_rule.working_across" in text
    assert "working_across = { min_criteria = ..., min_percent = ... }" in text
    assert error.localized("es").count("tier_rule.working_across") == 1
    assert "{{" not in error.localized("fr")


def test_every_error_the_library_raises_on_bad_input_is_a_wwc_error() -> None:
    with pytest.raises(wwc.WWCError):
        wwc.standard("1999")
    with pytest.raises(wwc.WWCError):
        wwc.evaluate({"answers": {"DM1": "yes"}})
    with pytest.raises(wwc.WWCError):
        wwc.Standard.from_dict({"version": "x"})
    with pytest.raises(wwc.WWCError):
        wwc.Evaluation.from_dict({"format": "nope"})
