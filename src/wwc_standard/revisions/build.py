"""From revision data (TOML or a mapping) to a validated :class:`~wwc_standard.Standard`.

Three steps, each reporting every problem it finds with the path where it is:

1. resolve ``extends`` (:mod:`wwc_standard.revisions.inheritance`): a revision that changes
   only cycle rules names the revision it extends and replaces only what changed;
2. structure the data into the model (:mod:`wwc_standard.revisions.codec`): unknown keys and
   wrong types are problems, never a raw cattrs error;
3. check the standard's own rules (:mod:`wwc_standard.revisions.validation`).

The shipped revisions (:mod:`wwc_standard.revisions.registry`), the revision files of users
(:mod:`wwc_standard.revisions.files`) and :meth:`Standard.from_dict` are all built here, so
they are validated and fingerprinted alike. The model is imported for type checking only: it
imports this module for :meth:`Standard.from_dict`, and the class to build is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from wwc_standard.errors import InvalidStandard, Problem
from wwc_standard.i18n.messages import Message

from .codec import SCHEMA, structure_standard
from .inheritance import Origins, resolve_extends
from .shipped import shipped_raw, shipped_versions
from .texts import attach_domains, revision_domains
from .validation import problems_of

if TYPE_CHECKING:
    from .model import Standard

__all__ = ["build_standard"]


def _non_string_keys(data: object, path: str) -> Iterator[Problem]:
    """Keys that are not strings, anywhere: TOML and JSON cannot have them, dicts can."""
    if isinstance(data, Mapping):
        for key, value in data.items():
            where = f"{path}.{key}" if path else str(key)
            if not isinstance(key, str):
                yield Problem.of(
                    where,
                    "wrong-type",
                    Message(
                        "keys must be strings, found {type} {key}",
                        type=type(key).__name__,
                        key=repr(key),
                    ),
                )
            else:
                yield from _non_string_keys(value, where)
    elif isinstance(data, list | tuple):
        for index, value in enumerate(data):
            yield from _non_string_keys(value, f"{path}[{index}]")


_CRITERION_PATH = re.compile(r"criteria\[(\d+)\]\.([A-Za-z_]+)(.*)", re.S)
_SOURCE_PATH = re.compile(r"sources\[(\d+)\](.*)", re.S)


def _in_file(problems: Iterable[Problem], origins: Origins) -> list[Problem]:
    """``problems`` with the paths the file has: a problem in a key that an amendment gave
    is at ``amend_criteria[i].key``, not at the ``criteria[n]`` the amendment became, and
    one in the file's own sources at its index among them, after the inherited ones."""
    result = []
    for problem in problems:
        path = problem.path
        match = _CRITERION_PATH.fullmatch(path)
        if match:
            index, key, rest = int(match.group(1)), match.group(2), match.group(3)
            found = origins.criteria.get(index)
            if found is not None and key in found[1]:
                path = f"amend_criteria[{found[0]}].{key}{rest}"
        source = _SOURCE_PATH.fullmatch(path)
        if source and origins.inherited_sources:
            index = int(source.group(1)) - origins.inherited_sources
            if index >= 0:
                path = f"sources[{index}]{source.group(2)}"
        result.append(problem if path == problem.path else attrs.evolve(problem, path=path))
    return result


_SHIPPED_FINGERPRINTS: dict[str, str] = {}


def _shipped_fingerprint(version: str, into: type[Standard]) -> str:
    """The fingerprint of shipped revision ``version``, built again (the registry is above)."""
    found = _SHIPPED_FINGERPRINTS.get(version)
    if found is None:
        built = build_standard(
            shipped_raw(version), origin=f"{version} (shipped)", into=into, shipped=True
        )
        found = _SHIPPED_FINGERPRINTS[version] = built.fingerprint
    return found


def build_standard(
    data: Mapping[str, Any],
    *,
    origin: str,
    into: type[Standard],
    lookup: Callable[[str], Mapping[str, Any]] | None = None,
    shipped: bool = False,
) -> Standard:
    """Resolve, structure and validate revision data; raise InvalidStandard with every problem.

    ``into`` is :class:`~wwc_standard.Standard`, given by the caller: the model calls this
    for :meth:`Standard.from_dict`, so this module cannot import it (see the module's
    docstring). ``lookup`` gives the data of the revisions ``data`` may extend; the shipped
    revision files by default. ``origin`` names the data in the problems raised.

    A revision that is not ``shipped`` may take the version of a shipped one only when it is
    that revision (the same fingerprint: ``Standard.from_dict(std.to_dict())`` works); with
    other content it must have a name of its own (``shipped-version`` otherwise), so that
    "2024" always means the same standard.
    """
    if not isinstance(data, Mapping):
        raise InvalidStandard(
            [Problem.of("", "wrong-type", Message("a revision must be a table (a mapping)"))],
            origin=origin,
        )
    bad_keys = list(_non_string_keys(data, ""))
    if bad_keys:
        raise InvalidStandard(bad_keys, origin=origin)
    origins = Origins()
    merged, problems = resolve_extends(
        data, lookup or shipped_raw, (str(data.get("version")),), origins
    )
    schema = merged.pop("schema", SCHEMA)
    if schema != SCHEMA:
        problems.append(
            Problem.of(
                "schema",
                "unsupported-schema",
                Message(
                    "revision-file schema {schema} is not supported; this library reads "
                    "{supported}",
                    schema=repr(schema),
                    supported=str(SCHEMA),
                ),
                hint=Message("upgrade wwc-standard, or write the file in schema 1"),
            )
        )
    if problems:
        raise InvalidStandard(problems, origin=origin)
    try:
        standard = structure_standard(merged, into, origin=origin)
    except InvalidStandard as error:
        raise InvalidStandard(_in_file(error.problems, origins), origin=origin) from None
    problems = list(problems_of(standard))
    if problems:
        raise InvalidStandard(_in_file(problems, origins), origin=origin)
    reused = not shipped and standard.version in shipped_versions()
    if reused and standard.fingerprint != _shipped_fingerprint(standard.version, into):
        raise InvalidStandard(
            [
                Problem.of(
                    "version",
                    "shipped-version",
                    Message(
                        "{version} is the version of a shipped revision, and this "
                        "revision's content is not that revision's",
                        version=standard.version,
                    ),
                    hint=Message(
                        "give it a version of its own, such as {example}",
                        example=standard.version + "-mine",
                    ),
                )
            ],
            origin=origin,
        )
    # Which catalogs translate its texts: no part of its content, and no catalog is read here.
    attach_domains(standard, revision_domains(data, lookup or shipped_raw))
    return standard
