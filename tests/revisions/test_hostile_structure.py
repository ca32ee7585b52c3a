"""Structuring problems of revision files say in translatable words what was expected and
what was found, at paths the file has: never Python's own words."""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import wwc_standard as wwc
from strategies import json_values

BASE = copy.deepcopy(wwc.standard("2024").to_dict())
BASE["version"] = "2024-mine"
PYTHON_WORDS = re.compile(
    r"NoneType|object has no attribute|not iterable|unknown error|\bdict\b|\bint\b|\bfloat\b"
    r"|\bbool\b|\bstr\b|Traceback|typing\.|isoformat"
)


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path] if path else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*path, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node[:2]):
            found.extend(_paths(value, (*path, index)))
    return found


PATHS = _paths(BASE)


@given(where=st.sampled_from(PATHS), value=json_values(max_leaves=4))
def test_a_value_of_the_wrong_kind_is_worded_for_people(where, value):
    data = copy.deepcopy(BASE)
    node = data
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = value
    try:
        wwc.Standard.from_dict(data)
    except wwc.InvalidStandard as error:
        for problem in error.problems:
            for locale in ("en", "es", "pt_BR", "fr"):
                text = problem.localized(locale)
                assert not PYTHON_WORDS.search(text), text


def test_the_wording_of_the_assessment_parser_in_every_locale():
    data = copy.deepcopy(BASE)
    data["criteria"][0]["name"] = None
    data["criteria"][1]["provenance"] = ["read"]
    data["in_force"]["start"] = 5
    try:
        wwc.Standard.from_dict(data)
    except wwc.InvalidStandard as error:
        found = {p.path: str(p.message) for p in error.problems}
        french = {p.path: p.message(locale="fr") for p in error.problems}
    assert found == {
        "criteria[0].name": "expected a string, found null",
        "criteria[1].provenance": "expected a table, found a list",
        "in_force.start": "expected a date, like 2024-01-01, found 5",
    }
    assert all(french[path] != found[path] for path in found)
