"""Revision files of your own: :func:`load_standard`, and amending the criteria of a parent.

A revision file that ``extends`` another replaces each top-level key it gives. Two more keys let
it change single criteria without repeating the whole list, which is how a city that holds the
official 2018 list, or the 2022 rubric with its checklists, completes or refines a revision:

- ``[[amend_criteria]]``: each table has an ``id``. When the parent has a criterion with that
  id, the keys given replace that criterion's keys and the others are kept (so ``id`` and
  ``checklist`` alone add a checklist). A new id adds a criterion, which must then give every
  required key; it is placed after the last criterion of its practice area.
- ``remove_criteria = ["SE4"]``: removes criteria of the parent, explicitly.

Removal is applied first, then the amendments, in file order.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wwc_standard.errors import InvalidStandard, Problem
from wwc_standard.i18n.messages import Message

from .model import Standard

__all__ = ["apply_amendments", "load_standard", "read_revision_data"]

#: Keys a new criterion must give in ``[[amend_criteria]]``.
_REQUIRED = ("id", "name", "practice_area", "description", "provenance")


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


def read_revision_data(path: str | os.PathLike[str]) -> Any:
    """The data of a revision file, TOML or JSON by its suffix (TOML when it is neither).

    Raises :class:`~wwc_standard.InvalidStandard` (origin: the path) when the file cannot be
    read or parsed.
    """
    origin = os.fspath(path)
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError as error:
        reason = error.strerror or str(error)
        raise InvalidStandard(
            [
                Problem.of(
                    "",
                    "unreadable-file",
                    Message("cannot read {path}: {reason}", path=origin, reason=reason),
                    hint=Message("check the path and that the file can be read"),
                )
            ],
            origin=origin,
        ) from None
    try:
        text = raw.decode("utf-8")
        if file.suffix.lower() == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except UnicodeDecodeError:
        problem = Problem.of(
            "", "invalid-encoding", Message("the file is not UTF-8 text"), hint=None
        )
    except json.JSONDecodeError as error:
        problem = Problem.of(
            "",
            "invalid-json",
            Message(
                "not valid JSON: {reason} (line {line}, column {column})",
                reason=error.msg,
                line=error.lineno,
                column=error.colno,
            ),
        )
    except tomllib.TOMLDecodeError as error:
        problem = Problem.of(
            "", "invalid-toml", Message("not valid TOML: {reason}", reason=str(error))
        )
    raise InvalidStandard([problem], origin=origin) from None


def load_standard(path: str | os.PathLike[str]) -> Standard:
    """Load a revision file of your own (TOML, or JSON when it ends in ``.json``).

    The file has the schema of the shipped revision files (see docs/revision-files.md); it may
    ``extends`` a shipped revision and add, replace, refine or remove criteria with
    ``[[amend_criteria]]`` and ``remove_criteria``. It is validated and fingerprinted exactly
    like a shipped revision. Raises :class:`~wwc_standard.InvalidStandard` listing every
    problem, with the file's path as ``origin``.

    >>> import pathlib, tempfile, wwc_standard as wwc
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "mine.toml").write_text('''
    ... version = "2022-dm2-checklist"
    ... extends = "2022"
    ... title = "2022 with a checklist on DM2"
    ... changes = ["DM2 gets a checklist of two items, both required."]
    ... [[sources]]
    ... key = "rubric"
    ... title = "Our copy of the official rubric"
    ... [[amend_criteria]]
    ... id = "DM2"
    ... checklist = { required = 2, items = [{ id = "a", text = "Item a" },
    ...     { id = "b", text = "Item b" }], provenance = { basis = "read", sources = ["rubric"] } }
    ... ''', encoding="utf-8") and None
    >>> mine = wwc.load_standard(folder / "mine.toml")
    >>> mine.version, mine["DM2"].checklist.quota, mine["DM2"].name
    ('2022-dm2-checklist', '2 of 2', 'Maintaining a Comprehensive Data Inventory')
    >>> wwc.load_standard(folder / "missing.toml")
    Traceback (most recent call last):
    ...
    wwc_standard.errors.InvalidStandard: 1 problem in revision .../missing.toml:
      cannot read .../missing.toml: No such file or directory [unreadable-file] (check ...)
    """
    from .codec import build_standard

    return build_standard(read_revision_data(path), origin=os.fspath(path))
