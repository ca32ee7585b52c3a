"""The command line for revisions: ``wwc-standard diff`` and ``wwc-standard migrate``.

``migrate`` writes the migrated assessment atomically (a temporary file in the same folder,
then ``os.replace``), never over its input (also through a symlink or a hard link), and never
over an existing file unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import os
from typing import Any

from wwc_standard.i18n.messages import N_, Message
from wwc_standard.revisions.model import Standard

from .files import Refusals, RefusedOutput, check_output, refused, unwritable, write_atomically
from .options import (
    add_format_option,
    assessment_data,
    revision_arg,
    shared_options,
)
from .output import Output, json_text

__all__ = ["STDOUT", "RefusedOutput", "add_revision_commands", "incomplete_label"]

STDOUT = "-"
"""The ``-o`` that means standard output."""


def incomplete_label(revision: Standard, locale: str = "en") -> str:
    """The suffix that marks an incomplete revision in ``wwc-standard standards``.

    >>> import wwc_standard as wwc
    >>> incomplete_label(wwc.standard("2018")), incomplete_label(wwc.standard("2024"))
    ('  incomplete: 11 of 45 criteria listed', '')
    >>> incomplete_label(wwc.standard("2017"))
    '  incomplete: 0 of about 50 criteria listed'
    """
    if revision.complete:
        return ""
    listed, declared = len(revision.criteria), revision.criteria_count
    if revision.criteria_count_approximate:
        text = Message(
            "incomplete: {listed} of about {declared} criteria listed",
            listed=listed,
            declared=declared,
        )
    else:
        text = Message(
            "incomplete: {listed} of {declared} criteria listed", listed=listed, declared=declared
        )
    return "  " + text.render(locale)


def add_revision_commands(commands: Any, locale: str = "en") -> None:
    """Register ``diff`` and ``migrate`` on the subparsers ``commands``, their help worded in
    ``locale``."""
    diff = shared_options(
        commands.add_parser(
            "diff",
            help=Message("what changed between two revisions").render(locale),
            description=Message(
                "Show the criteria added, removed, renamed or changed between two revisions, "
                "and changes to practice areas, bands, eligibility and requirements. A revision "
                "is a shipped version or the path of a revision file."
            ).render(locale),
        ),
        locale,
    )
    diff.add_argument(
        "a", metavar="A", help=Message("the earlier revision (version or file)").render(locale)
    )
    diff.add_argument(
        "b", metavar="B", help=Message("the later revision (version or file)").render(locale)
    )
    add_format_option(diff, locale)
    diff.set_defaults(run=_diff)

    migrate = shared_options(
        commands.add_parser(
            "migrate",
            help=Message("carry an assessment to another revision").render(locale),
            description=Message(
                "Migrate an assessment to another revision through the crosswalks, write it to "
                "NEW, and list every answer to confirm (carried through an inferred or lossy "
                "link, or dropped)."
            ).render(locale),
        ),
        locale,
    )
    migrate.add_argument(
        "file",
        metavar="FILE",
        help=Message("the assessment, .json or .toml; - reads it from standard input").render(
            locale
        ),
    )
    migrate.add_argument(
        "--to",
        required=True,
        metavar="VERSION",
        help=Message("the target revision (version or file)").render(locale),
    )
    migrate.add_argument(
        "--from",
        dest="source",
        metavar="VERSION",
        help=Message("the revision the answers are for (default: the file's pin)").render(locale),
    )
    migrate.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="NEW",
        help=Message(
            "where to write the migrated assessment: .json or .toml by its suffix, - for "
            "standard output (JSON)"
        ).render(locale),
    )
    migrate.add_argument(
        "--force", action="store_true", help=Message("overwrite NEW if it exists").render(locale)
    )
    add_format_option(migrate, locale)
    migrate.set_defaults(run=_migrate)


def _diff(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.history.diffs import diff

    result = diff(revision_arg(args.a), revision_arg(args.b))
    if args.format == "json":
        out.write(json_text(result.to_dict()) + "\n")
    else:
        out.write(result.explain(args.locale) + "\n")
    return 0


def _output_format(output: str) -> str:
    """The format to write ``output`` in, by its suffix: ``.json`` or ``.toml``; ``-`` (standard
    output) is JSON."""
    if output == STDOUT:
        return ".json"
    suffix = os.path.splitext(output)[1].lower()
    if suffix not in (".json", ".toml"):
        raise refused(
            "unsupported-format",
            Message("cannot tell the format to write {output} in from its name", output=output),
            Message("name the file .json or .toml, or write - for standard output"),
        )
    return suffix


# How migrate words the refusals of an output (the rules are cli.files').
_REFUSALS = Refusals(
    is_input=N_("{output} is the input file; migrate never overwrites its input"),
    is_input_hint=Message("write the migrated assessment to another file"),
    through_link_hint=Message("migrate writes through a symbolic link only to an existing file"),
    only_regular_hint=Message("migrate replaces only regular files; choose another file"),
)


def _toml_data(data: Any, depth: int = 0) -> Any:
    """Assessment data for TOML, which has no null: an answer left open is ``"unknown"``, and a
    checklist item left open is left out, which the assessment format reads as the same."""
    if isinstance(data, dict):
        return {
            key: "unknown" if value is None else _toml_data(value, depth + 1)
            for key, value in data.items()
            if value is not None or depth == 1
        }
    return data


def _assessment_text(data: Any, suffix: str) -> str:
    if suffix == ".toml":
        # tomli-w on first use: start-up does not load it.
        import tomli_w

        return tomli_w.dumps(_toml_data(data))
    return json_text(data) + "\n"


def _migrate(args: argparse.Namespace, out: Output) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.history.migration import migrate

    suffix = _output_format(args.output)
    # pathlib when a file is written, not on every start of the CLI (start-up time).
    from pathlib import Path

    source, output = Path(args.file), Path(args.output)
    target = None
    if args.output != STDOUT:
        target = check_output([source], output, args.force, _REFUSALS)
    args.example = False
    data = assessment_data(args)
    result = migrate(
        data,
        to=revision_arg(args.to),
        source=None if args.source is None else revision_arg(args.source),
    )
    text = _assessment_text(result.assessment.to_dict(), suffix)
    report = out
    if target is None:
        # The migrated assessment is the output; the report goes to standard error.
        out.write(text)
        report = args.errors
    else:
        try:
            write_atomically(target, text)
        except (OSError, ValueError) as error:  # ValueError: a name the system cannot take
            raise unwritable(output, error) from None
    if args.format == "json":
        report.write(json_text(result.to_dict()) + "\n")
    else:
        report.write(result.explain(args.locale) + "\n")
    return 0
