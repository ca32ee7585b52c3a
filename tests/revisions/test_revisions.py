"""Revisions 2017-2021, revision files of your own, and the JSON Schemas."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wwc_standard as wwc
from wwc_standard import Tier
from wwc_standard.cli.program import main

OLD = ("2017", "2018", "2019", "2020", "2021")
PUBLIC_2018 = ("DG1", "DG2", "DG3", "OD1", "OD2", "SE1", "SE2", "SE3", "SE4", "PA1", "RDC6")
SCHEMAS = Path(wwc.__file__).parent / "schemas"
DOCS = Path(__file__).parents[2] / "docs"


# -- the shipped 2017-2021 revisions (facts sections 2, 6 and 7) ----------------------------


def test_every_shipped_revision_is_valid_and_cites_its_sources(any_shipped: wwc.Standard) -> None:
    assert any_shipped.validate() == ()
    assert wwc.Standard.from_dict(any_shipped.to_dict()) == any_shipped
    keys = {source.key for source in any_shipped.sources}
    for criterion in any_shipped.criteria:
        assert set(criterion.provenance.sources) <= keys


@pytest.mark.parametrize("version", OLD[1:])
def test_2018_to_2021_are_the_2018_standard(version: str) -> None:
    revision = wwc.standard(version)
    assert [c.id for c in revision.criteria] == list(PUBLIC_2018)
    assert revision.criteria_count == 45
    assert not revision.complete
    assert [a.code for a in revision.practice_areas] == [
        "DG",
        "EV",
        "GM",
        "OD",
        "PA",
        "RP",
        "RDC",
        "SE",
    ]
    assert revision.tier_rule == wwc.standard("2018").tier_rule
    assert revision.tier_rule.thresholds(45) == (  # type: ignore[union-attr]
        (Tier.SILVER, 23),
        (Tier.GOLD, 31),
        (Tier.PLATINUM, 38),
    )
    assert revision.eligibility.countries == ("US",)
    assert revision.eligibility.population_floor == 30000
    # Facts section 2: all three bands, Platinum 84 % included, read in full on the
    # certification page of the 2021 cycle.
    assert not revision.tier_rule.provenance.inferred
    assert "wwc-certification" in revision.tier_rule.provenance.sources


def test_inferred_ids_and_names_are_labelled() -> None:
    """Facts section 6: DG2/DG3 names, OD ids and the OD1 name are INFERRED; the names of
    OD2 and SE1-SE4 are in no source, so they are described, never named as if published; the
    names of PA1 and RDC6 are a city's labels, inferred as official; tying the quality items to
    DG3 is inferred."""
    revision = wwc.standard("2018")
    for criterion_id in ("DG2", "DG3", "OD1", "PA1", "RDC6"):
        criterion = revision[criterion_id]
        assert criterion.provenance.inferred, criterion_id
        assert "(name inferred)" in criterion.name, criterion_id
    for criterion_id in ("OD2", "SE1", "SE2", "SE3", "SE4"):
        criterion = revision[criterion_id]
        assert criterion.provenance.inferred, criterion_id
        assert criterion.name.startswith("Name not found: "), criterion_id
        assert "not in any source" in criterion.provenance.note, criterion_id
    assert "Inferred: that they belong to the criterion DG3" in revision["DG3"].provenance.note
    assert not revision["DG1"].provenance.inferred
    checklist = revision["DG1"].checklist
    assert checklist is not None
    assert checklist.quota == "3 of 4"
    assert revision["DG2"].checklist is None  # quota UNKNOWN: never invented


def test_2017_is_the_launch_standard_with_a_configurable_breadth_rule() -> None:
    revision = wwc.standard("2017")
    rule = revision.tier_rule
    assert isinstance(rule, wwc.ComponentBreadth)
    assert rule.components == ("commit", "measure", "take-stock", "act")
    assert [(b.tier, b.components) for b in rule.bands] == [
        (Tier.SILVER, 2),
        (Tier.GOLD, 3),
        (Tier.PLATINUM, 4),
    ]
    # Facts section 7: how a city "works across" a component is UNKNOWN, so no value ships.
    assert rule.working_across is None
    assert rule.missing == ("tier_rule.working_across",)
    assert len(revision.practice_areas) == 6
    assert revision.criteria == ()
    assert not revision.complete
    assert revision.criteria_count == 50
    assert revision.criteria_count_approximate  # "about 50"


@pytest.mark.parametrize("version", OLD)
def test_evaluating_an_incomplete_revision_is_refused(version: str) -> None:
    revision = wwc.standard(version)
    with pytest.raises(wwc.IncompleteStandard) as info:
        wwc.evaluate({"answers": {}}, version)
    error = info.value
    assert isinstance(error, wwc.WWCError)
    assert (error.listed, error.declared) == (len(revision.criteria), revision.criteria_count)
    assert str(revision.criteria_count - len(revision.criteria)) in str(error)
    assert "extends" in str(error)


def test_newest_and_by_date_still_pick_the_right_revision() -> None:
    import datetime

    assert wwc.standard().version == "2026"
    assert wwc.standard(on=datetime.date(2018, 6, 1)).version == "2018"
    # Facts section 2: the inaugural cohort of 25 January 2018 was certified under 2017.
    assert wwc.standard(on=datetime.date(2018, 1, 25)).version == "2017"
    assert wwc.standard(on=datetime.date(2018, 1, 26)).version == "2018"
    assert wwc.standard("2018").in_force.provenance.inferred
    assert wwc.standard(on=datetime.date(2022, 7, 31)).version == "2021"


# -- a complete 2018 built by a user file ----------------------------------------------------


def _complete_2018(tmp_path: Path) -> wwc.Standard:
    lines = [
        'version = "2018-complete-test"',
        'extends = "2018"',
        'title = "2018 completed for a test"',
        'changes = ["Adds 34 placeholder criteria so that the 2018 bands can be tested."]',
        "[[sources]]",
        'key = "test"',
        'title = "A test"',
    ]
    for n in range(34):
        lines += [
            "[[amend_criteria]]",
            f'id = "GM{n + 1}"',
            'practice_area = "GM"',
            f'name = "Placeholder {n + 1}"',
            'description = "A placeholder for a test."',
            'provenance = { basis = "inferred", sources = ["test"] }',
        ]
    path = tmp_path / "complete.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return wwc.load_standard(path)


@pytest.mark.parametrize(
    ("met", "tier"),
    [
        (22, Tier.NONE),
        (23, Tier.SILVER),
        (30, Tier.SILVER),
        (31, Tier.GOLD),
        (37, Tier.GOLD),
        (38, Tier.PLATINUM),
    ],
)
def test_complete_2018_counts_give_the_tiers_of_the_facts(
    tmp_path: Path, met: int, tier: Tier
) -> None:
    """Facts section 3: of 45, 0-22 none, 23-30 Silver (30/45 = 66.67% is Silver), 31-37 Gold,
    38-45 Platinum."""
    revision = _complete_2018(tmp_path)
    assert revision.complete
    assert revision.possible == 45
    ids = [c.id for c in revision.criteria]
    result = wwc.evaluate({"answers": dict.fromkeys(ids[:met], "met")}, revision)
    assert (result.points, result.tier) == (met, tier)


# -- the breadth rule is monotonic -----------------------------------------------------------


def _breadth_revision(sizes: list[int], min_criteria: int, min_percent: int) -> wwc.Standard:
    data = wwc.standard("2017").to_dict()
    data["version"] = "2017-test"
    components = ["commit", "measure", "take-stock", "act"]
    data["criteria"] = [
        {
            "id": f"{component[0].upper()}{n}",
            "practice_area": "OD",
            "name": f"{component} {n}",
            "description": "test",
            "components": [component],
            "provenance": {"basis": "inferred"},
        }
        for component, size in zip(components, sizes, strict=True)
        for n in range(size)
    ]
    data["criteria_count"] = sum(sizes)
    data["tier_rule"]["working_across"] = {"min_criteria": min_criteria, "min_percent": min_percent}
    return wwc.Standard.from_dict(data)


def _complete_2017_file(tmp_path: Path, working_across: str) -> Path:
    """A revision file that completes 2017 with 4 criteria of our own, one per component."""
    lines = [
        'version = "2017-complete-test"',
        'extends = "2017"',
        'changes = ["Completed with placeholder criteria for a test."]',
        "criteria_count = 4",
        "criteria_count_approximate = false",
        "",
        "[tier_rule]",
        'kind = "component-breadth"',
        'components = ["commit", "measure", "take-stock", "act"]',
        "bands = [",
        '    { tier = "silver", components = 2 },',
        '    { tier = "gold", components = 3 },',
        '    { tier = "platinum", components = 4 },',
        "]",
        working_across,
        'provenance = { basis = "inferred", sources = ["smartcitiesdive-515769"] }',
    ]
    for component in ("commit", "measure", "take-stock", "act"):
        lines += [
            "",
            "[[criteria]]",
            f'id = "{component[0].upper()}1"',
            'practice_area = "OD"',
            f'name = "{component} placeholder"',
            'description = "test"',
            f'components = ["{component}"]',
            'provenance = { basis = "inferred" }',
        ]
    path = tmp_path / "2017-complete.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_completing_2017_without_working_across_is_a_clear_error(tmp_path: Path) -> None:
    """Facts section 7: "working across" is UNKNOWN; a file that lists every criterion but
    gives no working_across cannot score, and the error says what to add and where."""
    revision = wwc.load_standard(_complete_2017_file(tmp_path, ""))
    assert len(revision.criteria) == revision.criteria_count == 4
    assert not revision.complete
    with pytest.raises(wwc.IncompleteStandard) as info:
        wwc.evaluate({"answers": {"C1": "met"}}, revision)
    assert info.value.missing == ("tier_rule.working_across",)
    assert [p.code for p in info.value.problems] == ["incomplete-standard"]
    message = str(info.value)
    assert "tier_rule.working_across" in message
    assert "min_criteria" in message
    assert "min_percent" in message
    assert "not found in the sources" in message
    assert [p.code for p in wwc.validate({"answers": {}}, revision)] == ["incomplete-standard"]


def test_completing_2017_with_working_across_scores(tmp_path: Path) -> None:
    path = _complete_2017_file(tmp_path, "working_across = { min_criteria = 1, min_percent = 50 }")
    revision = wwc.load_standard(path)
    assert revision.complete
    result = wwc.evaluate({"answers": {"C1": "met", "M1": "met", "T1": "met"}}, revision)
    assert result.tier is Tier.GOLD


@given(
    sizes=st.lists(st.integers(1, 5), min_size=4, max_size=4),
    min_criteria=st.integers(1, 2),
    min_percent=st.sampled_from([0, 34, 50, 100]),
    data=st.data(),
)
def test_breadth_rule_is_monotonic(
    sizes: list[int], min_criteria: int, min_percent: int, data: st.DataObject
) -> None:
    """Facts section 7: Silver works across 2 components, Gold 3, Platinum 4; meeting more
    criteria never lowers the tier, whatever "working across" is set to."""
    try:
        revision = _breadth_revision(sizes, min_criteria, min_percent)
    except wwc.InvalidStandard:
        return  # a setting no component can reach is refused on load
    ids = [c.id for c in revision.criteria]
    smaller = data.draw(st.sets(st.sampled_from(ids)))
    larger = smaller | data.draw(st.sets(st.sampled_from(ids)))
    rule = revision.tier_rule
    assert rule.tier(smaller, revision.criteria) <= rule.tier(larger, revision.criteria)


# -- revision files of your own --------------------------------------------------------------


def test_json_and_toml_files_give_the_same_fingerprint(tmp_path: Path) -> None:
    data = wwc.standard("2024").to_dict()
    (tmp_path / "r.json").write_text(json.dumps(data), encoding="utf-8")
    loaded = wwc.load_standard(tmp_path / "r.json")
    assert loaded.fingerprint == wwc.standard("2024").fingerprint


def test_amendments_replace_refine_and_remove(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        """
version = "2018-mine"
extends = "2018"
title = "mine"
changes = ["DG2 named; SE4 removed; DG3 gets a prerequisite."]
remove_criteria = ["SE4"]
[[amend_criteria]]
id = "DG2"
name = "Official name"
[[amend_criteria]]
id = "DG3"
prerequisites = ["DG1"]
""",
        encoding="utf-8",
    )
    mine = wwc.load_standard(path)
    assert mine["DG2"].name == "Official name"
    assert mine["DG2"].description == wwc.standard("2018")["DG2"].description
    assert mine["DG3"].prerequisites == ("DG1",)
    assert "SE4" not in mine


def test_problems_of_a_file_carry_its_path(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'version = "x"\nextends = "2018"\nchanges = ["c"]\nremove_criteria = ["ZZ1"]\n'
        '[[amend_criteria]]\nid = "NEW1"\nname = "n"\n',
        encoding="utf-8",
    )
    with pytest.raises(wwc.InvalidStandard) as info:
        wwc.load_standard(path)
    assert info.value.origin == str(path)
    found = {(p.path, p.code) for p in info.value.problems}
    assert ("remove_criteria[0]", "unknown-criterion") in found
    assert ("amend_criteria[0].practice_area", "missing-field") in found
    (tmp_path / "broken.toml").write_text("version = ", encoding="utf-8")
    with pytest.raises(wwc.InvalidStandard) as info:
        wwc.load_standard(tmp_path / "broken.toml")
    assert info.value.problems[0].code == "invalid-toml"
    with pytest.raises(wwc.errors.UnreadableFile) as info:
        wwc.load_standard(tmp_path / "nothing-here.toml")
    assert info.value.problems[0].code == "unreadable-file"
    assert isinstance(info.value, OSError)


def test_assessment_pinned_to_a_user_revision(tmp_path: Path) -> None:
    revision = _complete_2018(tmp_path)
    pinned = {
        "standard": revision.version,
        "fingerprint": revision.fingerprint,
        "answers": {"DG1": "met"},
    }
    assert wwc.evaluate(pinned, standard=revision).points == 1
    other = dict(pinned, fingerprint=wwc.standard("2024").fingerprint)
    with pytest.raises(wwc.AssessmentError) as info:
        wwc.evaluate(other, standard=revision)
    assert "fingerprint-mismatch" in {p.code for p in info.value.problems}


# -- JSON Schemas ----------------------------------------------------------------------------


def test_committed_schemas_are_up_to_date() -> None:
    from wwc_standard.evaluation.schema import render, schemas

    for name, schema in schemas().items():
        assert (SCHEMAS / name).read_text("utf-8") == render(schema), (
            f"{name} is out of date: run python -m wwc_standard.evaluation.schema --write"
        )


def _json_like(value: Any) -> Any:
    import datetime

    if isinstance(value, dict):
        return {k: _json_like(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_like(v) for v in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def _validator(name: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((SCHEMAS / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_shipped_revision_files_validate_against_the_schema() -> None:
    validator = _validator("revision.schema.json")
    folder = Path(wwc.__file__).parent / "standards"
    for path in sorted(folder.glob("*.toml")):
        data = _json_like(tomllib.loads(path.read_text("utf-8")))
        errors = list(validator.iter_errors(data))
        assert errors == [], (path.name, errors[:1])
    for version in wwc.standards():
        assert list(validator.iter_errors(wwc.standard(version).to_dict())) == []
    assert list(validator.iter_errors({"version": "x"})) != []


def test_examples_validate_against_the_assessment_schema() -> None:
    validator = _validator("assessment.schema.json")
    folder = Path(wwc.__file__).parent / "examples"
    for path in sorted(folder.glob("*.json")):
        assert list(validator.iter_errors(json.loads(path.read_text("utf-8")))) == []
    assert list(validator.iter_errors({"answers": {"DM1": "maybe"}})) != []


def test_json_examples_in_the_docs_validate() -> None:
    """Every ```json block in docs/ that is an assessment validates against its schema."""
    import re

    validator = _validator("assessment.schema.json")
    checked = 0
    for page in sorted(DOCS.glob("*.md")):
        for block in re.findall(r"```json\n(.*?)```", page.read_text("utf-8"), re.S):
            try:
                data = json.loads(block)
            except json.JSONDecodeError:
                continue
            if isinstance(data, dict) and "answers" in data and "format" not in data:
                assert list(validator.iter_errors(data)) == [], page.name
                checked += 1
    assert checked > 0


def test_worked_example_of_the_docs_loads(tmp_path: Path) -> None:
    import re

    text = (DOCS / "revision-files.md").read_text("utf-8")
    (block,) = re.findall(r"```toml\n# worked example\n(.*?)```", text, re.S)
    path = tmp_path / "worked.toml"
    path.write_text(block, encoding="utf-8")
    revision = wwc.load_standard(path)
    assert revision.complete is False or revision.complete is True
    assert revision.validate() == ()
    assert revision["DM2"].checklist is not None


# -- the command line ------------------------------------------------------------------------


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_evaluates_against_a_revision_file(tmp_path: Path) -> None:
    revision = tmp_path / "rubric.toml"
    revision.write_text(
        'schema = 1\nversion = "2024-rubric"\ntitle = "2024 with a DM1 checklist"\n'
        'extends = "2024"\nchanges = ["DM1 gets a checklist"]\n'
        '[[amend_criteria]]\nid = "DM1"\n'
        "checklist = { required = 2, items = ["
        '{ id = "a", text = "A governance body exists." }, '
        '{ id = "b", text = "It meets every quarter." }], '
        'provenance = { basis = "inferred", note = "test" } }\n',
        encoding="utf-8",
    )
    answers = tmp_path / "answers.json"
    answers.write_text(
        json.dumps({"answers": {"DM1": {"checklist": {"a": True, "b": False}}, "DM2": "met"}}),
        encoding="utf-8",
    )
    code, out, err = run("evaluate", str(answers), "--standard", str(revision), "--format", "json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["standard"]["version"] == "2024-rubric"
    assert data["standard"]["fingerprint"] == wwc.load_standard(revision).fingerprint
    assert data["points"] == 1
    code, _, err = run("roadmap", str(answers), "--standard", str(tmp_path / "missing.toml"))
    assert code == 2
    assert "[unreadable-file]" in err


def test_cli_standards_marks_incomplete_revisions() -> None:
    code, out, _ = run("standards")
    assert code == 0
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert "incomplete" in lines["2018"]
    assert "incomplete" not in lines["2024"]
