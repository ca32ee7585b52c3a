"""Hostile input to load_guidance (and the other file loaders): every failure a documented
error, never a file descriptor closed or a key passed over in silence."""

from __future__ import annotations

import os
import pathlib

import pytest

import wwc_standard as wwc
from wwc_standard.errors import WWCError


@pytest.mark.parametrize("argument", [2, 0, b"guidance.toml", None, 1.5, ["a.toml"]])
@pytest.mark.parametrize(
    ("load", "error"),
    [
        (wwc.load_guidance, wwc.planning.InvalidGuidance),
        (wwc.load_standard, wwc.InvalidStandard),
        (wwc.load_assessment, wwc.AssessmentError),
    ],
)
def test_a_path_that_is_not_a_path_is_refused_before_anything_is_opened(load, error, argument):
    descriptor = os.dup(2)
    try:
        with pytest.raises(error) as raised:
            load(argument)
        # the descriptor is still open: nothing was taken as a file descriptor and closed
        os.fstat(descriptor)
        os.fstat(2)
    finally:
        os.close(descriptor)
    assert isinstance(raised.value, WWCError)
    [problem] = raised.value.problems
    assert (problem.path, problem.code) == ("path", "wrong-type")
    assert type(argument).__name__ in str(problem.message)


def _write(tmp_path: pathlib.Path, text: str) -> pathlib.Path:
    path = tmp_path / "mine.toml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = """
basis = "advice"
[capacity]
person_weeks_per_month = 6.0
[default]
effort = 6.0
reason = "Advice: ours."
"""


def test_a_good_file_still_loads(tmp_path):
    assert wwc.load_guidance(_write(tmp_path, "schema = 1\n" + GOOD)).capacity_per_month == 6.0


def test_an_unknown_schema_is_refused(tmp_path):
    with pytest.raises(wwc.planning.InvalidGuidance) as raised:
        wwc.load_guidance(_write(tmp_path, "schema = 99\n" + GOOD))
    [problem] = raised.value.problems
    assert problem.code == "unsupported-schema"
    assert problem.path.endswith("schema")


def test_unknown_keys_are_refused_with_did_you_mean(tmp_path):
    text = 'unti = "x"\n' + GOOD.replace(
        'reason = "Advice: ours."', 'reason = "Advice: ours."\nefort = 2\n'
    )
    text += '[criteria.DM1]\neffort = 1\nreason = "r"\nreasn = "r"\n[capacity2]\n'
    with pytest.raises(wwc.planning.InvalidGuidance) as raised:
        wwc.load_guidance(_write(tmp_path, text))
    found = {(p.path.split(": ", 1)[1], p.code, str(p.hint)) for p in raised.value.problems}
    assert found == {
        ("unti", "unknown-field", "did you mean unit?"),
        ("default.efort", "unknown-field", "did you mean effort?"),
        ("criteria.DM1.reasn", "unknown-field", "did you mean reason?"),
        ("capacity2", "unknown-field", "did you mean capacity?"),
    }


def test_a_file_that_is_not_a_table_is_refused(tmp_path):
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(wwc.planning.InvalidGuidance) as raised:
        wwc.load_guidance(path)
    assert [p.code for p in raised.value.problems] == ["wrong-type"]
