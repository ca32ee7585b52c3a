"""History: diff, crosswalks and migration between revisions, in the library and the CLI."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import wwc_standard as wwc
from wwc_standard.cli.program import main
from wwc_standard.history.crosswalks import crosswalk, crosswalk_pairs, crosswalk_problems

#: The ids of the 2018 criteria the sources give (the rest of its 45 are not found in them).
PUBLIC_2018 = ("DG1", "DG2", "DG3", "OD1", "OD2", "SE1", "SE2", "SE3", "SE4", "PA1", "RDC6")


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


# -- diff ------------------------------------------------------------------------------------


def test_diff_of_a_revision_with_itself_is_empty(any_shipped: wwc.Standard) -> None:
    result = wwc.diff(any_shipped, any_shipped)
    assert not result
    assert result.added == result.removed == result.renamed == result.changed == ()
    assert json.loads(json.dumps(result.to_dict()))["a"] == any_shipped.version


def test_diff_2018_2024_uses_the_crosswalk() -> None:
    result = wwc.diff("2018", "2024")
    renamed = {(r.old_id, r.new_id): r.inferred for r in result.renamed}
    assert renamed[("DG1", "DM2")] is True
    assert ("SE3", "SE4") in [g.from_ids for g in result.regrouped]
    assert "DM7" in result.added
    assert "OD2" in result.removed
    assert result.criteria_count == (45, 43)
    assert result.tier_rule is not None
    assert "outcome" in result.requirements_added
    assert "DG1 (Comprehensive Data Inventory) became DM2" in result.explain()


def test_diff_words_the_bands_and_the_incomplete_revision() -> None:
    result = wwc.diff("2018", "2024")
    assert result.incomplete == (("2018", 11, 45),)
    text = result.explain()
    assert "- 2018 lists 11 of its 45 criteria: those it does not list cannot be compared" in text
    assert "- Gold from 68% of the criteria (was 67%)" in text
    assert "- Platinum from 85% of the criteria (was 84%)" in text
    assert "Silver from" not in text  # 51% in both
    assert "- SE3 and SE4 merged into CI1, an inferred match" in text
    assert "provenance" not in text  # provenance is not a rule
    spanish = result.explain("es")
    assert "Oro" in spanish
    assert "practice area" not in spanish
    # A revision's incompleteness alone is no difference.
    same = wwc.diff("2019", "2021")
    assert not same
    assert same.incomplete == (("2019", 11, 45), ("2021", 11, 45))
    breadth = wwc.diff("2017", "2018").explain()
    assert (
        "- the tier rule changed from breadth across the components to a share of the criteria"
        in breadth
    )


# -- crosswalks and migration ----------------------------------------------------------------


@pytest.mark.parametrize(("earlier", "later"), crosswalk_pairs())
def test_crosswalks_are_valid(earlier: str, later: str) -> None:
    walk = crosswalk(earlier, later)
    assert crosswalk_problems(walk, wwc.standard(earlier), wwc.standard(later)) == []
    versions = wwc.standards()
    assert versions.index(later) == versions.index(earlier) + 1


@pytest.mark.parametrize(("earlier", "later"), crosswalk_pairs())
def test_every_crosswalk_link_cites_a_source(earlier: str, later: str) -> None:
    """Facts section 6: the crosswalk is INFERRED, except that DM7 is new in 2022 [R]; every
    link names the sources it rests on, and only DM7's is read."""
    for link in crosswalk(earlier, later).links:
        assert link.provenance is not None, link
        assert link.provenance.sources, link
        assert link.provenance.inferred is (link.to_ids != ("DM7",)), link


def test_a_link_citing_an_unknown_source_is_a_problem() -> None:
    import attrs

    walk = crosswalk("2021", "2022")
    first = walk.links[0]
    assert first.provenance is not None
    bad = attrs.evolve(first, provenance=attrs.evolve(first.provenance, sources=("nowhere",)))
    walk = attrs.evolve(walk, links=(bad, *walk.links[1:]))
    problems = crosswalk_problems(walk, wwc.standard("2021"), wwc.standard("2022"))
    assert [(p.path, p.code) for p in problems] == [
        ("links[0].provenance.sources", "unknown-source")
    ]


def test_every_consecutive_pair_that_differs_has_a_crosswalk() -> None:
    import itertools

    for earlier, later in itertools.pairwise(wwc.standards()):
        a, b = wwc.standard(earlier), wwc.standard(later)
        if [c.id for c in a.criteria] != [c.id for c in b.criteria] or (
            a.criteria_count != b.criteria_count
        ):
            assert (earlier, later) in crosswalk_pairs(), (earlier, later)


def test_migrating_to_the_same_revision_is_the_identity(example_data: dict[str, Any]) -> None:
    assessment = wwc.Assessment.from_dict(example_data)
    moved = wwc.migrate(assessment, to=assessment.standard or "")
    assert moved.assessment == assessment
    assert moved.to_confirm == ()


_2021_ANSWERS = st.dictionaries(
    st.sampled_from(PUBLIC_2018),
    st.sampled_from(["met", "unmet", "unknown", True, False, None]),
)


@given(
    answers=_2021_ANSWERS,
    version=st.sampled_from(["2018", "2021"]),
    to=st.sampled_from(["2022", "2024", "2026", "2019"]),
)
def test_no_answer_is_lost_without_being_listed(
    answers: dict[str, Any], version: str, to: str
) -> None:
    moved = wwc.migrate({"standard": version, "answers": answers}, to=to)
    target = wwc.standard(to)
    assert moved.assessment.standard == to
    assert moved.assessment.fingerprint == target.fingerprint
    assert set(moved.assessment.answers) <= {c.id for c in target.criteria}
    listed = {origin for item in moved.to_confirm for origin in item.origins}
    kept_without_doubt = set(answers) - listed
    for criterion_id in kept_without_doubt:
        # only a certain (read, one-to-one) route keeps an answer silently
        assert criterion_id in moved.assessment.answers
    for item in moved.to_confirm:
        assert item.reason.message


def test_migrating_back_words_what_the_earlier_revision_lacks_and_flags_inferred_merges() -> None:
    back = wwc.migrate({"standard": "2022", "answers": {"DM7": "met", "CI1": "met"}}, to="2021")
    by_origin = {item.origins: item for item in back.to_confirm}
    dm7 = by_origin[("DM7",)]
    assert dm7.kind == "dropped"
    assert dm7.reason.message == (
        "DM7 has no counterpart in 2021, as the crosswalk records; its answer was dropped"
    )
    ci1 = by_origin[("CI1",)]
    assert (ci1.kind, ci1.inferred) == ("lossy", True)
    assert "lossy (through an inferred link): CI1 was split into SE3 and SE4" in back.explain()
    assert ci1.to_dict()["inferred"] is True


def test_migrate_refuses_without_a_path_or_a_pin() -> None:
    with pytest.raises(wwc.NoMigrationPath):
        wwc.migrate({"answers": {}}, to="2024")
    mine = wwc.Standard.from_dict(
        dict(wwc.standard("2024").to_dict(), version="mine", extends=None, changes=[])
    )
    with pytest.raises(wwc.NoMigrationPath):
        wwc.migrate({"answers": {"DM1": "met"}}, to="2024", source=mine)


def test_migrate_refuses_an_assessment_whose_pin_does_not_match() -> None:
    data = {"standard": "2021", "fingerprint": wwc.standard("2024").fingerprint, "answers": {}}
    with pytest.raises(wwc.AssessmentError):
        wwc.migrate(data, to="2024")


# -- the command line ------------------------------------------------------------------------


def test_cli_diff() -> None:
    code, out, err = run("diff", "2018", "2024")
    assert (code, err) == (0, "")
    assert "DM2" in out
    code, out, _ = run("diff", "2025", "2026", "--format", "json")
    assert code == 0
    assert json.loads(out)["added"] == []


def test_cli_migrate_writes_atomically_and_refuses_to_overwrite(tmp_path: Path) -> None:
    source = tmp_path / "a.json"
    source.write_text(json.dumps({"standard": "2021", "answers": {"DG1": "met"}}), "utf-8")
    target = tmp_path / "b.json"
    code, out, err = run("migrate", str(source), "--to", "2024", "-o", str(target))
    assert (code, err) == (0, "")
    assert json.loads(target.read_text("utf-8"))["answers"] == {"DM2": "met"}
    assert "inferred" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    code, _, err = run("migrate", str(source), "--to", "2024", "-o", str(target))
    assert code == 2
    assert "[output-exists]" in err
    assert run("migrate", str(source), "--to", "2024", "-o", str(target), "--force")[0] == 0
    before = source.read_text("utf-8")
    code, _, err = run("migrate", str(source), "--to", "2024", "-o", str(source), "--force")
    assert code == 2
    assert "[same-file]" in err
    link = tmp_path / "link.json"
    os.link(source, link)
    code, _, err = run("migrate", str(source), "--to", "2024", "-o", str(link), "--force")
    assert code == 2
    assert "[same-file]" in err
    assert source.read_text("utf-8") == before
