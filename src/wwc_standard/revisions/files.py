"""Revision files of your own: reading one (TOML or JSON), and :func:`load_standard`.

A user's file has the schema of the shipped revision files. It may ``extends`` a shipped
revision and change single criteria with ``[[amend_criteria]]`` and ``remove_criteria``; how
those keys work is :mod:`wwc_standard.revisions.inheritance`. It is built and validated like a
shipped revision (:mod:`wwc_standard.revisions.build`); what is particular to a file is only
reading it, and naming it in every problem.
"""

from __future__ import annotations

import os
from typing import Any

from wwc_standard._data import path_problem, read_user_file
from wwc_standard.errors import InvalidStandard

from .model import Standard

__all__ = ["load_standard", "read_revision_data"]


def read_revision_data(path: str | os.PathLike[str]) -> Any:
    """The data of a revision file, TOML or JSON by its suffix.

    Raises :class:`~wwc_standard.InvalidStandard` (origin: the path) when the file cannot be
    parsed, and :class:`~wwc_standard.errors.UnreadableFile` when it cannot be read.
    """
    # A path that is not one (an int, say) is refused by the reader; it has no origin to name.
    origin = "<path>" if path_problem(path) is not None else os.fspath(path)
    return read_user_file(path, lambda problems: InvalidStandard(problems, origin=origin))


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
    wwc_standard.errors.UnreadableFile: cannot read .../missing.toml: ... [unreadable-file] ...
    """
    data = read_revision_data(path)
    # The revision pipeline (cattrs, validation) when a file is read, not when the CLI starts.
    from .build import build_standard

    return build_standard(data, origin=os.fspath(path), into=Standard)
