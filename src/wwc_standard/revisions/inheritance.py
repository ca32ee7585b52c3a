"""Inheritance between revisions: ``extends``, and amending the criteria of the parent.

A revision that changes only cycle rules names the revision it ``extends`` and gives only the
top-level keys that changed; every other key is taken over from the parent (itself resolved
along its own ``extends`` first), except ``extends``, ``changes`` and ``notes``, which belong to
each revision. ``sources`` are merged: the parent's, then the revision's own, a key given by
the revision replacing the parent's source with that key.

Two more keys let a revision change single criteria without repeating the whole list, which is
how a city that holds the official 2018 list, or the 2022 rubric with its checklists, completes
or refines a revision:

- ``[[amend_criteria]]``: each table has an ``id``. When the parent has a criterion with that
  id, the keys given replace that criterion's keys and the others are kept (so ``id`` and
  ``checklist`` alone add a checklist). A new id adds a criterion, which must then give every
  required key; it is placed after the last criterion of its practice area.
- ``remove_criteria = ["SE4"]``: removes criteria of the parent, explicitly.

Removal is applied first, then the amendments, in file order.

Everything here works on the data as read (mappings and lists), before it is structured into
the model: the merged data is then structured and validated as a whole, like any revision.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

from wwc_standard.errors import Problem, WWCError
from wwc_standard.i18n.messages import Message

__all__ = ["apply_amendments", "resolve_extends"]

#: Top-level keys a revision does not take over from the revision it extends.
_NOT_INHERITED = frozenset({"extends", "changes", "notes"})
#: Keys a new criterion must give in ``[[amend_criteria]]``.
_REQUIRED = ("id", "name", "practice_area", "description", "provenance")


def resolve_extends(
    raw: Mapping[str, Any], lookup: Callable[[str], Mapping[str, Any]], seen: tuple[str, ...]
) -> tuple[dict[str, Any], list[Problem]]:
    """``raw`` with what it inherits along ``extends`` merged in, and every problem found.

    ``lookup`` gives the data of a revision by version (the shipped files, or the caller's);
    ``seen`` holds the versions already on the chain, the revision's own first, so that a
    chain that returns to one of them is reported instead of followed for ever.
    """
    parent_version = raw.get("extends")
    if parent_version is None:
        return dict(raw), []
    if not isinstance(parent_version, str):
        return dict(raw), [
            Problem.of("extends", "wrong-type", Message("extends must be a version string"))
        ]
    if parent_version in seen:
        chain = " -> ".join((*seen, parent_version))
        return dict(raw), [
            Problem.of(
                "extends",
                "extends-cycle",
                Message("revisions extend in a cycle: {chain}", chain=chain),
            )
        ]
    try:
        parent_raw = lookup(parent_version)
    except LookupError as error:
        if isinstance(error, WWCError) and error.problems:
            return dict(raw), [attrs.evolve(error.problems[0], path="extends")]
        return dict(raw), [Problem(path="extends", code="unknown-standard", message=str(error))]
    parent, problems = resolve_extends(parent_raw, lookup, (*seen, parent_version))
    merged = {key: value for key, value in parent.items() if key not in _NOT_INHERITED}
    merged.update(raw)
    merged["sources"] = _merge_sources(parent.get("sources", []), raw.get("sources", []))
    problems.extend(apply_amendments(merged))
    if not raw.get("changes"):
        problems.append(
            Problem.of(
                "changes",
                "missing-changes",
                Message(
                    "a revision that extends {version} must say what changed",
                    version=parent_version,
                ),
                hint=Message('add changes = ["..."], one sentence per change'),
            )
        )
    return merged, problems


def _merge_sources(parent: object, child: object) -> object:
    if not (isinstance(parent, list) and isinstance(child, list)):
        return child  # the structuring step reports the wrong type
    keys = {s.get("key") for s in child if isinstance(s, Mapping)}
    inherited = [s for s in parent if isinstance(s, Mapping) and s.get("key") not in keys]
    return [*inherited, *child]


def apply_amendments(merged: dict[str, Any]) -> list[Problem]:
    """Apply ``remove_criteria`` and ``amend_criteria`` of ``merged`` to its ``criteria``.

    ``merged`` is a revision's data after its parent's keys were taken over; the two keys are
    removed from it. Returns every problem found (the criteria are left as they can be).
    """
    problems: list[Problem] = []
    removals = merged.pop("remove_criteria", None)
    amendments = merged.pop("amend_criteria", None)
    if removals is None and amendments is None:
        return problems
    criteria = merged.get("criteria")
    if not isinstance(criteria, list):
        return problems  # the structuring step reports a criteria key of the wrong type
    current: list[Any] = list(criteria)

    def index_of(criterion_id: object) -> int | None:
        for i, item in enumerate(current):
            if isinstance(item, Mapping) and item.get("id") == criterion_id:
                return i
        return None

    if removals is not None:
        if not isinstance(removals, list):
            problems.append(
                Problem.of(
                    "remove_criteria",
                    "wrong-type",
                    Message("remove_criteria must be a list of criterion ids"),
                )
            )
        else:
            for i, criterion_id in enumerate(removals):
                at = index_of(criterion_id)
                if at is None:
                    problems.append(
                        Problem.of(
                            f"remove_criteria[{i}]",
                            "unknown-criterion",
                            Message(
                                "{id} is not a criterion of the revision this one extends",
                                id=str(criterion_id),
                            ),
                        )
                    )
                else:
                    del current[at]
    if amendments is not None:
        if not isinstance(amendments, list):
            problems.append(
                Problem.of(
                    "amend_criteria",
                    "wrong-type",
                    Message("amend_criteria must be an array of tables"),
                )
            )
            amendments = []
        seen: set[str] = set()
        for i, amendment in enumerate(amendments):
            path = f"amend_criteria[{i}]"
            if not isinstance(amendment, Mapping) or not isinstance(amendment.get("id"), str):
                problems.append(
                    Problem.of(
                        path,
                        "missing-field",
                        Message("each amendment is a table with the id of a criterion"),
                        hint=Message('add id = "DG1"'),
                    )
                )
                continue
            criterion_id = amendment["id"]
            if criterion_id in seen:
                problems.append(
                    Problem.of(
                        f"{path}.id",
                        "duplicate-id",
                        Message("{id} is amended twice", id=criterion_id),
                        hint=Message("give all its changes in one table"),
                    )
                )
                continue
            seen.add(criterion_id)
            at = index_of(criterion_id)
            if at is not None:
                current[at] = {**current[at], **amendment}
                continue
            missing = [key for key in _REQUIRED if key not in amendment]
            for key in missing:
                problems.append(
                    Problem.of(
                        f"{path}.{key}",
                        "missing-field",
                        Message(
                            "{id} is a new criterion, so it needs {key}",
                            id=criterion_id,
                            key=key,
                        ),
                    )
                )
            if missing:
                continue
            area = amendment.get("practice_area")
            last = max(
                (
                    i
                    for i, item in enumerate(current)
                    if isinstance(item, Mapping) and item.get("practice_area") == area
                ),
                default=len(current) - 1,
            )
            current.insert(last + 1, dict(amendment))
    merged["criteria"] = current
    return problems
