"""Reports keep one line per line whatever the values in them (issue 11: a line feed in a city
name broke a line of the text report and could forge one)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import make_criterion, make_standard
from wwc_standard.i18n.languages import LOCALES
from wwc_standard.i18n.messages import _line_break, join_lines

BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _with_city(example_data: dict[str, Any], name: str) -> wwc.Evaluation:
    data = dict(example_data)
    data["city"] = {**data["city"], "name": name}
    return wwc.evaluate(data)


@given(name=st.text(alphabet=st.sampled_from("ab :" + BREAKS), min_size=1, max_size=12))
@example(name="Exampleton\nGold")
@example(name="Exampleton\r\nerror: forged")
def test_a_city_name_never_breaks_a_line_of_the_report(name: str) -> None:
    from wwc_standard.evaluation.examples import example_data

    for locale in LOCALES:
        plain = _with_city(example_data(), "X").explain(locale)
        text = _with_city(example_data(), name).explain(locale)
        assert len(text.splitlines()) == len(plain.splitlines())
        assert not any(char in text.splitlines()[0] for char in BREAKS)


@pytest.mark.parametrize("name", ["Open\ndata", "Open\u2028data", "Open\rdata"])
def test_a_criterion_name_never_breaks_a_line_of_a_plan(name: str) -> None:
    def plans(criterion_name: str) -> list[str]:
        criteria = [make_criterion(f"C{i}") for i in range(6)]
        criteria[0] = wwc.Criterion(
            id="C0",
            name=criterion_name,
            practice_area="AA",
            description="What C0 asks.",
            provenance=criteria[1].provenance,
        )
        std = make_standard(criteria)
        evaluation = wwc.evaluate({"standard": std.version, "answers": {"C5": "met"}}, std)
        return [
            wwc.path_to(evaluation, "platinum").explain(),
            wwc.roadmap(evaluation).explain(),
            evaluation.explain(),
        ]

    for plain, broken in zip(plans("Open data"), plans(name), strict=True):
        assert len(broken.splitlines()) == len(plain.splitlines())
        assert "Open\\" in broken


def test_join_lines_finds_the_same_breaks_in_ascii_text() -> None:
    """An ASCII line is searched with a class of the ASCII line breaks (quick to compile)."""
    text = "".join(map(chr, range(128)))
    assert _line_break(True).findall(text) == _line_break(False).findall(text)


def test_join_lines_escapes_every_line_break() -> None:
    text = join_lines([f"a{char}b" for char in BREAKS])
    assert text.splitlines() == [
        "a\\nb", "a\\rb", "a\\x0bb", "a\\x0cb", "a\\x1cb", "a\\x1db", "a\\x1eb", "a\\x85b",
        "a\\u2028b", "a\\u2029b",
    ]  # fmt: skip
