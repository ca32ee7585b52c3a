"""Babel extractors for the package's TOML data: the texts a person reads, with their lines.

Two extraction methods share one reader (parse the TOML, list its texts, find each one's line):

- ``wwc_revision`` for revision files (``standards/<version>.toml``, domain
  ``revision-<version>``);
- ``wwc_guidance`` for the advisory effort guidance (``guidance/effort.toml``, domain
  ``guidance``): its note and the reason of every estimate and default (see
  :func:`guidance_texts`).

Both are registered as ``babel.extractors`` entry points, so a ``pybabel extract`` mapping can
name them like ``python``::

    [wwc_revision: src/wwc_standard/standards/*.toml]
    [wwc_guidance: src/wwc_standard/guidance/*.toml]

and, without the entry points, as ``wwc_standard.i18n.extract:extract_revision`` and
``wwc_standard.i18n.extract:extract_guidance``.

What is extracted from a revision file, each with a translator comment naming what it is
("DM1 name"):

- the revision's ``title``;
- the name of every practice area;
- the name and description of every criterion, and the text of every checklist item;
- the name and description of every requirement;
- the eligibility region ("the United States, Canada and Latin America"), which reasons quote.

What is not: ids and codes (stable keys, never translated); practice-area ``aliases`` (used to
match other sources' wording, not shown); ``notes`` and ``changes`` (the record of a cycle, kept
in English with the provenance, like a changelog); provenance notes and source titles (an
auditor checks them against English sources, so they stay as written).

Only the texts written in the file are extracted: a revision that ``extends`` another carries
only what it introduces or changes, and inherits the rest of its translations.

>>> import io
>>> source = b'''version = "2099"
... title = "A revision"
... [[criteria]]
... id = "DM1"
... name = "Data Strategy"
... description = "A written strategy."
... '''
>>> for found in extract_revision(io.BytesIO(source), (), (), {}):
...     print(found)
(2, None, 'A revision', ['revision 2099 title'])
(5, None, 'Data Strategy', ['DM1 name'])
(6, None, 'A written strategy.', ['DM1 description'])
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from typing import IO, Any

__all__ = ["extract_guidance", "extract_revision", "guidance_texts", "revision_texts"]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\s]+?)\s*\]\]?\s*(#.*)?$")


def revision_texts(data: Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """The translatable texts of parsed revision data: ``(path, text, comment)``, in file order.

    ``path`` locates the text (``("criteria", 0, "name")``); the comment names it for
    translators.

    >>> data = {"practice_areas": [{"code": "OD", "name": "Open Data"}]}
    >>> list(revision_texts(data))
    [(('practice_areas', 0, 'name'), 'Open Data', 'OD practice area name')]
    """
    version = data.get("version")
    if _text(data.get("title")):
        yield ("title",), data["title"], f"revision {version} title"
    eligibility = data.get("eligibility")
    if isinstance(eligibility, Mapping) and _text(eligibility.get("region")):
        yield (
            ("eligibility", "region"),
            eligibility["region"],
            "eligibility region: a bare noun phrase, with no leading article or preposition",
        )
    for index, area in _tables(data, "practice_areas"):
        if _text(area.get("name")):
            yield (
                ("practice_areas", index, "name"),
                area["name"],
                f"{area.get('code')} practice area name",
            )
    for index, criterion in _tables(data, "criteria"):
        ident = criterion.get("id")
        for key in ("name", "description"):
            if _text(criterion.get(key)):
                yield ("criteria", index, key), criterion[key], f"{ident} {key}"
        checklist = criterion.get("checklist")
        if isinstance(checklist, Mapping):
            for item_index, item in _tables(checklist, "items"):
                if _text(item.get("text")):
                    yield (
                        ("criteria", index, "checklist", "items", item_index, "text"),
                        item["text"],
                        f"{ident} checklist item {item.get('id')}",
                    )
    for index, requirement in _tables(data, "requirements"):
        ident = requirement.get("id")
        for key in ("name", "description"):
            if _text(requirement.get(key)):
                yield ("requirements", index, key), requirement[key], f"{ident} requirement {key}"


def extract_revision(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extraction-method contract: ``(lineno, funcname, message, comments)`` for every
    translatable text of the revision file ``fileobj``.

    ``keywords``, ``comment_tags`` and ``options`` are accepted as Babel passes them;
    only ``options["encoding"]`` is used: a revision file has no function calls and no
    comments addressed to translators.
    """
    return _extract(fileobj, options, revision_texts)


def guidance_texts(data: Mapping[str, Any]) -> Iterator[tuple[tuple[str | int, ...], str, str]]:
    """The translatable texts of parsed effort guidance (the layout of ``guidance/effort.toml``):
    ``(path, text, comment)``, in file order.

    Extracted: the ``note``; the ``reason`` of ``[capacity]``, ``[evidence]``, ``[default]``,
    every ``[areas.<code>]`` and every ``[criteria.<id>]``. Not: the ``unit`` (a key of the data,
    worded by the library's own messages), numbers, ids and codes.

    >>> data = {"default": {"effort": 6.0, "reason": "Advice: typical."},
    ...         "criteria": {"OD3": {"effort": 8.0, "reason": "Advice: a portal."}}}
    >>> list(guidance_texts(data))  # doctest: +NORMALIZE_WHITESPACE
    [(('default', 'reason'), 'Advice: typical.', 'effort reason of a criterion not listed'),
     (('criteria', 'OD3', 'reason'), 'Advice: a portal.', 'OD3 effort reason')]
    """
    if _text(data.get("note")):
        yield ("note",), data["note"], "what the effort guidance is"
    described = {
        "capacity": "reason of the default capacity (staff time a month)",
        "evidence": "reason of the evidence share (gathering evidence of an unverified answer)",
        "default": "effort reason of a criterion not listed",
    }
    for key, comment in described.items():
        table = data.get(key)
        if isinstance(table, Mapping) and _text(table.get("reason")):
            yield (key, "reason"), table["reason"], comment
    for key, what in (("areas", " practice area"), ("criteria", "")):
        entries = data.get(key)
        if not isinstance(entries, Mapping):
            continue
        for ident, entry in entries.items():
            if isinstance(entry, Mapping) and _text(entry.get("reason")):
                yield (key, ident, "reason"), entry["reason"], f"{ident}{what} effort reason"


def extract_guidance(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """Babel's extraction-method contract for an effort guidance file: every text of
    :func:`guidance_texts`, with its line; the arguments as for :func:`extract_revision`."""
    return _extract(fileobj, options, guidance_texts)


def _extract(
    fileobj: IO[bytes],
    options: Mapping[str, Any],
    texts: Callable[[Mapping[str, Any]], Iterator[tuple[tuple[str | int, ...], str, str]]],
) -> Iterator[tuple[int, str | None, str, list[str]]]:
    """The texts ``texts`` finds in the TOML file ``fileobj``, each at its line."""
    # Imported on first use: extraction runs only under pybabel and the catalog tooling.
    import tomllib

    source = fileobj.read().decode(str(options.get("encoding", "utf-8")))
    data = tomllib.loads(source)
    lines = source.splitlines()
    tables = _table_lines(lines)
    for path, text, comment in texts(data):
        yield _line_of(path, text, lines, tables), None, text, [comment]


def _text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _tables(data: Mapping[str, Any], key: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    values = data.get(key)
    if isinstance(values, list):
        for index, value in enumerate(values):
            if isinstance(value, Mapping):
                yield index, value


def _table_lines(lines: list[str]) -> dict[tuple[str | int, ...], int]:
    """Where each table starts: ``("criteria", 3)`` for the fourth ``[[criteria]]`` header,
    ``("eligibility",)`` for ``[eligibility]``; values are 0-based line indexes."""
    found: dict[tuple[str | int, ...], int] = {}
    counts: dict[str, int] = {}
    for number, line in enumerate(lines):
        match = _HEADER.match(line)
        if not match:
            continue
        name = match.group(2).replace(" ", "")
        if match.group(1) == "[[":
            index = counts.get(name, 0)
            counts[name] = index + 1
            if "." not in name:
                found[(name, index)] = number
        else:
            found[tuple(name.split("."))] = number
    return found


def _line_of(
    path: tuple[str | int, ...],
    text: str,
    lines: list[str],
    tables: Mapping[tuple[str | int, ...], int],
) -> int:
    """The 1-based line where ``text`` is written: searched from the start of the table that
    holds it; the table's header line when the text is not found verbatim on one line."""
    start = 0
    for size in range(len(path), 0, -1):
        if path[:size] in tables:
            start = tables[path[:size]]
            break
    quoted = (json.dumps(text, ensure_ascii=False), "'" + text + "'")
    for number in range(start, len(lines)):
        if any(form in lines[number] for form in quoted):
            return number + 1
    return start + 1
