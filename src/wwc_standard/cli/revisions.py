"""The command line for revisions: ``wwc-standard diff`` and ``wwc-standard migrate``.

``migrate`` writes the migrated assessment atomically (a temporary file in the same folder,
then ``os.replace``), never over its input (also through a symlink or a hard link), and never
over an existing file unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TextIO

from wwc_standard.errors import Problem, WWCError
from wwc_standard.i18n.messages import Message
from wwc_standard.revisions.model import Standard

from .options import (
    add_format_option,
    assessment_data,
    revision_arg,
    shared_options,
)

__all__ = ["add_revision_commands", "incomplete_label"]


class RefusedOutput(WWCError, ValueError):
    """An output file the command will not write; ``.problems`` says why."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self.problems[0]))


def incomplete_label(revision: Standard, locale: str = "en") -> str:
    """The suffix that marks an incomplete revision in ``wwc-standard standards``.

    >>> import wwc_standard as wwc
    >>> incomplete_label(wwc.standard("2018")), incomplete_label(wwc.standard("2024"))
    ('  incomplete: 11 of 45 criteria listed', '')
    """
    if revision.complete:
        return ""
    text = Message(
        "incomplete: {listed} of {declared} criteria listed",
        listed=len(revision.criteria),
        declared=revision.criteria_count,
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
        "file", metavar="FILE", help=Message("the assessment, .json or .toml").render(locale)
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
        help=Message("where to write the migrated JSON").render(locale),
    )
    migrate.add_argument(
        "--force", action="store_true", help=Message("overwrite NEW if it exists").render(locale)
    )
    add_format_option(migrate, locale)
    migrate.set_defaults(run=_migrate)


def _diff(args: argparse.Namespace, out: TextIO) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.history.diffs import diff

    result = diff(revision_arg(args.a), revision_arg(args.b))
    if args.format == "json":
        out.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(result.explain(args.locale) + "\n")
    return 0


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def _check_output(source: Path, output: Path, force: bool) -> None:
    if _same_file(source, output):
        raise RefusedOutput(
            [
                Problem.of(
                    "output",
                    "same-file",
                    Message(
                        "{output} is the input file; migrate never overwrites its input",
                        output=str(output),
                    ),
                    hint=Message("write the migrated assessment to another file"),
                )
            ]
        )
    if output.exists() and not force:
        raise RefusedOutput(
            [
                Problem.of(
                    "output",
                    "output-exists",
                    Message("{output} exists", output=str(output)),
                    hint=Message("choose another file, or pass --force to replace it"),
                )
            ]
        )


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder and os.replace."""
    folder = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _migrate(args: argparse.Namespace, out: TextIO) -> int:
    # Planning and history are imported by the commands that use them: not at start-up.
    from wwc_standard.history.migration import migrate

    source, output = Path(args.file), Path(args.output)
    _check_output(source, output, args.force)
    args.example = False
    data = assessment_data(args)
    result = migrate(
        data,
        to=revision_arg(args.to),
        source=None if args.source is None else revision_arg(args.source),
    )
    text = json.dumps(result.assessment.to_dict(), indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(output, text)
    except OSError as error:
        raise RefusedOutput(
            [
                Problem.of(
                    "output",
                    "unwritable",
                    Message(
                        "cannot write {output}: {reason}",
                        output=str(output),
                        reason=error.strerror or str(error),
                    ),
                )
            ]
        ) from None
    if args.format == "json":
        out.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        out.write(result.explain(args.locale) + "\n")
    return 0
