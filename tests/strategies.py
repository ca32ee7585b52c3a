"""Shared hypothesis strategies and hand-built revisions for the test suite.

Two kinds of things live here:

- strategies: JSON-like values, assessments for a given revision, sets of met criteria, and
  small *valid* revisions built by hand as :class:`~wwc_standard.Standard` objects (their
  prerequisites form a DAG, their checklists have quotas in range, their percentage bands are
  valid for their number of criteria);
- plain builders (``make_standard``, ``make_criterion`` ...) for example tests that need a
  revision the package does not ship, such as one with prerequisites or checklists.

Nothing here asserts; the tests do.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

import wwc_standard as wwc
from wwc_standard.evaluation.assessment import MAX_POPULATION

__all__ = [
    "COMPONENTS",
    "PROVENANCE",
    "SOURCES",
    "answer_values",
    "answers_meeting",
    "assessment_like",
    "assessments",
    "band_percents",
    "breadth_revisions",
    "cities",
    "gating_requirement",
    "json_values",
    "make_bands",
    "make_breadth",
    "make_checklist",
    "make_criterion",
    "make_standard",
    "met_sets",
    "revisions",
    "valid_band_sets",
]

#: The one source that hand-built revisions cite.
SOURCES = (wwc.Source(key="test", title="A source made up for the tests"),)
#: Provenance of every fact of a hand-built revision.
PROVENANCE = wwc.Provenance(basis="read", sources=("test",))

# -- plain builders -------------------------------------------------------------------------


def make_bands(silver: int = 51, gold: int = 68, platinum: int = 85) -> wwc.PercentageBands:
    """A percentage-bands rule with the given lower bounds (default: the 2022 numbers)."""
    return wwc.PercentageBands(
        bands=(
            wwc.Band(tier=wwc.Tier.SILVER, from_percent=silver),
            wwc.Band(tier=wwc.Tier.GOLD, from_percent=gold),
            wwc.Band(tier=wwc.Tier.PLATINUM, from_percent=platinum),
        ),
        provenance=PROVENANCE,
    )


def make_checklist(required: int, item_ids: Iterable[str]) -> wwc.Checklist:
    """A checklist of the given items with quota ``required``."""
    return wwc.Checklist(
        required=required,
        items=tuple(wwc.ChecklistItem(id=item, text=f"item {item}") for item in item_ids),
        provenance=PROVENANCE,
    )


def make_criterion(
    criterion_id: str,
    area: str = "AA",
    *,
    prerequisites: Sequence[str] = (),
    checklist: wwc.Checklist | None = None,
    components: Sequence[str] = (),
) -> wwc.Criterion:
    """A criterion of practice area ``area`` (and of ``components``, for a breadth rule)."""
    return wwc.Criterion(
        id=criterion_id,
        name=f"Criterion {criterion_id}",
        practice_area=area,
        description=f"What {criterion_id} asks.",
        prerequisites=tuple(prerequisites),
        checklist=checklist,
        components=tuple(components),
        provenance=PROVENANCE,
    )


#: The four components of the 2017 launch standard (facts, section 7).
COMPONENTS = ("commit", "measure", "take-stock", "act")


def make_breadth(
    silver: int = 2,
    gold: int = 3,
    platinum: int = 4,
    *,
    components: Sequence[str] = COMPONENTS,
    min_criteria: int = 1,
    min_percent: int = 0,
) -> wwc.ComponentBreadth:
    """A component-breadth rule (default: the 2017 rule, Silver 2 of 4, Gold 3, Platinum 4)."""
    return wwc.ComponentBreadth(
        components=tuple(components),
        bands=(
            wwc.ComponentBand(tier=wwc.Tier.SILVER, components=silver),
            wwc.ComponentBand(tier=wwc.Tier.GOLD, components=gold),
            wwc.ComponentBand(tier=wwc.Tier.PLATINUM, components=platinum),
        ),
        working_across=wwc.WorkingAcross(min_criteria=min_criteria, min_percent=min_percent),
        provenance=PROVENANCE,
    )


def make_standard(
    criteria: Sequence[wwc.Criterion],
    *,
    version: str = "9001",
    tier_rule: wwc.PercentageBands | wwc.ComponentBreadth | None = None,
    criteria_count: int | None = None,
    areas: Sequence[str] | None = None,
    requirements: Sequence[wwc.Requirement] = (),
    countries: Sequence[str] = ("CA", "MX", "US"),
    population_floor: int = 30000,
) -> wwc.Standard:
    """A revision built by hand around ``criteria`` (areas default to those the criteria use).

    The tier rule defaults to the 2022 bands (51, 68, 85) when they are valid for the number of
    criteria, else to 33, 66 and 100, which are valid from 3 criteria up.
    """
    count = len(criteria) if criteria_count is None else criteria_count
    if tier_rule is None:
        tier_rule = make_bands()
        if tier_rule.problems(criteria, count):
            tier_rule = make_bands(33, 66, 100)
    if areas is None:
        areas = list(dict.fromkeys(criterion.practice_area for criterion in criteria))
    return wwc.Standard(
        version=version,
        title=f"Test revision {version}",
        in_force=wwc.InForce(start=datetime.date(2030, 1, 1), provenance=PROVENANCE),
        criteria_count=count,
        sources=SOURCES,
        provenance=PROVENANCE,
        practice_areas=tuple(
            wwc.PracticeArea(code=code, name=f"Area {code}", provenance=PROVENANCE)
            for code in areas
        ),
        criteria=tuple(criteria),
        tier_rule=tier_rule,
        eligibility=wwc.Eligibility(
            population_floor=population_floor,
            countries=tuple(countries),
            region="test region",
            provenance=PROVENANCE,
        ),
        requirements=tuple(requirements),
    )


def gating_requirement(requirement_id: str = "outcome") -> wwc.Requirement:
    """A certification requirement outside the points that gates certification."""
    return wwc.Requirement(
        id=requirement_id,
        name="Outcome requirement",
        description="Show an outcome.",
        gates_certification=True,
        provenance=wwc.Provenance(basis="inferred", sources=("test",)),
    )


# -- JSON-like values -----------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
)


def json_values(
    *,
    keys: st.SearchStrategy[Any] | None = None,
    scalars: st.SearchStrategy[Any] | None = None,
    max_leaves: int = 25,
) -> st.SearchStrategy[Any]:
    """Any JSON-like value: scalars, lists and objects, nested."""
    keys = st.text(max_size=8) if keys is None else keys
    scalars = _SCALARS if scalars is None else scalars
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=5)
        ),
        max_leaves=max_leaves,
    )


_FIELD_WORDS = (
    "standard",
    "fingerprint",
    "city",
    "answers",
    "requirements",
    "name",
    "country",
    "population",
    "status",
    "checklist",
    "evidence",
    "note",
    "outcome",
)
_VALUE_WORDS = ("met", "unmet", "unknown", "MET", "yes", "2022", "2024", "US", "FR", "a", "")


def assessment_like(standard: wwc.Standard) -> st.SearchStrategy[Any]:
    """JSON-like values near the assessment format of ``standard``: right and wrong keys,
    right and wrong values, non-string keys, NaN and infinities, deep nesting."""
    ids = [criterion.id for criterion in standard.criteria]
    items = [item for c in standard.criteria if c.checklist for item in c.checklist.item_ids]
    words = st.sampled_from([*_FIELD_WORDS, *ids, *items, "DM99", "dm1"])
    keys = words | st.text(max_size=6) | st.integers(-3, 3)
    scalars = (
        _SCALARS
        | st.floats()
        | st.sampled_from(_VALUE_WORDS)
        | st.just(standard.fingerprint)
        | st.just(standard.version)
    )
    anything = json_values(keys=keys, scalars=scalars, max_leaves=30)
    answers = st.dictionaries(words | st.text(max_size=4), anything, max_size=8)
    city = st.dictionaries(
        st.sampled_from(["name", "country", "population", "size"]), anything, max_size=4
    )
    top = st.fixed_dictionaries(
        {},
        optional={
            "standard": st.just(standard.version) | anything,
            "fingerprint": st.just(standard.fingerprint) | anything,
            "city": city | anything,
            "answers": answers | anything,
            "requirements": answers | anything,
            "extra": anything,
        },
    )
    return top | anything


# -- assessments ----------------------------------------------------------------------------

_URLS = st.builds(
    "https://example.org/{}".format, st.text("abcdefghijklmnopqrstuvwxyz0123456789/-", max_size=12)
)
_STATUS_WORDS = ("met", "unmet", "unknown", "Met", " UNMET ")


def answer_values(criterion: wwc.Criterion | None = None) -> st.SearchStrategy[Any]:
    """A valid answer to ``criterion`` in the JSON format: a bare status (true, false, a status
    word or null), or an object with a status, evidence and a note; for a criterion with a
    checklist also an object answering the checklist alone (so it never contradicts)."""
    bare = st.sampled_from([True, False, None, *_STATUS_WORDS])
    extras: dict[str, st.SearchStrategy[Any]] = {
        "evidence": st.lists(_URLS, max_size=2),
        "note": st.text(max_size=20),
    }
    with_status = st.fixed_dictionaries(
        {}, optional={"status": st.sampled_from([True, False, None, *_STATUS_WORDS]), **extras}
    )
    if criterion is None or criterion.checklist is None:
        return bare | with_status
    marks = st.dictionaries(
        st.sampled_from(criterion.checklist.item_ids),
        st.sampled_from([True, False, None]),
        max_size=len(criterion.checklist.items),
    )
    checklist_only = st.fixed_dictionaries({"checklist": marks}, optional=extras)
    return bare | with_status | checklist_only


def cities() -> st.SearchStrategy[dict[str, Any]]:
    """The ``city`` object: any of name, country (inside and outside the Americas, any case)
    and population (around the 30,000 floor, and up to the bound of 10**10 people)."""
    return st.fixed_dictionaries(
        {},
        optional={
            "name": st.text(max_size=20),
            "country": st.sampled_from(["US", "CA", "MX", "BR", "JM", "FR", "ES", "us", "Ca"]),
            "population": st.integers(0, 30_000)
            | st.integers(29_990, 30_010)
            | st.integers(0, MAX_POPULATION),
        },
    )


@st.composite
def assessments(
    draw: st.DrawFn,
    standard: wwc.Standard,
    *,
    pin: bool | None = None,
    only: Sequence[str] | None = None,
) -> dict[str, Any]:
    """A valid assessment of ``standard`` as JSON-like data.

    ``pin`` pins the revision (version and fingerprint): ``True`` always, ``False`` never,
    ``None`` either. ``only`` restricts the answered criteria to those ids.
    """
    ids = [c.id for c in standard.criteria] if only is None else list(only)
    answered = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
    data: dict[str, Any] = {
        "answers": {key: draw(answer_values(standard[key])) for key in answered},
    }
    if draw(st.booleans()):
        data["city"] = draw(cities())
    if standard.requirements and draw(st.booleans()):
        data["requirements"] = {
            requirement.id: draw(answer_values())
            for requirement in standard.requirements
            if draw(st.booleans())
        }
    pinned = draw(st.booleans()) if pin is None else pin
    if pinned:
        data["standard"] = standard.version
        data["fingerprint"] = standard.fingerprint
    return data


def met_sets(standard: wwc.Standard) -> st.SearchStrategy[frozenset[str]]:
    """Sets of ids of criteria of ``standard`` (to answer as met)."""
    return st.frozensets(st.sampled_from([c.id for c in standard.criteria]))


# -- tier bands -----------------------------------------------------------------------------


def band_percents() -> st.SearchStrategy[tuple[int, int, int]]:
    """Three strictly increasing whole percentages from 1 to 100 (not always valid for a
    given number of criteria)."""
    return st.lists(st.integers(1, 100), min_size=3, max_size=3, unique=True).map(
        lambda values: (min(values), sorted(values)[1], max(values))
    )


@st.composite
def valid_band_sets(draw: st.DrawFn, possible: int) -> wwc.PercentageBands:
    """A percentage-bands rule that is valid for ``possible`` criteria (3 to 100).

    Built from the thresholds: for 1 <= t1 < t2 < t3 <= N, any whole percentage p with
    100 (t - 1) / N < p <= 100 t / N has its fewest points ceil(p N / 100) equal to t, and for
    N <= 100 that interval always holds a whole number.
    """
    if not 3 <= possible <= 100:
        raise ValueError(f"valid_band_sets needs 3 to 100 criteria, not {possible}")
    thresholds = sorted(draw(st.sets(st.integers(1, possible), min_size=3, max_size=3)))
    percents = [
        draw(st.integers(100 * (t - 1) // possible + 1, 100 * t // possible)) for t in thresholds
    ]
    return make_bands(*percents)


# -- revisions ------------------------------------------------------------------------------

_AREA_CODES = ("AA", "BB", "CC", "DD")


@st.composite
def revisions(
    draw: st.DrawFn,
    *,
    min_criteria: int = 3,
    max_criteria: int = 24,
    prerequisites: bool = True,
    checklists: bool = True,
    requirements: bool = True,
) -> wwc.Standard:
    """A small valid revision built by hand.

    Prerequisites only point to criteria created earlier, so they form a DAG; the published
    order is then shuffled, so a prerequisite may come after what it unlocks. Checklists have
    2 to 5 items and a quota between 1 and their size. The bands are valid for the number of
    criteria.
    """
    count = draw(st.integers(max(3, min_criteria), max_criteria))
    areas = _AREA_CODES[: draw(st.integers(1, len(_AREA_CODES)))]
    criteria: list[wwc.Criterion] = []
    for index in range(count):
        area = areas[index % len(areas)]
        criterion_id = f"{area}{index + 1}"
        earlier = [c.id for c in criteria]
        prereqs: list[str] = []
        if prerequisites and earlier and draw(st.integers(0, 2)) == 0:
            prereqs = draw(st.lists(st.sampled_from(earlier), unique=True, min_size=1, max_size=3))
        checklist = None
        if checklists and draw(st.integers(0, 3)) == 0:
            size = draw(st.integers(2, 5))
            required = draw(st.integers(1, size))
            checklist = make_checklist(required, "abcde"[:size])
        criteria.append(
            make_criterion(criterion_id, area, prerequisites=prereqs, checklist=checklist)
        )
    order = draw(st.permutations(criteria))
    reqs = [gating_requirement()] if requirements and draw(st.booleans()) else []
    return make_standard(
        order,
        version=draw(st.sampled_from(["9001", "9002", "test"])),
        tier_rule=draw(valid_band_sets(count)),
        areas=areas,
        requirements=reqs,
    )


@st.composite
def breadth_revisions(draw: st.DrawFn, *, max_criteria: int = 10) -> wwc.Standard:
    """A small valid revision whose tier rule is breadth across the four components, with a
    drawn "working across" parameter (each criterion in exactly one component)."""
    count = draw(st.integers(4, max_criteria))
    # Every component gets a criterion first, then the rest go anywhere.
    homes = [
        *COMPONENTS,
        *draw(st.lists(st.sampled_from(COMPONENTS), min_size=count - 4, max_size=count - 4)),
    ]
    criteria = [
        make_criterion(f"AA{index + 1}", components=[home]) for index, home in enumerate(homes)
    ]
    thresholds = sorted(draw(st.sets(st.integers(1, 4), min_size=3, max_size=3)))
    rule = make_breadth(
        *thresholds,
        min_criteria=draw(st.integers(1, 2)),
        min_percent=draw(st.sampled_from([0, 0, 25, 50, 67, 100])),
    )
    revision = make_standard(draw(st.permutations(criteria)), tier_rule=rule)
    assume(revision.validate() == ())
    return revision


def answers_meeting(
    ids: Iterable[str], base: Mapping[str, Any] | None = None, *, evidence: bool = False
) -> dict[str, Any]:
    """``base`` answers (JSON-like) with every id in ``ids`` answered met, with a piece of
    evidence each when ``evidence`` (so that they count in auditor mode too)."""
    answers = dict(base or {})
    for criterion_id in ids:
        answers[criterion_id] = (
            {"status": "met", "evidence": [f"https://example.org/{criterion_id}"]}
            if evidence
            else "met"
        )
    return answers


#: The shipped revisions that can score a city (2022 on; 2017-2021 list only their public
#: criteria, and evaluate() refuses them).
COMPLETE_SHIPPED = tuple(v for v in wwc.standards() if wwc.standard(v).complete)


def shipped_revisions() -> st.SearchStrategy[wwc.Standard]:
    """One of the shipped revisions that can score a city."""
    return st.sampled_from(COMPLETE_SHIPPED).map(wwc.standard)


@st.composite
def scenarios(draw: st.DrawFn, breadth: bool = False) -> tuple[wwc.Evaluation, dict[str, float]]:
    """A small revision, a valid evaluation of it, and whole-number efforts per criterion
    (sometimes infinite: a criterion the city will not take on)."""
    std = draw(breadth_revisions(max_criteria=8) if breadth else revisions(max_criteria=9))
    data = draw(assessments(std))
    try:
        evaluation = wwc.evaluate(data, std, require_evidence=draw(st.booleans()))
    except wwc.AssessmentError:
        assume(False)
        raise
    efforts = {
        c.id: draw(st.sampled_from([0.0, 1.0, 2.0, 3.0, 5.0, 8.0, math.inf])) for c in std.criteria
    }
    return evaluation, efforts
