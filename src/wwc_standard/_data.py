"""One reader for the files the library reads: a user's files and the package's own data.

Assessments, revision files and effort guidance of a user's own, and the revisions, crosswalks,
guidance and example shipped in the package, are JSON or TOML. They are all read here, with one
policy, so that a file is refused or accepted the same way whatever it holds:

- the format follows the suffix, ``.json`` or ``.toml``;
- the text is UTF-8, with or without a byte-order mark;
- JSON may not give the same key twice in one object (TOML refuses that itself), nor the
  constants ``NaN`` and ``Infinity``, which JSON does not allow;
- arrays and objects (tables) may nest :data:`MAX_DEPTH` levels deep at the most; the formats
  themselves need fewer than 10, and deeper data would exhaust the parsers' recursion;
- every problem is a :class:`~wwc_standard.errors.Problem` with a stable code
  (``unsupported-format``, ``invalid-encoding``, ``invalid-json``, ``invalid-toml``,
  ``duplicate-key``, ``too-deep``), raised in the error of the caller's kind (``AssessmentError``,
  ``InvalidStandard``, ``InvalidGuidance``);
- a file that cannot be read at all raises :class:`~wwc_standard.errors.UnreadableFile`, which
  is also an ``OSError``.

>>> read_package_file("crosswalks/2021-2022.toml")["from"]
'2021'
"""

from __future__ import annotations

import errno
import functools
import os
from collections.abc import Callable
from typing import Any

from wwc_standard.errors import Problem, UnreadableFile, WWCError
from wwc_standard.i18n.messages import Message

__all__ = [
    "FORMATS",
    "MAX_DEPTH",
    "depth",
    "package_folder",
    "parse",
    "read_package_file",
    "read_user_file",
]

FORMATS = (".json", ".toml")
"""The formats a file may be in, by suffix."""

MAX_DEPTH = 100
"""How deep arrays and objects may nest in a file: the formats need fewer than 10 levels."""


def read_user_file(
    path: str | os.PathLike[str],
    error: Callable[[list[Problem]], WWCError],
) -> Any:
    """The data of the file at ``path``, a user's own; ``error`` builds the error to raise
    for a problem of its content (``AssessmentError``, say).

    Raises :class:`~wwc_standard.errors.UnreadableFile` when the file cannot be read, and
    ``error`` (problem ``wrong-type``) for a ``path`` that is not a path: an ``int`` would be
    read as a file descriptor, and closed.
    """
    problem = path_problem(path)
    if problem is not None:
        raise error([problem])
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()
    if suffix not in FORMATS:
        raise error(
            [
                Problem.of(
                    "",
                    "unsupported-format",
                    Message("cannot tell the format of {file} from its name", file=repr(name)),
                    hint=Message("name the file .json or .toml"),
                )
            ]
        )
    try:
        with open(name, "rb") as file:
            raw = file.read()
    except OSError as failure:
        raise UnreadableFile(name, failure) from None
    except ValueError as failure:  # a name no file can have: a NUL byte, a lone surrogate
        raise UnreadableFile(name, OSError(errno.EINVAL, str(failure))) from None
    return parse(raw, suffix, name, error)


def path_problem(value: object, argument: str = "path") -> Problem | None:
    """The problem of ``value`` given as the path of a file to read, or ``None`` when it is
    one: a ``str`` or an ``os.PathLike`` of a ``str``. Anything else is refused before the
    file is opened (an ``int`` would be read as a file descriptor, and closed).

    >>> print(path_problem(2))
    path: expected the path of a file (a string or a pathlib.Path), found int [wrong-type]
    >>> path_problem("mine.toml") is None
    True
    """
    if isinstance(value, str):
        return None
    if isinstance(value, os.PathLike):
        try:
            if isinstance(os.fspath(value), str):
                return None
        except Exception:  # a broken __fspath__ is not a path: reported below
            pass
    return Problem.of(
        argument,
        "wrong-type",
        Message(
            "expected the path of a file (a string or a pathlib.Path), found {found}",
            found=type(value).__name__,
        ),
    )


def read_package_file(relative: str) -> Any:
    """The data of a file shipped in the package (``standards/2024.toml``), by its path inside
    ``wwc_standard/``. A problem in it is a bug of the package: it raises ``ValueError``."""

    def bug(problems: list[Problem]) -> WWCError:
        raise ValueError(f"wwc_standard/{relative}: {problems[0]}")

    return parse(package_bytes(relative), os.path.splitext(relative)[1], relative, bug)


def package_bytes(relative: str) -> bytes:
    """The bytes of a file shipped in the package, by its path inside ``wwc_standard/``.

    >>> b'version = "2024"' in package_bytes("standards/2024.toml")
    True
    """
    folder = _package_on_disk()
    if folder is not None:
        with open(os.path.join(folder, *relative.split("/")), "rb") as stream:
            return stream.read()
    # importlib.resources only for a package that is not a folder (a zip): it costs start-up
    # time (some 10 to 20 ms, with pathlib, zipfile and what they import) that a CLI command
    # pays on every start.
    from importlib import resources

    return resources.files("wwc_standard").joinpath(relative).read_bytes()


def package_folder(folder: str) -> list[str]:
    """The names of the files in a folder of the package (``standards``), sorted.

    >>> package_folder("crosswalks")
    ['2017-2018.toml', '2021-2022.toml']
    """
    root = _package_on_disk()
    if root is not None:
        return sorted(os.listdir(os.path.join(root, folder)))
    # importlib.resources only for a package that is not a folder, as in package_bytes().
    from importlib import resources

    return sorted(
        entry.name for entry in resources.files("wwc_standard").joinpath(folder).iterdir()
    )


@functools.cache
def _package_on_disk() -> str | None:
    """The package's folder, when it is installed as one (as pip installs it); None when it is
    imported from elsewhere (a zip file), where only importlib.resources can read its data."""
    folder = os.path.dirname(os.path.abspath(__file__))
    return folder if os.path.isdir(os.path.join(folder, "standards")) else None


#: The byte order mark of UTF-8, which a file may start with.
_BOM = b"\xef\xbb\xbf"


class _NeverRaised(Exception):
    """The TOML parser's error when the file is JSON: no TOML is parsed, none is raised."""


def parse(raw: bytes, suffix: str, name: str, error: Callable[[list[Problem]], WWCError]) -> Any:
    """The data of ``raw``, JSON or TOML by ``suffix``; ``name`` names it in problems."""
    # The parsers on first use: start-up loads neither, and an app may never read a file; a
    # JSON file (an assessment, the example) never loads the TOML parser.
    import json

    toml_error: type[Exception] = _NeverRaised
    if suffix == ".toml":
        # The TOML parser for a TOML file only (start-up time, as above).
        import tomllib

        toml_error = tomllib.TOMLDecodeError

    try:
        # What the utf-8-sig codec does (a byte order mark dropped, the rest read as UTF-8, an
        # error's position counted after the mark), without importing its module at start-up.
        text = raw.removeprefix(_BOM).decode("utf-8")
    except UnicodeDecodeError as failure:
        raise error(
            [
                Problem.of(
                    "",
                    "invalid-encoding",
                    Message(
                        "{file} is not UTF-8 text (byte {byte})",
                        file=name,
                        byte=str(failure.start),
                    ),
                    hint=Message("save it as UTF-8"),
                )
            ]
        ) from None
    try:
        if suffix == ".toml":
            data = tomllib.loads(text)  # imported above for TOML
        else:
            data = json.loads(
                text, object_pairs_hook=_no_duplicate_keys, parse_constant=_reject_constant
            )
        # Data that parses may still nest deeper than anything reading it should walk.
        if depth(data) <= MAX_DEPTH:
            return data
        problem = _too_deep(name)
    except RecursionError:
        # Both parsers recurse once per level of nesting: far too deep for the limit anyway.
        problem = _too_deep(name)
    except toml_error as failure:
        problem = Problem.of(
            "",
            "invalid-toml",
            Message("{file} is not valid TOML: {error}", file=name, error=str(failure)),
        )
    except json.JSONDecodeError as failure:
        problem = Problem.of(
            "",
            "invalid-json",
            Message(
                "{file} is not valid JSON: {error} at line {line}, column {column}",
                file=name,
                error=failure.msg,
                line=failure.lineno,
                column=failure.colno,
            ),
        )
    except _DuplicateKeys as failure:
        problem = Problem.of(
            "",
            "duplicate-key",
            Message(
                "{file} gives the same key twice in one object: {keys}",
                file=name,
                keys=str(failure),
            ),
            hint=Message("keep one of them; JSON readers would silently drop the other"),
        )
    except _NotJSON as failure:
        problem = Problem.of(
            "",
            "invalid-json",
            Message("{file} is not valid JSON: {error}", file=name, error=str(failure)),
        )
    raise error([problem])


def depth(data: Any) -> int:
    """How deeply lists and dicts nest in ``data``: 0 for a scalar, 1 for a flat list or
    dict. Walked without recursion, so any depth can be measured.

    >>> depth(7), depth([]), depth({"a": [1, {"b": 2}]})
    (0, 1, 3)
    """
    deepest = 0
    stack = [(data, 1)]
    while stack:
        value, level = stack.pop()
        if isinstance(value, dict):
            children: Any = value.values()
        elif isinstance(value, list):
            children = value
        else:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children)
    return deepest


def _too_deep(name: str) -> Problem:
    return Problem.of(
        "",
        "too-deep",
        Message(
            "{file} nests arrays or objects more than {limit} levels deep",
            file=name,
            limit=MAX_DEPTH,
        ),
        hint=Message("the format needs fewer than 10 levels; check how the file was made"),
    )


class _DuplicateKeys(ValueError):
    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        super().__init__(", ".join(keys))


class _NotJSON(ValueError):
    """A constant that Python's JSON reader takes and JSON does not allow."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    if duplicates:
        raise _DuplicateKeys(duplicates)
    return result


def _reject_constant(name: str) -> Any:
    raise _NotJSON(f"{name} is not a number JSON allows")
