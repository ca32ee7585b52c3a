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

from wwc_standard.errors import Problem, WWCError, did_you_mean
from wwc_standard.i18n.messages import Message

__all__ = ["CRITERION_KEYS", "Origins", "apply_amendments", "resolve_extends"]

#: Top-level keys a revision does not take over from the revision it extends.
_NOT_INHERITED = frozenset({"extends", "changes", "notes"})
#: Keys a new criterion must give in ``[[amend_criteria]]``.
_REQUIRED = ("id", "name", "practice_area", "description", "provenance")
#: The keys of a criterion (the fields of ``Criterion``; a test keeps the two the same).
CRITERION_KEYS = (
    "id",
    "name",
    "practice_area",
    "description",
    "prerequisites",
    "checklist",
    "components",
    "provenance",
)


@attrs.define
class Origins:
    """Where parts of a resolved revision come from in the file as written, so that a problem
    found after ``extends`` was resolved is reported at the path the file has."""

    criteria: dict[int, tuple[int, frozenset[str]]] = attrs.Factory(dict)
    """A resolved criterion's index to the index of the amendment that gave keys to it, and
    those keys."""
    inherited_sources: int = 0
    """How many sources come from the revision extended, before the file's own."""


def resolve_extends(
    raw: Mapping[str, Any],
    lookup: Callable[[str], Mapping[str, Any]],
    seen: tuple[str, ...],
    origins: Origins | None = None,
) -> tuple[dict[str, Any], list[Problem]]:
    """``raw`` with what it inherits along ``extends`` merged in, and every problem found.

    ``lookup`` gives the data of a revision by version (the shipped files, or the caller's);
    ``seen`` holds the versions already on the chain, the revision's own first, so that a
    chain that returns to one of them is reported instead of followed for ever. ``origins``,
    when given, is filled with where the parts of ``raw`` itself end up.
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
    if origins is not None and isinstance(merged["sources"], list):
        origins.inherited_sources = len(merged["sources"]) - len(raw.get("sources", []))
    problems.extend(apply_amendments(merged, None if origins is None else origins.criteria))
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
    # A key of the wrong type (a list) is reported by the structuring step; it replaces nothing.
    keys = {s.get("key") for s in child if isinstance(s, Mapping) and isinstance(s.get("key"), str)}
    inherited = [
        s
        for s in parent
        if isinstance(s, Mapping) and not (isinstance(s.get("key"), str) and s["key"] in keys)
    ]
    return [*inherited, *child]


def apply_amendments(
    merged: dict[str, Any], amended: dict[int, tuple[int, frozenset[str]]] | None = None
) -> list[Problem]:
    """Apply ``remove_criteria`` and ``amend_criteria`` of ``merged`` to its ``criteria``.

    ``merged`` is a revision's data after its parent's keys were taken over; the two keys are
    removed from it. Returns every problem found (the criteria are left as they can be).
    ``amended``, when given, is filled with where the keys of each resulting criterion come
    from: its index to the index of the amendment and the keys that amendment gave, so that
    later problems can be reported at ``amend_criteria[i]``, where they are in the file.

    The work is linear in the number of criteria and amendments: criteria are found by id in
    a table, and new ones are linked in after the last criterion of their practice area.
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
    if removals is not None:
        current = _remove(current, removals, problems)
    if amendments is None:
        merged["criteria"] = current
        return problems
    if not isinstance(amendments, list):
        problems.append(
            Problem.of(
                "amend_criteria",
                "wrong-type",
                Message("amend_criteria must be an array of tables"),
            )
        )
        amendments = []
    merged["criteria"] = _amend(current, amendments, problems, amended)
    return problems


def _hashable_id(item: object) -> object:
    """The id of a criterion's data, when it can be looked up in a table (else ``None``)."""
    if not isinstance(item, Mapping):
        return None
    found = item.get("id")
    return found if isinstance(found, str | int | float | bool) else None


def _remove(current: list[Any], removals: object, problems: list[Problem]) -> list[Any]:
    if not isinstance(removals, list):
        problems.append(
            Problem.of(
                "remove_criteria",
                "wrong-type",
                Message("remove_criteria must be a list of criterion ids"),
            )
        )
        return current
    # Each removal takes the first remaining criterion with its id.
    positions: dict[object, list[int]] = {}
    for i, item in enumerate(current):
        key = _hashable_id(item)
        if key is not None:
            positions.setdefault(key, []).append(i)
    for waiting in positions.values():
        waiting.reverse()
    removed: set[int] = set()
    for i, criterion_id in enumerate(removals):
        hashable = isinstance(criterion_id, str | int | float | bool)
        queue = positions.get(criterion_id) if hashable else None
        if not queue:
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
            removed.add(queue.pop())
    return [item for i, item in enumerate(current) if i not in removed]


def _amend(
    current: list[Any],
    amendments: list[Any],
    problems: list[Problem],
    amended: dict[int, tuple[int, frozenset[str]]] | None,
) -> list[Any]:
    # The criteria as a linked list: items[n] follows items[link[n]]... in file order, so a
    # new criterion is inserted in constant time; ``last_of`` is the last node of each
    # practice area (recomputed only after an amendment moved a criterion to another area).
    items: list[Any] = list(current)
    link: list[int] = [*range(1, len(items)), -1] if items else []
    head = 0 if items else -1
    tail = len(items) - 1
    origin: dict[int, tuple[int, frozenset[str]]] = {}
    by_id: dict[object, int] = {}
    for n, item in enumerate(items):
        key = _hashable_id(item)
        if key is not None:
            by_id.setdefault(key, n)
    known_ids = [key for key in by_id if isinstance(key, str)]
    last_of: dict[object, int] | None = None

    def areas() -> dict[object, int]:
        found: dict[object, int] = {}
        n = head
        while n != -1:
            item = items[n]
            if isinstance(item, Mapping):
                area = item.get("practice_area")
                if isinstance(area, str | int | float | bool):
                    found[area] = n
            n = link[n]
        return found

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
        unknown = [key for key in amendment if key not in CRITERION_KEYS]
        for key in unknown:
            problems.append(
                Problem.of(
                    f"{path}.{key}",
                    "unknown-field",
                    Message("'{name}' is not a field of revision files here", name=str(key)),
                    hint=did_you_mean(str(key), CRITERION_KEYS)
                    or Message("remove it or check its spelling against docs/revision-files.md"),
                )
            )
        if unknown:
            continue
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
        given = frozenset(amendment)
        at = by_id.get(criterion_id)
        if at is not None:
            before = items[at]
            items[at] = {**before, **amendment}
            origin[at] = (i, given)
            if "practice_area" in amendment and before.get("practice_area") != amendment.get(
                "practice_area"
            ):
                last_of = None  # a criterion moved to another area
            continue
        missing = [key for key in _REQUIRED if key not in amendment]
        close = did_you_mean(criterion_id, known_ids) if missing else None
        if close is not None:
            # Most likely a misspelt id (DM33 for DM3), not a new criterion: say so.
            problems.append(
                Problem.of(
                    f"{path}.id",
                    "unknown-criterion",
                    Message(
                        "{id} is not a criterion of the revision this one extends; a new "
                        "criterion would need {keys}",
                        id=criterion_id,
                        keys=", ".join(missing),
                    ),
                    hint=close,
                )
            )
            continue
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
        if last_of is None:
            last_of = areas()
        area = amendment.get("practice_area")
        hashable_area = isinstance(area, str | int | float | bool)
        after = last_of.get(area, tail) if hashable_area else tail
        n = len(items)
        items.append(dict(amendment))
        if after == -1:  # the list was empty
            link.append(-1)
            head = n
        else:
            link.append(link[after])
            link[after] = n
        if after == tail:
            tail = n
        if hashable_area:
            last_of[area] = n
        by_id.setdefault(criterion_id, n)
        origin[n] = (i, given)
    result: list[Any] = []
    n = head
    while n != -1:
        if amended is not None and n in origin:
            amended[len(result)] = origin[n]
        result.append(items[n])
        n = link[n]
    return result
