"""The revision files shipped in the package: which versions there are, and their data.

The files are ``standards/<version>.toml`` inside the package. Their data is read and parsed
once per process and kept as read, before ``extends`` is resolved: building a revision needs
the data of the revisions it extends (see :mod:`wwc_standard.revisions.inheritance`), and the
gettext domains of its texts follow the same chain. Building them into revisions, cached too,
is :func:`wwc_standard.revisions.registry.shipped_standard`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from wwc_standard._data import package_folder, read_package_file
from wwc_standard.errors import UnknownStandard

__all__ = ["shipped_raw", "shipped_versions"]

_VERSION_FILE = re.compile(r"^(\d{4})\.toml$")


@functools.cache
def shipped_versions() -> tuple[str, ...]:
    """The versions of the revision files shipped in the package, oldest first.

    Listed once per process: the package's files do not change while it runs, and every
    ``standard(version)`` (so every ``evaluate()`` of a dict) asks for them.
    """
    found = (_VERSION_FILE.match(name) for name in package_folder("standards"))
    return tuple(sorted(match.group(1) for match in found if match))


@functools.cache
def shipped_raw(version: str) -> Mapping[str, Any]:
    """The parsed TOML of a shipped revision file."""
    if version not in shipped_versions():
        raise UnknownStandard(version, available=shipped_versions())
    data: Mapping[str, Any] = read_package_file(f"standards/{version}.toml")
    return data
