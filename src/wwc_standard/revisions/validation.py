"""The rules a revision must follow beyond its types, each broken rule a :class:`Problem`.

Unique ids; prerequisites that exist and form no cycle; quotas within their checklists; tier
rules that fit the criteria; sources that exist; known country codes, sorted. Structuring has
already checked the keys and types (see :mod:`wwc_standard.revisions.codec`); these rules see
the revision as a whole. They are checked when a revision is built, and by
:meth:`Standard.validate` for a revision assembled by hand.

This module reads a revision only through its attributes and imports the model for type
checking only, so that :mod:`~wwc_standard.revisions.model` can import it for
:meth:`Standard.validate` without an import cycle.
"""

from __future__ import annotations

import graphlib
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from wwc_standard.errors import Problem, did_you_mean
from wwc_standard.i18n.messages import Message

from .countries import ISO_3166_ALPHA_2

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["VERSION_PATTERN", "problems_of"]

VERSION_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
"""What a revision's version may be: letters, digits, ".", "-" and "_", starting with a letter
or a digit, at most 64 characters. The version names the catalog file of the revision's texts
(``revision-<version>.po``), so a path separator or any other character is refused."""


def _duplicate_ids(values: Sequence[str], path: str, what: Message) -> Iterator[Problem]:
    """A problem for every repeat of an id; ``path`` has an ``{index}`` to fill in."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        if value in seen:
            yield Problem.of(
                path.format(index=index),
                "duplicate-id",
                Message("{what} '{value}' is listed twice", what=what, value=value),
            )
        seen.add(value)


def _cycle(graph: Mapping[str, Sequence[str]]) -> list[str] | None:
    """One cycle of the prerequisite graph as a path that returns to its start, if any.

    ``graph`` maps each criterion id to its prerequisites; ids that are not keys are left out
    (they are reported as unknown prerequisites).

    >>> _cycle({"A": ["B"], "B": ["C"], "C": ["B"]})
    ['B', 'C', 'B']
    >>> _cycle({"A": ["B", "C"], "B": ["C"], "C": []}) is None
    True
    """
    sorter: graphlib.TopologicalSorter[str] = graphlib.TopologicalSorter()
    for node in graph:
        sorter.add(node)  # first, so that the search for a cycle starts in published order
    for node, prerequisites in graph.items():
        for prerequisite in prerequisites:
            if prerequisite in graph:
                # The criterion is entered as a predecessor of its prerequisite, the reverse of
                # an evaluation order: graphlib searches for a cycle depth first along
                # successors, so it then follows each criterion's prerequisites in listed
                # order, from the criteria in published order. The cycle it reports, and the
                # criterion it starts from, are the first a reader meets in the file, as
                # before graphlib was used (tests/revisions/test_validation.py pins both).
                sorter.add(prerequisite, node)
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        return list(error.args[1])
    return None


def problems_of(standard: Standard) -> Iterator[Problem]:
    """Every way ``standard`` breaks the rules a revision must follow."""
    if not VERSION_PATTERN.fullmatch(standard.version):
        yield Problem.of(
            "version",
            "invalid-version",
            Message(
                "the version {version} may hold only letters, digits, '.', '-' and '_', and "
                "must start with a letter or a digit (at most 64 characters)",
                version=repr(standard.version),
            ),
            hint=Message("name it like 2024-riverton-rubric"),
        )
    source_keys = [source.key for source in standard.sources]
    yield from _duplicate_ids(source_keys, "sources[{index}].key", Message("source"))

    def cited(path: str, sources: Sequence[str]) -> Iterator[Problem]:
        for i, key in enumerate(sources):
            if key not in source_keys:
                yield Problem.of(
                    f"{path}.provenance.sources[{i}]" if path else f"provenance.sources[{i}]",
                    "unknown-source",
                    Message("source '{key}' is not among the revision's sources", key=key),
                    hint=Message("add it under [[sources]] or fix the key"),
                )

    yield from cited("", standard.provenance.sources)
    yield from cited("in_force", standard.in_force.provenance.sources)
    yield from cited("tier_rule", standard.tier_rule.provenance.sources)
    working_across = getattr(standard.tier_rule, "working_across", None)
    if working_across is not None and working_across.provenance is not None:
        yield from cited("tier_rule.working_across", working_across.provenance.sources)
    yield from cited("eligibility", standard.eligibility.provenance.sources)
    if standard.extends is None and standard.changes:
        yield Problem.of(
            "changes",
            "changes-without-extends",
            Message("changes are listed but the revision extends nothing"),
        )

    codes = [area.code for area in standard.practice_areas]
    yield from _duplicate_ids(codes, "practice_areas[{index}].code", Message("practice area"))
    for index, area in enumerate(standard.practice_areas):
        yield from cited(f"practice_areas[{index}]", area.provenance.sources)

    ids = [criterion.id for criterion in standard.criteria]
    yield from _duplicate_ids(ids, "criteria[{index}].id", Message("criterion"))
    known = set(ids)
    for index, criterion in enumerate(standard.criteria):
        path = f"criteria[{index}]"
        yield from cited(path, criterion.provenance.sources)
        if criterion.practice_area not in codes:
            yield Problem.of(
                f"{path}.practice_area",
                "unknown-practice-area",
                Message(
                    "{criterion} names practice area '{area}', which the revision does not list",
                    criterion=criterion.id,
                    area=criterion.practice_area,
                ),
                hint=did_you_mean(criterion.practice_area, codes),
            )
        for i, prerequisite in enumerate(criterion.prerequisites):
            if prerequisite == criterion.id:
                yield Problem.of(
                    f"{path}.prerequisites[{i}]",
                    "prerequisite-cycle",
                    Message("{criterion} cannot be its own prerequisite", criterion=criterion.id),
                )
            elif prerequisite not in known:
                yield Problem.of(
                    f"{path}.prerequisites[{i}]",
                    "unknown-prerequisite",
                    Message(
                        "{prerequisite} is not a criterion of this revision",
                        prerequisite=prerequisite,
                    ),
                    hint=did_you_mean(prerequisite, known),
                )
        checklist = criterion.checklist
        if checklist is not None:
            yield from cited(f"{path}.checklist", checklist.provenance.sources)
            yield from _duplicate_ids(
                checklist.item_ids,
                path + ".checklist.items[{index}].id",
                Message("{criterion} checklist item", criterion=criterion.id),
            )
            for i, item in enumerate(checklist.items):
                if item.provenance is not None:
                    yield from cited(f"{path}.checklist.items[{i}]", item.provenance.sources)
            if not 1 <= checklist.required <= len(checklist.items):
                yield Problem.of(
                    f"{path}.checklist.required",
                    "quota-out-of-range",
                    Message(
                        "{criterion} requires {required} of {total} checklist items",
                        criterion=criterion.id,
                        required=checklist.required,
                        total=len(checklist.items),
                    ),
                    hint=Message(
                        "the quota must be between 1 and {total}", total=len(checklist.items)
                    ),
                )
    graph = {c.id: [p for p in c.prerequisites if p != c.id] for c in standard.criteria}
    cycle = _cycle(graph)
    if cycle:
        yield Problem.of(
            f"criteria[{ids.index(cycle[0])}].prerequisites",
            "prerequisite-cycle",
            Message("prerequisites form a cycle: {cycle}", cycle=" -> ".join(cycle)),
            hint=Message("a criterion cannot, through other criteria, be its own prerequisite"),
        )

    if len(standard.criteria) > standard.criteria_count:
        yield Problem.of(
            "criteria_count",
            "criteria-count",
            Message(
                "the revision lists {listed} criteria but declares {declared}",
                listed=len(standard.criteria),
                declared=standard.criteria_count,
            ),
        )
    for path, code, message in standard.tier_rule.problems(
        standard.criteria, standard.criteria_count
    ):
        if isinstance(message, Message):
            yield Problem.of(path, code, message)
        else:
            yield Problem(path=path, code=code, message=message)

    eligibility = standard.eligibility
    if eligibility.population_floor < 0:
        yield Problem.of(
            "eligibility.population_floor",
            "negative-population",
            Message("the population floor cannot be negative"),
        )
    for index, country in enumerate(eligibility.countries):
        if country not in ISO_3166_ALPHA_2:
            yield Problem.of(
                f"eligibility.countries[{index}]",
                "unknown-country",
                Message("'{country}' is not an ISO 3166-1 alpha-2 code", country=country),
            )
    if list(eligibility.countries) != sorted(set(eligibility.countries)):
        yield Problem.of(
            "eligibility.countries",
            "unsorted-countries",
            Message("list each country once, in alphabetical order"),
            hint=Message("sort the codes so the fingerprint does not depend on their order"),
        )

    yield from _duplicate_ids(
        [r.id for r in standard.requirements], "requirements[{index}].id", Message("requirement")
    )
    for index, requirement in enumerate(standard.requirements):
        yield from cited(f"requirements[{index}]", requirement.provenance.sources)
