"""Versions of revisions of one's own: a shipped name only for the shipped content, and only
characters that are safe in the name of a catalog file."""

from __future__ import annotations

import copy

import pytest

import wwc_standard as wwc


def data(version: str) -> dict:
    changed = copy.deepcopy(wwc.standard("2024").to_dict())
    changed["version"] = version
    changed["title"] = "Our own reading"
    return changed


@pytest.mark.parametrize("version", ["2024", "2026", "2017"])
def test_a_shipped_version_with_other_content_is_refused(version):
    with pytest.raises(wwc.InvalidStandard) as raised:
        wwc.Standard.from_dict(data(version))
    [problem] = raised.value.problems
    assert (problem.path, problem.code) == ("version", "shipped-version")
    assert f"{version}-mine" in str(problem.hint)


def test_a_shipped_version_with_its_own_content_is_that_revision():
    for version in wwc.standards():
        shipped = wwc.standard(version)
        assert wwc.Standard.from_dict(shipped.to_dict()) == shipped


def test_an_extending_revision_may_not_take_a_shipped_version():
    with pytest.raises(wwc.InvalidStandard) as raised:
        wwc.Standard.from_dict(
            {"version": "2025", "extends": "2024", "title": "t", "changes": ["c"]}
        )
    assert [p.code for p in raised.value.problems] == ["shipped-version"]


@pytest.mark.parametrize(
    "version",
    ["../../etc/x", "a/b", "a\\b", "", ".hidden", "-x", "2024 mine", "é", "x" * 65, "a\0b", "a:b"],
)
def test_an_unsafe_version_is_refused(version):
    with pytest.raises(wwc.InvalidStandard) as raised:
        wwc.Standard.from_dict(data(version))
    assert [(p.path, p.code) for p in raised.value.problems] == [("version", "invalid-version")]


@pytest.mark.parametrize("version", ["2024-mine", "v2.1_b", "X", "x" * 64])
def test_a_safe_version_is_accepted(version):
    assert wwc.Standard.from_dict(data(version)).version == version
